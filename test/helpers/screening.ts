// SPDX-License-Identifier: EUPL-1.2
// Filling the shipped screening instrument in the browser, by keyboard only.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { KANSRIJK_SIGNALERING_V1 as Q } from '../../src/server/features/screening/instruments/shipped-instruments.js';
import { flattenItems, type Coding, type QuestionnaireItem } from '../../src/contracts/screening/questionnaire-schema.js';

export const SCREENING_ITEMS = new Map(flattenItems(Q.item).map(({ item }) => [item.linkId, item]));
export const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);

/** Answers one question with the keyboard only: Space on the radio button, or typing into the field. */
export async function answerByKeyboard(page: Page, item: QuestionnaireItem, value: unknown) {
  if (item.type === 'boolean' || item.type === 'choice') {
    const index =
      item.type === 'boolean' ? (value ? 0 : 1) : item.answerOption!.findIndex((option) => option.valueCoding.code === (value as Coding).code);
    const radio = byId(page, `q-${item.linkId}-${index}`);
    await radio.focus();
    await page.keyboard.press('Space');
    expect(await radio.isChecked(), item.linkId).toBe(true);
    return;
  }
  const input = byId(page, `q-${item.linkId}`);
  await input.focus();
  // Dates are typed the Dutch way: day-month-year.
  const text = item.type === 'date' ? String(value).split('-').reverse().join('-') : String(value);
  await page.keyboard.type(text);
  expect(await input.inputValue(), item.linkId).toBe(text);
}

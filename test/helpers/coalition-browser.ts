// SPDX-License-Identifier: EUPL-1.2
// Keyboard helpers of the coalition workspace's browser tests (taken from coalition-agreements.test.ts
// and coalition-plan.test.ts, with the page as a parameter): reach a field with Tab only, type, choose
// in a native select with the arrow keys, type a date whatever order Chromium's date field uses, press
// a button, and check that a confirmation has focus.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Presses Tab until the element has focus (keyboard only: no clicks, no programmatic focus). */
export async function tabTo(page: Page, target: Locator, { limit = 120, backwards = false } = {}) {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${target.toString()} with Tab`);
}

export async function typeInto(page: Page, id: string, text: string) {
  await tabTo(page, page.locator(`[id="${id}"]`));
  await page.keyboard.type(text);
}

/** Chooses an option of a closed native select with the arrow keys. */
export async function choose(page: Page, id: string, label: string) {
  const select = page.locator(`select[id="${id}"]`);
  await tabTo(page, select);
  const { target, current } = await select.evaluate((element, wanted) => {
    const options = [...(element as HTMLSelectElement).options];
    return { target: options.findIndex((option) => option.text === wanted), current: (element as HTMLSelectElement).selectedIndex };
  }, label);
  expect(target, `${id}: ${label}`).toBeGreaterThanOrEqual(0);
  for (let step = current; step !== target; step += target > current ? 1 : -1) await page.keyboard.press(target > current ? 'ArrowDown' : 'ArrowUp');
  await expect.poll(() => select.evaluate((element) => (element as HTMLSelectElement).selectedOptions[0]?.text)).toBe(label);
}

/** Types a date by keyboard: month-day-year, or day-month-year when the field's segments are in that order. */
export async function typeDate(page: Page, id: string, iso: string) {
  const [year, month, day] = iso.split('-');
  const field = page.locator(`[id="${id}"]`);
  await typeInto(page, id, `${month}${day}${year}`);
  if ((await field.inputValue()) !== iso) {
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type(`${day}${month}${year}`);
  }
  await expect.poll(() => field.inputValue()).toBe(iso);
}

export async function press(page: Page, name: string) {
  await tabTo(page, page.getByRole('button', { name, exact: true }).first());
  await page.keyboard.press('Enter');
}

/** The confirmation shows this text and has focus (never <body>). */
export async function expectConfirmation(page: Page, text: string) {
  const confirmation = page.locator('.kr-confirmation', { hasText: text });
  await confirmation.waitFor();
  await expect.poll(() => confirmation.evaluate((element) => element === document.activeElement || element.contains(document.activeElement))).toBe(true);
}

export async function settled(page: Page) {
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.kr-loading'));
}

/** Zuid-Holland Zuid (data/gemeenten.csv, GGD region GG4816): name and code — the acceptance's regional collaboration. */
export const ZUID_HOLLAND_ZUID: [string, string][] = [
  ['Alblasserdam', 'GM0482'],
  ['Dordrecht', 'GM0505'],
  ['Gorinchem', 'GM0512'],
  ['Hardinxveld-Giessendam', 'GM0523'],
  ['Hendrik-Ido-Ambacht', 'GM0531'],
  ['Molenlanden', 'GM1978'],
  ['Papendrecht', 'GM0590'],
  ['Sliedrecht', 'GM0610'],
  ['Zwijndrecht', 'GM0642'],
  ['Hoeksche Waard', 'GM1963'],
];

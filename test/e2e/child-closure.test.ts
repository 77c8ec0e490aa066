// SPDX-License-Identifier: EUPL-1.2
// A closure flag on a child in Chromium (issue 15 item 5): the JGZ nurse, who cares for the family,
// closes baby Zoë to her parents on the family's page — by keyboard, with a reason — and the parent
// with authority then gets only the neutral answer; the midwife sees the flag but is offered nothing;
// the nurse lifts it and the parent sees Zoë again. axe finds nothing on the page in each state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { amsterdamDate } from '../../src/contracts/calendar.js';
import { nl } from '../../src/contracts/i18n/nl.js';
import type { MyChild } from '../../src/contracts/my-start.js';
import { insertConsentedCareRelationship } from '../../src/server/features/families/test-support.js';
import { insertChildFamily, sessionAs, type ChildFamily } from '../../src/server/features/my-children/test-support.js';
import { callerFor } from '../../src/server/features/organisations/test-support.js';
import { expectNoAxeViolations, loginAs, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

const text = nl.families;
const NAME = 'Zoë Testgezin';
let app: BrowserApp;
let family: ChildFamily;
let parent: Record<string, string>;

beforeAll(async () => {
  app = await startBrowserApp();
  const midwife = await callerFor(app.t, 'midwife', 'wieg');
  family = await insertChildFamily(app.t, { birthDate: amsterdamDate(new Date(app.t.clock.now().getTime() - 21 * 86_400_000)), authority: 'both', childGivenName: 'Zoë' });
  await insertConsentedCareRelationship(app.t, family.familyId, 'wieg', 'jgz', midwife.session.personId);
  parent = await sessionAs(app.t, family, 'client');
});
afterAll(async () => {
  await app?.close();
});

/** What the parent with authority gets for the child (Mijn Kansrijke Start's API). */
async function parentsView(): Promise<MyChild> {
  const response = await app.t.app.inject({ method: 'GET', url: `/api/v1/my/children/${family.childId}`, headers: parent });
  expect(response.statusCode).toBe(200);
  return response.json<MyChild>();
}

/** Tabs from the top of the page until the element with this accessible name has the focus. */
async function tabTo(page: Page, name: string) {
  await page.locator('body').focus();
  for (let step = 0; step < 80; step++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim() ?? '');
    if (focused === name) return;
  }
  throw new Error(`${name} not reached with Tab`);
}

describe('a closure flag on a child in the browser', () => {
  let nurse: Page;

  it('the JGZ nurse closes the child to the parents, by keyboard; the parent gets only the neutral answer', async () => {
    expect(await parentsView()).toMatchObject({ isClosed: false, givenName: 'Zoë' });
    nurse = await app.newPage();
    await loginAs(app, nurse, 'jgzNurse');
    await nurse.goto(`/clienten/${family.familyId}`);
    const children = nurse.locator('section[aria-labelledby="children-title"]');
    await children.getByRole('heading', { level: 2, name: text.childrenHeading }).waitFor();
    await children.getByText(text.closureIntro).waitFor();
    expect(await children.getByText(text.closedForParents, { exact: true }).count()).toBe(0);
    await expectNoAxeViolations(nurse);

    const setLabel = text.setClosureFor.replace('{name}', NAME);
    await tabTo(nurse, setLabel);
    await nurse.keyboard.press('Enter');
    // The panel's heading takes the focus; the reason is required.
    const panel = nurse.locator('#set-closure-panel');
    await panel.getByRole('heading', { level: 2, name: setLabel }).waitFor();
    expect(await nurse.evaluate(() => document.activeElement?.id)).toBe('set-closure-panel-title');
    await expectNoAxeViolations(nurse);
    await panel.getByRole('button', { name: text.confirmSetClosure }).press('Enter');
    await nurse.locator('.kr-error-summary').waitFor();
    expect(await parentsView()).toMatchObject({ isClosed: false });
    await expectNoAxeViolations(nurse);

    const reason = panel.getByLabel(text.closureReason);
    await reason.focus();
    await reason.selectOption('safety');
    await nurse.keyboard.press('Tab');
    await nurse.keyboard.press('Enter');
    await nurse.getByText(text.closureSet.replace('{name}', NAME)).waitFor();
    await children.getByText(text.closedForParents, { exact: true }).waitFor();
    await children.getByText(text.closureReason_safety, { exact: false }).waitFor();
    await children.getByRole('button', { name: text.liftClosureFor.replace('{name}', NAME) }).waitFor();
    expect(await children.getByRole('button', { name: setLabel }).count()).toBe(0);
    await expectNoAxeViolations(nurse);

    expect(await parentsView()).toEqual({ childId: family.childId, isClosed: true });
  });

  it('the midwife sees the flag but is offered neither setting nor lifting it', async () => {
    const midwife = await app.newPage();
    await loginAs(app, midwife, 'midwife');
    await midwife.goto(`/clienten/${family.familyId}`);
    const children = midwife.locator('section[aria-labelledby="children-title"]');
    await children.getByText(text.closedForParents, { exact: true }).waitFor();
    expect(await children.getByRole('button').count()).toBe(0);
    expect(await children.getByText(text.closureIntro).count()).toBe(0);
    await expectNoAxeViolations(midwife);
  });

  it('the nurse lifts the flag; the parent sees the child again', async () => {
    const liftLabel = text.liftClosureFor.replace('{name}', NAME);
    await tabTo(nurse, liftLabel);
    await nurse.keyboard.press('Enter');
    const panel = nurse.locator('#lift-closure-panel');
    await panel.getByText(text.liftClosureQuestion.replace('{name}', NAME)).waitFor();
    await expectNoAxeViolations(nurse);
    await panel.getByRole('button', { name: text.liftClosure, exact: true }).press('Enter');
    await nurse.getByText(text.closureLifted.replace('{name}', NAME)).waitFor();
    const children = nurse.locator('section[aria-labelledby="children-title"]');
    await children.getByRole('button', { name: text.setClosureFor.replace('{name}', NAME) }).waitFor();
    expect(await children.getByText(text.closedForParents, { exact: true }).count()).toBe(0);
    await expectNoAxeViolations(nurse);

    expect(await parentsView()).toMatchObject({ childId: family.childId, isClosed: false, givenName: 'Zoë' });
    expect(pageErrors).toEqual([]);
  });
});

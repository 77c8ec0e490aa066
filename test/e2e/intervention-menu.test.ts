// SPDX-License-Identifier: EUPL-1.2
// The national intervention menu in the browser (issue 13 item 1): search and filter by keyboard,
// open VoorZorg's page with its recognition; axe finds nothing in any state, the pages reflow at
// 320 px, and no script errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { nl } from '../../src/contracts/i18n/nl.js';
import { expectNoAxeViolations, loginAs, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

const t = nl.interventionMenu;
let app: BrowserApp;
let page: Page;

beforeAll(async () => {
  app = await startBrowserApp();
  page = await app.newPage();
  await loginAs(app, page, 'midwife');
});
afterAll(async () => {
  await app?.close();
});

const table = () => page.getByRole('table', { name: t.caption });
/** The names in the table's first column, in order. */
async function shownNames(): Promise<string[]> {
  return table().locator('tbody tr th, tbody tr td:first-child').allInnerTexts();
}
async function search() {
  await page.getByRole('search').getByRole('button', { name: nl.app.search }).focus();
  await page.keyboard.press('Enter');
}

describe('the intervention menu, as a midwife', () => {
  it('searches and filters by keyboard, and opens VoorZorg with its recognition', async () => {
    await page.getByRole('navigation', { name: nl.app.mainNavigation }).getByRole('link', { name: t.nav }).click();
    await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
    await page.getByText('18 interventies gevonden.').waitFor();
    expect(await shownNames()).toContain('VoorZorg');
    await expectNoAxeViolations(page);

    // Search by typing and Enter in the search field.
    await page.getByLabel(t.search).focus();
    await page.keyboard.type('centering');
    await page.keyboard.press('Enter');
    await expect.poll(shownNames, { timeout: 30_000 }).toEqual(['CenteringOuderschap', 'CenteringZwangerschap']);
    await page.getByText('2 interventies gevonden.').waitFor();
    await expectNoAxeViolations(page);

    // Filter: clear the search, choose the phase with the arrow keys, apply with the button.
    await page.getByLabel(t.search).focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.getByLabel(t.phase, { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel(t.phase, { exact: true }).inputValue()).toBe('V');
    await search();
    // The previous result also counted two: wait for the new rows, not for the count.
    await expect.poll(shownNames, { timeout: 30_000 }).toEqual(['Gezond Zwanger Worden', 'Nu Niet Zwanger']);
    await page.getByText('2 interventies gevonden.').waitFor();
    await expectNoAxeViolations(page);

    // A search without results says so.
    await page.getByLabel(t.search).fill('geen-enkele-interventie');
    await search();
    await page.getByText(t.empty).waitFor();
    await expectNoAxeViolations(page);

    // Recognition filter and VoorZorg's page, reached with Tab and Enter.
    await page.getByLabel(t.search).fill('');
    await page.getByLabel(t.phase, { exact: true }).selectOption('');
    await page.getByLabel(t.recognition, { exact: true }).selectOption('effectief_goede_aanwijzingen');
    await search();
    await page.getByText('2 interventies gevonden.').waitFor();
    expect(await shownNames()).toEqual(['Home-Start', 'VoorZorg']);
    await page.getByRole('button', { name: /CSV/ }).waitFor();
    await table().getByRole('link', { name: 'Home-Start' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'VoorZorg' }).waitFor();
    await page.getByRole('heading', { level: 2, name: t.recognitionTitle }).waitFor();
    const recognition = page.locator('dl').nth(1);
    await recognition.getByText(nl.careRecognition.effectief_goede_aanwijzingen).waitFor();
    await recognition.getByText(/1401047/).waitFor();
    await recognition.getByText('Erkend 1 oktober 2015, verlengd 30 september 2021').waitFor();
    await page.getByText(t.costsNone).waitFor();
    await page.getByText('Basispakket JGZ (Wpg), SPUK GALA, Gemeentelijke subsidie').waitFor();
    await expectNoAxeViolations(page);

    // Nu Niet Zwanger shows its published cost with the source.
    await page.goto('/interventies/nu-niet-zwanger');
    await page.getByRole('heading', { level: 1, name: 'Nu Niet Zwanger' }).waitFor();
    await page.getByText(/€ 20\.800 per regioprogramma \(2019\)/).waitFor();
    await page.getByText(/Bron: Domeinreferentie §8/).waitFor();
    await expectNoAxeViolations(page);

    // An unknown key: the page says the intervention is not on the menu, and links back.
    await page.goto('/interventies/bestaat-niet');
    await page.getByText(t.notFound).waitFor();
    await page.getByRole('link', { name: t.backToMenu }).waitFor();
    await expectNoAxeViolations(page);
  });

  it('reflows at 320 px without horizontal scrolling, and no script errors', async () => {
    const narrow = await app.newPage();
    await narrow.context().addCookies(await page.context().cookies());
    await narrow.setViewportSize({ width: 320, height: 800 });
    for (const path of ['/interventies', '/interventies/voorzorg']) {
      await narrow.goto(path);
      await narrow.waitForFunction(() => Boolean(document.querySelector('h1')) && !document.querySelector('.kr-loading'));
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    }
    await narrow.close();
    expect(pageErrors).toEqual([]);
  });
});

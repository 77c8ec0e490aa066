// SPDX-License-Identifier: EUPL-1.2
// Issue 15 item 1 in real Chromium: the coordinator of Drechtsteden writes, by keyboard only, what the
// parents of Dordrecht read — a text for pregnant parents in Dutch and Arabic (typed right to left), an
// explanation of an offer — refused first in Dutch without a valid short name or phase; the public page
// shows it at once, in Dutch and in Arabic; removing it moves focus to "Tekst toevoegen" and the public
// page no longer shows it. A midwife reads the content with nothing to change. Axe finds nothing; the
// editor reflows at 320 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { nl } from '../../src/contracts/i18n/nl.js';
import { expectNoAxeViolations, loginAs, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { expectConfirmation, press, settled, tabTo, typeInto } from '../helpers/coalition-browser.js';

const t = nl.parentContent;
const COALITION = 'Coalitie Kansrijke Start Drechtsteden';
const HEADING_NL = 'Gratis zwangerschapscursus in de bibliotheek';
const HEADING_AR = 'دورة حمل مجانية في المكتبة';

let app: BrowserApp;
let page: Page;
beforeAll(async () => {
  app = await startBrowserApp();
  page = await app.newPage();
  await loginAs(app, page, 'coordinator');
}, 180_000);
afterAll(async () => {
  await app?.close();
});

const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');
const blockCount = () => page.locator('input[id^="pc-block-"][id$="-key"]').count();

async function openEditor() {
  await page.goto('/coalities/KS0001/ouderinformatie');
  await page.getByRole('heading', { level: 1, name: `Informatie voor ouders: ${COALITION}` }).waitFor();
  await settled(page);
}

async function publicHeadings(query: string): Promise<string[]> {
  const visitor = await app.newPage();
  await visitor.goto(`/ouders/GM0505?${query}`);
  await visitor.getByRole('heading', { level: 1 }).waitFor();
  await visitor.waitForFunction(() => !document.querySelector('.kr-loading'));
  const headings = await visitor.getByRole('heading', { level: 2 }).allTextContents();
  await visitor.close();
  return headings;
}

describe("Dordrecht's parent pages, written by the coordinator of Drechtsteden", () => {
  it('adds a text by keyboard: refused first without a valid short name and a phase, then saved with an Arabic heading typed right to left', async () => {
    await openEditor();
    await expectNoAxeViolations(page);
    // The demo's texts are there to edit.
    expect(await blockCount()).toBeGreaterThan(0);
    const index = await blockCount();
    await press(page, t.addBlock);
    // Focus moves to the new text's first field.
    await expect.poll(activeId).toBe(`pc-block-${index}-key`);
    await page.keyboard.type('Cursus Bibliotheek');
    await typeInto(page, `pc-block-${index}-heading-nl`, HEADING_NL);
    await typeInto(page, `pc-block-${index}-body-nl`, 'Elke dinsdag om 10 uur. U hoeft zich niet aan te melden.');
    const arabic = page.locator(`[id="pc-block-${index}-heading-ar"]`);
    expect(await arabic.evaluate((element) => [element.getAttribute('lang'), element.getAttribute('dir')])).toEqual(['ar', 'rtl']);
    await typeInto(page, `pc-block-${index}-heading-ar`, HEADING_AR);
    await press(page, t.save);

    const summary = page.locator('.kr-error-summary');
    await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
    const said = await summary.textContent();
    expect(said).toContain(t.errorKey);
    expect(said).toContain(t.errorPhases);
    // The Arabic heading without an Arabic text is fine; the Dutch one is required, and there.
    expect(said).not.toContain(t.errorDutchFirst);
    await expectNoAxeViolations(page);
    // Nothing was saved.
    expect(await publicHeadings('fase=zwanger')).not.toContain(HEADING_NL);

    await tabTo(page, page.locator(`[id="pc-block-${index}-key"]`), { backwards: true });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('cursus-bibliotheek');
    await tabTo(page, page.locator(`[id="pc-block-${index}-phases-zwanger"]`));
    await page.keyboard.press('Space');
    await press(page, t.save);
    await expectConfirmation(page, t.saved);
    await expectNoAxeViolations(page);
  });

  it('shows on the public page at once: in Dutch for pregnant parents only, and in Arabic', async () => {
    expect(await publicHeadings('fase=zwanger')).toContain(HEADING_NL);
    expect(await publicHeadings('fase=baby')).not.toContain(HEADING_NL);
    expect(await publicHeadings('fase=zwanger&taal=ar')).toContain(HEADING_AR);
  });

  it('removes the text again: focus on "Tekst toevoegen", and the public page no longer shows it; reflows at 320 px', async () => {
    await openEditor();
    const keys = await page.locator('input[id^="pc-block-"][id$="-key"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    const index = keys.indexOf('cursus-bibliotheek');
    expect(index).toBeGreaterThanOrEqual(0);
    await press(page, nl.parentContent.removeBlock.replace('{number}', String(index + 1)));
    await expect.poll(activeId).toBe('pc-add-block');
    await press(page, t.save);
    await expectConfirmation(page, t.saved);
    expect(await publicHeadings('fase=zwanger')).not.toContain(HEADING_NL);

    await page.setViewportSize({ width: 320, height: 800 });
    await openEditor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('is linked from the coalition page', async () => {
    await page.goto('/coalities/KS0001');
    await settled(page);
    expect(await page.getByRole('link', { name: t.crumb, exact: true }).getAttribute('href')).toBe('/coalities/KS0001/ouderinformatie');
  });
});

describe("Dordrecht's parent pages, as a midwife", () => {
  it('are readable, with nothing to change', async () => {
    const midwifePage = await app.newPage();
    await loginAs(app, midwifePage, 'midwife');
    await midwifePage.goto('/coalities/KS0001/ouderinformatie');
    await midwifePage.getByRole('heading', { level: 1, name: `Informatie voor ouders: ${COALITION}` }).waitFor();
    await midwifePage.waitForFunction(() => !document.querySelector('.kr-loading'));
    expect(await midwifePage.getByText(t.readOnly).count()).toBe(1);
    expect(await midwifePage.getByRole('heading', { level: 3, name: 'Regel op tijd kraamzorg' }).count()).toBe(1);
    expect(await midwifePage.getByRole('button', { name: t.save }).count()).toBe(0);
    expect(await midwifePage.locator('main').locator('input, textarea, select').count()).toBe(0);
    await expectNoAxeViolations(midwifePage);
    await midwifePage.close();
  });
});

// SPDX-License-Identifier: EUPL-1.2
// Issue 13 item 4 acceptance, in real Chromium: the demo coordinator of Drechtsteden edits the pathway
// "money worries or debts" of Dordrecht (GM0505) by keyboard — a new draft (version 2), publishing is
// refused while services are typed by hand (she chooses them from the directory) and while a step has
// no service; she chooses one, previews and publishes with confirmation; version 1
// is shown archived ("vervangen door versie 2") and readable. The midwife does not see the draft before
// it is published, and sees version 2 after; an improvement action goes to the coalition plan. The list
// exports CSV; axe finds nothing on any page; every page reflows at 320 px; the print stylesheet leaves
// only the pathway.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { nl } from '../../src/contracts/i18n/nl.js';
import { expectNoAxeViolations, loginAs, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { choose, expectConfirmation, press as sharedPress, settled, tabTo, typeInto as sharedTypeInto } from '../helpers/coalition-browser.js';

const t = nl.pathways;
const OLD_TITLE = 'Geldzorgen en schulden in Dordrecht';
const NEW_TITLE = 'Geldzorgen en schulden in Dordrecht (2027)';
const PATHWAY = '/zorgpaden/GM0505/money-debts';

let app: BrowserApp;
let coordinator: Page;
let midwife: Page;
beforeAll(async () => {
  app = await startBrowserApp();
  coordinator = await app.newPage();
  await loginAs(app, coordinator, 'coordinator');
  midwife = await app.newPage();
  await loginAs(app, midwife, 'midwife');
}, 180_000);
afterAll(async () => {
  await app?.close();
});

const press = (name: string) => sharedPress(coordinator, name);
const typeInto = (id: string, text: string) => sharedTypeInto(coordinator, id, text);

async function replaceText(id: string, text: string) {
  await tabTo(coordinator, coordinator.locator(`[id="${id}"]`), { limit: 200 });
  await coordinator.keyboard.press('Control+A');
  await coordinator.keyboard.type(text);
}

async function expectReflowAt320(page: Page, url: string) {
  const narrow = await app.newPage();
  await narrow.context().addCookies(await page.context().cookies());
  await narrow.setViewportSize({ width: 320, height: 800 });
  await narrow.goto(url);
  await narrow.waitForFunction(() => Boolean(document.querySelector('h1')) && !document.querySelector('.kr-loading'));
  const width = await narrow.evaluate(() => document.documentElement.scrollWidth);
  expect(width, url).toBeLessThanOrEqual(320);
  await narrow.close();
}

/** The headings of level 2 on the page, in order. */
const headings = (page: Page) => page.getByRole('heading', { level: 2 }).allTextContents();

describe('the pathway editor, as the coordinator of Drechtsteden and the midwife', () => {
  it('lists the pathways of Drechtsteden and its municipalities, with status and versions; CSV', async () => {
    await coordinator.goto('/');
    await tabTo(coordinator, coordinator.getByRole('link', { name: t.nav, exact: true }));
    await coordinator.keyboard.press('Enter');
    await settled(coordinator);
    await expectNoAxeViolations(coordinator);
    await typeInto('pathway-scope', 'KS0001');
    await coordinator.keyboard.press('Enter');
    const table = coordinator.getByRole('table', { name: 'Zorgpaden van Coalitie Kansrijke Start Drechtsteden' });
    await expect.poll(() => table.textContent()).toContain(OLD_TITLE);
    expect(await table.textContent()).toContain('Dordrecht (GM0505)');
    await expectNoAxeViolations(coordinator);
    const [file] = await Promise.all([coordinator.waitForEvent('download'), coordinator.getByRole('button', { name: nl.app.exportCsv }).first().click()]);
    const csv = (await readFile((await file.path())!)).toString('utf8');
    expect(csv).toContain(`GM0505;Dordrecht;Geldzorgen of schulden;${OLD_TITLE};Gepubliceerd;1;;`);
    await expectReflowAt320(coordinator, '/zorgpaden?scope=KS0001');
  });

  it('starts draft version 2 of "money worries or debts" for Dordrecht; publishing is refused while a step has no service', async () => {
    await tabTo(coordinator, coordinator.getByRole('link', { name: OLD_TITLE, exact: true }), { limit: 200 });
    await coordinator.keyboard.press('Enter');
    await coordinator.getByRole('heading', { level: 1, name: 'Geldzorgen of schulden — Dordrecht' }).waitFor();
    await settled(coordinator);
    await expect.poll(() => headings(coordinator)).toContain('Gepubliceerde versie 1');
    await expectNoAxeViolations(coordinator);
    await expectReflowAt320(coordinator, PATHWAY);

    await press(t.startDraft);
    await coordinator.getByRole('heading', { level: 1, name: 'Concept bewerken: versie 2' }).waitFor();
    await settled(coordinator);
    await expect.poll(() => coordinator.locator('[id="pathway-title"]').inputValue()).toBe(OLD_TITLE);
    await expectNoAxeViolations(coordinator);
    await replaceText('pathway-title', NEW_TITLE);

    // The demo pathway's second step names two services typed by hand (version 1, before the directory):
    // they are shown, but a draft only saves services chosen from the directory.
    expect(await coordinator.locator('main').textContent()).toContain(nl.pathwayServices.handTypedHint);
    await press(t.publish);
    await coordinator.getByRole('heading', { level: 2, name: 'Versie 2 publiceren?' }).waitFor();
    await press(t.publishConfirm);
    const summary = coordinator.locator('.kr-error-summary');
    await expect.poll(() => summary.textContent()).toContain(nl.pathwayServices.errorHandTyped);
    await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectNoAxeViolations(coordinator);

    // Chosen from the directory instead (the pathway's factor first); the second hand-typed one removed.
    await choose(coordinator, 'step-1-service-0-service', 'Schuldhulpverlening Drechtsteden — Sociale Dienst Drechtsteden');
    await press('Aanbod 2 bij stap 2 verwijderen');
    // Now the first step ("Bespreek de geldzorgen"), which names no service, stops publication.
    await press(t.publish);
    await coordinator.getByRole('heading', { level: 2, name: 'Versie 2 publiceren?' }).waitFor();
    await press(t.publishConfirm);
    await expect.poll(() => summary.textContent()).toContain(nl.errors.pathway_step_without_service);
    await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectNoAxeViolations(coordinator);
  });

  it('the midwife does not see the draft before it is published', async () => {
    await midwife.goto(PATHWAY);
    await settled(midwife);
    await expect.poll(() => headings(midwife)).toContain('Gepubliceerde versie 1');
    expect(await headings(midwife)).not.toContain('Concept (versie 2)');
    expect(await midwife.getByRole('button', { name: t.startDraft }).count()).toBe(0);
    expect(await midwife.getByRole('button', { name: t.publish }).count()).toBe(0);
    expect(await midwife.getByRole('link', { name: t.editDraft }).count()).toBe(0);
    expect(await midwife.locator('main').textContent()).not.toContain(NEW_TITLE);
    await expectNoAxeViolations(midwife);
    await midwife.goto('/zorgpaden?scope=GM0505');
    const table = midwife.getByRole('table', { name: 'Zorgpaden van Dordrecht' });
    await expect.poll(() => table.textContent()).toContain(OLD_TITLE);
    expect(await table.textContent()).not.toContain(NEW_TITLE);
    // Starting a pathway is not offered to her.
    expect(await midwife.getByRole('heading', { level: 2, name: t.newHeading }).count()).toBe(0);
  });

  it('adds a service to the first step, previews, and publishes version 2; version 1 is archived and readable', async () => {
    await press('Aanbod toevoegen bij stap 1');
    await choose(coordinator, 'step-0-service-0-service', 'Spreekuur Geldzaken sociaal wijkteam — Sociaal Wijkteam Dordrecht');
    await press(t.preview);
    const preview = coordinator.locator('section[aria-labelledby="preview-heading"]');
    await expect.poll(() => preview.textContent()).toContain(NEW_TITLE);
    expect(await preview.textContent()).toContain('Spreekuur Geldzaken sociaal wijkteam');
    expect(await preview.textContent()).toContain('Sociale Dienst Drechtsteden');
    await expectNoAxeViolations(coordinator);
    await expectReflowAt320(coordinator, `${PATHWAY}/concept`);

    await press(t.publish);
    await coordinator.getByRole('heading', { level: 2, name: 'Versie 2 publiceren?' }).waitFor();
    await press(t.publishConfirm);
    await coordinator.getByRole('heading', { level: 1, name: 'Geldzorgen of schulden — Dordrecht' }).waitFor();
    await expectConfirmation(coordinator, 'Versie 2 is gepubliceerd.');
    await expect.poll(() => headings(coordinator)).toEqual(expect.arrayContaining(['Gepubliceerde versie 2', t.historyHeading]));
    expect(await headings(coordinator)).not.toContain('Concept (versie 2)');

    // Version 1, archived: open it by keyboard and read it.
    const archived = coordinator.locator('summary', { hasText: 'Versie 1 — Gearchiveerd' });
    await tabTo(coordinator, archived, { limit: 200 });
    await coordinator.keyboard.press('Enter');
    const details = coordinator.locator('details', { has: archived });
    await expect.poll(() => details.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(true);
    expect(await details.textContent()).toContain('Vervangen door versie 2.');
    expect(await details.textContent()).toContain(OLD_TITLE);
    await expectNoAxeViolations(coordinator);

    // Print: only the published pathway, no menu, buttons or earlier versions.
    expect(await coordinator.getByRole('button', { name: t.print }).count()).toBe(1);
    await coordinator.emulateMedia({ media: 'print' });
    expect(await coordinator.locator('nav').first().isVisible()).toBe(false);
    expect(await coordinator.getByRole('button', { name: t.print }).isVisible()).toBe(false);
    expect(await coordinator.getByRole('heading', { level: 2, name: 'Gepubliceerde versie 2' }).isVisible()).toBe(true);
    expect(await details.isVisible()).toBe(false);
    await coordinator.emulateMedia({ media: 'screen' });

    // An improvement action found while making the pathway goes to the coalition's plan of approach.
    await typeInto('pathway-improvement', 'Wachttijd bij het Geldloket meten');
    await coordinator.keyboard.press('Enter');
    await expectConfirmation(coordinator, 'De verbeteractie staat in het plan van aanpak van KS0001.');
    await expectNoAxeViolations(coordinator);
  });

  it('after publishing, the midwife reads version 2 and the archived version 1', async () => {
    await midwife.goto(PATHWAY);
    await settled(midwife);
    await expect.poll(() => headings(midwife)).toContain('Gepubliceerde versie 2');
    expect(await midwife.locator('main').textContent()).toContain(NEW_TITLE);
    expect(await midwife.locator('summary', { hasText: 'Versie 1 — Gearchiveerd' }).count()).toBe(1);
    expect(await midwife.getByRole('heading', { level: 2, name: t.improvementHeading }).count()).toBe(0);
    expect(await midwife.getByRole('button', { name: t.withdraw }).count()).toBe(0);
    await expectNoAxeViolations(midwife);
    expect(pageErrors).toEqual([]);
  });

  it('the coordinator starts a pathway for a factor Dordrecht has none for yet', async () => {
    await coordinator.goto('/zorgpaden?scope=GM0505');
    await settled(coordinator);
    await coordinator.getByRole('heading', { level: 2, name: t.newHeading }).waitFor();
    await expectNoAxeViolations(coordinator);
    await choose(coordinator, 'new-pathway-factor', 'Verslaving');
    await typeInto('new-pathway-title', 'Verslaving in Dordrecht');
    await coordinator.keyboard.press('Enter');
    await coordinator.getByRole('heading', { level: 1, name: 'Concept bewerken: versie 1' }).waitFor();
    await expect.poll(() => coordinator.locator('[id="pathway-title"]').inputValue()).toBe('Verslaving in Dordrecht');
    expect(pageErrors).toEqual([]);
  });
});

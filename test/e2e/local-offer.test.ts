// SPDX-License-Identifier: EUPL-1.2
// Issue 13 item 3 in real Chromium: the demo coordinator of Drechtsteden records, by keyboard only, the
// local offer of VoorZorg (youth health care's prenatal home visit service, 30 families a year, SPUK
// GALA) and a local walk-in for parents outside the menu; a negative capacity is refused in Dutch with
// nothing saved; the CSV holds the same rows; the plan's step 6 links to the offer; the menu's VoorZorg
// page says it is offered in Drechtsteden; a midwife reads the offer but is offered no changes. Axe
// finds nothing on any page, and the page reflows at 320 px.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { nl } from '../../src/contracts/i18n/nl.js';
import { expectNoAxeViolations, loginAs, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { choose, expectConfirmation, press, tabTo, typeDate, typeInto } from '../helpers/coalition-browser.js';

const t = nl.localOffer;
const COALITION = 'Coalitie Kansrijke Start Drechtsteden';
const JGZ_SERVICE = 'Prenataal huisbezoek (JGZ Zuid-Holland Zuid)';
const WALK_IN_SERVICE = 'Spreekuur Geldzaken sociaal wijkteam (Sociaal Wijkteam Dordrecht)';

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

const settled = () => page.waitForFunction(() => !document.querySelector('.kr-loading'));
const offerTable = () => page.getByRole('table', { name: t.caption });
const rowOf = (name: string) => offerTable().getByRole('row').filter({ hasText: name });

async function openOffer() {
  await page.goto('/coalities/KS0001/aanbod');
  await page.getByRole('heading', { level: 1, name: `Lokaal aanbod van ${COALITION}` }).waitFor();
  await settled();
}

describe('the local offer of Drechtsteden, as its coordinator', () => {
  it('records VoorZorg for the whole coalition by keyboard, refusing a negative capacity first', async () => {
    await openOffer();
    await expectNoAxeViolations(page);
    await press(page, t.add);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('offer-editor-title');
    await expect.poll(() => page.locator('select[id="offer-intervention"] option', { hasText: 'VoorZorg' }).count()).toBe(1);
    await choose(page, 'offer-intervention', 'VoorZorg');
    await expect.poll(() => page.locator('select[id="offer-service"] option', { hasText: JGZ_SERVICE }).count()).toBe(1);
    await choose(page, 'offer-service', JGZ_SERVICE);
    await typeInto(page, 'offer-capacity', '-30');
    await typeInto(page, 'offer-waiting', '4');
    await choose(page, 'offer-funding', nl.interventionFundingRoutes.spuk_gala);
    await typeDate(page, 'offer-since', '2026-01-01');
    await expectNoAxeViolations(page);
    await press(page, nl.app.save);
    // Refused in Dutch, the summary has focus, the field says why; nothing is added.
    const summary = page.locator('.kr-error-summary');
    await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await summary.textContent()).toContain(t.errorNegative);
    await expectNoAxeViolations(page);
    expect(await rowOf('VoorZorg').count()).toBe(0);

    await tabTo(page, page.locator('[id="offer-capacity"]'), { backwards: true });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('30');
    await press(page, nl.app.save);
    await expectConfirmation(page, 'VoorZorg” staat in het lokale aanbod.');
    await expect.poll(() => rowOf('VoorZorg').textContent()).toContain('SPUK GALA');
    const cells = await rowOf('VoorZorg').getByRole('cell').allTextContents();
    expect(cells.slice(0, 7)).toEqual(['VoorZorg', t.kindMenu, t.wholeCoalition, JGZ_SERVICE, '30', '4', 'SPUK GALA']);
  });

  it('records a walk-in for parents in Dordrecht that is not on the menu', async () => {
    await press(page, t.add);
    await choose(page, 'offer-kind', t.offerKindLocal);
    await typeInto(page, 'offer-activity', 'Inloopochtend jonge ouders');
    await choose(page, 'offer-area', 'Dordrecht');
    await expect.poll(() => page.locator('select[id="offer-service"] option', { hasText: WALK_IN_SERVICE }).count()).toBe(1);
    await choose(page, 'offer-service', WALK_IN_SERVICE);
    await choose(page, 'offer-funding', nl.interventionFundingRoutes.municipal_subsidy);
    await typeDate(page, 'offer-since', '2026-03-01');
    await press(page, nl.app.save);
    await expectConfirmation(page, 'Inloopochtend jonge ouders” staat in het lokale aanbod.');
    await expect.poll(() => rowOf('Inloopochtend jonge ouders').count()).toBe(1);
    const cells = await rowOf('Inloopochtend jonge ouders').getByRole('cell').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['Inloopochtend jonge ouders', t.kindLocal, 'Dordrecht']);
    await expectNoAxeViolations(page);
  });

  it('exports the same rows as CSV, and the page reflows at 320 px', async () => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t.exportAll }).click()]);
    expect(file.suggestedFilename()).toBe('lokaal-aanbod-KS0001.csv');
    const text = (await readFile((await file.path())!)).toString('utf8');
    expect(text).toContain(`VoorZorg;${t.kindMenu};${t.wholeCoalition};${JGZ_SERVICE};30;4;SPUK GALA;2026-01-01;`);
    expect(text).toContain(`Inloopochtend jonge ouders;${t.kindLocal};Dordrecht;${WALK_IN_SERVICE};;;`);
    const rows = await offerTable().locator('tbody tr').count();
    expect(text.replace(/^\uFEFF/, '').trim().split('\r\n')).toHaveLength(rows + 1);

    const narrow = await app.newPage();
    await narrow.context().addCookies(await page.context().cookies());
    await narrow.setViewportSize({ width: 320, height: 800 });
    await narrow.goto('/coalities/KS0001/aanbod');
    await narrow.waitForFunction(() => Boolean(document.querySelector('h1')) && !document.querySelector('.kr-loading'));
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await narrow.close();
  });

  it('is linked from the plan of approach’s step 6, and the menu’s VoorZorg page says where it is offered', async () => {
    await page.goto('/coalities/KS0001/plan');
    await settled();
    const link = page.getByRole('link', { name: t.planStepLink });
    await link.first().waitFor();
    expect(await link.first().getAttribute('href')).toBe('/coalities/KS0001/aanbod');

    await page.goto('/interventies/voorzorg');
    await page.getByRole('heading', { level: 2, name: t.offeredLocallyTitle }).waitFor();
    const offered = page.getByRole('link', { name: `aangeboden in ${COALITION}` });
    await offered.waitFor();
    expect(await offered.getAttribute('href')).toBe('/coalities/KS0001/aanbod');
    await expectNoAxeViolations(page);
  });
});

describe('the local offer, as a midwife', () => {
  it('is readable, with no button to add, change or remove anything', async () => {
    const midwifePage = await app.newPage();
    await loginAs(app, midwifePage, 'midwife');
    await midwifePage.goto('/coalities/KS0001/aanbod');
    await midwifePage.getByRole('heading', { level: 1, name: `Lokaal aanbod van ${COALITION}` }).waitFor();
    await midwifePage.waitForFunction(() => !document.querySelector('.kr-loading'));
    await expect.poll(() => midwifePage.getByRole('table', { name: t.caption }).textContent()).toContain('VoorZorg');
    expect(await midwifePage.getByRole('button', { name: t.add }).count()).toBe(0);
    expect(await midwifePage.getByRole('button', { name: new RegExp(`^(${t.edit}|${t.remove})`) }).count()).toBe(0);
    await expectNoAxeViolations(midwifePage);
    await midwifePage.close();
  });
});

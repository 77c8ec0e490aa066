// SPDX-License-Identifier: EUPL-1.2
// Issue 13 items 5 and 7 in real Chromium: a midwife finds, by keyboard only, the debt pathway of
// Dordrecht and the debt services there; the coordinator of Drechtsteden sees Dordrecht × addiction as
// missing in the coverage matrix, and the matrix's CSV has the same cells as the table. Axe finds
// nothing on either page.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { nl } from '../../src/contracts/i18n/nl.js';
import { expectNoAxeViolations, loginAs, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { choose, press } from '../helpers/coalition-browser.js';

const finder = nl.offerFinder;
const coverage = nl.offerCoverage;

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
}, 180_000);
afterAll(async () => {
  await app?.close();
});

const settled = (page: Page) => page.waitForFunction(() => !document.querySelector('.kr-loading'));

function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split(';').map((cell) => cell.replace(/^"(.*)"$/, '$1')));
}

describe('the finder for professionals', () => {
  it('shows the Dordrecht debt pathway and the debt services there, chosen by keyboard', async () => {
    const page = await app.newPage();
    await loginAs(app, page, 'midwife');
    await page.goto('/zorgpadzoeker');
    await page.getByRole('heading', { level: 1, name: finder.title }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page);
    await expect.poll(() => page.locator('select[id="finder-municipality"] option', { hasText: 'Dordrecht' }).count()).toBe(1);
    await choose(page, 'finder-municipality', 'Dordrecht');
    await choose(page, 'finder-factor', 'Geldzorgen of schulden');
    await press(page, nl.app.search);
    const result = page.getByRole('heading', { level: 2, name: 'Geldzorgen of schulden in Dordrecht' });
    await expect.poll(() => result.count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { level: 3, name: /Geldzorgen en schulden in Dordrecht/ }).count()).toBe(1);
    expect(await page.locator('main').textContent()).toContain('Zorgpad van de gemeente Dordrecht');
    const services = page.getByRole('table', { name: 'Diensten voor Geldzorgen of schulden in Dordrecht' });
    await expect.poll(() => services.getByRole('row').filter({ hasText: 'Spreekuur Geldzaken sociaal wijkteam' }).count()).toBe(1);
    expect(await services.getByRole('row').filter({ hasText: 'Schuldhulpverlening Drechtsteden' }).count()).toBe(1);
    await expectNoAxeViolations(page);
  });
});

describe('the coverage and funding overview', () => {
  it('shows Dordrecht × addiction as missing, and its CSV has the same cells as the table', async () => {
    const page = await app.newPage();
    await loginAs(app, page, 'coordinator');
    await page.goto('/dekking?coalitie=KS0001');
    await page.getByRole('heading', { level: 1, name: coverage.title }).waitFor();
    const matrix = page.getByRole('table', { name: coverage.matrixCaption });
    await expect.poll(() => matrix.getByRole('row').filter({ hasText: 'GM0505' }).count()).toBe(1);
    await settled(page);
    const headers = await matrix.getByRole('columnheader').allTextContents();
    const addiction = headers.indexOf('Verslaving');
    expect(addiction).toBeGreaterThan(1);
    // Read the whole row's cells (th and td) in order, as the column headers are.
    const rowCells = await matrix.getByRole('row').filter({ hasText: 'GM0505' }).locator('th, td').allTextContents();
    expect(rowCells[addiction]).toBe(coverage.missing);
    await expectNoAxeViolations(page);

    const tableRows = await matrix.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')));
    const exportButton = page.getByRole('button', { name: nl.app.exportCsv }).first();
    const [file] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    const csv = parseCsv((await readFile((await file.path())!)).toString('utf8'));
    expect(csv[0]).toEqual(headers);
    expect(csv.slice(1)).toEqual(tableRows);
    expect(csv.find((row) => row[1] === 'GM0505')![addiction]).toBe(coverage.missing);
  });
});

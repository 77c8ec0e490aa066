// SPDX-License-Identifier: EUPL-1.2
// The sociale kaart in the browser (issue 13 item 2): the directory with filters and a CSV export, a
// service's page, the organisation admin's "Te bevestigen" and the correction form with a wrong phone
// number refused in Dutch; after the test clock passes six months her service shows "niet recent
// gecontroleerd" in the list, on its page and on her task list; she confirms it and the mark goes.
// axe finds nothing on any of the new pages; a professional is offered neither the task list nor changes.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { nl } from '../../src/contracts/i18n/nl.js';
import { expectNoAxeViolations, loginAs, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

const t = nl.services;
const OWN_SERVICE = 'Voorlichtingsavond zwangerschap en bevalling';
const DEBT_HELP = 'Schuldhulpverlening Drechtsteden';
const DAY = 86_400_000;
let app: BrowserApp;
let page: Page;

beforeAll(async () => {
  app = await startBrowserApp();
  page = await app.newPage();
  await loginAs(app, page, 'practiceAdmin');
});
afterAll(async () => {
  await app?.close();
});

const navigation = (on: Page) => on.getByRole('navigation', { name: nl.app.mainNavigation });

describe('the sociale kaart, as the organisation admin', () => {
  it('finds the debt help for money worries in Dordrecht, exports the table, and shows a service and the forms without axe violations', async () => {
    await navigation(page).getByRole('link', { name: t.nav, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
    await page.getByLabel(t.municipality).selectOption({ label: 'Dordrecht' });
    await page.getByLabel(t.factor).selectOption('money-debts');
    await page.getByRole('button', { name: nl.app.search }).click();
    const table = page.getByRole('table', { name: t.caption });
    await expect
      .poll(async () => (await table.getByRole('row').allInnerTexts()).filter((row) => row.includes(DEBT_HELP)).length, { timeout: 30_000 })
      .toBe(1);
    await expect.poll(async () => table.getByRole('row').filter({ hasText: OWN_SERVICE }).count(), { timeout: 30_000 }).toBe(0);
    await expectNoAxeViolations(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: nl.app.exportCsv }).click()]);
    const csv = (await readFile((await download.path())!)).toString('utf8');
    expect(csv.split('\r\n')[0]).toContain(`${t.columnName};${t.columnProvider};${t.columnCategory}`);
    expect(csv).toContain(`${DEBT_HELP};Sociale Dienst Drechtsteden;${t.categoryFinancial}`);

    // Her own service: current, with confirm and edit offered; the debt help of another organisation offers neither.
    await page.goto('/sociale-kaart');
    await page.getByLabel(t.search).fill('Voorlichtingsavond');
    await page.getByRole('button', { name: nl.app.search }).click();
    await table.getByRole('link', { name: OWN_SERVICE }).click();
    await page.getByRole('heading', { level: 1, name: OWN_SERVICE }).waitFor();
    await page.getByRole('button', { name: t.confirmLabel.replace('{name}', OWN_SERVICE) }).waitFor();
    expect(await page.getByText(t.notRecentlyChecked).count()).toBe(0);
    await expectNoAxeViolations(page);

    // The correction form: a wrong phone number is refused in Dutch at the field; nothing saved.
    await page.getByRole('link', { name: t.edit }).click();
    await page.getByRole('heading', { level: 1, name: t.formTitleEdit.replace('{name}', OWN_SERVICE) }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel(t.fieldPhone).fill('12-abc');
    await page.getByRole('button', { name: t.save }).click();
    await page.locator('.kr-error-summary').getByText(t.errorPhone).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: t.cancel }).click();
    await page.getByRole('heading', { level: 1, name: OWN_SERVICE }).waitFor();
    await page.getByText('078 123 4800').waitFor();

    // Nothing to confirm yet.
    await navigation(page).getByRole('link', { name: t.navTasks }).click();
    await page.getByRole('heading', { level: 1, name: t.tasksTitle }).waitFor();
    await page.getByText(t.tasksEmpty).waitFor();
    await expectNoAxeViolations(page);

  });

  it('after six months her service is "niet recent gecontroleerd" everywhere; she confirms it and the mark disappears', async () => {
    app.t.clock.advance(190 * DAY);
    // The session ended with the six months: log in again.
    page = await app.newPage();
    await loginAs(app, page, 'practiceAdmin');
    await navigation(page).getByRole('link', { name: t.navTasks }).click();
    await page.getByRole('heading', { level: 1, name: t.tasksTitle }).waitFor();
    const tasks = page.getByRole('table', { name: t.tasksCaption });
    const row = tasks.getByRole('row').filter({ hasText: OWN_SERVICE });
    await row.getByText(t.notRecentlyChecked).waitFor();
    await expectNoAxeViolations(page);

    // The same mark on the service's own page and in the directory.
    await row.getByRole('link', { name: OWN_SERVICE }).click();
    await page.getByRole('heading', { level: 1, name: OWN_SERVICE }).waitFor();
    await page.getByText(t.notRecentlyCheckedNotice).waitFor();
    await expectNoAxeViolations(page);
    await page.goto('/sociale-kaart');
    await page.getByLabel(t.search).fill('Voorlichtingsavond');
    await page.getByRole('button', { name: nl.app.search }).click();
    const listed = page.getByRole('table', { name: t.caption }).getByRole('row').filter({ hasText: OWN_SERVICE });
    await expect.poll(() => listed.getByText(t.notRecentlyChecked).count(), { timeout: 30_000 }).toBe(1);

    // She confirms it on her task list, by keyboard.
    await navigation(page).getByRole('link', { name: t.navTasks }).click();
    await page.getByRole('heading', { level: 1, name: t.tasksTitle }).waitFor();
    await row.getByRole('button', { name: t.confirmLabel.replace('{name}', OWN_SERVICE) }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(t.confirmed.replace('{name}', OWN_SERVICE)).waitFor();
    // The confirmation comes before the list is read again: wait for the row to go.
    await expect.poll(() => tasks.getByRole('row').filter({ hasText: OWN_SERVICE }).count(), { timeout: 30_000 }).toBe(0);
    await expectNoAxeViolations(page);

    // The mark is gone from the directory and the service's page.
    await page.goto('/sociale-kaart');
    await page.getByLabel(t.search).fill('Voorlichtingsavond');
    await page.getByRole('button', { name: nl.app.search }).click();
    await expect.poll(() => listed.getByText(/gecontroleerd op/).count(), { timeout: 30_000 }).toBe(1);
    expect(await listed.getByText(t.notRecentlyChecked).count()).toBe(0);
    await listed.getByRole('link', { name: OWN_SERVICE }).click();
    await page.getByRole('heading', { level: 1, name: OWN_SERVICE }).waitFor();
    await expect.poll(() => page.getByText(t.notRecentlyCheckedNotice).count(), { timeout: 30_000 }).toBe(0);
  });

  it('a professional reads the directory but is offered neither the task list nor changes', async () => {
    const midwife = await app.newPage();
    await loginAs(app, midwife, 'midwife');
    expect(await navigation(midwife).getByRole('link', { name: t.navTasks }).count()).toBe(0);
    await navigation(midwife).getByRole('link', { name: t.nav, exact: true }).click();
    await midwife.getByRole('heading', { level: 1, name: t.title }).waitFor();
    await midwife.getByRole('table', { name: t.caption }).getByRole('link', { name: DEBT_HELP }).click();
    await midwife.getByRole('heading', { level: 1, name: DEBT_HELP }).waitFor();
    // Not confirmed since the seed: more than six months ago on the test clock.
    await midwife.getByText(t.notRecentlyCheckedNotice).waitFor();
    expect(await midwife.getByRole('button', { name: t.confirm }).count()).toBe(0);
    expect(await midwife.getByRole('link', { name: t.edit }).count()).toBe(0);
    await expectNoAxeViolations(midwife);
    await midwife.goto('/sociale-kaart/te-bevestigen');
    await midwife.getByRole('heading', { level: 1, name: nl.shell.forbiddenTitle }).waitFor();
    await midwife.close();
    expect(pageErrors).toEqual([]);
  });
});

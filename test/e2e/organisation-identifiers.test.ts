// SPDX-License-Identifier: EUPL-1.2
// The platform admin records an organisation's AGB code and URA in the web form (issue 11): keyboard
// only, each field's error next to that field (the form's own 8-digit check and the server's "already
// taken"), the codes in the list afterwards and in the form when editing; axe on every state; the
// page and the open form reflow at 320 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/contracts/i18n/nl.js';
import { expectNoAxeViolations, loginAs, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { choose, expectConfirmation, press, settled, tabTo, typeInto } from '../helpers/coalition-browser.js';
import { sessionFor } from '../helpers/sessions.js';

const ids = nl.organisationIdentifiers;
const NAME = 'Kraamzorg Lekstroom';
const TAKEN_AGB = '01234567';

let app: BrowserApp;
let page: Page;

beforeAll(async () => {
  app = await startBrowserApp();
  // De Wieg already carries an AGB code: a second organisation with it is refused by the API.
  const admin = await sessionFor(app.t, 'platformAdmin');
  const response = await app.t.app.inject({
    method: 'PATCH',
    url: `/api/v1/organisations/${app.t.demo.organisationIds.wieg}`,
    headers: { ...admin.headers, 'content-type': 'application/json' },
    payload: { agbCode: TAKEN_AGB },
  });
  expect(response.statusCode).toBe(200);
  page = await app.newPage();
  await loginAs(app, page, 'platformAdmin');
}, 300_000);
afterAll(async () => {
  await app?.close();
});

const fieldError = (id: string) => page.locator(`[id="${id}-error"]`);

/** Replaces a field's text by keyboard: select all, type. */
async function replaceText(text: string) {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** From the focused error summary: Tab to the field's link, Enter moves focus into the field. */
async function followSummaryLink(id: string) {
  await tabTo(page, page.locator(`.kr-error-summary a[href="#${id}"]`));
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(id);
}

async function reflowsAt320() {
  await page.setViewportSize({ width: 320, height: 800 });
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize({ width: 1280, height: 900 });
  return scrollWidth;
}

describe('AGB code and URA in the organisation form', () => {
  it('creates an organisation with both codes by keyboard; wrong and taken codes are explained at their field', async () => {
    await page.goto('/beheer/organisaties');
    await settled(page);
    await expectNoAxeViolations(page);
    await page.locator('#page-title').focus();
    await press(page, nl.admin.newOrganisation);
    const editor = page.locator('#organisation-editor');
    await editor.waitFor();
    await typeInto(page, 'organisation-name', NAME);
    await choose(page, 'organisation-type', nl.organisationTypes.kraamzorg);
    await typeInto(page, 'organisation-agb-code', '1234');
    await typeInto(page, 'organisation-ura-code', '8765432x');
    // Labels and descriptions from the catalogue, the fields tied to them.
    await expect.poll(() => editor.getByLabel(new RegExp(`^${ids.agbCode}`)).getAttribute('id')).toBe('organisation-agb-code');
    await expect.poll(() => editor.getByLabel(new RegExp(`^${ids.uraCode}`)).getAttribute('id')).toBe('organisation-ura-code');
    expect(await editor.locator('#organisation-agb-code-description').textContent()).toBe(ids.agbCodeDescription);
    expect(await editor.locator('#organisation-ura-code-description').textContent()).toBe(ids.uraCodeDescription);
    expect(await reflowsAt320()).toBeLessThanOrEqual(320);

    // Not 8 digits: the form says so at each field (and in the summary), before any request.
    // (Enter in a field submits the form: the service area's 342 checkboxes lie between here and the button.)
    expect(await page.locator('#organisation-ura-code').evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await fieldError('organisation-agb-code').waitFor();
    expect(await fieldError('organisation-agb-code').textContent()).toContain(nl.fieldErrors.agbCodeFormat);
    expect(await fieldError('organisation-ura-code').textContent()).toContain(nl.fieldErrors.uraCodeFormat);
    expect(await page.locator('#organisation-agb-code').getAttribute('aria-describedby')).toContain('organisation-agb-code-error');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('kr-error-summary'))).toBe(true);
    expect(await page.locator('.kr-error-summary').textContent()).toContain(`${ids.agbCode}: ${nl.fieldErrors.agbCodeFormat}`);
    await expectNoAxeViolations(page);

    // De Wieg's AGB code: the server refuses it, and its sentence stands at the AGB field.
    await followSummaryLink('organisation-ura-code');
    await replaceText('87654321');
    await tabTo(page, page.locator('#organisation-agb-code'), { backwards: true });
    await replaceText(TAKEN_AGB);
    await page.keyboard.press('Enter');
    await expect.poll(() => fieldError('organisation-agb-code').textContent()).toContain(nl.fieldErrors.agbCodeTaken);
    expect(await fieldError('organisation-ura-code').count()).toBe(0);
    await expectNoAxeViolations(page);

    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('kr-error-summary'))).toBe(true);
    await followSummaryLink('organisation-agb-code');
    await replaceText('76543210');
    await page.keyboard.press('Enter');
    await expectConfirmation(page, nl.admin.organisationCreated.replace('{name}', NAME));
    const row = page.getByRole('row', { name: new RegExp(NAME) });
    await row.waitFor();
    expect(await row.getByRole('cell', { name: '76543210', exact: true }).count()).toBe(1);
    expect(await row.getByRole('cell', { name: '87654321', exact: true }).count()).toBe(1);
    const headers = await page.getByRole('table').getByRole('columnheader').allTextContents();
    expect(headers).toEqual(expect.arrayContaining([ids.agbCode, ids.uraCode, ids.otherIdentifier]));
    await expectNoAxeViolations(page);
    expect(await reflowsAt320()).toBeLessThanOrEqual(320);
  }, 300_000);

  it('shows the codes when editing, and takes one away by keyboard', async () => {
    await press(page, `${nl.app.edit}: ${NAME}`);
    const editor = page.locator('#organisation-editor');
    await editor.waitFor();
    expect(await page.locator('#organisation-agb-code').inputValue()).toBe('76543210');
    expect(await page.locator('#organisation-ura-code').inputValue()).toBe('87654321');
    await expectNoAxeViolations(page);
    await tabTo(page, page.locator('#organisation-ura-code'));
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await expectConfirmation(page, nl.admin.organisationUpdated.replace('{name}', NAME));
    const row = page.getByRole('row', { name: new RegExp(NAME) });
    await expect.poll(() => row.getByRole('cell', { name: '87654321', exact: true }).count()).toBe(0);
    expect(await row.getByRole('cell', { name: '76543210', exact: true }).count()).toBe(1);
    const stored = await app.t.app.inject({
      method: 'GET',
      url: `/api/v1/organisations?agbCode=76543210`,
      headers: (await sessionFor(app.t, 'platformAdmin')).headers,
    });
    expect(stored.json().items).toMatchObject([{ name: NAME, agbCode: '76543210', uraCode: null }]);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});

// SPDX-License-Identifier: EUPL-1.2
// The visible conventions of issue 8 item 15: selects look like selects, checkbox labels use the width
// (also at 320 px), a refusal or conflict is not titled "Controleer het formulier", and the audit log and
// the client's "Wie keek mee" show actions, kinds of record and outcomes in Dutch, never codes or UUIDs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from '../../src/contracts/audit.js';
import { nl } from '../../src/contracts/i18n/nl.js';
import { insertTestFamily } from '../../src/server/features/families/test-support.js';
import { expectNoAxeViolations, loginAs, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const CODES = new Set<string>([...AUDIT_ACTIONS, ...AUDIT_OBJECT_TYPES, 'success', 'denied', 'failure']);

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
});
afterAll(async () => {
  await app?.close();
});

/** The text of every body cell of the page's one table. */
async function bodyCells(page: Page): Promise<string[]> {
  return page.locator('table tbody td').evaluateAll((cells) => cells.map((cell) => (cell.textContent ?? '').trim()));
}

function expectNoCodesOrIds(cells: string[]) {
  expect(cells.length).toBeGreaterThan(0);
  expect(cells.filter((cell) => UUID.test(cell))).toEqual([]);
  expect(cells.filter((cell) => CODES.has(cell) || cell.split(', ').some((part) => CODES.has(part)))).toEqual([]);
}

describe('UI conventions in the browser', () => {
  it('Wie keek mee and the audit log show Dutch words, not codes or UUIDs; the audit filters are selects with a chevron', async () => {
    const family = await insertTestFamily(app.t, 'wieg', { givenName: 'Inge', familyName: 'Inzagestra' });
    const midwife = await app.newPage();
    await loginAs(app, midwife, 'midwife');
    await midwife.goto(`/clienten/${family.familyId}`);
    await midwife.getByRole('heading', { level: 1, name: 'Dossier van Inge Inzagestra' }).waitFor();
    // A professional of another organisation is refused: a row with several words, none a code.
    const worker = await app.newPage();
    await loginAs(app, worker, 'socialWorker');
    expect([403, 404]).toContain((await worker.request.get(`/api/v1/families/${family.familyId}`)).status());

    await midwife.goto(`/clienten/${family.familyId}/inzage`);
    await midwife.getByRole('heading', { level: 1, name: nl.accessLog.title }).waitFor();
    const readRow = midwife.getByRole('row').filter({ hasText: nl.auditActions.read }).filter({ hasText: nl.auditObjectTypes.family }).first();
    await readRow.waitFor();
    expect(await readRow.textContent()).toContain(nl.auditOutcomes.success);
    expectNoCodesOrIds(await bodyCells(midwife));
    await expectNoAxeViolations(midwife);

    const admin = await app.newPage();
    await loginAs(app, admin, 'platformAdmin');
    await admin.goto('/beheer/audit');
    await admin.getByRole('heading', { level: 1, name: nl.auditPage.title }).waitFor();
    await admin.getByRole('row').filter({ hasText: nl.auditActions.login }).first().waitFor();
    expectNoCodesOrIds(await bodyCells(admin));
    // Filtering by a kind of record, chosen by its Dutch name.
    await admin.getByLabel(nl.auditPage.objectType).selectOption({ label: nl.auditObjectTypes.family });
    await admin.getByLabel(nl.auditPage.action).selectOption({ label: nl.auditActions.read });
    await admin.getByRole('button', { name: nl.app.search }).click();
    await admin.getByRole('row').filter({ hasText: 'Marloes de Vries' }).filter({ hasText: nl.auditObjectTypes.family }).first().waitFor();
    expectNoCodesOrIds(await bodyCells(admin));

    // Every select shows a dropdown chevron, with room for it.
    const selects = await admin.locator('select').evaluateAll((elements) =>
      elements.map((element) => {
        const style = getComputedStyle(element);
        return { id: element.id, image: style.backgroundImage, appearance: style.appearance, paddingEnd: parseFloat(style.paddingInlineEnd) };
      }),
    );
    expect(selects.length).toBeGreaterThanOrEqual(3);
    for (const select of selects) {
      expect(select.image, select.id).toMatch(/^url\("data:image\/svg\+xml/);
      expect(select.appearance, select.id).toBe('none');
      expect(select.paddingEnd, select.id).toBeGreaterThanOrEqual(32);
    }
    await admin.getByLabel(nl.auditPage.action).focus();
    expect(await admin.getByLabel(nl.auditPage.action).evaluate((element) => getComputedStyle(element).backgroundImage)).toMatch(/svg/);
    await expectNoAxeViolations(admin);
  });

  it('a checkbox and its label share one line that uses the width, also at 320 px', async () => {
    const admin = await app.newPage();
    await loginAs(app, admin, 'platformAdmin');
    for (const width of [1280, 320]) {
      await admin.setViewportSize({ width, height: 800 });
      await admin.goto('/beheer/organisaties');
      await admin.getByRole('heading', { level: 1, name: nl.admin.organisationsTitle }).waitFor();
      const box = await admin.getByRole('checkbox', { name: nl.admin.includeInactive }).boundingBox();
      const label = await admin.locator('label[for="include-inactive"]').boundingBox();
      const field = await admin.locator('label[for="include-inactive"]').evaluate((element) => element.closest('.utrecht-form-field')!.getBoundingClientRect().width);
      expect(box && label).toBeTruthy();
      // The label is beside the box, not under it.
      expect(label!.x).toBeGreaterThan(box!.x + box!.width - 1);
      expect(label!.y).toBeLessThan(box!.y + box!.height);
      // It uses the field's whole width next to the box (box 24 px, gap 8 px): not a narrow column.
      expect(label!.width).toBeGreaterThanOrEqual(field - box!.width - 40);
      // On a wide screen the text fits on one line; at 320 px it may wrap, but within that width.
      if (width > 320) expect(label!.height).toBeLessThan(2 * box!.height);
      const pageWidth = await admin.evaluate(() => document.documentElement.scrollWidth);
      expect(pageWidth).toBeLessThanOrEqual(width);
    }
    await expectNoAxeViolations(admin);
  });

  it('a refusal or a conflict gets its own title and the sentence for its code; only field errors are "Controleer het formulier"', async () => {
    const page = await app.newPage();
    await loginAs(app, page, 'platformAdmin');
    await page.goto('/account');
    await page.getByRole('heading', { level: 1, name: nl.account.title }).waitFor();
    const answers = [
      { status: 403, code: 'forbidden', errors: [] },
      { status: 409, code: 'stale_version', errors: [] },
      { status: 422, code: 'validation_failed', errors: [{ path: 'body.newPassword', message: nl.auth.passwordCommon }] },
    ];
    const expected = [
      { title: nl.shell.errorTitleForbidden, text: nl.errors.forbidden },
      { title: nl.shell.errorTitleConflict, text: nl.errors.stale_version },
      { title: nl.shell.errorSummaryTitle, text: nl.auth.passwordCommon },
    ];
    // The server's answers, as its error handler writes them (problem+json with our code).
    let answer = 0;
    await page.route('**/api/v1/auth/password', (route) => {
      const { status, code, errors } = answers[answer]!;
      return route.fulfill({ status, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: 'x', status, detail: 'x', code, errors }) });
    });
    for (const [index, { title, text }] of expected.entries()) {
      answer = index;
      await page.getByLabel(nl.account.currentPassword).fill('het-huidige-wachtwoord');
      await page.getByLabel(nl.account.newPassword, { exact: true }).fill('een-nieuw-lang-wachtwoord');
      await page.getByLabel(nl.account.repeatPassword).fill('een-nieuw-lang-wachtwoord');
      await page.getByRole('button', { name: nl.account.changePassword }).click();
      const summary = page.locator('.kr-error-summary');
      await summary.getByRole('heading', { name: title }).waitFor();
      expect(await summary.textContent()).toContain(text);
      if (title !== nl.shell.errorSummaryTitle) expect(await summary.textContent()).not.toContain(nl.shell.errorSummaryTitle);
      await expectNoAxeViolations(page);
    }
  });
});

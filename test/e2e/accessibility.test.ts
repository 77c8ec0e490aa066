// SPDX-License-Identifier: EUPL-1.2
// axe (WCAG 2.1 A/AA) on every page, as the role that uses it, including error states.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { nl } from '../../src/contracts/i18n/nl.js';
import { demoAccount, expectNoAxeViolations, loginAs, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
});
afterAll(async () => {
  await app?.close();
});

async function visit(page: Page, path: string, heading: string | RegExp) {
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.kr-loading'));
  expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
  await expectNoAxeViolations(page);
}

async function navigateTo(page: Page, linkName: string, heading: string) {
  await page.getByRole('navigation', { name: nl.app.mainNavigation }).getByRole('link', { name: linkName }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.kr-loading'));
  expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
  await expectNoAxeViolations(page);
}

describe('axe on every page', () => {
  it('public pages and the login form with its error states', async () => {
    const page = await app.newPage();
    await visit(page, '/inloggen', nl.login.title);
    // Empty submit: inline errors and the summary.
    await page.getByRole('button', { name: nl.login.submit }).click();
    await page.locator('#email-error').waitFor();
    expect(await page.getByLabel(nl.login.email).getAttribute('aria-describedby')).toContain('email-error');
    expect(await page.getByLabel(nl.login.email).getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);
    // Wrong password: the generic error.
    await page.getByLabel(nl.login.email).fill(demoAccount(app.t, 'analyst').email);
    await page.getByLabel(nl.login.password, { exact: true }).fill('wrong-password-1');
    await page.getByRole('button', { name: nl.login.submit }).click();
    await page.getByText(nl.errors.invalid_credentials).waitFor();
    await expectNoAxeViolations(page);
    await visit(page, '/toegankelijkheid', nl.accessibilityStatement.title);
    await visit(page, '/bestaat-niet', nl.shell.notFoundTitle);
    await visit(page, '/uitnodiging/ongeldige-uitnodiging-0123456789', nl.invitation.title);
    await page.getByText(nl.errors.invitation_invalid).waitFor();
    await expectNoAxeViolations(page);
  });

  it('the second-factor page, also with a wrong code', async () => {
    const page = await app.newPage();
    const account = demoAccount(app.t, 'socialWorker');
    await page.goto('/inloggen');
    await page.getByLabel(nl.login.email).fill(account.email);
    await page.getByLabel(nl.login.password, { exact: true }).fill(account.password);
    await page.getByRole('button', { name: nl.login.submit }).click();
    await page.getByRole('heading', { level: 1, name: nl.twoFactor.codeTitle }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel(nl.twoFactor.codeLabel, { exact: true }).fill('000000');
    await page.getByRole('button', { name: nl.twoFactor.codeSubmit }).click();
    await page.locator('#code-error').waitFor();
    expect(await page.locator('#code-error').textContent()).toBe(nl.errors.second_factor_invalid);
    await expectNoAxeViolations(page);
  });

  it('every page of the platform admin', async () => {
    const page = await app.newPage();
    await loginAs(app, page, 'platformAdmin');
    await expectNoAxeViolations(page);
    await navigateTo(page, nl.shell.navMunicipalities, nl.municipalities.title);
    await navigateTo(page, nl.shell.navOrganisations, nl.admin.organisationsTitle);
    await page.getByRole('button', { name: nl.admin.newOrganisation }).click();
    await page.locator('#organisation-editor').getByRole('button', { name: nl.app.save }).click();
    await page.locator('#organisation-name-error').waitFor();
    await expectNoAxeViolations(page);
    await navigateTo(page, nl.shell.navPeople, nl.admin.peopleTitle);
    await page.getByRole('button', { name: nl.admin.invitePerson }).click();
    await page.locator('#person-editor').getByRole('button', { name: nl.admin.invitePerson }).click();
    await page.locator('#person-name-error').waitFor();
    await expectNoAxeViolations(page);
    await navigateTo(page, nl.shell.navAudit, nl.auditPage.title);
    await navigateTo(page, nl.shell.navAccount, nl.account.title);
    expect(pageErrors).toEqual([]);
  });

  it('the sociale kaart as the organisation admin: the directory, a service, the task list and the add form with its errors', async () => {
    const page = await app.newPage();
    await loginAs(app, page, 'practiceAdmin');
    await navigateTo(page, nl.services.navTasks, nl.services.tasksTitle);
    await navigateTo(page, nl.services.nav, nl.services.title);
    await page.getByRole('link', { name: nl.services.newService }).click();
    await page.getByRole('heading', { level: 1, name: nl.services.formTitleNew }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: nl.services.save }).click();
    await page.locator('#service-name-error').waitFor();
    await expectNoAxeViolations(page);
    await visit(page, '/sociale-kaart', nl.services.title);
    await page.getByRole('table', { name: nl.services.caption }).getByRole('link').first().click();
    await page.getByRole('link', { name: nl.services.backToDirectory }).waitFor();
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });

  it('the home pages of the other roles, the organisation switch and the forbidden page', async () => {
    for (const key of ['midwife', 'practiceAdmin', 'coordinator', 'policyOfficer', 'analyst']) {
      const page = await app.newPage();
      await loginAs(app, page, key);
      await expectNoAxeViolations(page);
      if (key === 'midwife') {
        // Two organisations: the switch is in the header.
        await page.getByLabel(nl.shell.organisationSwitchLabel).selectOption({ label: 'Verloskundigenpraktijk Domstad' });
        await page.getByRole('button', { name: nl.shell.organisationSwitchButton }).click();
        await page.locator('.kr-person__organisation', { hasText: 'namens Verloskundigenpraktijk Domstad' }).waitFor();
        await expectNoAxeViolations(page);
      }
      if (key === 'policyOfficer') {
        await visit(page, '/beheer/audit', nl.shell.forbiddenTitle);
        await visit(page, '/account', nl.account.title);
        await visit(page, '/gemeenten', nl.municipalities.title);
      }
    }
  });
});

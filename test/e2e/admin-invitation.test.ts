// SPDX-License-Identifier: EUPL-1.2
// An admin creates an organisation and invites a person, who sets a password and enrols 2FA.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/contracts/i18n/nl.js';
import { currentTotpCode } from '../../src/server/platform/auth/totp.js';
import { expectNoAxeViolations, loginAs, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
});
afterAll(async () => {
  await app?.close();
});

describe('admin invites a person', () => {
  it('creates an organisation, invites a professional, who activates the account with 2FA', async () => {
    const admin = await app.newPage();
    await loginAs(app, admin, 'platformAdmin');

    // A new organisation with a service area.
    await admin.getByRole('navigation', { name: nl.app.mainNavigation }).getByRole('link', { name: nl.shell.navOrganisations }).click();
    await admin.getByRole('button', { name: nl.admin.newOrganisation }).click();
    const editor = admin.locator('#organisation-editor');
    await editor.getByLabel(nl.admin.organisationName, { exact: true }).fill('Verloskundigen Lekstroom');
    await editor.getByLabel(nl.admin.organisationType).selectOption('verloskundigenpraktijk');
    await editor.getByLabel(nl.admin.serviceAreaFilter).fill('Nieuwegein');
    await editor.getByLabel('Nieuwegein (GM0356)').check();
    await expectNoAxeViolations(admin);
    await editor.getByRole('button', { name: nl.app.save }).click();
    await admin.getByText('De organisatie Verloskundigen Lekstroom is aangemaakt.').waitFor();
    await admin.getByRole('table').getByRole('cell', { name: 'Verloskundigen Lekstroom', exact: true }).waitFor();

    // Invite a person with a role in that organisation.
    await admin.getByRole('navigation', { name: nl.app.mainNavigation }).getByRole('link', { name: nl.shell.navPeople }).click();
    await admin.getByRole('button', { name: nl.admin.invitePerson }).click();
    const personEditor = admin.locator('#person-editor');
    await personEditor.getByLabel(nl.admin.personName).fill('Fatima Ouali');
    await personEditor.getByLabel(nl.admin.personEmail).fill('fatima@lekstroom.example');
    // Start without the admin's own organisation, then add the new one.
    await personEditor.getByRole('button', { name: /^Weghalen bij/ }).click();
    await personEditor.getByLabel(nl.admin.addOrganisation).selectOption({ label: 'Verloskundigen Lekstroom' });
    await personEditor.getByRole('button', { name: nl.admin.addOrganisation }).click();
    await personEditor.getByRole('group', { name: 'Rollen bij Verloskundigen Lekstroom' }).getByLabel(nl.roles.professional).check();
    await expectNoAxeViolations(admin);
    await personEditor.getByRole('button', { name: nl.admin.invitePerson }).click();
    await admin.getByText('Fatima Ouali is uitgenodigd.').waitFor();
    await expectNoAxeViolations(admin);
    const invitationUrl = (await admin.locator('#invitation-url').textContent())!;
    expect(invitationUrl).toMatch(/\/uitnodiging\/[A-Za-z0-9_-]{20,}$/);

    // The invited person, in a browser of their own.
    const invitee = await app.newPage();
    await invitee.goto(new URL(invitationUrl).pathname);
    await invitee.getByText('Welkom, Fatima Ouali.', { exact: false }).waitFor();
    await expectNoAxeViolations(invitee);
    // Too short first: the policy is explained at the field.
    await invitee.getByLabel(nl.invitation.password, { exact: true }).fill('kort');
    await invitee.getByLabel(nl.invitation.passwordRepeat).fill('kort');
    await invitee.getByRole('button', { name: nl.invitation.submit }).click();
    await invitee.getByText(nl.invitation.passwordTooShort).first().waitFor();
    await expectNoAxeViolations(invitee);
    const password = 'Lekstroom kraamzorg fiets 2026!';
    await invitee.getByLabel(nl.invitation.password, { exact: true }).fill(password);
    await invitee.getByLabel(nl.invitation.passwordRepeat).fill(password);
    await invitee.getByRole('button', { name: nl.invitation.submit }).click();

    // 2FA enrolment: read the key shown for manual entry and answer with a code.
    await invitee.waitForURL('**/inloggen/2fa-instellen');
    const secret = (await invitee.locator('#totp-secret').textContent())!.replace(/\s+/g, '');
    expect(secret.length).toBeGreaterThanOrEqual(16);
    expect(await invitee.getByRole('img', { name: nl.twoFactor.enrolQrAlt }).getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await expectNoAxeViolations(invitee);
    await invitee.getByLabel(nl.twoFactor.enrolCodeLabel).fill(await currentTotpCode(secret, app.t.clock.now()));
    await invitee.getByRole('button', { name: nl.twoFactor.enrolSubmit }).click();

    // Recovery codes, once.
    await invitee.getByRole('heading', { level: 1, name: nl.twoFactor.recoveryTitle }).waitFor();
    expect(await invitee.getByRole('list', { name: nl.twoFactor.recoveryListLabel }).getByRole('listitem').count()).toBe(10);
    await expectNoAxeViolations(invitee);
    await invitee.getByRole('button', { name: nl.twoFactor.recoveryContinue }).click();
    await invitee.waitForURL((url) => url.pathname === '/');
    await invitee.getByRole('heading', { level: 1, name: 'Welkom, Fatima Ouali' }).waitFor();
    expect(await invitee.getByRole('banner').textContent()).toContain('Verloskundigen Lekstroom');
    expect(pageErrors).toEqual([]);
  });
});

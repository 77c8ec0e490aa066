// SPDX-License-Identifier: EUPL-1.2
// The platform admin's integrations screen (issue 11 item 4, ADR 0017): register an API client by
// keyboard with a pasted public key, see it listed, revoke it after confirming; axe finds nothing,
// and the page reflows at 320 px.
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { nl } from '../../src/contracts/i18n/nl.js';
import { expectNoAxeViolations, loginAs, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

const t = nl.apiClients;
let app: BrowserApp;
let page: Page;
const jwk = JSON.stringify({ ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }), kid: 'e2e-1' });

beforeAll(async () => {
  app = await startBrowserApp();
  page = await app.newPage();
  await loginAs(app, page, 'platformAdmin');
});
afterAll(async () => {
  await app?.close();
});

describe('integrations (API clients), as the platform admin', () => {
  it('registers a client by keyboard, lists it, and revokes it after confirming', async () => {
    await page.getByRole('navigation', { name: nl.app.mainNavigation }).getByRole('link', { name: t.crumb }).click();
    await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
    await page.getByText(t.empty).waitFor();
    await expectNoAxeViolations(page);

    // Keyboard only: the register button, then the fields in order.
    await page.getByRole('button', { name: t.register }).focus();
    await page.keyboard.press('Enter');
    const panel = page.locator('#api-client-register');
    await panel.getByRole('heading', { name: t.registerTitle }).waitFor();
    // Submitting empty: the summary names what is missing.
    await panel.getByRole('button', { name: t.submit }).focus();
    await page.keyboard.press('Enter');
    await panel.getByRole('alert').waitFor();
    await expectNoAxeViolations(page);

    await panel.getByLabel(t.name, { exact: true }).fill('Dossier De Wieg');
    await panel.getByLabel(t.organisation, { exact: true }).selectOption({ label: 'Verloskundigenpraktijk De Wieg' });
    await panel.getByRole('group', { name: t.roles }).getByLabel(nl.roles.professional).focus();
    await page.keyboard.press('Space');
    await panel.getByRole('group', { name: t.scopes }).getByLabel('referral.read', { exact: true }).focus();
    await page.keyboard.press('Space');
    // A private key is refused at the field, in Dutch, by the server.
    await panel.getByLabel(t.jwk).fill(JSON.stringify(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' })));
    await panel.getByRole('button', { name: t.submit }).focus();
    await page.keyboard.press('Enter');
    await panel.getByText(t.keyPrivate).first().waitFor();
    await expectNoAxeViolations(page);

    await panel.getByLabel(t.jwk).fill(jwk);
    await panel.getByRole('button', { name: t.submit }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/Koppeling Dossier De Wieg is geregistreerd\. Client-id: [0-9a-f-]{36}/).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Dossier De Wieg' });
    await row.getByRole('cell', { name: t.statusActive, exact: true }).waitFor();
    await expectNoAxeViolations(page);

    // Revoke, confirm.
    await row.getByRole('button', { name: `Koppeling Dossier De Wieg intrekken` }).focus();
    await page.keyboard.press('Enter');
    const confirm = page.locator('#api-client-revoke');
    await confirm.getByRole('heading', { name: 'Koppeling Dossier De Wieg intrekken?' }).waitFor();
    await confirm.getByText(t.revokeConfirmText).waitFor();
    await expectNoAxeViolations(page);
    await confirm.getByRole('button', { name: t.revokeConfirm }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Koppeling Dossier De Wieg is ingetrokken.').waitFor();
    await page.getByRole('row').filter({ hasText: 'Dossier De Wieg' }).getByRole('cell', { name: t.statusRevoked, exact: true }).waitFor();
    expect(await page.getByRole('button', { name: `Koppeling Dossier De Wieg intrekken` }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });

  it('reflows at 320 px without horizontal scrolling, and no script errors', async () => {
    const narrow = await app.newPage();
    await narrow.context().addCookies(await page.context().cookies());
    await narrow.setViewportSize({ width: 320, height: 800 });
    await narrow.goto('/beheer/koppelingen');
    await narrow.waitForFunction(() => Boolean(document.querySelector('h1')) && !document.querySelector('.kr-loading'));
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await narrow.close();
    expect(pageErrors).toEqual([]);
  });
});

// SPDX-License-Identifier: EUPL-1.2
// Logging in through the browser: password + TOTP, generic errors, lockout, idle timeout, keyboard only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/contracts/i18n/nl.js';
import { demoAccount, expectNoAxeViolations, loginAs, pageErrors, startBrowserApp, totpFor, type BrowserApp } from '../helpers/browser.js';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
});
afterAll(async () => {
  await app?.close();
});

describe('login', () => {
  it('with password and TOTP lands on the home page with the name and organisation', async () => {
    const page = await app.newPage();
    const account = await loginAs(app, page, 'jgzNurse');
    const banner = page.getByRole('banner');
    expect(await banner.textContent()).toContain(account.name);
    expect(await banner.textContent()).toContain('JGZ Zuid-Holland Zuid');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Welkom, ${account.name}`);
    expect(pageErrors).toEqual([]);
  });

  it('gives the same generic error for a wrong password as for an unknown e-mail address', async () => {
    const page = await app.newPage();
    const account = demoAccount(app.t, 'socialWorker');
    const attempt = async (email: string, password: string) => {
      await page.goto('/inloggen');
      await page.getByLabel('E-mailadres').fill(email);
      await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      const summary = page.locator('.kr-error-summary');
      await summary.waitFor();
      // Focus moves to the summary so screen readers read it at once.
      expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
      return (await summary.textContent()) ?? '';
    };
    const wrongPassword = await attempt(account.email, 'not-the-password-123');
    const unknownEmail = await attempt('niemand@kansrijk.demo', 'not-the-password-123');
    expect(wrongPassword).toContain(nl.errors.invalid_credentials);
    expect(unknownEmail).toBe(wrongPassword);
  });

  it('locks the account temporarily after repeated failures', async () => {
    const page = await app.newPage();
    const account = demoAccount(app.t, 'coordinator');
    await page.goto('/inloggen');
    let text = '';
    for (let attempt = 0; attempt < 8 && !text.includes(nl.errors.account_locked); attempt += 1) {
      await page.getByLabel('E-mailadres').fill(account.email);
      await page.getByLabel('Wachtwoord', { exact: true }).fill(`wrong-password-${attempt}`);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.locator('.kr-error-summary').waitFor();
      await page.waitForFunction(() => !document.querySelector('button[type=submit][aria-busy=true]'));
      text = (await page.locator('.kr-error-summary').textContent()) ?? '';
    }
    expect(text).toContain(nl.errors.account_locked);
    // Even the right password is refused while locked.
    await page.getByLabel('Wachtwoord', { exact: true }).fill(account.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForFunction(() => !document.querySelector('button[type=submit][aria-busy=true]'));
    expect(await page.locator('.kr-error-summary').textContent()).toContain(nl.errors.account_locked);
    expect(new URL(page.url()).pathname).toBe('/inloggen');
  });

  it('logs out after 15 minutes without activity and says the session expired', async () => {
    const page = await app.newPage();
    const account = await loginAs(app, page, 'practiceAdmin');
    await page.getByRole('navigation', { name: nl.app.mainNavigation }).getByRole('link', { name: nl.shell.navAccount }).click();
    await page.getByRole('table', { name: nl.account.sessionsCaption }).waitFor();
    app.t.clock.advance(16 * 60_000);
    // Act on the page: the server refuses the expired session and the app returns to the login page.
    await page.getByLabel(nl.account.currentPassword).fill(account.password);
    await page.getByLabel(nl.account.newPassword, { exact: true }).fill('Een nieuw lang wachtwoord 2026');
    await page.getByLabel(nl.account.repeatPassword).fill('Een nieuw lang wachtwoord 2026');
    await page.getByRole('button', { name: nl.account.changePassword }).click();
    await page.waitForURL('**/inloggen');
    await page.getByText(nl.errors.session_expired).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(nl.login.title);
  });

  it('stays logged in when the session probe is rate limited or the network fails once: only a 401 logs out', async () => {
    const page = await app.newPage();
    const account = await loginAs(app, page, 'analyst');
    // The probe fails for passing reasons: rate limited until we say otherwise, then one dropped connection.
    let mode: 'rate_limited' | 'drop_once' | 'real' = 'rate_limited';
    let probes = 0;
    await page.route('**/api/v1/auth/session', async (route) => {
      probes += 1;
      if (mode === 'rate_limited') {
        await route.fulfill({ status: 429, contentType: 'application/problem+json', body: JSON.stringify({ status: 429, code: 'rate_limited', title: 'Te veel pogingen' }) });
      } else if (mode === 'drop_once') {
        mode = 'real';
        await route.abort('connectionreset');
      } else {
        await route.fallback();
      }
    });
    await page.goto('/account');
    // While the probe cannot reach the server, the page says why and offers to try again — not the login page.
    const retry = page.getByRole('button', { name: nl.shell.retry });
    await retry.waitFor();
    await page.getByText(nl.errors.rate_limited).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
    await expectNoAxeViolations(page);
    // It keeps asking with back-off (1 s, 2 s, …) on its own.
    await expect.poll(() => probes, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    expect(await page.getByRole('heading', { level: 1, name: nl.account.title }).count()).toBe(0);
    // "Opnieuw proberen" by keyboard asks at once; a dropped connection is again no logout, the next answer is real.
    mode = 'drop_once';
    await retry.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: nl.account.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
    expect(await page.getByRole('banner').textContent()).toContain(account.name);
    await page.unroute('**/api/v1/auth/session');
  });

  it('works with the keyboard only', async () => {
    const page = await app.newPage();
    const account = demoAccount(app.t, 'midwife');
    await page.goto('/inloggen');
    await page.getByLabel('E-mailadres').waitFor();
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    // Tab from the top of the page to the e-mail field: skip link, header controls, breadcrumbs come first.
    for (let step = 0; step < 15 && (await focusedId()) !== 'email'; step += 1) await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('email');
    await page.keyboard.type(account.email);
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('password');
    await page.keyboard.type(account.password);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/inloggen/code');
    await page.getByLabel('Code', { exact: true }).waitFor();
    for (let step = 0; step < 15 && (await focusedId()) !== 'code'; step += 1) await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('code');
    await page.keyboard.type(await totpFor(app.t, account.totpSecret!));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { level: 1, name: `Welkom, ${account.name}` }).waitFor();
  });
});

describe('replacing the second factor', () => {
  it('asks for the password and a current code before showing a new QR code, and says why when they are wrong', async () => {
    const page = await app.newPage();
    const account = await loginAs(app, page, 'platformAdmin');
    await page.goto('/account');
    await page.getByRole('link', { name: nl.account.twoFactorReenrol }).click();
    await page.waitForURL('**/inloggen/2fa-instellen');
    await page.getByLabel(nl.twoFactor.reenrolPasswordLabel, { exact: true }).waitFor();
    // A session alone shows no secret.
    expect(await page.locator('#totp-secret').count()).toBe(0);
    await expectNoAxeViolations(page);

    await page.getByLabel(nl.twoFactor.reenrolPasswordLabel, { exact: true }).fill('niet-het-wachtwoord-123');
    await page.getByLabel(nl.twoFactor.reenrolCodeLabel).fill(await totpFor(app.t, account.totpSecret!));
    await page.getByRole('button', { name: nl.twoFactor.reenrolSubmit }).click();
    const summary = page.locator('.kr-error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(nl.errors.invalid_credentials);
    expect(await page.locator('#totp-secret').count()).toBe(0);

    await page.getByLabel(nl.twoFactor.reenrolPasswordLabel, { exact: true }).fill(account.password);
    await page.getByLabel(nl.twoFactor.reenrolCodeLabel).fill(await totpFor(app.t, account.totpSecret!));
    await page.getByRole('button', { name: nl.twoFactor.reenrolSubmit }).click();
    const secret = (await page.locator('#totp-secret').textContent({ timeout: 10_000 }))!.trim();
    expect(secret).not.toBe(account.totpSecret);
    await page.getByLabel(nl.twoFactor.enrolCodeLabel).fill(await totpFor(app.t, secret));
    await page.getByRole('button', { name: nl.twoFactor.enrolSubmit }).click();
    await page.getByRole('heading', { level: 1, name: nl.twoFactor.recoveryTitle }).waitFor();
    expect(await page.getByRole('list', { name: nl.twoFactor.recoveryListLabel }).locator('li').count()).toBe(10);
    expect(pageErrors).toEqual([]);
  });
});

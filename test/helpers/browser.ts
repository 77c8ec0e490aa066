// SPDX-License-Identifier: EUPL-1.2
// Browser tests: the built web app served by a real app on a real database, driven in Debian's Chromium.
import { createServer, type AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'vitest';
import { createTestApp, type TestApp } from './test-app.js';
import { WEB_ROOT } from './web-build.js';
import { currentTotpCode } from '../../src/server/platform/auth/totp.js';
import type { DemoAccount } from '../../src/server/demo/seed-demo.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserApp {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A page in a fresh context (own cookies), as axe needs. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** A port free right now on 127.0.0.1: for an app whose configuration must name its own address (an OIDC redirect URI). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startBrowserApp(options: { env?: Record<string, string>; mailIntervalMs?: number | null; port?: number } = {}): Promise<BrowserApp> {
  const t = await createTestApp({
    webRoot: WEB_ROOT,
    ...(options.env ? { env: options.env } : {}),
    ...(options.mailIntervalMs === undefined ? {} : { mailIntervalMs: options.mailIntervalMs }),
  });
  const address = await t.app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  return {
    t,
    baseUrl: address,
    browser,
    async newPage() {
      const context = await browser.newContext({ baseURL: address, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
      contexts.push(context);
      const page = await context.newPage();
      // A CSP violation or script error is a bug: collect them so tests can assert there are none.
      page.on('pageerror', (error) => pageErrors.push(`${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
      });
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await t.close();
    },
  };
}

/** Script errors and CSP violations seen in any page of this test file. */
export const pageErrors: string[] = [];

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export function demoAccount(t: TestApp, key: string): DemoAccount {
  const account = t.demo.accounts.find((candidate) => candidate.key === key);
  if (!account) throw new Error(`unknown demo account ${key}`);
  return account;
}

const lastStepOf = new Map<string, number>();

/**
 * A code for the account's TOTP secret that the server has not seen yet: a code cannot be used twice
 * (replay protection), so a second login of the same account within one 30-second step first moves
 * the test clock on to the next step.
 */
export async function totpFor(t: TestApp, secret: string): Promise<string> {
  const stepOf = (date: Date) => Math.floor(date.getTime() / 30_000);
  const last = lastStepOf.get(secret);
  if (last !== undefined && stepOf(t.clock.now()) <= last) {
    t.clock.advance((last + 1) * 30_000 - t.clock.now().getTime() + 1_000);
  }
  lastStepOf.set(secret, stepOf(t.clock.now()));
  return currentTotpCode(secret, t.clock.now());
}

/** Logs in through the UI: password, then the TOTP code when the account has one. Ends on the home page. */
export async function loginAs(app: BrowserApp, page: Page, key: string) {
  const account = demoAccount(app.t, key);
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(account.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  if (account.totpSecret) {
    await page.waitForURL('**/inloggen/code');
    await page.getByLabel('Code', { exact: true }).fill(await totpFor(app.t, account.totpSecret));
    await page.getByRole('button', { name: 'Controleren' }).click();
  }
  await page.waitForURL((url) => url.pathname === '/');
  // The URL changes before the home page (a lazy chunk) has rendered: wait for its heading.
  await page.getByRole('heading', { level: 1, name: `Welkom, ${account.name}` }).waitFor();
  return account;
}

/** Opens `path` at 320 px wide with the session of `page` and checks it reflows: no horizontal scrolling (WCAG 1.4.10). */
export async function expectReflowAt320(app: BrowserApp, page: Page, path: string) {
  const narrow = await app.newPage();
  await narrow.context().addCookies(await page.context().cookies());
  await narrow.setViewportSize({ width: 320, height: 800 });
  await narrow.goto(path);
  await narrow.waitForFunction(() => Boolean(document.querySelector('h1')) && !document.querySelector('.kr-loading'));
  expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await narrow.close();
}

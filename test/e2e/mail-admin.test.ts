// SPDX-License-Identifier: EUPL-1.2
// The platform admin's outgoing mail page (issue 16 item 1) against a real SMTP server in this process:
// a mail the server refused until it became a dead letter is found with the state filter, sent again by
// keyboard, and goes out on the worker's next pass; the address is shown masked only; axe finds
// nothing, and the page reflows at 320 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { nl } from '../../src/contracts/i18n/nl.js';
import { enqueueMail } from '../../src/server/platform/mail/enqueue-mail.js';
import { MAX_MAIL_ATTEMPTS, MAIL_RETRY_DELAYS_MS } from '../../src/server/platform/mail/deliver-mail.js';
import { expectNoAxeViolations, expectReflowAt320, loginAs, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { smtpEnv, startSmtp, type TestSmtpServer } from '../helpers/smtp-server.js';

const t = nl.mailAdmin;
const ADDRESS = 'dossier.intake@jgz.example.nl';
let smtp: TestSmtpServer;
let app: BrowserApp;
let page: Page;

beforeAll(async () => {
  smtp = await startSmtp();
  app = await startBrowserApp({ env: smtpEnv(smtp), mailIntervalMs: null });
  // The mail server refuses every attempt: the mail ends on the dead-letter list.
  smtp.setRefusing(true);
  await enqueueMail(app.t.database.db, { template: 'newReferral', toAddress: ADDRESS, linkPath: '/verwijzingen' }, app.t.clock.now());
  for (let attempt = 1; attempt <= MAX_MAIL_ATTEMPTS; attempt += 1) {
    await app.t.app.mail.runOnce();
    app.t.clock.advance(MAIL_RETRY_DELAYS_MS[attempt - 1] ?? 0);
  }
  smtp.setRefusing(false);
  page = await app.newPage();
  await loginAs(app, page, 'platformAdmin');
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

describe('outgoing mail, as the platform admin', () => {
  it('finds the dead letter, sends it again by keyboard, and sees it sent', async () => {
    await page.getByRole('navigation', { name: nl.app.mainNavigation }).getByRole('link', { name: t.crumb }).click();
    await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
    await expectNoAxeViolations(page);

    // Only the undeliverable ones.
    await page.getByLabel(t.filterLabel).selectOption({ label: t.statusDead });
    const row = page.getByRole('row').filter({ hasText: 'd***@jgz.example.nl' });
    await row.getByRole('cell', { name: t.statusDead, exact: true }).waitFor();
    await row.getByRole('cell', { name: 'EENVELOPE 550' }).waitFor();
    expect(await page.getByText(ADDRESS).count()).toBe(0);
    await expectNoAxeViolations(page);

    const retry = row.getByRole('button', { name: /opnieuw versturen$/ });
    await retry.focus();
    await page.keyboard.press('Enter');
    await page.getByText(nl.mailAdmin.retried.replace('{recipient}', 'd***@jgz.example.nl')).waitFor();
    // Focus went to the confirmation, not lost.
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('d***@jgz.example.nl');
    await page.getByText(t.empty).waitFor();
    await expectNoAxeViolations(page);

    // The worker's next pass sends it.
    expect(await app.t.app.mail.runOnce()).toEqual({ attempted: 1, sent: 1 });
    expect(smtp.received.map((mail) => mail.to)).toEqual([[ADDRESS]]);
    await page.getByLabel(t.filterLabel).selectOption({ label: t.statusSent });
    const sent = page.getByRole('row').filter({ hasText: 'd***@jgz.example.nl' });
    await sent.getByRole('cell', { name: t.statusSent, exact: true }).waitFor();
    expect(await sent.getByRole('button').count()).toBe(0);
    // The CSV export of the table is there, as on every table.
    await page.getByRole('button', { name: /CSV/ }).waitFor();
    await expectNoAxeViolations(page);
  });

  it('reflows at 320 px without horizontal scrolling, and no script errors', async () => {
    await expectReflowAt320(app, page, '/beheer/e-mail');
    expect(pageErrors).toEqual([]);
  });
});

// SPDX-License-Identifier: EUPL-1.2
// The organisation admin's notifications to systems (issue 11 item 5: "failures are visible to the
// organisation admin"): a subscription whose deliveries were given up shows as in error with the last
// failure; by keyboard it is switched on again (the given-up notification waits again) and another is
// ended, each after a confirming step; the CSV holds the table; axe, 320 px, and only for this role.
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { nl } from '../../src/contracts/i18n/nl.js';
import { expectNoAxeViolations, loginAs, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { fhirSubscriptionNotifications, fhirSubscriptions } from '../../src/server/features/subscriptions/schema.js';

const t = nl.subscriptions;
const BROKEN = 'https://dossier.wieg.example.nl/fhir-meldingen';
const WORKING = 'https://planning.wieg.example.nl/meldingen';
let app: BrowserApp;
let page: Page;

async function insertSubscription(endpoint: string, status: 'active' | 'error', criteriaKind: 'owner' | 'requester') {
  const organisationId = app.t.demo.organisationIds.wieg!;
  const now = app.t.clock.now();
  const [row] = await app.t.database.db
    .insert(fhirSubscriptions)
    .values({
      organisationId,
      criteriaKind,
      criteria: `Task?${criteriaKind}=Organization/${organisationId}`,
      endpoint,
      reason: `Ons systeem (${criteriaKind})`,
      status,
      error: status === 'error' ? 'Aflevering mislukt na 6 pogingen (laatste fout: HTTP 503).' : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: fhirSubscriptions.id });
  return row!.id;
}

beforeAll(async () => {
  app = await startBrowserApp();
  const broken = await insertSubscription(BROKEN, 'error', 'owner');
  await insertSubscription(WORKING, 'active', 'requester');
  const now = app.t.clock.now();
  await app.t.database.db.insert(fhirSubscriptionNotifications).values([
    { subscriptionId: broken, taskId: randomUUID(), status: 'delivered', attempts: 1, nextAttemptAt: now, createdAt: now, deliveredAt: now, lastAttemptAt: now },
    { subscriptionId: broken, taskId: randomUUID(), status: 'failed', attempts: 6, nextAttemptAt: now, createdAt: now, lastError: 'HTTP 503', lastAttemptAt: now },
  ]);
  page = await app.newPage();
  await loginAs(app, page, 'practiceAdmin');
});
afterAll(async () => {
  await app?.close();
});

describe('notifications to systems, as the organisation admin', () => {
  it('shows the subscription in error with its last failure, switches it on again and ends another, by keyboard', async () => {
    await page.getByRole('navigation', { name: nl.app.mainNavigation }).getByRole('link', { name: t.nav }).click();
    await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
    await page.getByText(t.errorNoticeOne).waitFor();
    const table = page.getByRole('table', { name: t.listCaption });
    const broken = table.getByRole('row').filter({ hasText: BROKEN });
    await broken.getByRole('cell', { name: t.statusError, exact: true }).waitFor();
    await broken.getByRole('cell', { name: /het systeem antwoordde met HTTP-status 503$/ }).waitFor();
    await broken.getByRole('cell', { name: t.kindOwner, exact: true }).waitFor();
    // Delivered 1, waiting 0, given up 1 (in the order of the columns).
    expect(await broken.getByRole('cell').allInnerTexts()).toEqual(expect.arrayContaining(['1', '0']));
    const working = table.getByRole('row').filter({ hasText: WORKING });
    await working.getByRole('cell', { name: t.noFailure, exact: true }).waitFor();
    // Only the one in error can be switched on again.
    expect(await working.getByRole('button', { name: t.reactivateLabel.replace('{endpoint}', WORKING) }).count()).toBe(0);
    await expectNoAxeViolations(page);

    // The CSV holds the table (without the actions).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: nl.app.exportCsv }).click()]);
    const csv = (await readFile((await download.path())!)).toString('utf8');
    expect(csv.split('\r\n')[0]).toContain(`${t.columnEndpoint};${t.columnKind};${t.columnReason};${t.columnStatus}`);
    expect(csv).toContain(`${BROKEN};${t.kindOwner};Ons systeem (owner);${t.statusError};1;0;1;`);

    // Switch on again, by keyboard, after the confirming step.
    await broken.getByRole('button', { name: t.reactivateLabel.replace('{endpoint}', BROKEN) }).focus();
    await page.keyboard.press('Enter');
    const step = page.locator('#subscription-step');
    await step.getByRole('heading', { name: t.reactivateLabel.replace('{endpoint}', BROKEN) }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    await expectNoAxeViolations(page);
    await step.getByRole('button', { name: t.reactivate }).focus();
    await page.keyboard.press('Enter');
    const confirmation = page.getByText(t.reactivated.replace('{endpoint}', BROKEN));
    await confirmation.waitFor();
    // Focus is on the confirmation, not lost on the page.
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(BROKEN);
    await broken.getByRole('cell', { name: t.statusActive, exact: true }).waitFor();
    expect(await page.getByText(t.errorNoticeOne).count()).toBe(0);
    // The given-up notification waits again: delivered 1, waiting 1, given up 0.
    await expect.poll(async () => (await broken.getByRole('cell').allInnerTexts()).slice(4, 7), { timeout: 30_000 }).toEqual(['1', '1', '0']);
    await expectNoAxeViolations(page);

    // End the other one, after confirming.
    await working.getByRole('button', { name: t.endLabel.replace('{endpoint}', WORKING) }).focus();
    await page.keyboard.press('Enter');
    await step.getByRole('heading', { name: t.endConfirmTitle.replace('{endpoint}', WORKING) }).waitFor();
    await step.getByText(t.endConfirmText).waitFor();
    await expectNoAxeViolations(page);
    await step.getByRole('button', { name: t.endConfirm }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(t.ended.replace('{endpoint}', WORKING)).waitFor();
    await table.getByRole('row').filter({ hasText: BROKEN }).waitFor();
    // The confirmation comes before the list has been read again: wait for the row to go.
    await expect.poll(() => table.getByRole('row').filter({ hasText: WORKING }).count(), { timeout: 30_000 }).toBe(0);
    await expectNoAxeViolations(page);
  });

  it('reflows at 320 px without horizontal scrolling; a professional is not offered the page', async () => {
    const narrow = await app.newPage();
    await narrow.context().addCookies(await page.context().cookies());
    await narrow.setViewportSize({ width: 320, height: 800 });
    await narrow.goto('/beheer/meldingen');
    await narrow.getByRole('table', { name: t.listCaption }).waitFor();
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await narrow.close();

    const midwife = await app.newPage();
    await loginAs(app, midwife, 'midwife');
    expect(await midwife.getByRole('navigation', { name: nl.app.mainNavigation }).getByRole('link', { name: t.nav }).count()).toBe(0);
    await midwife.goto('/beheer/meldingen');
    await midwife.getByRole('heading', { level: 1, name: nl.shell.forbiddenTitle }).waitFor();
    await midwife.close();
    expect(pageErrors).toEqual([]);
  });
});

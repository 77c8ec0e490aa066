// SPDX-License-Identifier: EUPL-1.2
// Notifications in the browser (issue 16): the JGZ nurse chose to be told of new referrals; the midwife
// sends one to JGZ; the nurse's header says "Meldingen, 1 ongelezen"; the notice in her list names no
// client; opening it goes to the referral and marks it read. The reminders are notices too: each kind
// shows with its Dutch label and links to its page. Her preferences page lists every kind and the
// language of her mails, and saves; the organisation admin's inbox settings save; axe finds nothing on
// the new pages, and they reflow at 320 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { nl } from '../../src/contracts/i18n/nl.js';
import { careCallers, familyForJgz } from '../../src/server/features/jgz/test-support.js';
import { REMINDER_NOTIFICATION_KINDS, type ReminderNotificationKind } from '../../src/contracts/notifications.js';
import type { Executor } from '../../src/server/platform/db/connection.js';
import { notify } from '../../src/server/features/notifications/notify.js';
import { expectNoAxeViolations, loginAs, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

const t = nl.notifications;
let app: BrowserApp;
let nursePage: Page;
let referralId: string;
let nurseId: string;

beforeAll(async () => {
  app = await startBrowserApp();
  const callers = await careCallers(app.t);
  nurseId = callers.nurse.session.personId;
  const chosen = await callers.nurse.request('PUT', '/api/v1/notification-preferences', { preferences: [{ kind: 'referral_received', delivery: 'in_app' }] });
  expect(chosen.statusCode, chosen.body).toBe(200);
  const { familyId, consentId } = await familyForJgz(app.t, callers, { givenName: 'Lina', familyName: 'Meldingstest' });
  const sent = await callers.midwife.request('POST', '/api/v1/referrals', {
    familyId,
    receiverOrganisationId: app.t.demo.organisationIds.jgz,
    reason: 'Veel stress rond de zwangerschap; graag contact.',
    factorKeys: ['stress'],
    consentId,
    idempotencyKey: 'e2e-notifications-1',
  });
  expect(sent.statusCode, sent.body).toBe(201);
  referralId = sent.json().id;
  nursePage = await app.newPage();
  await loginAs(app, nursePage, 'jgzNurse');
});
afterAll(async () => {
  await app?.close();
});

const badge = (page: Page) => page.getByTestId('notification-badge');

describe('notifications, as the JGZ nurse who chose them', () => {
  it('shows the unread count in the header, a notice without client data, and opening it marks it read', async () => {
    await expect.poll(() => badge(nursePage).getAttribute('aria-label'), { timeout: 30_000 }).toBe(t.badge.replace('{count}', '1'));
    await nursePage.getByRole('link', { name: t.badge.replace('{count}', '1') }).click();
    await nursePage.getByRole('heading', { level: 1, name: t.title }).waitFor();
    const list = nursePage.getByRole('list', { name: t.title });
    const notice = list.getByRole('link', { name: t.kind_referral_received });
    await notice.waitFor();
    expect(await list.innerText()).toContain(t.unread);
    const main = await nursePage.locator('main').innerText();
    for (const clientData of ['Lina', 'Meldingstest']) expect(main).not.toContain(clientData);
    await expectNoAxeViolations(nursePage);

    // By keyboard: focus the notice and press Enter.
    await notice.focus();
    await nursePage.keyboard.press('Enter');
    await nursePage.waitForURL(`**/verwijzingen/${referralId}`);
    await expect.poll(() => badge(nursePage).getAttribute('aria-label'), { timeout: 30_000 }).toBe(t.badgeNone);
    await nursePage.goto('/meldingen');
    await list.getByRole('link', { name: t.kind_referral_received }).waitFor();
    expect(await list.innerText()).toContain(t.read);
    await nursePage.getByLabel(t.onlyUnread).check();
    await nursePage.getByText(t.empty).waitFor();
  });

  it('shows each reminder as a notice with its Dutch label, linking to its page', async () => {
    const links: Record<ReminderNotificationKind, string> = {
      agreement_review: '/coalities/KS0001/afspraken',
      pathway_review: '/zorgpaden/GM0505/stress',
      service_verification: '/sociale-kaart/te-bevestigen',
      questionnaire_open: '/vragenlijst/2026',
      questionnaire_deadline: '/vragenlijst/2026/GM0505',
      analysis_reminder: '/zelfanalyse/uitnodigingen/00000000-0000-4000-8000-000000000001',
    };
    await app.t.database.db.transaction(async (tx) => {
      for (const kind of REMINDER_NOTIFICATION_KINDS) {
        await notify(tx as unknown as Executor, { kind, onceKey: `e2e-${kind}`, personId: nurseId, organisationId: null, linkPath: links[kind] }, app.t.clock.now());
      }
    });
    await nursePage.goto('/meldingen');
    const list = nursePage.getByRole('list', { name: t.title });
    for (const kind of REMINDER_NOTIFICATION_KINDS) {
      const notice = list.getByRole('link', { name: t[`kind_${kind}`] });
      await notice.waitFor();
      expect(await notice.getAttribute('href')).toBe(links[kind]);
    }
    await expectNoAxeViolations(nursePage);
  });

  it('saves her preferences and the language of her mails from her account page', async () => {
    await nursePage.goto('/account');
    await nursePage.getByRole('link', { name: t.preferencesLink }).click();
    await nursePage.getByRole('heading', { level: 1, name: t.preferencesTitle }).waitFor();
    for (const kind of REMINDER_NOTIFICATION_KINDS) expect(await nursePage.getByLabel(t[`kind_${kind}`]).inputValue()).toBe('email_immediate');
    expect(await nursePage.getByLabel(t.language).inputValue()).toBe('nl');
    await expectNoAxeViolations(nursePage);
    await nursePage.getByLabel(t.kind_referral_due).selectOption('email_digest');
    await nursePage.getByLabel(t.kind_agreement_review).selectOption('none');
    // By keyboard: the language is the last field before the button.
    await nursePage.getByLabel(t.language).focus();
    await nursePage.getByLabel(t.language).selectOption('en');
    await nursePage.keyboard.press('Tab');
    await nursePage.keyboard.press('Enter');
    await nursePage.getByText(t.saved).waitFor();
    const saved = await app.t.app.inject({ method: 'GET', url: '/api/v1/notification-preferences', headers: { cookie: (await nursePage.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } });
    expect(saved.json().preferences).toContainEqual({ kind: 'referral_due', delivery: 'email_digest' });
    expect(saved.json().preferences).toContainEqual({ kind: 'agreement_review', delivery: 'none' });
    expect(saved.json().language).toBe('en');
    // The page itself stays Dutch: only her mails change language.
    await nursePage.reload();
    await nursePage.getByRole('heading', { level: 1, name: t.preferencesTitle }).waitFor();
    expect(await nursePage.getByLabel(t.language).inputValue()).toBe('en');
  });
});

describe('the organisation admin’s inbox settings', () => {
  it('sets the functional address and the recipients; a wrong address is refused in Dutch', async () => {
    const page = await app.newPage();
    await loginAs(app, page, 'practiceAdmin');
    await page.getByRole('navigation', { name: nl.app.mainNavigation }).getByRole('link', { name: t.inboxTitle }).click();
    await page.getByRole('heading', { level: 1, name: t.inboxTitle }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel(t.functionalAddress).fill('geen-adres');
    await page.getByRole('button', { name: t.inboxSave }).click();
    await page.locator('.kr-error-summary').getByText('Vul een geldig e-mailadres in.').waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel(t.functionalAddress).fill('intake@wieg.example.nl');
    await page.getByRole('group', { name: t.recipients }).getByRole('checkbox').first().check();
    await page.getByRole('button', { name: t.inboxSave }).click();
    await page.getByText(t.inboxSaved).waitFor();
  });
});

describe('reflow', () => {
  it.each(['/meldingen', '/account/meldingen'])('%s reflows at 320 px without horizontal scrolling', async (path) => {
    const narrow = await app.newPage();
    await narrow.context().addCookies(await nursePage.context().cookies());
    await narrow.setViewportSize({ width: 320, height: 800 });
    await narrow.goto(path);
    await narrow.waitForFunction(() => Boolean(document.querySelector('h1')) && !document.querySelector('.kr-loading'));
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await narrow.close();
    expect(pageErrors).toEqual([]);
  });
});

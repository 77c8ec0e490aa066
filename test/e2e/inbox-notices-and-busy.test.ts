// SPDX-License-Identifier: EUPL-1.2
// The receiver's inbox says why a referral disappeared after the client withdrew consent (no client
// name), and every submit shows a busy state (the shared button: disabled with a spinner). axe on each page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/contracts/i18n/nl.js';
import { careCallers, familyForJgz } from '../../src/server/features/jgz/test-support.js';
import { insertTestFamily } from '../../src/server/features/families/test-support.js';
import { insertTestReferral } from '../../src/server/features/referrals/test-support.js';
import { expectNoAxeViolations, loginAs, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
});
afterAll(async () => {
  await app?.close();
});

describe('the receiver is told, and submits show that they are busy', () => {
  it('after the consent is withdrawn, the JGZ inbox shows a neutral notice with the date and the sender, without the client', async () => {
    const callers = await careCallers(app.t);
    const { familyId } = await insertTestFamily(app.t, 'wieg', { givenName: 'Lina', familyName: 'Verdwenen' });
    const { consentId } = await insertTestReferral(app.t, familyId, 'wieg', 'jgz', callers.midwife.session.personId);
    const withdrawn = await callers.midwife.request('POST', `/api/v1/consents/${consentId}/withdrawal`, {});
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);

    const page = await app.newPage();
    await loginAs(app, page, 'jgzNurse');
    await page.goto('/verwijzingen');
    const notice = page.getByText(/^Toestemming ingetrokken op \d{1,2} [a-z]+ \d{4}\. Een verwijzing van Verloskundigenpraktijk De Wieg/);
    await notice.waitFor();
    expect(await page.getByText('Verdwenen').count()).toBe(0);
    await expectNoAxeViolations(page);
  });

  it('a submit is busy while it runs: the button is disabled with a spinner, and a second press sends nothing', async () => {
    const callers = await careCallers(app.t);
    const { familyId } = await familyForJgz(app.t, callers, { dueInDays: 100 });
    const page = await app.newPage();
    await loginAs(app, page, 'jgzNurse');
    await page.goto(`/clienten/${familyId}/zorg`);
    await page.getByRole('button', { name: nl.careHomeVisits.plan }).click();
    let posts = 0;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/api/v1/families/${familyId}/home-visits`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      posts += 1;
      await held;
      await route.continue();
    });
    const submit = page.locator('#plan-home-visit').getByRole('button', { name: nl.careHomeVisits.plan });
    await submit.click();
    await expect.poll(() => submit.getAttribute('aria-disabled')).toBe('true');
    expect(await submit.isDisabled()).toBe(true);
    expect(await submit.locator('.kr-spinner').count()).toBe(1);
    await expectNoAxeViolations(page);
    await submit.press('Enter');
    release();
    await page.getByText(nl.careHomeVisits.planned).waitFor();
    expect(posts).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('the JGZ home page shows the inbox with its count; the midwife’s shows her sent referrals', async () => {
    const callers = await careCallers(app.t);
    const { familyId } = await insertTestFamily(app.t, 'wieg', { givenName: 'Eva', familyName: 'Thuis' });
    await insertTestReferral(app.t, familyId, 'wieg', 'jgz', callers.midwife.session.personId);
    const inbox = (await callers.nurse.request('GET', '/api/v1/referrals?box=incoming&filter=new&pageSize=1')).json().total as number;
    const sent = (await callers.midwife.request('GET', '/api/v1/referrals?box=outgoing&pageSize=1')).json().total as number;
    expect(inbox).toBeGreaterThan(0);
    const inboxText = inbox === 1 ? '1 nieuwe verwijzing in de inbox' : `${inbox} nieuwe verwijzingen in de inbox`;

    const nurse = await app.newPage();
    await loginAs(app, nurse, 'jgzNurse');
    const work = nurse.getByRole('region', { name: nl.home.workTitle });
    await work.getByRole('link', { name: inboxText }).waitFor();
    await expectNoAxeViolations(nurse);
    await work.getByRole('link', { name: inboxText }).press('Enter');
    await nurse.getByRole('heading', { level: 1, name: nl.referrals.title }).waitFor();

    const midwife = await app.newPage();
    await loginAs(app, midwife, 'midwife');
    await midwife.getByRole('region', { name: nl.home.workTitle }).getByRole('link', { name: sent === 1 ? '1 verstuurde verwijzing' : `${sent} verstuurde verwijzingen` }).waitFor();
  });

  it('the menu shows the new referrals beside "Verwijzingen" and keeps the count current without reloading', async () => {
    const callers = await careCallers(app.t);
    const countNow = async () => (await callers.nurse.request('GET', '/api/v1/referrals?box=incoming&filter=new&pageSize=1')).json().total as number;
    const { familyId } = await insertTestFamily(app.t, 'wieg', { givenName: 'Noor', familyName: 'Teller' });
    await insertTestReferral(app.t, familyId, 'wieg', 'jgz', callers.midwife.session.personId);
    const before = await countNow();

    const page = await app.newPage();
    await loginAs(app, page, 'jgzNurse');
    const nav = page.getByRole('navigation', { name: nl.app.mainNavigation });
    const inboxLink = (count: number) => nav.getByRole('link', { name: `${nl.referrals.nav} ${nl.referrals.navNewCount.replace('{count}', String(count))}` });
    await inboxLink(before).waitFor();
    await expectNoAxeViolations(page);
    // The page stays (no reload): a mark on the window survives.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

    // Another referral arrives; the window gets focus again: the count follows.
    const another = await insertTestFamily(app.t, 'wieg', { givenName: 'Sem', familyName: 'Teller' });
    await insertTestReferral(app.t, another.familyId, 'wieg', 'jgz', callers.midwife.session.personId);
    expect(await countNow()).toBe(before + 1);
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await inboxLink(before + 1).waitFor();
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

    // By keyboard to the inbox; at 320 px the menu with its count reflows.
    await inboxLink(before + 1).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: nl.referrals.title }).waitFor();
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });
});

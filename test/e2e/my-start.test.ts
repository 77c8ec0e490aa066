// SPDX-License-Identifier: EUPL-1.2
// Mijn Kansrijke Start in Chromium at 360 px (issue 15 items 3, 4, 6): a mother logs in through the test
// DigiD broker — at level midden she is refused with the reason in Dutch, at substantieel she is in —
// sees who helps her, her appointment and her referral, withdraws her consent for JGZ (the JGZ nurse's
// next request for her file is refused), gives her consent for the referral to the social team that
// waited for it (the social worker then has it), sees that refusal in "wie heeft mijn dossier bekeken",
// and downloads her copy: one ZIP with a Dutch PDF and a FHIR R4 Bundle. axe finds nothing on any page.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { nl } from '../../src/contracts/i18n/nl.js';
import { expectNoAxeViolations, freePort, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { sessionFor } from '../helpers/sessions.js';
import type { TestIdentityProvider } from '../helpers/test-identity-provider.js';
import {
  insertParentFile,
  PARENT_BSN,
  pdfText,
  pdfXrefProblems,
  readStoredZip,
  startParentBroker,
  PROFESSIONAL_NOTE,
  type ParentFile,
} from '../../src/server/features/my-start/test-support.js';

const t = nl.myStart;
const JGZ = 'JGZ Zuid-Holland Zuid';
const WIEG = 'Verloskundigenpraktijk De Wieg';
const WIJKTEAM = 'Sociaal Wijkteam Dordrecht';
let app: BrowserApp;
let idp: TestIdentityProvider;
let page: Page;
let file: ParentFile;

beforeAll(async () => {
  const port = await freePort();
  const redirectUri = `http://127.0.0.1:${port}/api/v1/my/auth/callback`;
  const broker = await startParentBroker(redirectUri);
  idp = broker.idp;
  app = await startBrowserApp({ port, env: broker.env });
  file = await insertParentFile(app.t, PARENT_BSN, 'Fatima');
  page = await app.newPage();
  await page.setViewportSize({ width: 360, height: 780 });
});
afterAll(async () => {
  await app?.close();
  await idp?.close();
});

async function loginWithDigiD(on: Page, level: string) {
  idp.loginNextAs({ sub: 'digid-fatima', bsn: PARENT_BSN, acr: level });
  await on.goto('/mijn/inloggen');
  await on.getByRole('heading', { level: 1, name: t.loginTitle }).waitFor();
  await on.getByRole('link', { name: t.loginButton }).click();
}

describe('Mijn Kansrijke Start on a 360 px screen', () => {
  it('refuses DigiD level midden with the reason in Dutch, lets level substantieel in, and shows who helps, the appointment and the referral', async () => {
    await page.goto('/mijn/inloggen');
    await page.getByRole('link', { name: t.loginButton }).waitFor();
    await expectNoAxeViolations(page);

    await loginWithDigiD(page, 'midden');
    await page.waitForURL(/\/mijn\/inloggen\?fout=level_too_low$/);
    await page.getByText(t.refusalLevelTooLow).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: t.refusedTitle }).count()).toBe(1);
    await expectNoAxeViolations(page);

    await loginWithDigiD(page, 'substantieel');
    await page.waitForURL(/\/mijn$/);
    await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
    await page.getByText(`${t.greeting.replace('{name}', 'Fatima')}`, { exact: false }).waitFor();
    const helpers = page.getByRole('region', { name: t.helpersTitle }).or(page.locator('section[aria-labelledby="helpers-title"]'));
    await helpers.getByText(JGZ).first().waitFor();
    await helpers.getByText(WIEG).first().waitFor();
    const appointments = page.getByRole('table', { name: t.appointmentsTitle });
    await appointments.getByText(t.appointmentHomeVisit.replace('{organisation}', JGZ)).waitFor();
    const referrals = page.getByRole('table', { name: t.referralsTitle });
    await referrals.getByRole('row').filter({ hasText: nl.referralStatuses.accepted }).filter({ hasText: JGZ }).waitFor();
    expect(await page.content()).not.toContain(PROFESSIONAL_NOTE);
    // Reflow: nothing wider than the screen but the tables' own scroll regions.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page);
  });

  it('reads what giving consent for the waiting referral means, gives it, and the social worker has the referral', async () => {
    const socialWorker = await sessionFor(app.t, 'socialWorker');
    const referralUrl = `/api/v1/referrals/${file.awaitingReferralId}`;
    expect((await app.t.app.inject({ method: 'GET', url: referralUrl, headers: socialWorker.headers })).statusCode).toBe(403);
    const names = (template: string) => template.replaceAll('{sender}', WIEG).replaceAll('{receiver}', WIJKTEAM);
    const awaiting = page.locator('section[aria-labelledby="awaiting-title"]');
    await awaiting.getByRole('heading', { level: 2, name: t.awaitingTitle }).waitFor();
    await awaiting.getByRole('heading', { level: 3, name: names(t.awaitingAsk) }).waitFor();
    await awaiting.getByText(names(t.awaitingMeaning)).waitFor();
    await awaiting.getByText(nl.consentDataCategories.referral_reason).waitFor();
    await awaiting.getByText(names(t.awaitingAfter)).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page);

    // By keyboard: focus the button and press Enter.
    const give = page.getByRole('button', { name: t.giveLabel.replace('{organisation}', WIJKTEAM) });
    await give.focus();
    await page.keyboard.press('Enter');
    await page.getByText(t.giveDone.replace('{organisation}', WIJKTEAM)).waitFor();
    await page.getByRole('table', { name: t.referralsTitle }).getByRole('row').filter({ hasText: WIJKTEAM }).filter({ hasText: nl.referralStatuses.requested }).waitFor();
    await page.getByRole('table', { name: t.consentsTitle }).getByRole('row').filter({ hasText: WIJKTEAM }).filter({ hasText: nl.consentStatuses.valid }).waitFor();
    expect(await awaiting.count()).toBe(0);
    await expectNoAxeViolations(page);

    const opened = await app.t.app.inject({ method: 'GET', url: referralUrl, headers: socialWorker.headers });
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ status: 'requested', consentId: expect.any(String) });
  });

  it('withdraws the consent for JGZ at once: the nurse is refused next, and the refusal is in who looked at my file', async () => {
    const nurse = await sessionFor(app.t, 'jgzNurse');
    expect((await app.t.app.inject({ method: 'GET', url: `/api/v1/families/${file.familyId}`, headers: nurse.headers })).statusCode).toBe(200);

    await page.getByRole('button', { name: t.withdrawLabel.replace('{organisation}', JGZ) }).click();
    const panel = page.locator('#withdraw-panel');
    await panel.getByText(t.withdrawConfirm.replaceAll('{organisation}', JGZ)).waitFor();
    await expectNoAxeViolations(page);
    await panel.getByRole('button', { name: t.withdraw, exact: true }).click();
    await page.getByText(t.withdrawDone.replaceAll('{organisation}', JGZ)).waitFor();
    await page.getByRole('table', { name: t.consentsTitle }).getByRole('row').filter({ hasText: nl.consentStatuses.withdrawn }).waitFor();
    await expectNoAxeViolations(page);

    const refused = await app.t.app.inject({ method: 'GET', url: `/api/v1/families/${file.familyId}`, headers: nurse.headers });
    expect(refused.statusCode).toBe(403);

    await page.getByRole('link', { name: t.accessLogLink }).click();
    await page.getByRole('heading', { level: 1, name: t.accessLogTitle }).waitFor();
    const log = page.getByRole('table', { name: t.accessLogTitle });
    const refusal = log.getByRole('row').filter({ hasText: JGZ }).filter({ hasText: nl.auditOutcomes.denied });
    await refusal.first().waitFor();
    await log.getByRole('row').filter({ hasText: t.you }).first().waitFor();
    expect(await log.textContent()).not.toMatch(/Jansen|127\.0\.0\.1/);
    await expectNoAxeViolations(page);
  });

  it('downloads a copy of the data: one ZIP with a Dutch PDF and a FHIR R4 Bundle', async () => {
    await page.getByRole('link', { name: t.back }).click();
    await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
    await page.getByText(t.copyIntro).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t.copyButton }).click()]);
    expect(download.suggestedFilename()).toBe('mijn-gegevens.zip');
    const entries = readStoredZip(await readFile((await download.path())!));
    expect([...entries.keys()]).toEqual(['mijn-gegevens.pdf', 'mijn-gegevens.fhir.json']);
    const bundle = JSON.parse(entries.get('mijn-gegevens.fhir.json')!.toString('utf8')) as {
      resourceType: string;
      type: string;
      entry: { fullUrl: string; resource: { resourceType: string; id: string } }[];
    };
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(bundle.entry.map((entry) => entry.resource.resourceType)).toEqual(expect.arrayContaining(['Patient', 'Consent', 'Task', 'Appointment']));
    const pdf = entries.get('mijn-gegevens.pdf')!;
    expect(pdfXrefProblems(pdf)).toEqual([]);
    const text = pdfText(pdf).replace(/\n/g, ' ');
    expect(text).toContain(t.pdfTitle);
    expect(text).toContain('Fatima Testcliënt');
    expect(text).toContain(`${JGZ}: ${nl.consentStatuses.withdrawn}`);
    expect(text).toContain(`${WIJKTEAM}: ${nl.consentStatuses.valid}`);
    expect(text).not.toContain(PROFESSIONAL_NOTE);
    await page.getByText(t.copyDone.replace('{fileName}', 'mijn-gegevens.zip')).waitFor();
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });
});

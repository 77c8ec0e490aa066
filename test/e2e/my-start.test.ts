// SPDX-License-Identifier: EUPL-1.2
// Mijn Kansrijke Start in Chromium at 360 px (issue 15 items 3, 4, 6): a mother logs in through the test
// DigiD broker — at level midden she is refused with the reason in Dutch, at substantieel she is in —
// sees who helps her, her appointment and her referral, withdraws her consent for JGZ (the JGZ nurse's
// next request for her file is refused), sees that refusal in "wie heeft mijn dossier bekeken", and
// downloads her copy, a FHIR R4 Bundle. axe finds nothing on any page.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { nl } from '../../src/contracts/i18n/nl.js';
import { expectNoAxeViolations, freePort, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { sessionFor } from '../helpers/sessions.js';
import type { TestIdentityProvider } from '../helpers/test-identity-provider.js';
import { insertParentFile, PARENT_BSN, startParentBroker, PROFESSIONAL_NOTE, type ParentFile } from '../../src/server/features/my-start/test-support.js';

const t = nl.myStart;
const JGZ = 'JGZ Zuid-Holland Zuid';
const WIEG = 'Verloskundigenpraktijk De Wieg';
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

  it('downloads a copy of the data: one FHIR R4 Bundle', async () => {
    await page.getByRole('link', { name: t.back }).click();
    await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t.copyButton }).click()]);
    expect(download.suggestedFilename()).toBe('mijn-kansrijke-start.fhir.json');
    const bundle = JSON.parse((await readFile((await download.path())!)).toString('utf8')) as {
      resourceType: string;
      type: string;
      entry: { fullUrl: string; resource: { resourceType: string; id: string } }[];
    };
    expect(bundle.resourceType).toBe('Bundle');
    expect(['collection', 'document', 'searchset']).toContain(bundle.type);
    expect(bundle.entry.length).toBeGreaterThan(0);
    for (const entry of bundle.entry) {
      expect(typeof entry.resource.resourceType).toBe('string');
      expect(entry.resource.id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
    }
    expect(bundle.entry.map((entry) => entry.resource.resourceType)).toEqual(expect.arrayContaining(['Patient', 'Consent', 'Task', 'Appointment']));
    await page.getByText(t.copyDone.replace('{fileName}', 'mijn-kansrijke-start.fhir.json')).waitFor();
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });
});

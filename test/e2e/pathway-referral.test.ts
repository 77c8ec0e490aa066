// SPDX-License-Identifier: EUPL-1.2
// Issue 13 items 4 and 6, in real Chromium: the coordinator of Drechtsteden edits Dordrecht's (GM0505)
// "money worries or debts" pathway, choosing its services from the service directory, and publishes
// it. The midwife screens a client with that factor; the factor profile shows the published pathway
// with its services; "Verwijzen" at the social team's service opens the referral form prefilled
// (receiver, factor, reason) and sending it starts the existing closed loop (the social worker accepts
// it). At the external debt counselling service a printable contact card carries only what she ticks.
// By keyboard where it matters; axe on every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { nl } from '../../src/contracts/i18n/nl.js';
import { PREGNANT_WITH_DEBTS_AND_STRESS } from '../../src/server/features/screening/test-support.js';
import { expectNoAxeViolations, loginAs, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { SCREENING_ITEMS, answerByKeyboard, byId } from '../helpers/screening.js';
import { choose, expectConfirmation, press, settled, tabTo } from '../helpers/coalition-browser.js';
import { addDays, amsterdamDate } from '../../src/contracts/calendar.js';

const WALK_IN = 'Spreekuur Geldzaken sociaal wijkteam';
const DEBT_COUNSELLING = 'Schuldhulpverlening Drechtsteden';

let app: BrowserApp;
let coordinator: Page;
let midwife: Page;
let resultUrl: string;
let fileUrl: string;
beforeAll(async () => {
  app = await startBrowserApp();
  coordinator = await app.newPage();
  await loginAs(app, coordinator, 'coordinator');
  midwife = await app.newPage();
  await loginAs(app, midwife, 'midwife');
}, 180_000);
afterAll(async () => {
  await app?.close();
});

function inDays(days: number): string {
  return addDays(amsterdamDate(app.t.clock.now()), days);
}

describe('from the pathway into the chain', () => {
  it('the coordinator chooses the services of the Dordrecht debts pathway from the directory and publishes it', async () => {
    await coordinator.goto('/zorgpaden/GM0505/money-debts');
    await settled(coordinator);
    await press(coordinator, nl.pathways.startDraft);
    await coordinator.getByRole('heading', { level: 1, name: 'Concept bewerken: versie 2' }).waitFor();
    await settled(coordinator);
    // The directory's options for the pathway's municipality have loaded.
    await expect.poll(() => coordinator.locator('select[id="step-1-service-0-service"] option').count()).toBeGreaterThan(1);
    await expectNoAxeViolations(coordinator);
    await choose(coordinator, 'step-1-service-0-service', `${DEBT_COUNSELLING} — Sociale Dienst Drechtsteden`);
    await press(coordinator, 'Aanbod 2 bij stap 2 verwijderen');
    await press(coordinator, 'Aanbod toevoegen bij stap 1');
    await choose(coordinator, 'step-0-service-0-service', `${WALK_IN} — Sociaal Wijkteam Dordrecht`);
    await expectNoAxeViolations(coordinator);
    await press(coordinator, nl.pathways.publish);
    await coordinator.getByRole('heading', { level: 2, name: 'Versie 2 publiceren?' }).waitFor();
    await press(coordinator, nl.pathways.publishConfirm);
    await expectConfirmation(coordinator, 'Versie 2 is gepubliceerd.');
    await expect.poll(() => coordinator.locator('main').textContent()).toContain(WALK_IN);
    expect(await coordinator.locator('main').textContent()).not.toContain(nl.pathwayServices.notRecentlyChecked);
    await expectNoAxeViolations(coordinator);
  });

  it('the midwife screens a client with money worries; the factor profile shows the published pathway and its services', async () => {
    await midwife.goto('/clienten/nieuw');
    await midwife.getByRole('heading', { level: 1, name: nl.families.registerTitle }).waitFor();
    await midwife.getByLabel(nl.families.givenName).first().fill('Iris');
    await midwife.getByLabel(nl.families.familyName).first().fill('Padproef');
    await midwife.getByLabel(nl.families.birthDate).first().fill('1995-04-12');
    await midwife.getByLabel(nl.families.bsn).fill('123456782');
    await midwife.getByLabel(nl.families.postcode).fill('3312 KL');
    await midwife.getByLabel(nl.families.municipality).selectOption('GM0505');
    await midwife.getByLabel(nl.families.dueDate).fill(inDays(120));
    await midwife.getByRole('button', { name: nl.families.registerAction }).click();
    await midwife.getByRole('heading', { level: 1, name: 'Dossier van Iris Padproef' }).waitFor();
    fileUrl = new URL(midwife.url()).pathname;

    // Consent for the social team first (the referral then rests on it).
    await midwife.goto(`${fileUrl}/verwijzingen`);
    await midwife.getByRole('heading', { level: 1, name: nl.referrals.familyTitle }).waitFor();
    await midwife.getByRole('button', { name: nl.referrals.recordConsent }).click();
    const consentPanel = midwife.locator('#consent-panel');
    await consentPanel.getByLabel(nl.referrals.receiverOrganisation).selectOption({ label: 'Sociaal Wijkteam Dordrecht' });
    await consentPanel.getByRole('button', { name: nl.referrals.recordConsent }).click();
    await midwife.getByText('De toestemming voor Sociaal Wijkteam Dordrecht is vastgelegd.').waitFor();

    await midwife.goto(`${fileUrl}/screening`);
    await midwife.getByRole('button', { name: nl.screening.newScreening }).click();
    await midwife.getByRole('heading', { level: 1, name: nl.screening.formTitle }).waitFor();
    for (const [linkId, values] of Object.entries(PREGNANT_WITH_DEBTS_AND_STRESS)) {
      await answerByKeyboard(midwife, SCREENING_ITEMS.get(linkId)!, values[0]);
      if (linkId === 'situatie.fase') await byId(midwife, 'q-situatie.weken').waitFor();
    }
    await midwife.getByRole('form', { name: nl.screening.formLabel }).getByRole('button', { name: nl.screening.complete }).click();
    await midwife.getByRole('heading', { level: 1, name: nl.screening.resultTitle }).waitFor();
    resultUrl = new URL(midwife.url()).pathname;
    const debts = midwife.getByRole('article', { name: 'Geldzorgen of schulden' });
    await expect.poll(() => debts.textContent()).toContain('Geldzorgen en schulden in Dordrecht');
    expect(await debts.textContent()).toContain(WALK_IN);
    expect(await debts.textContent()).toContain(DEBT_COUNSELLING);
    expect(await debts.getByRole('link', { name: `Verwijzen naar ${WALK_IN}` }).count()).toBe(1);
    // The external provider gets a contact card, not a referral.
    expect(await debts.getByRole('link', { name: `Verwijzen naar ${DEBT_COUNSELLING}` }).count()).toBe(0);
    expect(await debts.getByRole('link', { name: `Contactkaart of warme overdracht voor ${DEBT_COUNSELLING}` }).count()).toBe(1);
    await expectNoAxeViolations(midwife);
  });

  it('"Verwijzen" opens the referral form prefilled; sending it starts the closed loop', async () => {
    const link = midwife.getByRole('link', { name: `Verwijzen naar ${WALK_IN}` });
    await tabTo(midwife, link, { limit: 300 });
    await midwife.keyboard.press('Enter');
    await midwife.getByRole('heading', { level: 1, name: nl.referrals.familyTitle }).waitFor();
    const panel = midwife.locator('#referral-panel');
    await panel.getByText(nl.pathwayServices.prefillNotice).waitFor();
    await expect.poll(() => panel.getByLabel(nl.referrals.receiver).evaluate((element) => (element as HTMLSelectElement).selectedOptions[0]?.text)).toBe('Sociaal Wijkteam Dordrecht');
    expect(await panel.getByLabel(nl.referrals.referralReason).inputValue()).toContain('Verwijzing vanuit het zorgpad');
    expect(await panel.getByLabel(nl.referrals.referralReason).inputValue()).toContain(WALK_IN);
    await expect.poll(() => panel.getByLabel('Geldzorgen of schulden').isChecked(), { timeout: 30_000 }).toBe(true);
    expect(await panel.getByLabel('Veel stress').isChecked()).toBe(false);
    await expectNoAxeViolations(midwife);
    await tabTo(midwife, panel.getByRole('button', { name: nl.referrals.sendReferral }), { limit: 300 });
    await midwife.keyboard.press('Enter');
    const sent = midwife.getByText('De verwijzing naar Sociaal Wijkteam Dordrecht is verstuurd.');
    await expect
      .poll(async () => ((await sent.count()) > 0 ? 'sent' : ((await midwife.locator('.kr-error-summary').textContent().catch(() => null)) ?? 'waiting')), { timeout: 30_000 })
      .toBe('sent');

    // The existing closed loop, unchanged: the social worker finds it in her inbox and accepts it.
    const worker = await app.newPage();
    await loginAs(app, worker, 'socialWorker');
    await worker.getByRole('link', { name: new RegExp(`^${nl.referrals.nav}( \\d+ nieuw)?$`) }).click();
    const inbox = worker.getByRole('table', { name: nl.referrals.incomingCaption });
    await inbox.getByRole('link', { name: /Iris Padproef/ }).click();
    await worker.getByRole('heading', { level: 2, name: nl.referrals.sharedTitle }).waitFor();
    await expectNoAxeViolations(worker);
    await worker.getByRole('button', { name: nl.referrals.actionAccept }).click();
    await worker.getByText('De verwijzing is bijgewerkt: Geaccepteerd.').waitFor();
    const referralUrl = new URL(worker.url()).pathname;
    await midwife.goto(referralUrl);
    await midwife.getByText(nl.referrals.senderNotice).waitFor();
    await midwife.locator('dl.kr-details').getByText(nl.referralStatuses.accepted, { exact: true }).waitFor();
  });

  it('at the external service a printable contact card carries only what she ticks', async () => {
    await midwife.goto(resultUrl);
    const card = midwife.getByRole('article', { name: 'Geldzorgen of schulden' }).getByRole('link', { name: `Contactkaart of warme overdracht voor ${DEBT_COUNSELLING}` });
    await tabTo(midwife, card, { limit: 300 });
    await midwife.keyboard.press('Enter');
    await midwife.getByRole('heading', { level: 1, name: `Contactkaart: ${DEBT_COUNSELLING}` }).waitFor();
    await settled(midwife);
    const shown = midwife.locator('.kr-contact-card');
    await expect.poll(() => shown.textContent()).toContain('Sociale Dienst Drechtsteden');
    expect(await shown.textContent()).not.toContain('Iris');
    expect(await shown.textContent()).not.toContain('Geldzorgen of schulden');
    await expectNoAxeViolations(midwife);
    await tabTo(midwife, midwife.locator('[id="card-factor"]'));
    await midwife.keyboard.press('Space');
    await expect.poll(() => shown.textContent()).toContain('Waarvoor: Geldzorgen of schulden');
    expect(await shown.textContent()).not.toContain('Iris');
    await midwife.emulateMedia({ media: 'print' });
    expect(await midwife.locator('[id="card-factor"]').isVisible()).toBe(false);
    expect(await shown.isVisible()).toBe(true);
    await midwife.emulateMedia({ media: 'screen' });
    await expectNoAxeViolations(midwife);
  });
});

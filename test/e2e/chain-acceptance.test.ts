// SPDX-License-Identifier: EUPL-1.2
// Issue 3's acceptance, in one flow through the real UI: a midwife of a Dordrecht practice registers
// a pregnant client, screens her (debts and stress as risks, a supportive partner as protection, the
// Dordrecht pathways), records consent for JGZ and refers. The JGZ nurse finds the referral in her
// inbox, accepts it, plans and records the prenatal home visit and enrols the family in Stevig
// Ouderschap; the midwife sees "in behandeling". An unrelated professional cannot find the family;
// emergency access with a reason works and shows on the family's access page. The client withdraws
// consent: the nurse can no longer open the file. The birth is recorded and Big2 derived.
// axe on every page along the way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/contracts/i18n/nl.js';
import { PREGNANT_WITH_DEBTS_AND_STRESS } from '../../src/server/features/screening/test-support.js';
import { expectNoAxeViolations, loginAs, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { SCREENING_ITEMS, answerByKeyboard, byId } from '../helpers/screening.js';
import { addDays, amsterdamDate } from '../../src/contracts/calendar.js';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
});
afterAll(async () => {
  await app?.close();
});

function inDays(days: number): string {
  // The calendar day in Amsterdam, as the app counts weeks of pregnancy (UTC's day differs after 23:00 UTC), counted in
  // calendar days (adding 24-hour steps across a change to summer time lands on the next day).
  return addDays(amsterdamDate(app.t.clock.now()), days);
}

describe('the chain, end to end', () => {
  it('register → screen → consent → refer → accept → home visit → intervention → withdraw → emergency access → birth', async () => {
    // 1. The midwife registers a pregnant client of Dordrecht.
    const midwife = await app.newPage();
    await loginAs(app, midwife, 'midwife');
    await midwife.goto('/clienten/nieuw');
    await midwife.getByRole('heading', { level: 1, name: nl.families.registerTitle }).waitFor();
    await midwife.getByLabel(nl.families.givenName).first().fill('Hanna');
    await midwife.getByLabel(nl.families.familyName).first().fill('Ketenproef');
    await midwife.getByLabel(nl.families.birthDate).first().fill('1996-11-03');
    await midwife.getByLabel(nl.families.bsn).fill('111222333');
    await midwife.getByLabel(nl.families.postcode).fill('3312 KL');
    await midwife.getByLabel(nl.families.municipality).selectOption('GM0505');
    await midwife.getByLabel(nl.families.hasPartner).check();
    await midwife.getByLabel(nl.families.givenName).nth(1).fill('Daan');
    await midwife.getByLabel(nl.families.familyName).nth(1).fill('Ketenproef');
    await midwife.getByLabel(nl.families.dueDate).fill(inDays(120));
    await expectNoAxeViolations(midwife);
    await midwife.getByRole('button', { name: nl.families.registerAction }).click();
    await midwife.getByRole('heading', { level: 1, name: 'Dossier van Hanna Ketenproef' }).waitFor();
    const fileUrl = new URL(midwife.url()).pathname;
    const sections = midwife.getByRole('navigation', { name: new RegExp(`^${nl.families.sectionsLabel}`) });

    // 2. The screening, by keyboard; the factor profile and the Dordrecht pathways right after.
    await sections.getByRole('link', { name: nl.screening.section }).click();
    await midwife.getByRole('button', { name: nl.screening.newScreening }).click();
    await midwife.getByRole('heading', { level: 1, name: nl.screening.formTitle }).waitFor();
    for (const [linkId, values] of Object.entries(PREGNANT_WITH_DEBTS_AND_STRESS)) {
      await answerByKeyboard(midwife, SCREENING_ITEMS.get(linkId)!, values[0]);
      if (linkId === 'situatie.fase') await byId(midwife, 'q-situatie.weken').waitFor();
    }
    await expectNoAxeViolations(midwife);
    await midwife.getByRole('form', { name: nl.screening.formLabel }).getByRole('button', { name: nl.screening.complete }).click();
    await midwife.getByRole('heading', { level: 1, name: nl.screening.resultTitle }).waitFor();
    const risksOf = (domain: string) => midwife.getByRole('list', { name: `${nl.screening.risks}: ${domain}` });
    expect(await risksOf('Omgeving en gezin').getByRole('listitem').allTextContents()).toEqual(['Geldzorgen of schulden']);
    expect(await risksOf('Leefstijl voor en tijdens de zwangerschap').getByRole('listitem').allTextContents()).toEqual(['Veel stress']);
    expect(await midwife.getByRole('list', { name: `${nl.screening.protectives}: Omgeving en gezin` }).getByRole('listitem').allTextContents()).toContain(
      'Steun van partner',
    );
    await midwife.getByRole('heading', { level: 2, name: 'Van factor naar hulp: zorgpaden in Dordrecht' }).waitFor();
    await midwife.getByRole('article', { name: 'Geldzorgen of schulden' }).getByText('Geldzorgen en schulden in Dordrecht').waitFor();
    await expectNoAxeViolations(midwife);

    // 3. Consent for JGZ, then the referral.
    await midwife.goto(`${fileUrl}/verwijzingen`);
    await midwife.getByRole('heading', { level: 1, name: nl.referrals.familyTitle }).waitFor();
    await midwife.getByRole('button', { name: nl.referrals.recordConsent }).click();
    const consentPanel = midwife.locator('#consent-panel');
    await consentPanel.getByLabel(nl.referrals.receiverOrganisation).selectOption({ label: 'JGZ Zuid-Holland Zuid' });
    await consentPanel.getByRole('button', { name: nl.referrals.recordConsent }).click();
    await midwife.getByText('De toestemming voor JGZ Zuid-Holland Zuid is vastgelegd.').waitFor();
    await midwife.getByRole('button', { name: nl.referrals.sendReferral }).first().click();
    const referralPanel = midwife.locator('#referral-panel');
    await referralPanel.getByLabel(nl.referrals.receiver).selectOption({ label: 'JGZ Zuid-Holland Zuid' });
    await referralPanel.getByLabel(nl.referrals.referralReason).fill('Schulden en veel stress; partner steunt. Graag prenataal huisbezoek.');
    // The screening's risk factors are ticked beforehand once it has loaded; ticking before that races it.
    await expect.poll(() => referralPanel.getByLabel('Geldzorgen of schulden').isChecked(), { timeout: 30_000 }).toBe(true);
    await referralPanel.getByLabel('Geldzorgen of schulden').check();
    await referralPanel.getByLabel('Veel stress').check();
    await expectNoAxeViolations(midwife);
    await referralPanel.getByRole('button', { name: nl.referrals.sendReferral }).click();
    await midwife.getByText('De verwijzing naar JGZ Zuid-Holland Zuid is verstuurd.').waitFor();

    // 4. The JGZ nurse (another organisation) finds it in her inbox and accepts it.
    const nurse = await app.newPage();
    await loginAs(app, nurse, 'jgzNurse');
    await nurse.getByRole('link', { name: new RegExp(`^${nl.referrals.nav}( \\d+ nieuw)?$`) }).click();
    const inbox = nurse.getByRole('table', { name: nl.referrals.incomingCaption });
    await inbox.getByRole('link', { name: /Hanna Ketenproef/ }).click();
    await nurse.getByRole('heading', { level: 2, name: nl.referrals.sharedTitle }).waitFor();
    await expectNoAxeViolations(nurse);
    await nurse.getByRole('button', { name: nl.referrals.actionAccept }).click();
    await nurse.getByText('De verwijzing is bijgewerkt: Geaccepteerd.').waitFor();
    await nurse.getByRole('button', { name: nl.referrals.actionStart }).click();
    await nurse.getByText('De verwijzing is bijgewerkt: In behandeling.').waitFor();
    const referralUrl = new URL(nurse.url()).pathname;

    // 5. The prenatal home visit: planned, held (week 22: due in 120 days), findings and follow-up.
    await nurse.goto(`${fileUrl}/zorg`);
    await nurse.getByRole('heading', { level: 1, name: nl.care.title }).waitFor();
    await nurse.getByRole('button', { name: nl.careHomeVisits.plan }).click();
    await nurse.locator('#plan-home-visit').getByRole('button', { name: nl.careHomeVisits.plan }).click();
    await nurse.getByText(nl.careHomeVisits.planned).waitFor();
    await nurse.getByRole('button', { name: new RegExp(`^${nl.careHomeVisits.record}`) }).click();
    const record = nurse.locator('#record-home-visit');
    await record.getByLabel(nl.careHomeVisits.status).selectOption('held');
    await record.getByLabel(nl.careLifeDomains.environment).fill('Schulden, veel stress; partner betrokken.');
    await record.getByLabel(nl.careHomeVisits.followUp).fill('Aanmelden bij Stevig Ouderschap; schuldhulp via het Geldloket.');
    await record.getByRole('button', { name: nl.app.save }).click();
    await nurse.getByText(nl.careHomeVisits.saved).waitFor();
    await nurse.getByRole('table', { name: nl.careHomeVisits.caption }).getByRole('cell', { name: 'week 22' }).waitFor();

    // 6. Enrolment in Stevig Ouderschap.
    await nurse.getByRole('button', { name: nl.careEnrolments.enrol }).click();
    const enrol = nurse.locator('#enrol');
    await enrol.getByLabel(nl.careEnrolments.intervention).selectOption({ label: 'Stevig Ouderschap' });
    await enrol.getByLabel(nl.careEnrolments.organisation).selectOption({ label: 'JGZ Zuid-Holland Zuid' });
    await enrol.getByRole('button', { name: nl.careEnrolments.enrol }).click();
    await nurse.getByText('Het gezin is aangemeld voor Stevig Ouderschap.').waitFor();
    await expectNoAxeViolations(nurse);

    // 7. The midwife sees "accepted / in progress" — the status, not the nurse's file.
    await midwife.goto(referralUrl);
    await midwife.getByText(nl.referrals.senderNotice).waitFor();
    await midwife.locator('dl.kr-details').getByText(nl.referralStatuses['in-progress'], { exact: true }).waitFor();
    await midwife.getByRole('table', { name: nl.referrals.historyCaption }).getByRole('cell', { name: nl.referralStatuses.accepted }).waitFor();
    await expectNoAxeViolations(midwife);

    // 8. An unrelated professional cannot find the family; emergency access with a reason works.
    const worker = await app.newPage();
    await loginAs(app, worker, 'socialWorker');
    await worker.goto('/clienten');
    await worker.getByLabel(nl.families.searchLabel).fill('Ketenproef');
    await worker.getByRole('button', { name: nl.app.search }).click();
    await worker.getByText(nl.app.noResults).waitFor();
    await worker.goto('/clienten/noodtoegang');
    await worker.getByLabel(nl.emergency.familyName).fill('Ketenproef');
    await worker.getByLabel(nl.emergency.birthDate).fill('1996-11-03');
    await worker.getByLabel(nl.emergency.reason).fill('Cliënte staat in crisis aan de balie van het wijkteam; praktijk en JGZ onbereikbaar.');
    await worker.getByRole('button', { name: nl.emergency.submit }).click();
    await worker.getByRole('heading', { level: 1, name: 'Dossier van Hanna Ketenproef' }).waitFor();
    await expectNoAxeViolations(worker);
    await midwife.goto(`${fileUrl}/inzage`);
    const emergencyRow = midwife.getByRole('row').filter({ hasText: 'Sanne Bakker' }).first();
    await emergencyRow.waitFor();
    expect(await emergencyRow.textContent()).toContain(nl.accessLog.emergencyYes);
    // The nurse's reads are there too: the client can see who looked.
    await midwife.getByRole('row').filter({ hasText: 'Joke Jansen' }).first().waitFor();
    await expectNoAxeViolations(midwife);

    // 9. The client withdraws consent: the JGZ nurse can no longer open the file.
    await midwife.goto(`${fileUrl}/verwijzingen`);
    await midwife.getByRole('button', { name: 'Toestemming intrekken voor JGZ Zuid-Holland Zuid' }).click();
    await midwife.locator('#withdraw-panel').getByRole('button', { name: nl.referrals.withdraw }).click();
    await midwife.getByText('De toestemming is ingetrokken.', { exact: false }).waitFor();
    await nurse.goto(fileUrl);
    await nurse.getByText(nl.errors.forbidden).first().waitFor();
    await nurse.goto(referralUrl);
    await nurse.getByText(nl.errors.forbidden).first().waitFor();

    // 10. The birth is recorded (by the midwife) and Big2 derived: 35+5 weeks, 2100 g.
    await midwife.goto(`${fileUrl}/zorg`);
    await midwife.getByRole('button', { name: nl.careBirth.record }).click();
    const birth = midwife.locator('#record-birth');
    await birth.getByLabel(nl.careBirth.gestationalWeeks).fill('35');
    await birth.getByLabel(nl.careBirth.gestationalDays).fill('5');
    await birth.getByLabel(nl.careBirth.birthWeight).fill('2100');
    await birth.getByLabel(nl.careBirth.sex).selectOption('male');
    await birth.getByLabel(nl.careBirth.maternityCare).selectOption('yes');
    await birth.getByLabel(nl.careBirth.maternityCareHours).fill('49');
    await birth.getByRole('button', { name: nl.careBirth.record }).click();
    await midwife.getByText(nl.careBirth.saved).waitFor();
    const facts = midwife.locator('dl.kr-facts').first();
    await expect.poll(async () => (await facts.getByTestId('big2').textContent())?.trim()).toBe(nl.app.yes);
    await expectNoAxeViolations(midwife);
    expect(pageErrors).toEqual([]);
  }, 300_000);
});

// SPDX-License-Identifier: EUPL-1.2
// The closed loop in the browser: the midwife of De Wieg records the client's consent for JGZ and
// sends a referral; the JGZ nurse finds it in her inbox, opens it, accepts it (by keyboard) and starts
// the help; the midwife sees "In behandeling"; the client withdraws consent and the nurse can no
// longer open the referral. The coordinator sees the overdue list without client data. A referral can also
// be prepared to wait for the client's own consent in Mijn Kansrijke Start. axe on every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { nl } from '../../src/contracts/i18n/nl.js';
import { insertTestFamily } from '../../src/server/features/families/test-support.js';
import { insertTestReferral } from '../../src/server/features/referrals/test-support.js';
import { referrals } from '../../src/server/features/referrals/schema.js';
import { sessionFor } from '../helpers/sessions.js';
import { expectNoAxeViolations, loginAs, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
});
afterAll(async () => {
  await app?.close();
});

const text = nl.referrals;

describe('Verwijzingen', () => {
  it('consent, referral, inbox, accept, follow-up by the sender and withdrawal', async () => {
    const { familyId } = await insertTestFamily(app.t, 'wieg', { givenName: 'Noor', familyName: 'Verwijstest' });

    // The midwife records consent for JGZ and sends the referral from the family file.
    const midwife = await app.newPage();
    await loginAs(app, midwife, 'midwife');
    await midwife.goto(`/clienten/${familyId}/verwijzingen`);
    await midwife.getByRole('heading', { level: 1, name: text.familyTitle }).waitFor();
    await midwife.getByText(text.noConsents).waitFor();
    await expectNoAxeViolations(midwife);

    await midwife.getByRole('button', { name: text.recordConsent }).click();
    const consentPanel = midwife.locator('#consent-panel');
    await consentPanel.getByLabel(text.receiverOrganisation).selectOption({ label: 'JGZ Zuid-Holland Zuid' });
    await expectNoAxeViolations(midwife);
    await consentPanel.getByRole('button', { name: text.recordConsent }).click();
    await midwife.getByText('De toestemming voor JGZ Zuid-Holland Zuid is vastgelegd.').waitFor();
    await midwife.getByRole('table', { name: text.consentsCaption }).getByRole('cell', { name: nl.consentStatuses.valid }).waitFor();

    // Without a reason the form says so at the field; then it sends once.
    await midwife.getByRole('button', { name: text.sendReferral }).first().click();
    const referralPanel = midwife.locator('#referral-panel');
    await referralPanel.getByLabel(text.receiver).selectOption({ label: 'JGZ Zuid-Holland Zuid' });
    await referralPanel.getByRole('button', { name: text.sendReferral }).click();
    await referralPanel.locator('#referral-reason-error').waitFor();
    await expectNoAxeViolations(midwife);
    await referralPanel.getByLabel(text.referralReason).fill('Geldzorgen en veel stress; graag een prenataal huisbezoek.');
    await referralPanel.getByLabel('Geldzorgen of schulden').check();
    await referralPanel.getByLabel('Veel stress').check();
    await referralPanel.getByRole('button', { name: text.sendReferral }).click();
    await midwife.getByText('De verwijzing naar JGZ Zuid-Holland Zuid is verstuurd.').waitFor();
    const familyReferrals = midwife.getByRole('table', { name: text.referralsCaption });
    await familyReferrals.getByRole('cell', { name: nl.referralStatuses.requested }).waitFor();
    await expectNoAxeViolations(midwife);

    await midwife.goto('/verwijzingen?box=outgoing');
    await midwife.getByRole('table', { name: text.outgoingCaption }).getByRole('link', { name: /Noor Verwijstest/ }).waitFor();
    await expectNoAxeViolations(midwife);

    // The JGZ nurse finds it among the new referrals and opens it: she reads what was shared.
    const nurse = await app.newPage();
    await loginAs(app, nurse, 'jgzNurse');
    // The menu item carries the count of new referrals ("Verwijzingen 1 nieuw").
    await nurse.getByRole('link', { name: new RegExp(`^${text.nav}( ${text.navNewCount.replace('{count}', '\\d+')})?$`) }).click();
    await nurse.getByRole('heading', { level: 1, name: text.title }).waitFor();
    await nurse.getByLabel(text.filterLabel).selectOption('new');
    await nurse.getByRole('search').getByRole('button', { name: nl.app.search }).click();
    await nurse.waitForURL(/filter=new/);
    const inbox = nurse.getByRole('table', { name: text.incomingCaption });
    await inbox.getByRole('link', { name: /Noor Verwijstest/ }).waitFor();
    await expectNoAxeViolations(nurse);
    await inbox.getByRole('link', { name: /Noor Verwijstest/ }).click();
    await nurse.getByRole('heading', { level: 1, name: `Verwijzing naar JGZ Zuid-Holland Zuid` }).waitFor();
    await nurse.getByRole('heading', { level: 2, name: text.sharedTitle }).waitFor();
    await nurse.getByText('Geldzorgen en veel stress; graag een prenataal huisbezoek.').waitFor();
    await expectNoAxeViolations(nurse);

    // Accept by keyboard, then start the help.
    await nurse.getByRole('button', { name: text.actionAccept }).focus();
    await nurse.keyboard.press('Enter');
    await nurse.getByText('De verwijzing is bijgewerkt: Geaccepteerd.').waitFor();
    await nurse.getByRole('button', { name: text.actionStart }).click();
    await nurse.getByText('De verwijzing is bijgewerkt: In behandeling.').waitFor();
    await expectNoAxeViolations(nurse);
    const referralUrl = new URL(nurse.url()).pathname;

    // The midwife follows the status (not the receiver's file).
    await midwife.goto(referralUrl);
    await midwife.getByText(text.senderNotice).waitFor();
    await midwife.locator('dl.kr-details').getByText(nl.referralStatuses['in-progress'], { exact: true }).waitFor();
    await midwife.getByRole('table', { name: text.historyCaption }).getByRole('cell', { name: nl.referralStatuses.accepted }).waitFor();
    await expectNoAxeViolations(midwife);

    // The client withdraws consent: the nurse can no longer open the referral.
    await midwife.goto(`/clienten/${familyId}/verwijzingen`);
    await midwife.getByRole('button', { name: 'Toestemming intrekken voor JGZ Zuid-Holland Zuid' }).click();
    await expectNoAxeViolations(midwife);
    await midwife.locator('#withdraw-panel').getByRole('button', { name: text.withdraw }).click();
    await midwife.getByText('De toestemming is ingetrokken.', { exact: false }).waitFor();
    await midwife.getByRole('table', { name: text.consentsCaption }).getByRole('cell', { name: nl.consentStatuses.withdrawn }).waitFor();

    await nurse.goto(referralUrl);
    await nurse.getByText(nl.errors.forbidden).waitFor();
    await nurse.goto(`/clienten/${familyId}`);
    await nurse.getByText(nl.errors.forbidden).first().waitFor();

    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('the receiver’s dialogs (reject with reason, forward, complete with outcome) work by keyboard and pass axe', async () => {
    const { familyId } = await insertTestFamily(app.t, 'wieg', { givenName: 'Dialoog', familyName: 'Test' });
    const midwife = await sessionFor(app.t, 'midwife', 'wieg');
    const first = await insertTestReferral(app.t, familyId, 'wieg', 'jgz', midwife.personId);

    const nurse = await app.newPage();
    await loginAs(app, nurse, 'jgzNurse');
    await nurse.goto(`/verwijzingen/${first.referralId}`);
    await nurse.getByRole('button', { name: text.actionReceive }).click();
    await nurse.getByText('De verwijzing is bijgewerkt: Ontvangen.').waitFor();

    // Forward: the panel opens with its heading focused; axe on the open form.
    await nurse.getByRole('button', { name: text.actionForward }).click();
    await nurse.getByRole('heading', { level: 2, name: text.forwardTitle }).waitFor();
    await nurse.getByLabel(text.basis).selectOption('legal');
    await expectNoAxeViolations(nurse);
    await nurse.locator('#step-dialog').getByRole('button', { name: nl.app.cancel }).click();

    // Reject: too short a reason is refused at the field, then the reason is accepted.
    await nurse.getByRole('button', { name: text.actionReject }).click();
    const reject = nurse.locator('#step-dialog');
    await reject.getByLabel(text.reasonField).fill('nee');
    await reject.getByLabel(text.reasonField).press('Tab');
    await nurse.keyboard.press('Enter');
    await reject.locator('#step-reason-error').waitFor();
    await expectNoAxeViolations(nurse);
    await reject.getByLabel(text.reasonField).fill('Buiten ons werkgebied; het wijkteam past beter.');
    await reject.getByRole('button', { name: text.confirm }).click();
    await nurse.getByText('De verwijzing is bijgewerkt: Afgewezen.').waitFor();

    // Complete with an outcome on a second, accepted referral.
    const second = await insertTestReferral(app.t, familyId, 'wieg', 'jgz', midwife.personId);
    await nurse.goto(`/verwijzingen/${second.referralId}`);
    await nurse.getByRole('button', { name: text.actionAccept }).click();
    await nurse.getByText('De verwijzing is bijgewerkt: Geaccepteerd.').waitFor();
    await nurse.getByRole('button', { name: text.actionComplete }).click();
    const complete = nurse.locator('#step-dialog');
    await complete.getByLabel(text.outcomeField).selectOption('could_not_contact');
    await expectNoAxeViolations(nurse);
    await complete.getByRole('button', { name: text.confirm }).click();
    await nurse.getByText('De verwijzing is bijgewerkt: Afgerond: Geen contact gekregen.').waitFor();
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('the coordinator sees overdue referrals of her municipalities without client data', async () => {
    const { familyId } = await insertTestFamily(app.t, 'wieg', { givenName: 'Geheim', familyName: 'Cliëntnaam' });
    const midwife = await sessionFor(app.t, 'midwife', 'wieg');
    const { referralId } = await insertTestReferral(app.t, familyId, 'wieg', 'jgz', midwife.personId);
    await app.t.database.db
      .update(referrals)
      .set({ respondBy: new Date(app.t.clock.now().getTime() - 3 * 86_400_000) })
      .where(eq(referrals.id, referralId));

    const page = await app.newPage();
    await loginAs(app, page, 'coordinator');
    await page.getByRole('link', { name: text.overdueNav }).click();
    await page.getByRole('heading', { level: 1, name: text.overdueTitle }).waitFor();
    const table = page.getByRole('table', { name: text.overdueCaption });
    await table.getByRole('cell', { name: 'Verloskundigenpraktijk De Wieg' }).first().waitFor();
    expect(await page.textContent('main')).not.toContain('Geheim');
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });

  it('the midwife prepares a referral that waits for the client’s own consent in Mijn Kansrijke Start', async () => {
    const { familyId } = await insertTestFamily(app.t, 'wieg', { givenName: 'Lotte', familyName: 'Wachttest' });
    const midwife = await app.newPage();
    await loginAs(app, midwife, 'midwife');
    await midwife.goto(`/clienten/${familyId}/verwijzingen`);
    await midwife.getByRole('heading', { level: 1, name: text.familyTitle }).waitFor();
    await midwife.getByRole('button', { name: text.sendReferral }).first().click();
    const referralPanel = midwife.locator('#referral-panel');
    await referralPanel.getByLabel(text.receiver).selectOption({ label: 'Sociaal Wijkteam Dordrecht' });
    // No consent for the social team yet: instead of recording one here, the client will give it herself.
    await referralPanel.getByLabel(text.basis).selectOption({ label: text.basisClientConsent });
    await referralPanel.getByText(text.clientConsentDescription).waitFor();
    await referralPanel.getByRole('textbox', { name: text.referralReason }).fill('Graag hulp bij geldzaken; de cliënt wil zelf toestemming geven.');
    await expectNoAxeViolations(midwife);
    await referralPanel.getByRole('button', { name: text.sendReferral }).click();
    await midwife.getByText(text.awaitingClientConsentSaved.replace('{organisation}', 'Sociaal Wijkteam Dordrecht')).waitFor();
    await midwife.getByRole('table', { name: text.referralsCaption }).getByRole('cell', { name: nl.referralStatuses.draft }).waitFor();
    await expectNoAxeViolations(midwife);
    const [stored] = await app.t.database.db.select().from(referrals).where(eq(referrals.familyId, familyId));
    expect(stored).toMatchObject({ status: 'draft', consentId: null, legalGround: null });
    expect(pageErrors).toEqual([]);
  });
});

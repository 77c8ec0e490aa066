// SPDX-License-Identifier: EUPL-1.2
// The chain as professionals work it, in the browser (issue 8 items 14 and 15): the midwife screens a
// client and refers to JGZ straight from the factor profile, recording the client's consent inside the
// referral form; a second referral to JGZ while the first is open gets a warning pointing to the open
// one; her home page lists the open referral. The JGZ nurse accepts it from her home page's inbox,
// follows the link to the client's file (only there once accepted), plans and records the home visit
// and enrols the family in an intervention. After every save focus is on the confirmation (or another
// sensible element), never on <body>; axe on every page visited.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/contracts/i18n/nl.js';
import { insertTestFamily } from '../../src/server/features/families/test-support.js';
import { PREGNANT_WITH_DEBTS_AND_STRESS } from '../../src/server/features/screening/test-support.js';
import { expectNoAxeViolations, loginAs, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { SCREENING_ITEMS, answerByKeyboard, byId } from '../helpers/screening.js';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
});
afterAll(async () => {
  await app?.close();
});

const JGZ = 'JGZ Zuid-Holland Zuid';
const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_match, key: string) => values[key] ?? '');

interface Focused {
  tag: string;
  id: string;
  className: string;
  text: string;
}

/** What has focus now, or null when it is <body> (or nothing). */
function focusedElement(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    return { tag: element.tagName, id: element.id, className: String(element.className), text: (element.textContent ?? '').trim() };
  });
}

/** After a save: focus is on the confirmation that says so (announced, focusable), not on <body>. */
async function expectFocusOnConfirmation(page: Page, text: string) {
  await expect.poll(() => focusedElement(page).then((focused) => focused?.className.includes('kr-confirmation') ?? false), { timeout: 10_000 }).toBe(true);
  const focused = (await focusedElement(page))!;
  expect(focused.text).toContain(text);
  const confirmation = page.locator('.kr-confirmation:focus');
  expect(await confirmation.getAttribute('tabindex')).toBe('-1');
  expect(await confirmation.locator('[role="status"]').count()).toBe(1);
}

describe('the chain as professionals work it', () => {
  it('screen → refer from the profile with consent in the form → duplicate warning → accept from the inbox → file → home visit → intervention', async () => {
    const { familyId } = await insertTestFamily(app.t, 'wieg', { givenName: 'Noor', familyName: 'Ketenloop', dueInDays: 120 });
    const fileUrl = `/clienten/${familyId}`;

    // 1. The midwife screens her client; after completing, focus is on the result's heading.
    const midwife = await app.newPage();
    await loginAs(app, midwife, 'midwife');
    await midwife.goto(`${fileUrl}/screening`);
    await midwife.getByRole('button', { name: nl.screening.newScreening }).click();
    await midwife.getByRole('heading', { level: 1, name: nl.screening.formTitle }).waitFor();
    for (const [linkId, values] of Object.entries(PREGNANT_WITH_DEBTS_AND_STRESS)) {
      await answerByKeyboard(midwife, SCREENING_ITEMS.get(linkId)!, values[0]);
      if (linkId === 'situatie.fase') await byId(midwife, 'q-situatie.weken').waitFor();
    }
    await midwife.getByRole('form', { name: nl.screening.formLabel }).getByRole('button', { name: nl.screening.complete }).click();
    await midwife.getByRole('heading', { level: 1, name: nl.screening.resultTitle }).waitFor();
    await expect.poll(() => focusedElement(midwife).then((focused) => focused?.id)).toBe('page-title');
    await expectNoAxeViolations(midwife);

    // 2. "Verwijzen" on the factor profile opens the referral form with this screening's risk factors.
    await midwife.getByRole('link', { name: nl.referrals.referFromProfile, exact: true }).click();
    const referralPanel = midwife.locator('#referral-panel');
    await referralPanel.waitFor();
    await expect.poll(() => referralPanel.getByLabel('Geldzorgen of schulden').isChecked()).toBe(true);
    expect(await referralPanel.getByLabel('Veel stress').isChecked()).toBe(true);
    expect(await focusedElement(midwife)).not.toBeNull();

    // 3. No consent for JGZ yet: the form asks for it there and then; one press records it and sends.
    await referralPanel.getByLabel(nl.referrals.receiver).selectOption({ label: JGZ });
    const inlineConsent = referralPanel.getByRole('group', { name: fill(nl.referrals.inlineConsentLegend, { organisation: JGZ }) });
    await inlineConsent.waitFor();
    await inlineConsent.getByLabel(nl.referrals.form).selectOption('verbal');
    await referralPanel.getByRole('textbox', { name: nl.referrals.referralReason }).fill('Schulden en veel stress; graag prenataal huisbezoek door de JGZ.');
    await expectNoAxeViolations(midwife);
    await referralPanel.getByRole('button', { name: nl.referrals.sendReferral }).click();
    await expectFocusOnConfirmation(midwife, fill(nl.referrals.consentRecordedAndSent, { organisation: JGZ }));
    // The consent is on file (for the server, which refused a referral without it).
    await midwife.getByRole('table', { name: nl.referrals.consentsCaption }).getByRole('cell', { name: JGZ, exact: true }).waitFor();
    await expectNoAxeViolations(midwife);

    // 4. A second referral to JGZ while the first is open: a warning with the open one, and a deliberate choice.
    const sendButton = midwife.getByRole('button', { name: nl.referrals.sendReferral }).first();
    await sendButton.click();
    await referralPanel.getByLabel(nl.referrals.receiver).selectOption({ label: JGZ });
    const warning = referralPanel.getByText(/^Let op: er staat al een open verwijzing naar JGZ Zuid-Holland Zuid/);
    await warning.waitFor();
    expect(await warning.textContent()).toContain(nl.referralStatuses.requested);
    const openLink = referralPanel.getByRole('link', { name: fill(nl.referrals.openReferralLink, { organisation: JGZ }) });
    expect(await openLink.getAttribute('href')).toMatch(/^\/verwijzingen\/[0-9a-f-]{36}$/);
    // The consent just recorded is offered now instead of the consent fields.
    expect(await referralPanel.getByLabel(nl.referrals.consent, { exact: true }).inputValue()).not.toBe('');
    await referralPanel.getByRole('textbox', { name: nl.referrals.referralReason }).fill('Nogmaals dezelfde vraag, per ongeluk een tweede keer.');
    await expectNoAxeViolations(midwife);
    await referralPanel.getByRole('button', { name: nl.referrals.sendReferral }).click();
    await expect.poll(() => focusedElement(midwife).then((focused) => focused?.className ?? '')).toContain('kr-error-summary');
    expect((await focusedElement(midwife))!.text).toContain(nl.referrals.openReferralConfirmRequired);
    // She does not send it: cancelling returns focus to the button that opened the form.
    await referralPanel.getByRole('button', { name: nl.app.cancel }).click();
    await referralPanel.waitFor({ state: 'detached' });
    expect((await focusedElement(midwife))?.text).toBe(nl.referrals.sendReferral);
    expect(await midwife.getByRole('table', { name: nl.referrals.referralsCaption }).getByRole('row').count()).toBe(2); // header + one referral

    // 5. Her home page: the open referral with its status, and her clients.
    await midwife.goto('/');
    const openReferrals = midwife.getByRole('table', { name: nl.referrals.homeOpenReferralsCaption });
    const openRow = openReferrals.getByRole('row').filter({ hasText: 'Noor Ketenloop' });
    await openRow.waitFor();
    expect(await openRow.textContent()).toContain(JGZ);
    expect(await openRow.textContent()).toContain(nl.referralStatuses.requested);
    await midwife.getByRole('table', { name: nl.referrals.homeClientsCaption }).waitFor();
    await midwife.getByRole('link', { name: /^Alle cliënten \(\d+\)$/ }).waitFor();
    await expectNoAxeViolations(midwife);

    // 6. The JGZ nurse: from her home page's inbox to the referral; no link to the file before accepting.
    const nurse = await app.newPage();
    await loginAs(app, nurse, 'jgzNurse');
    await nurse.getByRole('link', { name: /nieuwe verwijzing(en)? in de inbox$/ }).click();
    await nurse.getByRole('table', { name: nl.referrals.incomingCaption }).getByRole('link', { name: /Noor Ketenloop/ }).click();
    await nurse.getByRole('button', { name: nl.referrals.actionAccept }).waitFor();
    expect(await nurse.getByRole('link', { name: nl.referrals.openFile }).count()).toBe(0);
    await expectNoAxeViolations(nurse);
    await nurse.getByRole('button', { name: nl.referrals.actionAccept }).click();
    await expectFocusOnConfirmation(nurse, fill(nl.referrals.stepDone, { status: nl.referralStatuses.accepted }));
    await expectNoAxeViolations(nurse);

    // 7. Accepted: the link to the client's file, and the file opens.
    await nurse.getByRole('link', { name: nl.referrals.openFile }).click();
    await nurse.getByRole('heading', { level: 1, name: 'Dossier van Noor Ketenloop' }).waitFor();
    expect(new URL(nurse.url()).pathname).toBe(fileUrl);
    await expectNoAxeViolations(nurse);

    // 8. The home visit: planned, then recorded; then the enrolment. Focus on each confirmation.
    await nurse.goto(`${fileUrl}/zorg`);
    await nurse.getByRole('heading', { level: 1, name: nl.care.title }).waitFor();
    await expectNoAxeViolations(nurse);
    await nurse.getByRole('button', { name: nl.careHomeVisits.plan }).click();
    await nurse.locator('#plan-home-visit').getByRole('button', { name: nl.careHomeVisits.plan }).click();
    await expectFocusOnConfirmation(nurse, nl.careHomeVisits.planned);
    await nurse.getByRole('button', { name: new RegExp(`^${nl.careHomeVisits.record}`) }).click();
    const record = nurse.locator('#record-home-visit');
    await record.getByLabel(nl.careHomeVisits.status).selectOption('held');
    await record.getByLabel(nl.careLifeDomains.environment).fill('Schulden en stress; partner betrokken.');
    await record.getByLabel(nl.careHomeVisits.followUp).fill('Aanmelden bij Stevig Ouderschap.');
    await expectNoAxeViolations(nurse);
    await record.getByRole('button', { name: nl.app.save }).click();
    await expectFocusOnConfirmation(nurse, nl.careHomeVisits.saved);
    await nurse.getByRole('button', { name: nl.careEnrolments.enrol }).click();
    const enrol = nurse.locator('#enrol');
    await enrol.getByLabel(nl.careEnrolments.intervention).selectOption({ label: 'Stevig Ouderschap' });
    await enrol.getByLabel(nl.careEnrolments.organisation).selectOption({ label: JGZ });
    await enrol.getByRole('button', { name: nl.careEnrolments.enrol }).click();
    await expectFocusOnConfirmation(nurse, fill(nl.careEnrolments.enrolled, { name: 'Stevig Ouderschap' }));
    await expectNoAxeViolations(nurse);
    expect(pageErrors).toEqual([]);
  }, 300_000);
});

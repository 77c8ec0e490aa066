// SPDX-License-Identifier: EUPL-1.2
// A JGZ nurse with access to a family (under the client's consent) plans and records the prenatal
// home visit, enrols the family in Stevig Ouderschap, records the birth and sees Big2, puts the
// family on her caseload and finds it in 'Mijn caseload'. axe on every step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/contracts/i18n/nl.js';
import { insertConsentedCareRelationship, insertTestFamily } from '../../src/server/features/families/test-support.js';
import { sessionFor } from '../helpers/sessions.js';
import { expectNoAxeViolations, loginAs, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
});
afterAll(async () => {
  await app?.close();
});

describe('JGZ en zorg', () => {
  it('the JGZ nurse plans and records the home visit, enrols in Stevig Ouderschap, records the birth and sees Big2', async () => {
    const { familyId } = await insertTestFamily(app.t, 'wieg', { givenName: 'Fatima', familyName: 'Zorgpad' });
    const midwife = await sessionFor(app.t, 'midwife', 'wieg');
    await insertConsentedCareRelationship(app.t, familyId, 'wieg', 'jgz', midwife.personId);

    const page = await app.newPage();
    await loginAs(app, page, 'jgzNurse');
    await page.goto(`/clienten/${familyId}/zorg`);
    await page.getByRole('heading', { level: 1, name: nl.care.title }).waitFor();
    await page.getByText(nl.careHomeVisits.empty).waitFor();
    await expectNoAxeViolations(page);

    // Plan the prenatal home visit (today, by herself) by keyboard only: the panel's heading takes
    // focus, Tab reaches the date, Enter submits.
    await page.getByRole('button', { name: nl.careHomeVisits.plan }).focus();
    await page.keyboard.press('Enter');
    const plan = page.locator('#plan-home-visit');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('plan-home-visit-title');
    await expectNoAxeViolations(page);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('visit-planned-on');
    await page.keyboard.press('Enter');
    await page.getByText(nl.careHomeVisits.planned).waitFor();
    expect(await plan.count()).toBe(0);
    await page.getByRole('button', { name: new RegExp(`^${nl.careHomeVisits.record}`) }).click();
    const record = page.locator('#record-home-visit');
    await record.getByLabel(nl.careHomeVisits.status).selectOption('held');
    await record.getByLabel(nl.careLifeDomains.environment).fill('Geldzorgen en stress; partner steunt haar.');
    await record.getByLabel(nl.careHomeVisits.followUp).fill('Aanmelden voor Stevig Ouderschap.');
    await expectNoAxeViolations(page);
    await record.getByRole('button', { name: nl.app.save }).click();
    await page.getByText(nl.careHomeVisits.saved).waitFor();
    const visits = page.getByRole('table', { name: nl.careHomeVisits.caption });
    await visits.getByRole('cell', { name: new RegExp(`^${nl.careHomeVisitStatuses.held}`) }).waitFor();
    // Due in 120 days: 160 days pregnant, week 22.
    await visits.getByRole('cell', { name: 'week 22' }).waitFor();

    // Enrol in Stevig Ouderschap, offered by her own organisation.
    await page.getByRole('button', { name: nl.careEnrolments.enrol }).click();
    const enrol = page.locator('#enrol');
    await enrol.getByLabel(nl.careEnrolments.intervention).selectOption({ label: 'Stevig Ouderschap' });
    await enrol.getByLabel(nl.careEnrolments.organisation).selectOption({ label: 'JGZ Zuid-Holland Zuid' });
    await expectNoAxeViolations(page);
    await enrol.getByRole('button', { name: nl.careEnrolments.enrol }).click();
    await page.getByText('Het gezin is aangemeld voor Stevig Ouderschap.').waitFor();
    await page.getByRole('table', { name: nl.careEnrolments.caption }).getByRole('cell', { name: 'Stevig Ouderschap', exact: true }).waitFor();

    // The birth: 100 g is refused in Dutch at the field; 36+2 weeks and 2000 g gives Big2.
    await page.getByRole('button', { name: nl.careBirth.record }).click();
    const birth = page.locator('#record-birth');
    await birth.getByLabel(nl.careBirth.gestationalWeeks).fill('36');
    await birth.getByLabel(nl.careBirth.gestationalDays).fill('2');
    await birth.getByLabel(nl.careBirth.birthWeight).fill('100');
    await birth.getByLabel(nl.careBirth.sex).selectOption('female');
    await birth.getByLabel(nl.careBirth.maternityCare).selectOption('yes');
    await birth.getByLabel(nl.careBirth.maternityCareHours).fill('40');
    await birth.getByRole('button', { name: nl.careBirth.record }).click();
    await birth.getByText('Het geboortegewicht moet tussen 300 en 6500 gram liggen (hele grammen).').first().waitFor();
    await expectNoAxeViolations(page);
    await birth.getByLabel(nl.careBirth.birthWeight).fill('2000');
    await birth.getByRole('button', { name: nl.careBirth.record }).click();
    await page.getByText(nl.careBirth.saved).waitFor();
    const facts = page.locator('dl.kr-facts').first();
    await expect.poll(async () => (await facts.getByTestId('big2').textContent())?.trim()).toBe(nl.app.yes);
    expect(await facts.textContent()).toContain(nl.careBirth.preterm);
    await expectNoAxeViolations(page);

    // The support tier, then the working list.
    await page.getByLabel(nl.careCaseloadSection.tier, { exact: true }).selectOption('extra');
    await page.getByRole('button', { name: nl.careCaseloadSection.save }).click();
    await page.getByText(nl.careCaseloadSection.saved).waitFor();
    await page.getByRole('table', { name: nl.careCaseloadSection.upcomingCaption }).waitFor();
    await page.getByRole('navigation', { name: nl.app.mainNavigation }).getByRole('link', { name: nl.careCaseload.nav }).click();
    await page.getByRole('heading', { level: 1, name: nl.careCaseload.title }).waitFor();
    await page.getByRole('table', { name: nl.careCaseload.caption }).getByRole('link', { name: 'Fatima Zorgpad' }).waitFor();
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });
});

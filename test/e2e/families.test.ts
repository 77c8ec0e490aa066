// SPDX-License-Identifier: EUPL-1.2
// Families in the browser: a midwife registers a client (a wrong BSN is explained at the field), finds
// her, opens the file; an unrelated professional cannot find her but opens the file with emergency
// access and a reason; the access shows on the family's "who looked" page and is reviewed by an admin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/contracts/i18n/nl.js';
import { expectNoAxeViolations, loginAs, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { insertTestFamily } from '../../src/server/features/families/test-support.js';
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
  return addDays(amsterdamDate(new Date()), days);
}

describe('families in the browser', () => {
  it('registers, finds and opens a family; emergency access is visible in the access log and reviewed', async () => {
    const midwife = await app.newPage();
    await loginAs(app, midwife, 'midwife');
    await midwife.getByRole('navigation', { name: nl.app.mainNavigation }).getByRole('link', { name: nl.families.nav }).click();
    await midwife.getByRole('heading', { level: 1, name: nl.families.title }).waitFor();
    await expectNoAxeViolations(midwife);

    await midwife.getByRole('link', { name: nl.families.registerAction }).click();
    await midwife.getByRole('heading', { level: 1, name: nl.families.registerTitle }).waitFor();
    await midwife.getByLabel(nl.families.givenName).first().fill('Yara');
    await midwife.getByLabel(nl.families.familyName).first().fill('Browserstra');
    await midwife.getByLabel(nl.families.birthDate).first().fill('1997-09-14');
    await midwife.getByLabel(nl.families.bsn).fill('123456789');
    await midwife.getByLabel(nl.families.postcode).fill('3311 AB');
    await midwife.getByLabel(nl.families.municipality).selectOption('GM0505');
    await midwife.getByLabel(nl.families.dueDate).fill(inDays(150));
    await expectNoAxeViolations(midwife);
    await midwife.getByRole('button', { name: nl.families.registerAction }).click();
    // The wrong BSN is named in the error summary (which takes focus) and at the field.
    const summary = midwife.locator('.kr-error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('burgerservicenummer');
    await expectNoAxeViolations(midwife);
    await midwife.getByLabel(nl.families.bsn).fill('123456782');
    await midwife.getByRole('button', { name: nl.families.registerAction }).click();
    await midwife.getByRole('heading', { level: 1, name: 'Dossier van Yara Browserstra' }).waitFor();
    await midwife.getByText(nl.families.registered).waitFor();
    await midwife.getByText('18+4 weken').waitFor();
    await expectNoAxeViolations(midwife);
    const familyUrl = new URL(midwife.url()).pathname;

    // Found in the list.
    await midwife.getByRole('navigation', { name: nl.app.mainNavigation }).getByRole('link', { name: nl.families.nav }).click();
    await midwife.getByLabel(nl.families.searchLabel).fill('browser');
    await midwife.getByRole('button', { name: nl.app.search }).click();
    await midwife.getByRole('link', { name: 'Yara Browserstra' }).waitFor();
    // …and by BSN, which the client posts (POST /families/search): no request URL ever holds it.
    const urls: string[] = [];
    midwife.on('request', (request) => void urls.push(request.url()));
    await midwife.getByLabel(nl.families.searchLabel).fill('');
    await midwife.getByLabel(nl.families.searchBsn).fill('123456782');
    await midwife.getByRole('button', { name: nl.app.search }).click();
    await midwife.getByRole('link', { name: 'Yara Browserstra' }).waitFor();
    expect(urls.some((url) => url.endsWith('/api/v1/families/search'))).toBe(true);
    expect(urls.filter((url) => url.includes('123456782'))).toEqual([]);

    // An unrelated professional (social team) cannot find her…
    const worker = await app.newPage();
    await loginAs(app, worker, 'socialWorker');
    await worker.goto('/clienten');
    await worker.getByLabel(nl.families.searchLabel).fill('browser');
    await worker.getByRole('button', { name: nl.app.search }).click();
    await worker.getByText(nl.app.noResults).waitFor();
    // …but may open the file in an emergency, with a reason.
    await worker.getByRole('link', { name: nl.families.emergencyAction }).click();
    await worker.getByRole('heading', { level: 1, name: nl.emergency.title }).waitFor();
    await expectNoAxeViolations(worker);
    await worker.getByLabel(nl.emergency.bsn).fill('123456782');
    await worker.getByLabel(nl.emergency.reason).fill('Cliënte meldt zich in acute nood bij het wijkteam; praktijk niet bereikbaar.');
    await worker.getByRole('button', { name: nl.emergency.submit }).click();
    await worker.getByRole('heading', { level: 1, name: 'Dossier van Yara Browserstra' }).waitFor();
    await worker.getByText('U bekijkt dit dossier met noodtoegang', { exact: false }).waitFor();
    await expectNoAxeViolations(worker);

    // The midwife sees the emergency access on the family's access page.
    await midwife.goto(`${familyUrl}/inzage`);
    await midwife.getByRole('heading', { level: 1, name: nl.accessLog.title }).waitFor();
    const row = midwife.getByRole('row').filter({ hasText: 'Sanne Bakker' }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain(nl.accessLog.emergencyYes);
    await expectNoAxeViolations(midwife);

    // The platform admin reviews it.
    const admin = await app.newPage();
    await loginAs(app, admin, 'platformAdmin');
    await admin.getByRole('navigation', { name: nl.app.mainNavigation }).getByRole('link', { name: nl.emergency.navReview }).click();
    await admin.getByRole('heading', { level: 1, name: nl.emergency.reviewTitle }).waitFor();
    await expectNoAxeViolations(admin);
    await admin.getByRole('button', { name: new RegExp(`^${nl.emergency.reviewAction}: Sanne Bakker`) }).click();
    await admin.getByLabel(nl.emergency.reviewNote).fill('Terecht: acute nood, praktijk gebeld.');
    await expectNoAxeViolations(admin);
    await admin.locator('#review-panel').getByRole('button', { name: nl.emergency.reviewAction }).click();
    await admin.getByText(nl.emergency.reviewed).waitFor();
  });
  it('the same person at another organisation: a warning on registering (nothing about the other file); emergency access asks for the postcode and then opens both files', async () => {
    const person = { givenName: 'Lotte', familyName: 'Tweevoud', birthDate: '1994-05-20', postcode: '3311 AB' };
    await insertTestFamily(app.t, 'jgz', person);
    const midwife = await app.newPage();
    await loginAs(app, midwife, 'midwife');
    await midwife.goto('/clienten/nieuw');
    await midwife.getByRole('heading', { level: 1, name: nl.families.registerTitle }).waitFor();
    await midwife.getByLabel(nl.families.givenName).first().fill(person.givenName);
    await midwife.getByLabel(nl.families.familyName).first().fill(person.familyName);
    await midwife.getByLabel(nl.families.birthDate).first().fill(person.birthDate);
    await midwife.getByLabel(nl.families.postcode).fill('3311ab');
    await midwife.getByLabel(nl.families.municipality).selectOption('GM0505');
    await midwife.getByRole('button', { name: nl.families.registerAction }).click();
    await midwife.getByRole('heading', { level: 1, name: 'Dossier van Lotte Tweevoud' }).waitFor();
    await midwife.getByText(nl.families.possibleDuplicateElsewhere, { exact: false }).waitFor();
    expect(await midwife.getByText('JGZ Zuid-Holland Zuid').count()).toBe(0);
    await expectNoAxeViolations(midwife);

    const worker = await app.newPage();
    await loginAs(app, worker, 'socialWorker');
    await worker.goto('/clienten/noodtoegang');
    await worker.getByRole('heading', { level: 1, name: nl.emergency.title }).waitFor();
    await worker.getByLabel(nl.emergency.familyName).fill('Tweevoud');
    await worker.getByLabel(nl.emergency.birthDate).fill(person.birthDate);
    await worker.getByLabel(nl.emergency.reason).fill('Cliënte meldt zich in acute nood bij het wijkteam; praktijk niet bereikbaar.');
    await worker.getByRole('button', { name: nl.emergency.submit }).click();
    // The real reason, at the field that resolves it.
    await worker.getByText(nl.errors.emergency_access_ambiguous).first().waitFor();
    await expectNoAxeViolations(worker);
    await worker.getByLabel(nl.emergency.postcode).fill('3311 AB');
    await worker.getByRole('button', { name: nl.emergency.submit }).click();
    await worker.getByRole('heading', { level: 1, name: 'Dossier van Lotte Tweevoud' }).waitFor();
    await worker.getByText('Deze cliënt heeft 2 dossiers', { exact: false }).waitFor();
  });
});

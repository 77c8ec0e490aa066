// SPDX-License-Identifier: EUPL-1.2
// Actions a person may not perform are not offered; each is offered to someone who may (the server's
// allowedActions, from the one access policy). axe on every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/contracts/i18n/nl.js';
import { careCallers, dayFromToday, familyForJgz } from '../../src/server/features/jgz/test-support.js';
import { expectNoAxeViolations, loginAs, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
});
afterAll(async () => {
  await app?.close();
});

describe('only what one may do is offered', () => {
  it('the midwife is offered neither "record" on JGZ’s home visit, nor planning one, nor the support tier; the JGZ nurse is', async () => {
    const callers = await careCallers(app.t);
    const { familyId } = await familyForJgz(app.t, callers, { dueInDays: 120, givenName: 'Noor', familyName: 'Aanbod' });
    const planned = await callers.nurse.request('POST', `/api/v1/families/${familyId}/home-visits`, { plannedOn: dayFromToday(app.t, 7), nurseId: callers.nurse.session.personId });
    expect(planned.statusCode, planned.body).toBe(201);

    const midwife = await app.newPage();
    await loginAs(app, midwife, 'midwife');
    await midwife.goto(`/clienten/${familyId}/zorg`);
    const visits = midwife.getByRole('table', { name: nl.careHomeVisits.caption });
    await visits.waitFor();
    await midwife.getByRole('heading', { level: 2, name: nl.careEnrolments.title }).waitFor();
    expect(await visits.getByRole('button', { name: new RegExp(`^${nl.careHomeVisits.record}`) }).count()).toBe(0);
    expect(await midwife.getByRole('button', { name: nl.careHomeVisits.plan }).count()).toBe(0);
    expect(await midwife.getByRole('heading', { name: nl.careCaseloadSection.title }).count()).toBe(0);
    expect(await midwife.getByLabel(nl.careCaseloadSection.tier, { exact: true }).count()).toBe(0);
    await expectNoAxeViolations(midwife);

    const nurse = await app.newPage();
    await loginAs(app, nurse, 'jgzNurse');
    await nurse.goto(`/clienten/${familyId}/zorg`);
    await nurse.getByRole('table', { name: nl.careHomeVisits.caption }).getByRole('button', { name: new RegExp(`^${nl.careHomeVisits.record}`) }).waitFor();
    await nurse.getByRole('button', { name: nl.careHomeVisits.plan }).waitFor();
    await nurse.getByRole('heading', { name: nl.careCaseloadSection.title }).waitFor();
    await nurse.getByLabel(nl.careCaseloadSection.tier, { exact: true }).waitFor();
    await expectNoAxeViolations(nurse);
  });

  it('an organisation admin is offered "edit" on their own organisation only; the platform admin on any', async () => {
    const admin = await app.newPage();
    await loginAs(app, admin, 'practiceAdmin');
    await admin.goto('/beheer/organisaties');
    await admin.getByRole('button', { name: `${nl.app.edit}: Verloskundigenpraktijk De Wieg` }).waitFor();
    expect(await admin.getByRole('row', { name: /JGZ Zuid-Holland Zuid/ }).count()).toBe(1);
    expect(await admin.getByRole('button', { name: `${nl.app.edit}: JGZ Zuid-Holland Zuid` }).count()).toBe(0);
    await expectNoAxeViolations(admin);

    const platform = await app.newPage();
    await loginAs(app, platform, 'platformAdmin');
    await platform.goto('/beheer/organisaties');
    await platform.getByRole('button', { name: `${nl.app.edit}: JGZ Zuid-Holland Zuid` }).waitFor();
    await expectNoAxeViolations(platform);
    expect(pageErrors).toEqual([]);
  });
});

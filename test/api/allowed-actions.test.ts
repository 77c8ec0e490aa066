// SPDX-License-Identifier: EUPL-1.2
// The web offers only what the server says the current person may do: family, home visit, referral,
// organisation and person carry `allowedActions` from the one access policy, and the server refuses
// exactly what is not offered (the midwife's change to JGZ's home visit, her support tier, an
// organisation admin's change to another organisation).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { careCallers, dayFromToday, familyForJgz, type CareSetting } from '../../src/server/features/jgz/test-support.js';
import { callerFor } from '../../src/server/features/organisations/test-support.js';
import { insertTestFamily } from '../../src/server/features/families/test-support.js';
import { insertTestReferral } from '../../src/server/features/referrals/test-support.js';

let t: TestApp;
let s: CareSetting;
beforeAll(async () => {
  t = await createTestApp();
  s = await careCallers(t);
});
afterAll(() => t.close());

describe('allowedActions', () => {
  it('family and home visit: JGZ plans and records its visit and keeps the support tier; the midwife sees the file but is offered neither, and is refused', async () => {
    const { familyId } = await familyForJgz(t, s, { dueInDays: 120 });
    const nurseFamily = await s.nurse.request('GET', `/api/v1/families/${familyId}`);
    expect(nurseFamily.json().allowedActions).toEqual(['update', 'refer', 'plan_home_visit', 'set_support_tier', 'set_child_closure', 'lift_child_closure']);
    const midwifeFamily = await s.midwife.request('GET', `/api/v1/families/${familyId}`);
    expect(midwifeFamily.json().allowedActions).toEqual(['update', 'refer']);

    const planned = await s.nurse.request('POST', `/api/v1/families/${familyId}/home-visits`, { plannedOn: dayFromToday(t, 7), nurseId: s.nurse.session.personId });
    expect(planned.json().allowedActions).toEqual(['update']);
    const asMidwife = await s.midwife.request('GET', `/api/v1/families/${familyId}/home-visits`);
    expect(asMidwife.json().items.map((visit: { allowedActions: string[] }) => visit.allowedActions)).toEqual([[]]);
    expect((await s.nurse.request('GET', `/api/v1/families/${familyId}/home-visits`)).json().items[0].allowedActions).toEqual(['update']);

    // What is not offered is refused, and audited as a refusal.
    const { response: record, rows } = await s.midwife.audited('PATCH', `/api/v1/home-visits/${planned.json().id}`, { version: 1, followUp: 'x' });
    expect(record.statusCode).toBe(403);
    expect(rows).toEqual([expect.objectContaining({ action: 'access_denied', outcome: 'denied' })]);
    const plan = await s.midwife.request('POST', `/api/v1/families/${familyId}/home-visits`, { plannedOn: dayFromToday(t, 7), nurseId: s.midwife.session.personId });
    expect(plan.statusCode).toBe(403);
    const tier = await s.midwife.request('PUT', `/api/v1/families/${familyId}/caseload`, { tier: 'extra' });
    expect(tier.statusCode).toBe(403);
    // Nor a closure flag on a child (not offered to the midwife): refused before any child is looked up.
    const closure = await s.midwife.request('POST', `/api/v1/families/${familyId}/children/${planned.json().id}/closures`, { reason: 'safety' });
    expect(closure.statusCode).toBe(403);
    const nurseTier = await s.nurse.request('PUT', `/api/v1/families/${familyId}/caseload`, { tier: 'extra' });
    expect(nurseTier.statusCode, nurseTier.body).toBe(200);
  });

  it('referral: the receiver is offered its next steps, the sender only what the sender may do, and it follows the status', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg');
    const { referralId } = await insertTestReferral(t, familyId, 'wieg', 'jgz', s.midwife.session.personId);
    const receiver = (await s.nurse.request('GET', `/api/v1/referrals/${referralId}`)).json();
    expect(receiver.allowedActions).toEqual(['receive', 'accept', 'reject', 'assign']);
    const sender = (await s.midwife.request('GET', `/api/v1/referrals/${referralId}`)).json();
    // The sender cares for the family: it may open the file; the receiver only after accepting.
    expect(sender.allowedActions).toEqual(['cancel', 'hold', 'open_file']);
    const accepted = await s.nurse.request('POST', `/api/v1/referrals/${referralId}/transitions`, { event: 'accept', version: receiver.version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().allowedActions).toEqual(['start', 'complete', 'hold', 'forward', 'open_file']);
    expect((await s.midwife.request('GET', `/api/v1/referrals/${referralId}`)).json().allowedActions).toEqual(['open_file']);
  });

  it('organisation and person: an organisation admin may change only their own; the platform admin everything', async () => {
    const admin = await callerFor(t, 'practiceAdmin');
    const platform = await callerFor(t, 'platformAdmin');
    const wieg = t.demo.organisationIds.wieg!;
    const jgz = t.demo.organisationIds.jgz!;
    expect((await admin.request('GET', `/api/v1/organisations/${wieg}`)).json().allowedActions).toEqual(['update']);
    expect((await admin.request('GET', `/api/v1/organisations/${jgz}`)).json().allowedActions).toEqual([]);
    const listed = (await admin.request('GET', '/api/v1/organisations?pageSize=100')).json().items as { id: string; allowedActions: string[] }[];
    expect(listed.find((item) => item.id === jgz)?.allowedActions).toEqual([]);
    expect(listed.find((item) => item.id === wieg)?.allowedActions).toEqual(['update']);
    expect((await admin.request('PATCH', `/api/v1/organisations/${jgz}`, { name: 'Niet de mijne' })).statusCode).toBe(403);
    expect((await platform.request('GET', `/api/v1/organisations/${jgz}`)).json().allowedActions).toEqual(['update', 'deactivate', 'change_type']);

    // The midwife also works for Domstad: the De Wieg admin may change her De Wieg roles, not switch her account off.
    const people = (await admin.request('GET', '/api/v1/people?pageSize=100')).json().items as { id: string; allowedActions: string[] }[];
    expect(people.find((person) => person.id === s.midwife.session.personId)?.allowedActions).toEqual(['update']);
    expect(people.find((person) => person.id === admin.session.personId)?.allowedActions).toEqual(['update', 'deactivate']);
    expect((await platform.request('GET', `/api/v1/people/${s.midwife.session.personId}`)).json().allowedActions).toEqual(['update', 'deactivate']);
  });
});

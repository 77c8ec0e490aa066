// SPDX-License-Identifier: EUPL-1.2
// What the chain pages need from the server, as the server says it (issue 8 items 14 and 15):
// - a family's referral list names each receiver and says whether the referral is still open, so the
//   referral form can warn about a second open referral to the same organisation;
// - the outgoing working list can be narrowed to the open referrals (the midwife's home page);
// - a referral offers `open_file` exactly when the person may open the client's file: the receiver
//   only once accepting gave it a care relationship, the sender while it cares for the family.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { careCallers, type CareSetting } from '../../src/server/features/jgz/test-support.js';
import { insertTestFamily } from '../../src/server/features/families/test-support.js';
import { insertTestReferral } from '../../src/server/features/referrals/test-support.js';

let t: TestApp;
let s: CareSetting;
beforeAll(async () => {
  t = await createTestApp();
  s = await careCallers(t);
});
afterAll(() => t.close());

interface ListItem {
  id: string;
  receiverOrganisationId: string;
  isOpen: boolean;
  status: string;
}

const step = async (referralId: string, event: string, extra: Record<string, unknown> = {}) => {
  const current = (await s.nurse.request('GET', `/api/v1/referrals/${referralId}`)).json();
  const response = await s.nurse.request('POST', `/api/v1/referrals/${referralId}/transitions`, { event, version: current.version, ...extra });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('referral list items: receiver and open', () => {
  // Every status a referral can be in, and whether it is open (a table: the rule, case by case).
  const OPEN_BY_STATUS: [string, boolean][] = [
    ['requested', true],
    ['received', true],
    ['accepted', true],
    ['in-progress', true],
    ['on-hold', true],
    ['rejected', false],
    ['completed', false],
    ['cancelled', false],
  ];

  it.each(OPEN_BY_STATUS)('a referral that is %s is open: %s', async (status, isOpen) => {
    const { familyId } = await insertTestFamily(t, 'wieg');
    const { referralId } = await insertTestReferral(t, familyId, 'wieg', 'jgz', s.midwife.session.personId);
    const paths: Record<string, [string, Record<string, unknown>?][]> = {
      requested: [],
      received: [['receive']],
      accepted: [['accept']],
      'in-progress': [['accept'], ['start']],
      'on-hold': [['receive'], ['hold', { reason: 'wacht op terugbelverzoek' }]],
      rejected: [['reject', { reason: 'past niet bij ons aanbod' }]],
      completed: [['accept'], ['complete', { outcome: 'got_help' }]],
      cancelled: [],
    };
    for (const [event, extra] of paths[status]!) await step(referralId, event, extra);
    if (status === 'cancelled') {
      const current = (await s.midwife.request('GET', `/api/v1/referrals/${referralId}`)).json();
      const cancelled = await s.midwife.request('POST', `/api/v1/referrals/${referralId}/transitions`, { event: 'cancel', reason: 'dubbel verstuurd', version: current.version });
      expect(cancelled.statusCode, cancelled.body).toBe(200);
    }
    const listed = (await s.midwife.request('GET', `/api/v1/families/${familyId}/referrals`)).json() as ListItem[];
    expect(listed).toEqual([expect.objectContaining({ id: referralId, status, receiverOrganisationId: t.demo.organisationIds.jgz, isOpen })]);

    const outgoingOpen = (await s.midwife.request('GET', '/api/v1/referrals?box=outgoing&filter=open&pageSize=100')).json().items as ListItem[];
    expect(outgoingOpen.some((item) => item.id === referralId)).toBe(isOpen);
    expect(outgoingOpen.every((item) => item.isOpen)).toBe(true);
    const outgoingAll = (await s.midwife.request('GET', '/api/v1/referrals?box=outgoing&pageSize=100')).json().items as ListItem[];
    expect(outgoingAll.some((item) => item.id === referralId)).toBe(true);
  });
});

describe('open_file: the link from a referral to the client file', () => {
  it('is offered to the receiver only after accepting, and then the file opens; the sender has it while caring for the family', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg');
    const { referralId } = await insertTestReferral(t, familyId, 'wieg', 'jgz', s.midwife.session.personId);

    const before = (await s.nurse.request('GET', `/api/v1/referrals/${referralId}`)).json();
    expect(before.allowedActions).not.toContain('open_file');
    expect((await s.nurse.request('GET', `/api/v1/families/${familyId}`)).statusCode).not.toBe(200);
    expect((await s.midwife.request('GET', `/api/v1/referrals/${referralId}`)).json().allowedActions).toContain('open_file');

    const accepted = await step(referralId, 'accept');
    expect(accepted.allowedActions).toContain('open_file');
    expect((await s.nurse.request('GET', `/api/v1/families/${familyId}`)).statusCode).toBe(200);
  });

  it('is not offered after receiving only, nor after rejecting', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg');
    const { referralId } = await insertTestReferral(t, familyId, 'wieg', 'jgz', s.midwife.session.personId);
    expect((await step(referralId, 'receive')).allowedActions).not.toContain('open_file');
    expect((await step(referralId, 'reject', { reason: 'past niet bij ons aanbod' })).allowedActions).not.toContain('open_file');
  });
});

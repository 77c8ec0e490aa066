// SPDX-License-Identifier: EUPL-1.2
// After the client withdraws consent the receiver sees why the referral disappeared from its inbox (a
// neutral notice with the date and the sender, no client name once it may no longer see the family),
// and its running interventions for the family are ended with that reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { careCallers, dayFromToday, type CareSetting } from '../../src/server/features/jgz/test-support.js';
import { insertTestFamily } from '../../src/server/features/families/test-support.js';
import { enrolments } from '../../src/server/features/interventions/schema.js';

let t: TestApp;
let s: CareSetting;
beforeAll(async () => {
  t = await createTestApp();
  s = await careCallers(t);
});
afterAll(() => t.close());

/** De Wieg refers a client to JGZ under her consent; JGZ accepts and enrols the family in Stevig Ouderschap. */
async function referredAndEnrolled(familyName: string) {
  const { familyId } = await insertTestFamily(t, 'wieg', { familyName });
  const jgzId = t.demo.organisationIds.jgz!;
  const consent = await s.midwife.request('POST', `/api/v1/families/${familyId}/consents`, {
    givenBy: 'client',
    receiverOrganisationId: jgzId,
    purposes: ['referral', 'intervention'],
    dataCategories: ['contact_details', 'referral_reason'],
    form: 'verbal',
    givenOn: dayFromToday(t, 0),
    validUntil: dayFromToday(t, 365),
  });
  expect(consent.statusCode, consent.body).toBe(201);
  const sent = await s.midwife.request('POST', '/api/v1/referrals', {
    familyId,
    receiverOrganisationId: jgzId,
    reason: 'Veel stress en geldzorgen; graag steun.',
    consentId: consent.json().id,
    idempotencyKey: crypto.randomUUID(),
  });
  expect(sent.statusCode, sent.body).toBe(201);
  const accepted = await s.nurse.request('POST', `/api/v1/referrals/${sent.json().id}/transitions`, { event: 'accept', version: sent.json().version });
  expect(accepted.statusCode, accepted.body).toBe(200);
  const enrolled = await s.nurse.request('POST', `/api/v1/families/${familyId}/enrolments`, { interventionKey: 'stevig-ouderschap', organisationId: jgzId, startedOn: dayFromToday(t, 0) });
  expect(enrolled.statusCode, enrolled.body).toBe(201);
  return { familyId, consentId: consent.json().id as string, enrolmentId: enrolled.json().id as string };
}

describe('consent withdrawn: the receiver is told why, and its interventions end', () => {
  it('shows a neutral notice (date, sender, no client) in the receiver’s inbox and ends the running enrolment with the reason', async () => {
    expect((await s.nurse.request('GET', '/api/v1/referral-notices/consent-withdrawals')).json().items).toEqual([]);
    const { familyId, consentId, enrolmentId } = await referredAndEnrolled('Ingetrokken');
    const { response: withdrawn, rows } = await s.midwife.audited('POST', `/api/v1/consents/${consentId}/withdrawal`, {});
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(rows).toEqual([expect.objectContaining({ objectType: 'consent', details: expect.objectContaining({ endedEnrolmentCount: 1 }) })]);

    const notices = await s.nurse.request('GET', '/api/v1/referral-notices/consent-withdrawals');
    expect(notices.statusCode).toBe(200);
    expect(notices.json().items).toEqual([{ withdrawnAt: withdrawn.json().consent.withdrawnAt, senderOrganisationName: 'Verloskundigenpraktijk De Wieg', clientName: null }]);
    expect(notices.body).not.toContain('Ingetrokken');
    // Only the receiver is told; the sender follows its own referral.
    expect((await s.midwife.request('GET', '/api/v1/referral-notices/consent-withdrawals')).json().items).toEqual([]);

    const [enrolment] = await t.database.db.select().from(enrolments).where(eq(enrolments.id, enrolmentId));
    expect(enrolment).toMatchObject({ status: 'dropped_out', dropOutReason: 'consent_withdrawn', endedOn: dayFromToday(t, 0), version: 2 });
    // The sender, who still sees the file, reads why it ended.
    const listed = await s.midwife.request('GET', `/api/v1/families/${familyId}/enrolments`);
    expect(listed.json().items).toEqual([expect.objectContaining({ id: enrolmentId, status: 'dropped_out', dropOutReason: 'consent_withdrawn' })]);
  });
});

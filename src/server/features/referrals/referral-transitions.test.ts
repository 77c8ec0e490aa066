// SPDX-License-Identifier: EUPL-1.2
// The referral state table through both doors, on the real database: the REST transitions and the
// FHIR Task PATCH refuse the same steps with the same reason, and a refused step changes nothing.
// The three chain defects of issue 8 (rejecting an accepted referral, starting help before
// acceptance, the sender cancelling an accepted referral on hold), plus the FHIR PATCH that answered
// 200 for a status it did not reach (in-progress asked, received or accepted stored).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { insertTestFamily } from '../families/test-support.js';
import { outcomeOf } from '../fhir/test-support.js';
import { referrals } from './schema.js';
import { insertTestReferral } from './test-support.js';

let t: TestApp;
let midwife: Caller;
let nurse: Caller;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  midwife = await callerFor(t, 'midwife', 'wieg');
  nurse = await callerFor(t, 'jgzNurse', 'jgz');
});
afterAll(() => t.close());

const REASON = 'Cliënte is tijdelijk opgenomen in het ziekenhuis';

/** A referral from De Wieg to JGZ, taken through the given steps by the given callers (REST). */
async function referralAfter(steps: [Caller, string][]): Promise<string> {
  const { familyId } = await insertTestFamily(t, 'wieg');
  const { referralId } = await insertTestReferral(t, familyId, 'wieg', 'jgz', midwife.session.personId);
  for (const [caller, event] of steps) {
    const response = await rest(caller, referralId, event);
    expect(response.statusCode, `${event}: ${response.body}`).toBe(200);
  }
  return referralId;
}

async function stored(referralId: string) {
  const [row] = await t.database.db
    .select({ status: referrals.status, statusBeforeHold: referrals.statusBeforeHold, version: referrals.version })
    .from(referrals)
    .where(eq(referrals.id, referralId));
  return row!;
}

async function rest(caller: Caller, referralId: string, event: string) {
  const { version } = await stored(referralId);
  return caller.request('POST', `/api/v1/referrals/${referralId}/transitions`, { event, reason: REASON, version });
}

async function patchTask(caller: Caller, referralId: string, status: string) {
  return caller.request(
    'PATCH',
    `/fhir/R4/Task/${referralId}`,
    [
      { op: 'replace', path: '/status', value: status },
      { op: 'replace', path: '/statusReason/text', value: REASON },
    ],
    { 'content-type': 'application/json-patch+json' },
  );
}

/** The step is refused through REST and through FHIR with this status and sentence; nothing stored. */
async function expectRefusedBothWays(
  referralId: string,
  caller: Caller,
  step: { event: string; taskStatus: string },
  expected: { httpStatus: number; code: string; detail: string },
) {
  const before = await stored(referralId);
  const viaRest = await rest(caller, referralId, step.event);
  expect(viaRest.statusCode, viaRest.body).toBe(expected.httpStatus);
  expect(viaRest.json()).toMatchObject({ code: expected.code, detail: expected.detail });
  const viaFhir = await patchTask(caller, referralId, step.taskStatus);
  expect(viaFhir.statusCode, viaFhir.body).toBe(expected.httpStatus);
  expect(outcomeOf(viaFhir)).toMatchObject({ code: expected.code, text: expected.detail });
  expect(await stored(referralId)).toEqual(before);
}

describe('issue 8, item 10: the chain refuses what the state table refuses, through REST and FHIR', () => {
  it('the receiver cannot reject an accepted, in-progress or paused accepted referral', async () => {
    const accepted = await referralAfter([[nurse, 'accept']]);
    await expectRefusedBothWays(accepted, nurse, { event: 'reject', taskStatus: 'rejected' }, {
      httpStatus: 409,
      code: 'already_processed',
      detail: 'Deze verwijzing is al geaccepteerd.',
    });
    const started = await referralAfter([[nurse, 'accept'], [nurse, 'start']]);
    await expectRefusedBothWays(started, nurse, { event: 'reject', taskStatus: 'rejected' }, {
      httpStatus: 409,
      code: 'already_processed',
      detail: 'Deze verwijzing is al geaccepteerd en in behandeling.',
    });
    const paused = await referralAfter([[nurse, 'accept'], [nurse, 'hold']]);
    await expectRefusedBothWays(paused, nurse, { event: 'reject', taskStatus: 'rejected' }, {
      httpStatus: 409,
      code: 'already_processed',
      detail: 'Deze verwijzing is al geaccepteerd.',
    });
  });

  it('help cannot be started before acceptance, also not by resuming a paused referral through FHIR', async () => {
    for (const steps of [[], [[nurse, 'receive']]] as [Caller, string][][]) {
      const notAccepted = await referralAfter(steps);
      await expectRefusedBothWays(notAccepted, nurse, { event: 'start', taskStatus: 'in-progress' }, {
        httpStatus: 409,
        code: 'conflict',
        detail: 'Accepteer de verwijzing voordat u de hulp start.',
      });
    }
    // Received, then paused: PATCH status in-progress used to answer 200 and store 'received'.
    const paused = await referralAfter([[nurse, 'receive'], [nurse, 'hold']]);
    const before = await stored(paused);
    const asked = await patchTask(nurse, paused, 'in-progress');
    expect(asked.statusCode, asked.body).toBe(409);
    expect(outcomeOf(asked).text).toBe('Accepteer de verwijzing voordat u de hulp start.');
    expect(await stored(paused)).toEqual(before);
  });

  it('the sender cannot cancel an accepted referral, also not while it is on hold', async () => {
    const forbidden = {
      httpStatus: 403,
      code: 'forbidden',
      detail: 'De verwijzing is al geaccepteerd; alleen de ontvangende organisatie kan haar nog afsluiten, met een uitkomst.',
    };
    await expectRefusedBothWays(await referralAfter([[nurse, 'accept'], [nurse, 'hold']]), midwife, { event: 'cancel', taskStatus: 'cancelled' }, forbidden);
    await expectRefusedBothWays(await referralAfter([[nurse, 'accept'], [nurse, 'start'], [nurse, 'hold']]), midwife, { event: 'cancel', taskStatus: 'cancelled' }, forbidden);
    await expectRefusedBothWays(await referralAfter([[nurse, 'accept']]), midwife, { event: 'cancel', taskStatus: 'cancelled' }, forbidden);
  });

  it('a FHIR PATCH never answers 200 with another status than the one asked for', async () => {
    // Paused after acceptance: in-progress (start) and requested are refused; accepted resumes it.
    const paused = await referralAfter([[nurse, 'accept'], [nurse, 'hold']]);
    const start = await patchTask(nurse, paused, 'in-progress');
    expect(start.statusCode, start.body).toBe(409);
    expect(outcomeOf(start).text).toBe('Deze verwijzing is gepauzeerd; zolang zij gepauzeerd is, kan deze stap niet.');
    const requested = await patchTask(nurse, paused, 'requested');
    expect(requested.statusCode, requested.body).toBe(409);
    expect(await stored(paused)).toMatchObject({ status: 'on-hold', statusBeforeHold: 'accepted' });
    const resumed = await patchTask(nurse, paused, 'accepted');
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json()).toMatchObject({ status: 'accepted' });
    expect(await stored(paused)).toMatchObject({ status: 'accepted', statusBeforeHold: null });

    // Paused by the sender before receipt: only the sender resumes it, to requested.
    const held = await referralAfter([[midwife, 'hold']]);
    expect((await patchTask(nurse, held, 'requested')).statusCode).toBe(403);
    const back = await patchTask(midwife, held, 'requested');
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ status: 'requested' });
  });

  it('allowed steps still work through FHIR: received → on-hold → received → accepted → in-progress → on-hold → in-progress → completed', async () => {
    const referralId = await referralAfter([]);
    for (const status of ['received', 'on-hold', 'received', 'accepted', 'in-progress', 'on-hold', 'in-progress']) {
      const response = await patchTask(nurse, referralId, status);
      expect(response.statusCode, `${status}: ${response.body}`).toBe(200);
      expect(response.json().status).toBe(status);
    }
    const completed = await nurse.request(
      'PATCH',
      `/fhir/R4/Task/${referralId}`,
      [
        { op: 'replace', path: '/status', value: 'completed' },
        { op: 'replace', path: '/businessStatus', value: { coding: [{ code: 'got_help' }] } },
      ],
      { 'content-type': 'application/json-patch+json' },
    );
    expect(completed.statusCode, completed.body).toBe(200);
    expect(await stored(referralId)).toMatchObject({ status: 'completed' });
  });
});

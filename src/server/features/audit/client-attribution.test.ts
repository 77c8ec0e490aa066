// SPDX-License-Identifier: EUPL-1.2
// NEN 7513: every client whose data a request returned appears in that client's access log ("Wie
// keek mee") and in the admin's audit search by client — lists, searches (also by BSN), CSV exports,
// the caseload and the referral inbox, access denials and failed emergency-access attempts included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type AuditRow, type Caller } from '../organisations/test-support.js';
import { insertConsentedCareRelationship, insertTestFamily } from '../families/test-support.js';
import { insertTestReferral } from '../referrals/test-support.js';
import { settleAuditWatermark } from '../../../../test/helpers/audit-sealing.js';
import { verifyAuditChain } from '../../platform/audit/audit-log.js';

let t: TestApp;
let midwife: Caller;
let nurse: Caller;
let socialWorker: Caller;
let platformAdmin: Caller;

beforeAll(async () => {
  t = await createTestApp();
  midwife = await callerFor(t, 'midwife', 'wieg');
  nurse = await callerFor(t, 'jgzNurse');
  socialWorker = await callerFor(t, 'socialWorker');
  platformAdmin = await callerFor(t, 'platformAdmin');
});
afterAll(() => t.close());

const CRISIS = 'Cliënte meldt zich in crisis bij het wijkteam, verloskundige onbereikbaar.';

/** The one audit row a request wrote, of the given action. */
function only(rows: AuditRow[], action: string): AuditRow {
  const matching = rows.filter((row) => row.action === action);
  expect(matching).toHaveLength(1);
  return matching[0]!;
}

/** The access log ("Wie keek mee") of a family, as the registering midwife sees it. */
async function accessLogOf(familyId: string): Promise<{ personName: string; action: string; objectType: string; outcome: string }[]> {
  const response = await midwife.request('GET', `/api/v1/families/${familyId}/access-log?pageSize=100`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

/** The platform admin's audit search by client. */
async function auditSearchByClient(familyId: string, filters = ''): Promise<{ action: string; objectType: string; outcome: string; actorId: string }[]> {
  const response = await platformAdmin.request('GET', `/api/v1/audit-events?clientId=${familyId}&pageSize=100${filters}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

describe('list, search and export reads name every client they returned', () => {
  it('family list, search by name and by BSN, and the families CSV', async () => {
    const first = await insertTestFamily(t, 'wieg', { givenName: 'Lijst', familyName: 'Eerste', bsn: '123456782' });
    const second = await insertTestFamily(t, 'wieg', { givenName: 'Lijst', familyName: 'Tweede' });

    const list = await midwife.audited('GET', '/api/v1/families?pageSize=100');
    expect(list.response.statusCode).toBe(200);
    const listed = only(list.rows, 'search');
    expect(listed.clientIds).toEqual(expect.arrayContaining([first.familyId, second.familyId]));
    expect(listed.clientIds).toHaveLength((list.response.json().items as unknown[]).length);

    const byName = await midwife.audited('GET', '/api/v1/families?q=lijst%20tweede');
    expect(byName.response.json().items.map((item: { id: string }) => item.id)).toEqual([second.familyId]);
    expect(only(byName.rows, 'search').clientIds).toEqual([second.familyId]);

    const byBsn = await midwife.audited('POST', '/api/v1/families/search', { bsn: '123456782' });
    expect(byBsn.response.json().items.map((item: { id: string }) => item.id)).toEqual([first.familyId]);
    expect(only(byBsn.rows, 'search').clientIds).toEqual([first.familyId]);

    const csv = await midwife.audited('GET', '/api/v1/families?q=lijst', undefined, { accept: 'text/csv' });
    expect(csv.response.statusCode).toBe(200);
    expect(only(csv.rows, 'export').clientIds).toEqual([first.familyId, second.familyId].sort());

    // An empty result names nobody.
    const none = await midwife.audited('GET', '/api/v1/families?q=niemandheetzo');
    expect(only(none.rows, 'search').clientIds).toBeNull();

    const log = await accessLogOf(second.familyId);
    expect(log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'search', objectType: 'family' }),
        expect.objectContaining({ action: 'export', objectType: 'family' }),
      ]),
    );
    const searched = await auditSearchByClient(first.familyId);
    expect(searched.filter((row) => row.action === 'search')).toHaveLength(2);
    expect(searched.filter((row) => row.action === 'export')).toHaveLength(1);
    // The app's sealer runs on a timer (off in tests): seal what is committed, then verify it all.
    await settleAuditWatermark(t.database.db);
    await t.app.auditSealer.runOnce();
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ isValid: true });
  });

  it('the JGZ caseload and its CSV', async () => {
    const family = await insertTestFamily(t, 'wieg', { givenName: 'Case', familyName: 'Load' });
    await insertConsentedCareRelationship(t, family.familyId, 'wieg', 'jgz', midwife.session.personId);
    expect((await nurse.request('PUT', `/api/v1/families/${family.familyId}/caseload`, { tier: 'extra' })).statusCode).toBe(200);

    const list = await nurse.audited('GET', '/api/v1/caseload?nurse=all&pageSize=100');
    expect(list.response.statusCode, list.response.body).toBe(200);
    expect(only(list.rows, 'search').clientIds).toContain(family.familyId);
    const csv = await nurse.audited('GET', '/api/v1/caseload?nurse=all', undefined, { accept: 'text/csv' });
    expect(only(csv.rows, 'export').clientIds).toContain(family.familyId);

    const log = await accessLogOf(family.familyId);
    expect(log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'search', objectType: 'caseload' }),
        expect.objectContaining({ action: 'export', objectType: 'caseload' }),
      ]),
    );
    expect((await auditSearchByClient(family.familyId, '&objectType=caseload')).map((row) => row.action).sort()).toEqual(['export', 'search', 'update']);
  });

  it('the referral inbox and its CSV', async () => {
    const family = await insertTestFamily(t, 'wieg', { givenName: 'Ver', familyName: 'Wezen' });
    await insertTestReferral(t, family.familyId, 'wieg', 'jgz', midwife.session.personId);

    const inbox = await nurse.audited('GET', '/api/v1/referrals?box=incoming&pageSize=100');
    expect(inbox.response.statusCode, inbox.response.body).toBe(200);
    expect(only(inbox.rows, 'search').clientIds).toContain(family.familyId);
    const csv = await nurse.audited('GET', '/api/v1/referrals?box=incoming', undefined, { accept: 'text/csv' });
    expect(only(csv.rows, 'export').clientIds).toContain(family.familyId);
    const outbox = await midwife.audited('GET', '/api/v1/referrals?box=outgoing&pageSize=100');
    expect(only(outbox.rows, 'search').clientIds).toContain(family.familyId);

    const log = await accessLogOf(family.familyId);
    expect(log.filter((row) => row.objectType === 'referral').map((row) => row.action)).toEqual(expect.arrayContaining(['search', 'export']));
    expect((await auditSearchByClient(family.familyId, '&objectType=referral')).length).toBeGreaterThanOrEqual(3);
  });
});

describe('refusals and failed attempts are found by client', () => {
  it('a registration stopped as a possible duplicate names the files it showed', async () => {
    const existing = await insertTestFamily(t, 'wieg', { givenName: 'Twee', familyName: 'Maal', birthDate: '1993-03-03', postcode: '3311 AB' });
    const attempt = await midwife.audited('POST', '/api/v1/families', {
      client: { givenName: 'Twee', familyName: 'Maal', birthDate: '1993-03-03' },
      postcode: '3311 AB',
      municipalityCode: 'GM0505',
      contact: { channel: 'phone', language: 'nl', phone: '06 12345678' },
    });
    expect(attempt.response.json().code, attempt.response.body).toBe('duplicate_family');
    expect(attempt.rows).toEqual([
      expect.objectContaining({ action: 'create', objectType: 'family', outcome: 'failure', clientId: existing.familyId, clientIds: [existing.familyId], details: { failure: 'possible_duplicate' } }),
    ]);
    expect(await auditSearchByClient(existing.familyId, '&outcome=failure')).toHaveLength(1);
  });

  it('an access denial names the client it concerned', async () => {
    const family = await insertTestFamily(t, 'wieg', { givenName: 'Geen', familyName: 'Toegang' });
    const denied = await socialWorker.audited('GET', `/api/v1/families/${family.familyId}`);
    expect(denied.response.statusCode).toBe(403);
    expect(only(denied.rows, 'access_denied')).toMatchObject({ outcome: 'denied', clientId: family.familyId });
    expect(await auditSearchByClient(family.familyId, '&outcome=denied')).toEqual([
      expect.objectContaining({ action: 'access_denied', actorId: socialWorker.session.personId }),
    ]);
  });

  it('failed emergency-access attempts are audited: wrong reason, no match, more than one match', async () => {
    const tooShort = await socialWorker.audited('POST', '/api/v1/emergency-access', { bsn: '123456782', reason: 'kort' });
    expect(tooShort.response.statusCode).toBe(400);
    expect(tooShort.response.json().errors).toEqual([expect.objectContaining({ path: 'body.reason' })]);
    expect(tooShort.rows).toEqual([
      expect.objectContaining({
        action: 'create',
        objectType: 'emergency_access',
        outcome: 'failure',
        actorId: socialWorker.session.personId,
        details: { failure: 'invalid_request', fields: ['body.reason'] },
      }),
    ]);

    const noMatch = await socialWorker.audited('POST', '/api/v1/emergency-access', { bsn: '111111110', reason: CRISIS });
    expect(noMatch.response.statusCode).toBe(404);
    expect(noMatch.rows).toEqual([
      expect.objectContaining({ action: 'create', objectType: 'emergency_access', outcome: 'failure', reason: CRISIS, clientIds: null, details: { failure: 'no_match' } }),
    ]);

    // Two files for the same name and date of birth (registered by two organisations).
    const one = await insertTestFamily(t, 'wieg', { givenName: 'Dubbel', familyName: 'Geregistreerd', birthDate: '1990-01-01' });
    const other = await insertTestFamily(t, 'jgz', { givenName: 'Dubbel', familyName: 'Geregistreerd', birthDate: '1990-01-01' });
    const several = await socialWorker.audited('POST', '/api/v1/emergency-access', { familyName: 'Geregistreerd', birthDate: '1990-01-01', reason: CRISIS });
    // Not "no match": the real reason, so the professional can narrow it (postcode or BSN).
    expect(several.response.statusCode).toBe(409);
    expect(several.response.json()).toMatchObject({ code: 'emergency_access_ambiguous' });
    const failed = only(several.rows, 'create');
    expect(failed).toMatchObject({ outcome: 'failure', details: { failure: 'several_matches' } });
    expect(failed.clientIds).toEqual([one.familyId, other.familyId].sort());
    expect(await auditSearchByClient(other.familyId, '&outcome=failure')).toEqual([expect.objectContaining({ action: 'create', objectType: 'emergency_access' })]);
    expect(await accessLogOf(one.familyId)).toEqual([expect.objectContaining({ action: 'create', objectType: 'emergency_access', outcome: 'failure' })]);
    // The app's sealer runs on a timer (off in tests): seal what is committed, then verify it all.
    await settleAuditWatermark(t.database.db);
    await t.app.auditSealer.runOnce();
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ isValid: true });
  });
});

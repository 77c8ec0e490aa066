// SPDX-License-Identifier: EUPL-1.2
// Families through the API: registration with its checks, who can find and open a family (care
// relationships only), optimistic locking, duplicates and merge, emergency access and the access log.
import { nl } from '../../../contracts/i18n/nl.js';
import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { queryRows } from '../../platform/db/connection.js';
import { families, familyMembers } from './schema.js';
import { insertConsentedCareRelationship, insertTestFamily } from './test-support.js';

let t: TestApp;
let midwife: Caller;
let nurse: Caller;
let socialWorker: Caller;
let today: string;

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function registration(overrides: Record<string, unknown> = {}) {
  return {
    client: { givenName: 'Noor', familyName: 'van Dijk', birthDate: '1995-03-02', bsn: '111222333' },
    partner: { givenName: 'Sem', familyName: 'Jansen' },
    postcode: '3311 ab',
    municipalityCode: 'GM0505',
    contact: { channel: 'phone', language: 'nl', phone: '06 12345678' },
    pregnancy: { dueDate: addDays(today, 140), parity: 1 },
    ...overrides,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  today = amsterdamDate(t.clock.now());
  midwife = await callerFor(t, 'midwife', 'wieg');
  nurse = await callerFor(t, 'jgzNurse');
  socialWorker = await callerFor(t, 'socialWorker');
});
afterAll(() => t.close());

async function familyCount(): Promise<number> {
  return (await t.database.db.select({ id: families.id }).from(families)).length;
}

describe('registering a family', () => {
  it('registers client, partner and pregnancy, with the gestational age and the care relationship, audited as a create of this client', async () => {
    const { response, rows } = await midwife.audited('POST', '/api/v1/families', registration());
    expect(response.statusCode, response.body).toBe(201);
    const family = response.json();
    expect(family.members.map((member: { role: string }) => member.role)).toEqual(['client', 'partner']);
    expect(family.postcode).toBe('3311 AB');
    expect(family.municipalityName).toBe('Dordrecht');
    expect(family.pregnancies[0].gestationalAge).toBe('20+0');
    expect(family.careRelationships).toEqual([expect.objectContaining({ organisationId: midwife.session.organisationId, basis: 'registered' })]);
    expect(rows).toEqual([expect.objectContaining({ action: 'create', objectType: 'family', clientId: family.id, outcome: 'success' })]);
  });

  it.each([
    ['an invalid BSN', { client: { givenName: 'A', familyName: 'B', birthDate: '1995-03-02', bsn: '123456789' } }, 'burgerservicenummer'],
    ['a due date more than 44 weeks ahead', { pregnancy: { dueDate: addDays(new Date().toISOString().slice(0, 10), 45 * 7), parity: 0 } }, '44 weken'],
    ['a due date long past', { pregnancy: { dueDate: addDays(new Date().toISOString().slice(0, 10), -60), parity: 0 } }, 'verleden'],
    ['a wrong postcode', { postcode: '33 AB' }, 'postcode'],
    ['an unknown municipality', { municipalityCode: 'GM9999' }, 'gemeente'],
    ['a date of birth in the future', { client: { givenName: 'A', familyName: 'B', birthDate: '2090-01-01' } }, 'geboortedatum'],
  ])('refuses %s with a Dutch message and saves nothing', async (_label, overrides, words) => {
    const before = await familyCount();
    const response = await midwife.request('POST', '/api/v1/families', registration(overrides));
    expect(response.statusCode).toBe(400);
    expect(response.json().detail.toLowerCase()).toContain(words.toLowerCase());
    expect(await familyCount()).toBe(before);
  });

  it('stops a duplicate (same BSN, or same name + date of birth + postcode) until the professional confirms', async () => {
    const first = registration({ client: { givenName: 'Lina', familyName: 'Bos', birthDate: '1990-07-07' }, postcode: '3312 AA' });
    expect((await midwife.request('POST', '/api/v1/families', first)).statusCode).toBe(201);
    const before = await familyCount();
    const again = await midwife.request('POST', '/api/v1/families', first);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('duplicate_family');
    expect(again.json().errors[0].message).toContain('Lina Bos');
    expect(await familyCount()).toBe(before);
    const confirmed = await midwife.request('POST', '/api/v1/families', { ...first, confirmNotDuplicate: true });
    expect(confirmed.statusCode).toBe(201);
  });
});

describe('who may see a family', () => {
  it('an unrelated organisation cannot find or open the family; the refusal is audited', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg', { givenName: 'Verborgen', familyName: 'Cliënt' });
    const found = await socialWorker.request('GET', '/api/v1/families?q=verborgen');
    expect(found.json().total).toBe(0);
    const { response, rows } = await socialWorker.audited('GET', `/api/v1/families/${familyId}`);
    expect(response.statusCode).toBe(403);
    expect(rows).toEqual([expect.objectContaining({ action: 'access_denied', objectType: 'family', objectId: familyId })]);
    const mine = await midwife.request('GET', '/api/v1/families?q=verborgen');
    expect(mine.json().items.map((item: { id: string }) => item.id)).toEqual([familyId]);
  });

  it('a receiving organisation sees the family while the consent is valid, and not after it is withdrawn', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg');
    expect((await nurse.request('GET', `/api/v1/families/${familyId}`)).statusCode).toBe(403);
    const consentId = await insertConsentedCareRelationship(t, familyId, 'wieg', 'jgz', midwife.session.personId);
    const open = await nurse.request('GET', `/api/v1/families/${familyId}`);
    expect(open.statusCode).toBe(200);
    expect(open.json().careRelationships.map((relation: { basis: string }) => relation.basis).sort()).toEqual(['referral', 'registered']);
    await t.database.db.execute(sql`UPDATE consents SET withdrawn_at = now() WHERE id = ${consentId}`);
    expect((await nurse.request('GET', `/api/v1/families/${familyId}`)).statusCode).toBe(403);
    expect((await nurse.request('GET', '/api/v1/families')).json().items.map((item: { id: string }) => item.id)).not.toContain(familyId);
  });

  it('roles without client files (coordinator, admins, aggregate roles) are refused', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg');
    for (const key of ['coordinator', 'practiceAdmin', 'platformAdmin', 'policyOfficer']) {
      const caller = await callerFor(t, key);
      expect((await caller.request('GET', `/api/v1/families/${familyId}`)).statusCode, key).toBe(403);
    }
  });
});

describe('searching by name', () => {
  it('finds a client by the start of her given name or of the main part of her family name, particles ignored', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg', { givenName: 'Marieke', familyName: 'van der Zoekstra' });
    for (const q of ['marie', 'zoekst', 'Marieke van der Zoekstra', 'van der zoek', 'ZOEKSTRA mar']) {
      const ids = (await midwife.request('GET', `/api/v1/families?q=${encodeURIComponent(q)}`)).json().items.map((item: { id: string }) => item.id);
      expect(ids, q).toContain(familyId);
    }
    for (const q of ['ieke', 'oekstra', 'zoekstra jan']) {
      const ids = (await midwife.request('GET', `/api/v1/families?q=${encodeURIComponent(q)}`)).json().items.map((item: { id: string }) => item.id);
      expect(ids, q).not.toContain(familyId);
    }
  });
});

describe('changing a family', () => {
  it('refuses a change based on an older version and saves nothing', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg');
    const changed = await midwife.request('PATCH', `/api/v1/families/${familyId}`, { version: 1, contact: { channel: 'email', email: 'a@b.nl' } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().version).toBe(2);
    const stale = await midwife.request('PATCH', `/api/v1/families/${familyId}`, { version: 1, postcode: '3311 CD' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    const [row] = await t.database.db.select().from(families).where(eq(families.id, familyId));
    expect(row!.postcode).toBe('3311 AB');
    expect(row!.contactChannel).toBe('email');
  });

  it('merges a duplicate: records move, the duplicate stays as merged with its client record', async () => {
    const kept = await insertTestFamily(t, 'wieg', { givenName: 'Dubbel', familyName: 'Persoon', birthDate: '1993-01-01' });
    const duplicate = await insertTestFamily(t, 'wieg', { givenName: 'Dubbel', familyName: 'Persoon', birthDate: '1993-01-01' });
    const candidates = await midwife.request('GET', `/api/v1/families/${kept.familyId}/duplicates`);
    expect(candidates.json().candidates.map((candidate: { familyId: string }) => candidate.familyId)).toEqual([duplicate.familyId]);
    const merged = await midwife.request('POST', `/api/v1/families/${kept.familyId}/merges`, { duplicateId: duplicate.familyId, version: 1 });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().pregnancies).toHaveLength(2);
    const [old] = await t.database.db.select().from(families).where(eq(families.id, duplicate.familyId));
    expect(old!.mergedIntoId).toBe(kept.familyId);
    const oldMembers = await t.database.db.select().from(familyMembers).where(eq(familyMembers.familyId, duplicate.familyId));
    expect(oldMembers.map((member) => member.role)).toEqual(['client']);
    const again = await midwife.request('POST', `/api/v1/families/${kept.familyId}/merges`, { duplicateId: duplicate.familyId, version: 2 });
    expect(again.json().code).toBe('already_processed');
  });
});

describe('merging is never a way to read more (issue 8: emergency access plus merge)', () => {
  const REASON = 'Cliënte meldt zich in crisis bij de praktijk, JGZ is niet bereikbaar.';
  const merge = (caller: Caller, familyId: string, duplicateId: string, version = 1) =>
    caller.audited('POST', `/api/v1/families/${familyId}/merges`, { duplicateId, version });
  async function unmoved(familyId: string) {
    const [row] = await t.database.db.select().from(families).where(eq(families.id, familyId));
    const [pregnancies] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM pregnancies WHERE family_id = ${familyId}::uuid`);
    return { mergedIntoId: row!.mergedIntoId, pregnancies: pregnancies!.n };
  }

  it('an emergency access to another organisation’s file does not let a professional merge it, in either direction; refused, audited, nothing moved', async () => {
    const person = { givenName: 'Nood', familyName: 'Samenvoeging', birthDate: '1990-02-02', bsn: '929180732' };
    const own = await insertTestFamily(t, 'wieg', person);
    const other = await insertTestFamily(t, 'jgz', person);
    // Two files with this BSN: emergency access by BSN and postcode would not narrow it; the attacker opens the other file directly.
    await t.database.db.execute(sql`INSERT INTO emergency_accesses (family_id, person_id, organisation_id, reason, started_at, expires_at)
      VALUES (${other.familyId}::uuid, ${midwife.session.personId}::uuid, ${midwife.session.organisationId}::uuid, ${REASON}, ${t.clock.now().toISOString()}::timestamptz, ${new Date(t.clock.now().getTime() + 3600_000).toISOString()}::timestamptz)`);
    expect((await midwife.request('GET', `/api/v1/families/${other.familyId}`)).statusCode).toBe(200);

    const into = await merge(midwife, own.familyId, other.familyId);
    expect(into.response.statusCode, into.response.body).toBe(403);
    expect(into.response.json().code).toBe('merge_requires_care_relationship');
    expect(into.rows).toEqual([expect.objectContaining({ action: 'access_denied', outcome: 'denied', objectId: own.familyId })]);
    const away = await merge(midwife, other.familyId, own.familyId);
    expect(away.response.statusCode, away.response.body).toBe(403);
    expect(away.response.json().code).toBe('merge_requires_care_relationship');

    expect(await unmoved(other.familyId)).toEqual({ mergedIntoId: null, pregnancies: 1 });
    expect(await unmoved(own.familyId)).toEqual({ mergedIntoId: null, pregnancies: 1 });
  });

  it('only real duplicates: the same BSN, or the same name, date of birth and postcode', async () => {
    const kept = await insertTestFamily(t, 'wieg', { givenName: 'Anna', familyName: 'Echt', birthDate: '1992-07-07' });
    const otherPerson = await insertTestFamily(t, 'wieg', { givenName: 'Bea', familyName: 'Anders', birthDate: '1988-01-01' });
    const otherPostcode = await insertTestFamily(t, 'wieg', { givenName: 'Anna', familyName: 'Echt', birthDate: '1992-07-07', postcode: '3312 CD' });
    const otherBsns = [
      await insertTestFamily(t, 'wieg', { givenName: 'Cora', familyName: 'Twee', birthDate: '1991-01-01', bsn: '979748562' }),
      await insertTestFamily(t, 'wieg', { givenName: 'Cora', familyName: 'Twee', birthDate: '1991-01-01', bsn: '302569145' }),
    ];
    for (const [familyId, duplicateId] of [
      [kept.familyId, otherPerson.familyId],
      [kept.familyId, otherPostcode.familyId],
      [otherBsns[0]!.familyId, otherBsns[1]!.familyId],
    ] as const) {
      const refused = await merge(midwife, familyId, duplicateId);
      expect(refused.response.statusCode, refused.response.body).toBe(422);
      expect(refused.response.json()).toMatchObject({ code: 'merge_not_duplicate', detail: expect.stringContaining('Samenvoegen kan alleen bij hetzelfde BSN') });
      expect(await unmoved(duplicateId)).toEqual({ mergedIntoId: null, pregnancies: 1 });
    }
    // The same BSN is enough, whatever else differs (a typo in the name, a move).
    const byBsn = [
      await insertTestFamily(t, 'wieg', { givenName: 'Dina', familyName: 'Verhuisd', birthDate: '1993-03-03', bsn: '186558454' }),
      await insertTestFamily(t, 'wieg', { givenName: 'Dinah', familyName: 'Verhuisd', birthDate: '1993-03-03', bsn: '186558454', postcode: '3312 CD' }),
    ];
    const merged = await merge(midwife, byBsn[0]!.familyId, byBsn[1]!.familyId);
    expect(merged.response.statusCode, merged.response.body).toBe(200);
  });

  it('never widens who can see a record: refused when other organisations, or the same ones in another way, or other emergency accesses can see one of the two', async () => {
    const person = { givenName: 'Wijd', familyName: 'Toegang', birthDate: '1994-04-04' };
    const kept = await insertTestFamily(t, 'wieg', person);
    const sharedWithJgz = await insertTestFamily(t, 'wieg', person);
    await insertConsentedCareRelationship(t, sharedWithJgz.familyId, 'wieg', 'jgz', midwife.session.personId);
    const widened = await merge(midwife, kept.familyId, sharedWithJgz.familyId);
    expect(widened.response.statusCode, widened.response.body).toBe(409);
    expect(widened.response.json().code).toBe('merge_would_widen_access');
    expect((await merge(midwife, sharedWithJgz.familyId, kept.familyId)).response.json().code).toBe('merge_would_widen_access');
    expect(await unmoved(sharedWithJgz.familyId)).toEqual({ mergedIntoId: null, pregnancies: 1 });

    // JGZ on both, but on one only while a consent holds and on the other for good: still refused.
    const registeredByJgzToo = await insertTestFamily(t, 'wieg', person);
    await t.database.db.execute(sql`INSERT INTO care_relationships (family_id, organisation_id, basis) VALUES (${registeredByJgzToo.familyId}::uuid, ${t.demo.organisationIds.jgz!}::uuid, 'registered')`);
    expect((await merge(midwife, sharedWithJgz.familyId, registeredByJgzToo.familyId)).response.json().code).toBe('merge_would_widen_access');

    // An emergency access to one of them only.
    const plain = await insertTestFamily(t, 'wieg', person);
    await t.database.db.execute(sql`INSERT INTO emergency_accesses (family_id, person_id, organisation_id, reason, started_at, expires_at)
      VALUES (${plain.familyId}::uuid, ${socialWorker.session.personId}::uuid, ${socialWorker.session.organisationId}::uuid, ${REASON}, ${t.clock.now().toISOString()}::timestamptz, ${new Date(t.clock.now().getTime() + 3600_000).toISOString()}::timestamptz)`);
    expect((await merge(midwife, kept.familyId, plain.familyId)).response.json().code).toBe('merge_would_widen_access');
    expect(await unmoved(plain.familyId)).toEqual({ mergedIntoId: null, pregnancies: 1 });
  });

  it('a merge of real duplicates seen by the same organisations is audited on both files and copies no care relationship', async () => {
    const person = { givenName: 'Beide', familyName: 'Dossiers', birthDate: '1996-06-06' };
    const kept = await insertTestFamily(t, 'wieg', person);
    const duplicate = await insertTestFamily(t, 'wieg', person);
    const { response, rows } = await merge(midwife, kept.familyId, duplicate.familyId);
    expect(response.statusCode, response.body).toBe(200);
    expect(rows).toEqual([
      expect.objectContaining({ action: 'update', objectType: 'merge', objectId: kept.familyId, clientId: kept.familyId, outcome: 'success' }),
      expect.objectContaining({ action: 'update', objectType: 'merge', objectId: duplicate.familyId, clientId: duplicate.familyId, outcome: 'success' }),
    ]);
    expect(await queryRows(t.database.db, sql`SELECT organisation_id FROM care_relationships WHERE family_id = ${kept.familyId}::uuid`)).toHaveLength(1);
    const log = await midwife.request('GET', `/api/v1/families/${duplicate.familyId}/access-log`);
    expect(log.json().items).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'update', objectType: 'merge' })]));
  });
});

describe('the same person at another organisation (issue 8 item 11)', () => {
  const REASON = 'Cliënte meldt zich in crisis bij het wijkteam, verloskundige onbereikbaar.';

  it('registering a second file for the same person warns without revealing the other file', async () => {
    const elsewhere = await insertTestFamily(t, 'jgz', { givenName: 'Elders', familyName: 'Bekend', birthDate: '1991-11-11', postcode: '3311 AB' });
    const { response, rows } = await midwife.audited(
      'POST',
      '/api/v1/families',
      registration({ client: { givenName: 'Elders', familyName: 'Bekend', birthDate: '1991-11-11' }, postcode: '3311ab' }),
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().possibleDuplicateElsewhere).toBe(true);
    expect(response.body).not.toContain(elsewhere.familyId);
    expect(response.json().careRelationships).toEqual([expect.objectContaining({ organisationId: midwife.session.organisationId })]);
    expect(rows.map((row) => row.clientId)).toEqual([response.json().id]);
    // Someone else (another date of birth) gets no warning.
    const other = await midwife.request('POST', '/api/v1/families', registration({ client: { givenName: 'Elders', familyName: 'Bekend', birthDate: '1991-11-12' }, postcode: '3311ab' }));
    expect(other.statusCode, other.body).toBe(201);
    expect(other.json().possibleDuplicateElsewhere).toBeUndefined();
  });

  it('emergency access by name and date of birth that finds several files asks for the postcode; files of one person are all opened', async () => {
    const person = { givenName: 'Twee', familyName: 'Dossiers', birthDate: '1992-12-12', postcode: '3311 AB' };
    const atWieg = await insertTestFamily(t, 'wieg', person);
    const atJgz = await insertTestFamily(t, 'jgz', person);
    const ambiguous = await socialWorker.request('POST', '/api/v1/emergency-access', { familyName: 'dossiers', birthDate: '1992-12-12', reason: REASON });
    expect(ambiguous.statusCode, ambiguous.body).toBe(409);
    expect(ambiguous.json()).toMatchObject({ code: 'emergency_access_ambiguous', detail: expect.stringContaining('Vul ook de postcode of het BSN in') });

    const { response, rows } = await socialWorker.audited('POST', '/api/v1/emergency-access', { familyName: 'dossiers', birthDate: '1992-12-12', postcode: '3311ab', reason: REASON });
    expect(response.statusCode, response.body).toBe(201);
    expect([...response.json().familyIds].sort()).toEqual([atWieg.familyId, atJgz.familyId].sort());
    expect(rows.map((row) => row.clientId).sort()).toEqual([atWieg.familyId, atJgz.familyId].sort());
    for (const familyId of [atWieg.familyId, atJgz.familyId]) {
      expect((await socialWorker.request('GET', `/api/v1/families/${familyId}`)).statusCode).toBe(200);
    }
  });

  it('two different people with the same family name, date of birth and postcode stay ambiguous; no match says so', async () => {
    await insertTestFamily(t, 'wieg', { givenName: 'Eline', familyName: 'Tweeling', birthDate: '1993-08-08' });
    await insertTestFamily(t, 'jgz', { givenName: 'Femke', familyName: 'Tweeling', birthDate: '1993-08-08' });
    const twins = await socialWorker.request('POST', '/api/v1/emergency-access', { familyName: 'Tweeling', birthDate: '1993-08-08', postcode: '3311 AB', reason: REASON });
    expect(twins.statusCode, twins.body).toBe(409);
    expect(twins.json().code).toBe('emergency_access_ambiguous');
    const none = await socialWorker.request('POST', '/api/v1/emergency-access', { familyName: 'Niemand', birthDate: '1993-08-08', reason: REASON });
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ code: 'emergency_access_no_match', detail: expect.stringContaining('Er is geen cliënt gevonden') });
  });
});

describe('emergency access and the access log', () => {
  it('needs a reason; opens one file for four hours; flagged in the access log and for review', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg', { givenName: 'Nood', familyName: 'Geval', birthDate: '1991-05-05', bsn: '123456782' });
    const noReason = await socialWorker.request('POST', '/api/v1/emergency-access', { bsn: '123456782', reason: 'kort' });
    expect(noReason.statusCode).toBe(400);
    const unknown = await socialWorker.request('POST', '/api/v1/emergency-access', { bsn: '111111110', reason: 'Cliënte meldt zich in crisis bij het wijkteam, verloskundige onbereikbaar.' });
    expect(unknown.statusCode).toBe(404);
    const granted = await socialWorker.request('POST', '/api/v1/emergency-access', {
      familyName: 'geval',
      birthDate: '1991-05-05',
      reason: 'Cliënte meldt zich in crisis bij het wijkteam, verloskundige onbereikbaar.',
    });
    expect(granted.statusCode, granted.body).toBe(201);
    expect(granted.json().familyId).toBe(familyId);
    const file = await socialWorker.request('GET', `/api/v1/families/${familyId}`);
    expect(file.statusCode).toBe(200);
    expect(file.json().emergencyAccessUntil).not.toBeNull();

    const log = await midwife.request('GET', `/api/v1/families/${familyId}/access-log`);
    const entries = log.json().items as { personName: string; action: string; emergency: boolean; objectType: string }[];
    expect(entries.filter((entry) => entry.personName === 'Sanne Bakker').every((entry) => entry.emergency)).toBe(true);
    expect(entries).toEqual(expect.arrayContaining([expect.objectContaining({ personName: 'Sanne Bakker', action: 'read', objectType: 'family', emergency: true })]));
    const csv = await midwife.request('GET', `/api/v1/families/${familyId}/access-log`, undefined, { accept: 'text/csv' });
    expect(csv.body).toContain('Sanne Bakker');
    // The client's export speaks Dutch, like the page: no action, record or outcome codes.
    expect(csv.body).toContain(`;${nl.auditActions.read};${nl.auditObjectTypes.family};${nl.auditOutcomes.success};`);
    expect(csv.body).not.toMatch(/;(read|family|success);/);

    const admin = await callerFor(t, 'platformAdmin');
    const review = await admin.request('GET', '/api/v1/emergency-access');
    const item = (review.json().items as { id: string; familyId: string }[]).find((row) => row.familyId === familyId)!;
    expect(item).toBeDefined();
    const reviewed = await admin.request('POST', `/api/v1/emergency-access/${item.id}/review`, { note: 'Terecht: crisis, gebeld met praktijk.' });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect((await admin.request('POST', `/api/v1/emergency-access/${item.id}/review`, { note: 'Nog een keer.' })).json().code).toBe('already_processed');

    t.clock.advance(4 * 3600_000 + 1000);
    try {
      const later = await callerFor(t, 'socialWorker');
      expect((await later.request('GET', `/api/v1/families/${familyId}`)).statusCode).toBe(403);
    } finally {
      t.clock.advance(-(4 * 3600_000 + 1000));
    }
  });

  it('an organisation admin reviews only their own organisation’s emergency accesses', async () => {
    const admin = await callerFor(t, 'practiceAdmin');
    const list = await admin.request('GET', '/api/v1/emergency-access?status=all');
    expect(list.statusCode).toBe(200);
    expect((list.json().items as { organisationName: string }[]).every((row) => row.organisationName === 'Verloskundigenpraktijk De Wieg')).toBe(true);
  });
});

describe('fuzzing', () => {
  it('no input to the families endpoints gives a 5xx', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg');
    const anything = fc.oneof(fc.constant(undefined), fc.anything(), fc.object(), fc.record({ client: fc.anything(), version: fc.anything(), postcode: fc.anything() }));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          ['POST', '/api/v1/families'],
          ['PATCH', `/api/v1/families/${familyId}`],
          ['POST', `/api/v1/families/${familyId}/pregnancies`],
          ['POST', `/api/v1/families/${familyId}/merges`],
          ['POST', '/api/v1/emergency-access'],
          ['GET', '/api/v1/families?q='],
        ),
        anything,
        fc.string({ maxLength: 30 }),
        async ([method, url], body, suffix) => {
          const response = await midwife.request(method as 'POST', method === 'GET' ? `${url}${encodeURIComponent(suffix)}` : url, body as object);
          expect(response.statusCode, response.body).toBeLessThan(500);
        },
      ),
      { numRuns: 120 },
    );
  });
});

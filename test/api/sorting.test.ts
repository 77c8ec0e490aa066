// SPDX-License-Identifier: EUPL-1.2
// Sorting long lists (NL API Design Rules): `sorteer` with a whitelist of fields per endpoint, a
// leading - for descending; any other field is a 400 with code invalid_sort.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/contracts/i18n/nl.js';
import { parseSort } from '../../src/contracts/sorting.js';
import { insertConsentedCareRelationship, insertTestFamily } from '../../src/server/features/families/test-support.js';
import { emergencyAccesses } from '../../src/server/features/families/schema.js';
import { insertTestReferral } from '../../src/server/features/referrals/test-support.js';
import { referrals } from '../../src/server/features/referrals/schema.js';
import { caseloadEntries } from '../../src/server/features/jgz/schema.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { sessionFor, type TestSession } from '../helpers/sessions.js';

let t: TestApp;
let admin: TestSession;
let midwife: TestSession;
let nurse: TestSession;
let coordinator: TestSession;
beforeAll(async () => {
  t = await createTestApp();
  admin = await sessionFor(t, 'platformAdmin');
  midwife = await sessionFor(t, 'midwife', 'wieg');
  nurse = await sessionFor(t, 'jgzNurse');
  coordinator = await sessionFor(t, 'coordinator');
  await seedLongLists();
});
afterAll(() => t.close());

describe('the sorteer value', () => {
  const FIELDS = ['name', 'createdAt'] as const;
  it.each([
    ['name', [{ field: 'name', descending: false }]],
    ['-name', [{ field: 'name', descending: true }]],
    ['-createdAt,name', [{ field: 'createdAt', descending: true }, { field: 'name', descending: false }]],
    ['bsn', null],
    ['name,name', null],
    ['', null],
    ['name,', null],
    ['--name', null],
    ['Name', null],
  ] as const)('%j → %j', (text, expected) => {
    expect(parseSort(text, FIELDS)).toEqual(expected);
  });
});

describe('sorting a list', () => {
  const names = async (url: string) => {
    const response = await t.app.inject({ method: 'GET', url, headers: admin.headers });
    expect(response.statusCode, url).toBe(200);
    return (response.json().items as { name: string }[]).map((item) => item.name);
  };

  it('sorts organisations ascending by default and as asked, descending with -', async () => {
    const byDefault = await names('/api/v1/organisations?pageSize=200');
    expect(byDefault.length).toBeGreaterThan(2);
    expect(await names('/api/v1/organisations?pageSize=200&sorteer=name')).toEqual(byDefault);
    const descending = await names('/api/v1/organisations?pageSize=200&sorteer=-name');
    expect(descending).toEqual([...byDefault].reverse());
    expect(descending).not.toEqual(byDefault);
    // Compared with the database's own order (its collation), never JavaScript's.
    const byType = await t.app.inject({ method: 'GET', url: '/api/v1/organisations?pageSize=200&sorteer=type,-name', headers: admin.headers });
    const items = byType.json().items as { type: string; name: string }[];
    const types = items.map((item) => item.type);
    const blocks = types.filter((type, index) => index === 0 || types[index - 1] !== type);
    expect(blocks).toEqual([...new Set(types)]);
    expect(blocks.length).toBeGreaterThan(1);
    for (const type of blocks) {
      const within = items.filter((item) => item.type === type).map((item) => item.name);
      expect(within).toEqual(descending.filter((name) => within.includes(name)));
    }
  });

  it('refuses a field outside the whitelist with 400 invalid_sort and a Dutch sentence naming the fields', async () => {
    for (const sort of ['bsn', 'name,name', '-identifier']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/organisations?sorteer=${sort}`, headers: admin.headers });
      expect(response.statusCode, sort).toBe(400);
      expect(response.json(), sort).toMatchObject({
        code: 'invalid_sort',
        errors: [{ path: 'querystring.sorteer', code: 'invalid', message: expect.stringContaining('name, type, createdAt, updatedAt') }],
      });
    }
  });

  it('sorts people by e-mail address, descending', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/people?pageSize=200&sorteer=-email', headers: admin.headers });
    expect(response.statusCode).toBe(200);
    const emails = (response.json().items as { email: string }[]).map((item) => item.email);
    expect(emails.length).toBeGreaterThan(2);
    const ascending = await t.app.inject({ method: 'GET', url: '/api/v1/people?pageSize=200&sorteer=email', headers: admin.headers });
    expect(emails).toEqual((ascending.json().items as { email: string }[]).map((item) => item.email).reverse());
    const byName = await t.app.inject({ method: 'GET', url: '/api/v1/people?pageSize=200', headers: admin.headers });
    expect(emails).not.toEqual((byName.json().items as { email: string }[]).map((item) => item.email));
    const refused = await t.app.inject({ method: 'GET', url: '/api/v1/people?sorteer=password', headers: admin.headers });
    expect(refused.json()).toMatchObject({ code: 'invalid_sort' });
  });

  it('sorts a families search by birth date, both ways, and refuses an unknown field', async () => {
    await insertTestFamily(t, 'wieg', { givenName: 'Sorteer', familyName: 'Oud', birthDate: '1980-01-01' });
    await insertTestFamily(t, 'wieg', { givenName: 'Sorteer', familyName: 'Jong', birthDate: '2001-01-01' });
    const search = (body: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/families/search', headers: { ...midwife.headers, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    const ascending = await search({ q: 'sorteer', sorteer: 'birthDate' });
    expect(ascending.json().items.map((item: { clientName: string }) => item.clientName)).toEqual(['Sorteer Oud', 'Sorteer Jong']);
    const descending = await search({ q: 'sorteer', sorteer: '-birthDate' });
    expect(descending.json().items.map((item: { clientName: string }) => item.clientName)).toEqual(['Sorteer Jong', 'Sorteer Oud']);
    const byName = await t.app.inject({ method: 'GET', url: '/api/v1/families?q=sorteer&sorteer=-clientName', headers: midwife.headers });
    expect(byName.json().items.map((item: { clientName: string }) => item.clientName)).toEqual(['Sorteer Oud', 'Sorteer Jong']);
    const refused = await search({ q: 'sorteer', sorteer: 'bsn' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'invalid_sort', errors: [{ path: 'body.sorteer' }] });
  });
});

// ---------------------------------------------------------------------------------------------------
// Every list that sorts: its endpoint and the fields it allows (a rule table, the whitelist pinned).

interface SortedList {
  endpoint: string;
  caller: () => TestSession;
  fields: readonly string[];
  /** Fields that hold one value in this list by nature (an inbox is always the receiver's own). */
  constant?: readonly string[];
}

const SORTED_LISTS: SortedList[] = [
  { endpoint: 'GET /api/v1/organisations', caller: () => admin, fields: ['name', 'type', 'createdAt', 'updatedAt'] },
  { endpoint: 'GET /api/v1/people', caller: () => admin, fields: ['name', 'email', 'createdAt'] },
  { endpoint: 'GET /api/v1/families', caller: () => midwife, fields: ['clientName', 'birthDate', 'municipalityName', 'postcode', 'dueDate', 'registeredByName'] },
  { endpoint: 'POST /api/v1/families/search', caller: () => midwife, fields: ['clientName', 'birthDate', 'municipalityName', 'postcode', 'dueDate', 'registeredByName'] },
  {
    endpoint: 'GET /api/v1/referrals?box=incoming',
    caller: () => nurse,
    fields: ['respondBy', 'requestedAt', 'updatedAt', 'status', 'municipalityName', 'senderOrganisationName', 'receiverOrganisationName'],
    constant: ['receiverOrganisationName'],
  },
  {
    endpoint: 'GET /api/v1/referrals?box=outgoing',
    caller: () => midwife,
    fields: ['respondBy', 'requestedAt', 'updatedAt', 'status', 'municipalityName', 'senderOrganisationName', 'receiverOrganisationName'],
    constant: ['senderOrganisationName'],
  },
  { endpoint: 'GET /api/v1/coalitions?status=all', caller: () => admin, fields: ['code', 'name', 'kind', 'startDate', 'impulseTranche'] },
  { endpoint: 'GET /api/v1/emergency-access?status=all', caller: () => admin, fields: ['startedAt', 'expiresAt', 'reviewedAt', 'personName', 'organisationName'] },
  { endpoint: 'GET /api/v1/caseload?nurse=all', caller: () => nurse, fields: ['nextContactOn', 'clientName', 'municipalityName', 'tier', 'nurseName'] },
];
/** The lists whose items carry each sort field under its own name: their order is checked on the values. */
const CHECKED_ORDER = SORTED_LISTS.slice(4);

function listRequest(list: SortedList, sort: string) {
  const [method, path] = list.endpoint.split(' ') as ['GET' | 'POST', string];
  const headers = list.caller().headers;
  if (method === 'POST') {
    return t.app.inject({ method, url: path, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify({ sorteer: sort, pageSize: 200 }) });
  }
  return t.app.inject({ method, url: `${path}${path.includes('?') ? '&' : '?'}pageSize=200&sorteer=${encodeURIComponent(sort)}`, headers });
}

async function valuesSortedBy(list: SortedList, sort: string): Promise<unknown[]> {
  const response = await listRequest(list, sort);
  expect(response.statusCode, `${list.endpoint} sorteer=${sort}: ${response.body}`).toBe(200);
  const field = sort.replace(/^-/, '');
  return (response.json().items as Record<string, unknown>[]).map((item) => item[field]);
}

describe('sorteer on every long list: the whitelist per endpoint', () => {
  it.each(SORTED_LISTS.map((list) => [list.endpoint, list] as const))('%s: only its own fields, anything else 400 invalid_sort', async (_endpoint, list) => {
    for (const field of list.fields) {
      for (const sort of [field, `-${field}`]) expect((await listRequest(list, sort)).statusCode, `${list.endpoint} ${sort}`).toBe(200);
    }
    expect((await listRequest(list, list.fields.slice(0, 2).map((field, index) => (index === 0 ? `-${field}` : field)).join(','))).statusCode).toBe(200);
    for (const sort of ['bsn', 'id', `${list.fields[0]},${list.fields[0]}`, list.fields[0]!.toUpperCase(), '']) {
      const refused = await listRequest(list, sort);
      expect(refused.statusCode, `${list.endpoint} ${sort}`).toBe(400);
      const place = list.endpoint.startsWith('POST') ? 'body' : 'querystring';
      expect(refused.json(), `${list.endpoint} ${sort}`).toMatchObject({
        code: 'invalid_sort',
        errors: [{ path: `${place}.sorteer`, code: 'invalid', message: nl.fieldErrors.sortFields.replace('{allowed}', list.fields.join(', ')) }],
      });
    }
  });
});

const TIER_LEVEL: Record<string, number> = { universal: 0, extra: 1, intensive: 2 };
const isMoment = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value);

describe('sorteer orders the items by the field, both ways', () => {
  const cases = CHECKED_ORDER.flatMap((list) => list.fields.filter((field) => !list.constant?.includes(field)).map((field) => [list.endpoint, field, list] as const));
  it.each(cases)('%s sorteer=%s', async (_endpoint, field, list) => {
    const ascending = await valuesSortedBy(list, field);
    const descending = await valuesSortedBy(list, `-${field}`);
    // The test data give every field at least two values, so an ignored sorteer cannot pass.
    expect(new Set(ascending.map((value) => JSON.stringify(value))).size, `${list.endpoint} ${field}: ${JSON.stringify(ascending)}`).toBeGreaterThan(1);
    // Descending is ascending turned around (equal values may come in any order, their values cannot).
    expect(descending).toEqual([...ascending].reverse());
    // Equal values stand together.
    const runs = ascending.map((value) => JSON.stringify(value)).filter((value, index, all) => index === 0 || all[index - 1] !== value);
    expect(runs, `${field}: ${JSON.stringify(ascending)}`).toEqual([...new Set(runs)]);
    // Dates, times, numbers and the support tier: checked here too (names follow the database's collation).
    const present = ascending.filter((value) => value !== null);
    expect(ascending.slice(present.length).every((value) => value === null), 'no value sorts last').toBe(true);
    const rank = (value: unknown): number | string | null =>
      field === 'tier' ? TIER_LEVEL[value as string]! : typeof value === 'number' ? value : isMoment(value) ? Date.parse(value as string) : null;
    const ranks = present.map(rank);
    if (ranks.every((value) => value !== null)) {
      for (let index = 1; index < ranks.length; index += 1) expect(ranks[index]! >= ranks[index - 1]!, `${field} at ${index}: ${JSON.stringify(present)}`).toBe(true);
    }
  });

  it('sorts a support tier by its level, not alphabetically', async () => {
    const tiers = await valuesSortedBy(SORTED_LISTS.find((list) => list.endpoint.includes('caseload'))!, 'tier');
    expect([...new Set(tiers)]).toEqual(['universal', 'extra', 'intensive']);
  });
});

/**
 * Referrals in the nurse's inbox and the midwife's outbox, emergency accesses, a regional coalition and
 * a caseload: each sort field with more than one value.
 */
async function seedLongLists() {
  const db = t.database.db;
  const hour = 3_600_000;
  const now = t.clock.now().getTime();
  const family = (familyName: string, municipalityCode = 'GM0505') => insertTestFamily(t, 'wieg', { givenName: 'Lijst', familyName, municipalityCode });
  const socialWorker = await sessionFor(t, 'socialWorker');

  const sent = [
    { from: 'wieg', to: 'jgz', person: midwife.personId, municipalityCode: 'GM0505', status: 'requested' },
    { from: 'wieg', to: 'jgz', person: midwife.personId, municipalityCode: 'GM0590', status: 'received' },
    { from: 'wijkteam', to: 'jgz', person: socialWorker.personId, municipalityCode: 'GM0642', status: 'requested' },
    { from: 'wieg', to: 'wijkteam', person: midwife.personId, municipalityCode: 'GM0482', status: 'received' },
  ] as const;
  for (const [index, referral] of sent.entries()) {
    const { familyId } = await family(`Verwijzing ${index}`, referral.municipalityCode);
    const { referralId } = await insertTestReferral(t, familyId, referral.from, referral.to, referral.person);
    await db
      .update(referrals)
      .set({
        municipalityCode: referral.municipalityCode,
        status: referral.status,
        requestedAt: new Date(now - (index + 1) * 5 * hour),
        respondBy: new Date(now + (4 - index) * 24 * hour),
        updatedAt: new Date(now - ((index * 3) % 4) * hour),
      })
      .where(eq(referrals.id, referralId));
  }

  const started = [
    { person: midwife.personId, organisation: 'wieg', hoursAgo: 30, reviewed: true },
    { person: nurse.personId, organisation: 'jgz', hoursAgo: 2, reviewed: false },
    { person: midwife.personId, organisation: 'wieg', hoursAgo: 10, reviewed: true },
  ];
  for (const [index, access] of started.entries()) {
    const { familyId } = await family(`Noodtoegang ${index}`);
    const startedAt = new Date(now - access.hoursAgo * hour);
    await db.insert(emergencyAccesses).values({
      familyId,
      personId: access.person,
      organisationId: t.demo.organisationIds[access.organisation]!,
      reason: 'Sorteertest: cliënt op de spoedeisende hulp, dossier nodig.',
      startedAt,
      expiresAt: new Date(startedAt.getTime() + 4 * hour),
      ...(access.reviewed ? { reviewedAt: new Date(now - index * hour), reviewedById: admin.personId, reviewNote: 'Gecontroleerd.' } : {}),
    });
  }

  const regional = await t.app.inject({
    method: 'POST',
    url: '/api/v1/coalitions',
    headers: { ...coordinator.headers, 'content-type': 'application/json' },
    payload: { name: 'Aa Sorteerregio', kind: 'regional', startDate: '2024-06-01', municipalityCodes: ['GM0505', 'GM0590'] },
  });
  expect(regional.statusCode, regional.body).toBe(201);

  const tiers = [
    { tier: 'intensive', municipalityCode: 'GM0505', hasNurse: true },
    { tier: 'universal', municipalityCode: 'GM0590', hasNurse: false },
    { tier: 'extra', municipalityCode: 'GM0642', hasNurse: true },
  ] as const;
  for (const [index, entry] of tiers.entries()) {
    const { familyId } = await family(`Caseload ${index}`, entry.municipalityCode);
    await insertConsentedCareRelationship(t, familyId, 'wieg', 'jgz', midwife.personId);
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/families/${familyId}/caseload`,
      headers: { ...nurse.headers, 'content-type': 'application/json' },
      payload: { tier: entry.tier },
    });
    expect(put.statusCode, put.body).toBe(200);
    if (!entry.hasNurse) await db.update(caseloadEntries).set({ nurseId: null }).where(eq(caseloadEntries.familyId, familyId));
  }
  // A family on the caseload with no contact moment planned: "no next contact" sorts last.
  const { familyId: unplanned } = await family('Caseload zonder afspraak');
  await insertConsentedCareRelationship(t, unplanned, 'wieg', 'jgz', midwife.personId);
  await db.insert(caseloadEntries).values({ familyId: unplanned, organisationId: t.demo.organisationIds.jgz!, nurseId: nurse.personId, tier: 'universal' });
}

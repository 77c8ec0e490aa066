// SPDX-License-Identifier: EUPL-1.2
// The coalition register end to end over HTTP (issue 10 items 1, 7 and 9): list, CSV, read, found,
// edit, memberships under seed 003's rule, coordinators, steering group, funding, statuses, the
// national overview; who may do what (a coordinator of another coalition is refused and audited);
// bad input refused with a Dutch message and nothing saved partly.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { anonymousHeaders } from '../../../../test/helpers/sessions.js';
import type { Coalition, CoalitionOverview } from '../../../contracts/coalitions.js';
import { coalitionFunding, coalitionMunicipalities, coalitions, municipalityCoalitionStatuses } from './schema.js';
import { DORDRECHT, ZUID_HOLLAND_ZUID } from './test-support.js';

let t: TestApp;
let coordinator: Caller;
let deputy: Caller;
let policyOfficer: Caller;
let analyst: Caller;
let admin: Caller;
const year = new Date().getUTCFullYear();

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  coordinator = await callerFor(t, 'coordinator', 'gemeente');
  deputy = await callerFor(t, 'deputyCoordinator', 'gemeente');
  policyOfficer = await callerFor(t, 'policyOfficer', 'gemeente');
  analyst = await callerFor(t, 'analyst', 'kennis');
  admin = await callerFor(t, 'platformAdmin', 'platform');
});
afterAll(() => t.close());

async function coalitionCount(): Promise<number> {
  const [row] = await t.database.db.select({ count: sql<number>`count(*)::int` }).from(coalitions);
  return row!.count;
}

describe('reading the register (everyone logged in)', () => {
  it('lists the demo coalitions, filtered by kind, province and text', async () => {
    const all = await policyOfficer.request('GET', '/api/v1/coalitions');
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().items.map((item: { code: string }) => item.code)).toEqual(['KS0001', 'KS0002', 'KS0003', 'KS0004', 'KS0005', 'KS0006']);
    expect((await analyst.request('GET', '/api/v1/coalitions?kind=regional')).json().total).toBe(0);
    const zuidHolland = (await analyst.request('GET', '/api/v1/coalitions?provinceCode=PV28')).json();
    expect(zuidHolland.items.map((item: { code: string }) => item.code)).toEqual(['KS0001', 'KS0003']);
    const text = (await analyst.request('GET', '/api/v1/coalitions?q=drecht')).json();
    expect(text.items).toHaveLength(1);
    expect(text.items[0]).toMatchObject({ code: 'KS0001', kind: 'local', provinceNames: ['Zuid-Holland'] });
    expect(text.items[0].municipalityNames).toContain('Dordrecht');
    const paged = (await analyst.request('GET', '/api/v1/coalitions?pageSize=2&page=2')).json();
    expect(paged).toMatchObject({ total: 6, page: 2, pageSize: 2 });
    expect(paged.items.map((item: { code: string }) => item.code)).toEqual(['KS0003', 'KS0004']);
  });

  it('exports the selection as CSV (audited as an export)', async () => {
    const { response, rows } = await policyOfficer.audited('GET', '/api/v1/coalitions?kind=local', undefined, { accept: 'text/csv' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const lines = response.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Code;Naam;Soort;Startdatum;Tranche;Mandaathouder;Actief;Provincies;Gemeenten (code);Gemeenten');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toContain('KS0001;Coalitie Kansrijke Start Drechtsteden;Lokale coalitie;2019-01-01;1;GM0505;ja;Zuid-Holland');
    expect(rows.map((row) => [row.action, row.objectType])).toEqual([['export', 'coalition']]);
  });

  it('reads a coalition with members, coordinators and deputy, steering group, funding and statuses', async () => {
    const response = await policyOfficer.request('GET', '/api/v1/coalitions/KS0001');
    expect(response.statusCode, response.body).toBe(200);
    const coalition = response.json() as Coalition;
    expect(coalition.members.map((member) => member.municipalityCode).sort()).toEqual(['GM0482', 'GM0505', 'GM0590', 'GM0610', 'GM0642']);
    expect(coalition.coordinators.map((person) => [person.name, person.role, person.isCurrent])).toEqual([
      ['Karim El Amrani', 'coordinator', true],
      ['Fleur Hendriks', 'deputy', true],
    ]);
    expect(coalition.coordinators[0]!.organisationNames).toEqual(['Gemeente Dordrecht']);
    expect(coalition.steeringGroup).toHaveLength(4);
    expect(coalition.steeringGroup.map((member) => member.organisation)).toContain('Gemeente Dordrecht');
    expect(coalition.funding.map((row) => [row.source, row.amountCents, row.mandateHolderName])).toEqual([
      ['impulse', 12_500_000, 'Dordrecht'],
      ['spuk_gala', 31_000_000, 'Dordrecht'],
      ['municipal_budget', 4_500_000, 'Dordrecht'],
    ]);
    expect(coalition.statuses.every((status) => status.status === 'formed' && status.source === 'register')).toBe(true);
    expect(coalition.mandateHolderName).toBe('Dordrecht');
    // Read only for the policy officer; the coordinator may edit her own coalition.
    expect(coalition.allowedActions).toEqual([]);
    expect((await coordinator.request('GET', '/api/v1/coalitions/KS0001')).json().allowedActions).toEqual(['update']);
    expect((await coordinator.request('GET', '/api/v1/coalitions/KS0002')).json().allowedActions).toEqual([]);
    expect((await admin.request('GET', '/api/v1/coalitions/KS0002')).json().allowedActions).toEqual(['update', 'deactivate']);
  });

  it('an unknown code is 404, a malformed one 400; anonymous is 401', async () => {
    expect((await analyst.request('GET', '/api/v1/coalitions/KS9999')).json().code).toBe('not_found');
    const malformed = await analyst.request('GET', '/api/v1/coalitions/drechtsteden');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].message).toBe('Verwacht: KS gevolgd door vier cijfers.');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/coalitions', headers: anonymousHeaders })).statusCode).toBe(401);
  });
});

describe('the acceptance: a regional collaboration beside a local coalition', () => {
  let created: Coalition;

  it('the coordinator founds "Zuid-Holland Zuid" of ten municipalities and coordinates it', async () => {
    const { response, rows } = await coordinator.audited('POST', '/api/v1/coalitions', {
      name: 'Zuid-Holland Zuid',
      kind: 'regional',
      startDate: '2025-01-01',
      impulseTranche: 2,
      mandateHolderCode: DORDRECHT,
      municipalityCodes: ZUID_HOLLAND_ZUID,
    });
    expect(response.statusCode, response.body).toBe(201);
    created = response.json();
    expect(created).toMatchObject({ code: 'KS0007', kind: 'regional', mandateHolderName: 'Dordrecht', allowedActions: ['update'] });
    expect(created.municipalityCodes).toHaveLength(10);
    expect(created.coordinators.map((person) => [person.name, person.role])).toEqual([['Karim El Amrani', 'coordinator']]);
    expect(rows.map((row) => [row.action, row.outcome, row.objectType])).toEqual([['create', 'success', 'coalition']]);
    // The next request's session coordinates it: she edits it.
    const renamed = await coordinator.request('PATCH', '/api/v1/coalitions/KS0007', { impulseTranche: 3 });
    expect(renamed.statusCode, renamed.body).toBe(200);
  });

  it('Dordrecht stays in Drechtsteden: both coalitions list it, the overview counts it once per level', async () => {
    const local = (await analyst.request('GET', '/api/v1/coalitions/KS0001')).json() as Coalition;
    const regional = (await analyst.request('GET', '/api/v1/coalitions/KS0007')).json() as Coalition;
    expect(local.municipalityCodes).toContain(DORDRECHT);
    expect(regional.municipalityCodes).toContain(DORDRECHT);
    const overview = (await analyst.request('GET', `/api/v1/coalitions/overview?year=${year}`)).json() as CoalitionOverview;
    expect(overview.levels).toEqual({ local: { coalitions: 6, municipalities: 17 }, regional: { coalitions: 1, municipalities: 10 } });
    expect(overview.municipalities.filter((municipality) => municipality.code === DORDRECHT)).toEqual([
      expect.objectContaining({ localCoalition: { code: 'KS0001', name: 'Coalitie Kansrijke Start Drechtsteden' }, regionalCoalition: { code: 'KS0007', name: 'Zuid-Holland Zuid' } }),
    ]);
    expect(overview.municipalities).toHaveLength(342);
    const counts = overview.statusCounts;
    expect(counts.formed + counts.in_development + counts.none + counts.not_answered).toBe(342);
    expect(counts).toMatchObject({ formed: 15, in_development: 2 });
    expect(overview.allowedActions).toEqual([]);
    expect((await coordinator.request('GET', '/api/v1/coalitions/overview')).json().allowedActions).toEqual(['create']);
  });

  it('a second regional collaboration with Dordrecht is refused, naming Zuid-Holland Zuid; nothing saved', async () => {
    const before = await coalitionCount();
    const response = await coordinator.request('POST', '/api/v1/coalitions', { name: 'Drechtsteden regionaal', kind: 'regional', startDate: '2025-06-01', municipalityCodes: ['GM0505'] });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'membership_overlap' });
    expect(response.json().detail).toBe(
      'Dordrecht (GM0505) is van 2025-01-01 tot nu al lid van de regionale samenwerking Zuid-Holland Zuid (KS0007). Een gemeente hoort op hetzelfde moment bij ten hoogste één lokale coalitie en één regionale samenwerking.',
    );
    expect(await coalitionCount()).toBe(before);
  });
});

describe('bad input: a clear Dutch message, nothing saved partly', () => {
  it('a municipality put into a second local coalition names the other coalition; the other members are not added either', async () => {
    const before = await coalitionCount();
    const response = await coordinator.request('POST', '/api/v1/coalitions', {
      name: 'Nieuwe Dordtse coalitie',
      kind: 'local',
      startDate: '2025-01-01',
      municipalityCodes: ['GM1963', 'GM0505'],
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().errors).toEqual([
      {
        path: 'body.municipalityCodes.1',
        code: 'invalid',
        message:
          'Dordrecht (GM0505) is van 2019-01-01 tot nu al lid van de lokale coalitie Coalitie Kansrijke Start Drechtsteden (KS0001). Een gemeente hoort op hetzelfde moment bij ten hoogste één lokale coalitie en één regionale samenwerking.',
      },
    ]);
    expect(await coalitionCount()).toBe(before);
    const hoekscheWaard = await t.database.db.select().from(coalitionMunicipalities).where(and(eq(coalitionMunicipalities.municipalityCode, 'GM1963'), eq(coalitionMunicipalities.kind, 'local')));
    expect(hoekscheWaard).toEqual([]);
  });

  it('adding Dordrecht to another local coalition is refused (by the platform admin too)', async () => {
    const response = await admin.request('POST', '/api/v1/coalitions/KS0002/members', { municipalityCode: 'GM0505', since: '2026-01-01' });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toContain('Coalitie Kansrijke Start Drechtsteden (KS0001)');
  });

  it('a membership ending before it starts', async () => {
    const response = await coordinator.request('POST', '/api/v1/coalitions/KS0001/members', { municipalityCode: 'GM1963', since: '2025-01-01', until: '2024-12-31' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ path: 'body.until', code: 'invalid', message: 'De einddatum ligt vóór de begindatum.' }]);
    const ended = await coordinator.request('POST', '/api/v1/coalitions/KS0001/members/GM0642/end', { until: '2018-12-31' });
    expect(ended.statusCode).toBe(400);
    expect(ended.json().detail).toBe('De einddatum (2018-12-31) ligt vóór de begindatum (2019-01-01).');
    const members = await t.database.db.select().from(coalitionMunicipalities).where(eq(coalitionMunicipalities.municipalityCode, 'GM0642'));
    expect(members.filter((member) => member.kind === 'local').map((member) => member.until)).toEqual([null]);
  });

  it('unknown municipalities, bad dates, a tranche of 5, an empty name', async () => {
    const response = await coordinator.request('POST', '/api/v1/coalitions', { name: ' ', kind: 'local', startDate: '2025-02-30', impulseTranche: 5, municipalityCodes: ['GM9999'] });
    expect(response.statusCode).toBe(400);
    const messages = response.json().errors.map((error: { message: string }) => error.message);
    expect(messages).toEqual(expect.arrayContaining(['Dit veld is verplicht.', 'Vul een geldige datum in (jjjj-mm-dd).', 'Kies tranche 1 tot en met 4.']));
    const unknown = await coordinator.request('POST', '/api/v1/coalitions', { name: 'Onbekend', kind: 'local', startDate: '2025-01-01', municipalityCodes: ['GM9999'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ path: 'body.municipalityCodes.0', code: 'invalid', message: 'Gemeente GM9999 bestaat niet.' }]);
    expect((await analyst.request('GET', '/api/v1/coalitions?q=Onbekend')).json().total).toBe(0);
  });

  it('founding the same coalition twice is refused with the existing code', async () => {
    const body = { name: 'Kansrijke Start Hoeksche Waard', kind: 'local', startDate: '2025-01-01', municipalityCodes: ['GM1963'] };
    const first = await coordinator.request('POST', '/api/v1/coalitions', body);
    expect(first.statusCode, first.body).toBe(201);
    const second = await coordinator.request('POST', '/api/v1/coalitions', body);
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toBe(`Er is al een actieve lokale coalitie met de naam Kansrijke Start Hoeksche Waard (${first.json().code}).`);
    expect((await analyst.request('GET', '/api/v1/coalitions?q=Hoeksche')).json().total).toBe(1);
  });

  it('funding: a negative, fractional or huge amount, a period ending before it starts', async () => {
    const base = { source: 'spuk_iza', periodStart: '2025-01-01', periodEnd: '2025-12-31', amountCents: 100 };
    for (const [body, message] of [
      [{ ...base, amountCents: -1 }, 'Een bedrag is niet negatief.'],
      [{ ...base, amountCents: 1.5 }, 'Vul het bedrag in hele centen in.'],
      [{ ...base, periodEnd: '2024-12-31' }, 'Het einde van de periode ligt vóór het begin.'],
      [{ ...base, source: 'lottery' }, 'Kies een geldige bron.'],
    ] as const) {
      const response = await coordinator.request('POST', '/api/v1/coalitions/KS0001/funding', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().errors.map((error: { message: string }) => error.message)).toContain(message);
    }
    // Beyond a PostgreSQL integer the platform refuses any number (storable input).
    const huge = await coordinator.request('POST', '/api/v1/coalitions/KS0001/funding', { ...base, amountCents: 2 ** 31 });
    expect(huge.json().code).toBe('unstorable_input');
    const rows = await t.database.db.select().from(coalitionFunding).where(eq(coalitionFunding.source, 'spuk_iza'));
    expect(rows).toEqual([]);
  });

  it('coordinators: only people with an account and the coordinator role', async () => {
    const none = await coordinator.request('POST', '/api/v1/coalitions/KS0001/coordinators', { email: 'niemand@kansrijk.demo', role: 'deputy', since: '2025-01-01' });
    expect(none.statusCode).toBe(400);
    expect(none.json().detail).toBe('Er is geen actief account met dit e-mailadres.');
    const officer = await coordinator.request('POST', '/api/v1/coalitions/KS0001/coordinators', { email: 'beleid@kansrijk.demo', role: 'deputy', since: '2025-01-01' });
    expect(officer.statusCode).toBe(400);
    expect(officer.json().detail).toBe('Bram Visser heeft bij geen enkele organisatie de rol coalitiecoördinator.');
    const endBefore = await coordinator.request('POST', '/api/v1/coalitions/KS0001/coordinators', { email: 'plaatsvervanger@kansrijk.demo', role: 'deputy', since: '2025-01-01', until: '2024-01-01' });
    expect(endBefore.statusCode).toBe(400);
  });
});

describe('changes by the coordinator, repeated submits idempotent', () => {
  it('adds a member (201), the same again (200), ends it, ends it again', async () => {
    const body = { municipalityCode: 'GM0512', since: '2024-01-01' };
    const first = await deputy.request('POST', '/api/v1/coalitions/KS0001/members', body);
    expect(first.statusCode, first.body).toBe(201);
    expect((await deputy.request('POST', '/api/v1/coalitions/KS0001/members', body)).statusCode).toBe(200);
    const ended = await deputy.request('POST', '/api/v1/coalitions/KS0001/members/GM0512/end', { until: '2024-12-31' });
    expect(ended.statusCode, ended.body).toBe(200);
    const member = (ended.json() as Coalition).members.find((candidate) => candidate.municipalityCode === 'GM0512');
    expect(member).toMatchObject({ since: '2024-01-01', until: '2024-12-31', isCurrent: false });
    expect((await deputy.request('POST', '/api/v1/coalitions/KS0001/members/GM0512/end', { until: '2024-12-31' })).statusCode).toBe(200);
    // A later membership of the same municipality in another local coalition, after the gap, is fine.
    const later = await admin.request('POST', '/api/v1/coalitions/KS0002/members', { municipalityCode: 'GM0512', since: '2025-01-01' });
    expect(later.statusCode, later.body).toBe(201);
    // ...but not one reaching back into the Drechtsteden period.
    const back = await admin.request('POST', '/api/v1/coalitions/KS0003/members', { municipalityCode: 'GM0512', since: '2024-06-01', until: '2024-08-01' });
    expect(back.statusCode).toBe(409);
  });

  it('steering group and funding rows: added once, removed by id, audited without values', async () => {
    const steering = { name: 'Mr. P. de Wit', organisation: 'Zorgverzekeraar Zuid', function: 'Manager zorginkoop' };
    const { response, rows } = await coordinator.audited('POST', '/api/v1/coalitions/KS0001/steering-group', steering);
    expect(response.statusCode, response.body).toBe(200);
    expect(rows.map((row) => [row.action, row.objectId, row.details])).toEqual([['update', 'KS0001', { change: 'steering_member_added' }]]);
    const again = (await coordinator.request('POST', '/api/v1/coalitions/KS0001/steering-group', steering)).json() as Coalition;
    const added = again.steeringGroup.filter((member) => member.name === steering.name);
    expect(added).toHaveLength(1);
    const removed = await coordinator.request('DELETE', `/api/v1/coalitions/KS0001/steering-group/${added[0]!.id}`);
    expect((removed.json() as Coalition).steeringGroup.some((member) => member.name === steering.name)).toBe(false);
    expect((await coordinator.request('DELETE', `/api/v1/coalitions/KS0001/steering-group/${added[0]!.id}`)).statusCode).toBe(404);

    const funding = { source: 'funds', periodStart: '2025-01-01', periodEnd: '2025-12-31', amountCents: 2_500_000, mandateHolderCode: DORDRECHT };
    await coordinator.request('POST', '/api/v1/coalitions/KS0001/funding', funding);
    const twice = (await coordinator.request('POST', '/api/v1/coalitions/KS0001/funding', funding)).json() as Coalition;
    const rowsOfFunds = twice.funding.filter((row) => row.source === 'funds');
    expect(rowsOfFunds).toHaveLength(1);
    const afterRemoval = (await coordinator.request('DELETE', `/api/v1/coalitions/KS0001/funding/${rowsOfFunds[0]!.id}`)).json() as Coalition;
    expect(afterRemoval.funding.some((row) => row.source === 'funds')).toBe(false);
  });

  it('adds a deputy to the new coalition and ends the role', async () => {
    const added = await coordinator.request('POST', '/api/v1/coalitions/KS0007/coordinators', { email: 'plaatsvervanger@kansrijk.demo', role: 'deputy', since: '2025-01-01' });
    expect(added.statusCode, added.body).toBe(200);
    const person = (added.json() as Coalition).coordinators.find((candidate) => candidate.role === 'deputy')!;
    expect(person).toMatchObject({ name: 'Fleur Hendriks', isCurrent: true });
    expect((await coordinator.request('POST', '/api/v1/coalitions/KS0007/coordinators', { email: 'plaatsvervanger@kansrijk.demo', role: 'deputy', since: '2025-01-01' })).statusCode).toBe(200);
    const other = await coordinator.request('POST', '/api/v1/coalitions/KS0007/coordinators', { email: 'plaatsvervanger@kansrijk.demo', role: 'coordinator', since: '2025-02-01' });
    expect(other.statusCode).toBe(409);
    const ended = await coordinator.request('POST', `/api/v1/coalitions/KS0007/coordinators/${person.personId}/end`, { until: '2025-06-30' });
    expect((ended.json() as Coalition).coordinators.find((candidate) => candidate.personId === person.personId)).toMatchObject({ until: '2025-06-30', isCurrent: false });
  });

  it('sets the register status of the members; a submitted questionnaire keeps its answer', async () => {
    await t.database.db
      .insert(municipalityCoalitionStatuses)
      .values({ municipalityCode: 'GM0523', year: 2024, status: 'none', source: 'questionnaire' });
    const response = await coordinator.request('PUT', '/api/v1/coalitions/KS0007/statuses/2024', { status: 'in_development' });
    expect(response.statusCode, response.body).toBe(200);
    const statuses = (response.json() as Coalition).statuses;
    expect(statuses.find((status) => status.municipalityCode === 'GM0523')).toMatchObject({ status: 'none', source: 'questionnaire' });
    expect(statuses.filter((status) => status.status === 'in_development' && status.source === 'register')).toHaveLength(9);
    const overview = (await analyst.request('GET', '/api/v1/coalitions/overview?year=2024')).json() as CoalitionOverview;
    expect(overview.statusCounts.none).toBe(1);
    const notMember = await coordinator.request('PUT', '/api/v1/coalitions/KS0007/statuses/2024', { status: 'formed', municipalityCodes: ['GM0344'] });
    expect(notMember.statusCode).toBe(400);
    expect(notMember.json().errors[0].message).toBe('GM0344 is nu geen lid van deze coalitie.');
    expect((await coordinator.request('PUT', '/api/v1/coalitions/KS0007/statuses/2017', { status: 'formed' })).statusCode).toBe(400);
  });
});

describe('who may do what (issue 10 item 9)', () => {
  it('a coordinator of another coalition is refused (403) and the refusal is audited', async () => {
    const { response, rows } = await coordinator.audited('PATCH', '/api/v1/coalitions/KS0002', { name: 'Overgenomen' });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('forbidden');
    expect(rows.map((row) => ({ action: row.action, outcome: row.outcome, objectType: row.objectType, objectId: row.objectId, actorId: row.actorId, details: row.details }))).toEqual([
      {
        action: 'access_denied',
        outcome: 'denied',
        objectType: 'coalition',
        objectId: 'KS0002',
        actorId: coordinator.session.personId,
        details: { attempted: 'update', reason: 'other_organisation' },
      },
    ]);
    expect((await analyst.request('GET', '/api/v1/coalitions/KS0002')).json().name).toBe('Kansrijke Start Utrecht');
    for (const [method, url, body] of [
      ['POST', '/api/v1/coalitions/KS0002/members', { municipalityCode: 'GM0356', since: '2025-01-01' }],
      ['POST', '/api/v1/coalitions/KS0002/funding', { source: 'impulse', periodStart: '2025-01-01', periodEnd: '2025-12-31', amountCents: 1 }],
      ['PUT', '/api/v1/coalitions/KS0002/statuses/2025', { status: 'none' }],
    ] as const) {
      expect((await coordinator.request(method, url, body)).statusCode, url).toBe(403);
    }
  });

  it('a policy officer and an analyst read but do not found or edit; only the platform admin ends a coalition', async () => {
    expect((await policyOfficer.request('POST', '/api/v1/coalitions', { name: 'X', kind: 'local', startDate: '2025-01-01' })).statusCode).toBe(403);
    expect((await analyst.request('PATCH', '/api/v1/coalitions/KS0001', { name: 'X' })).statusCode).toBe(403);
    expect((await coordinator.request('PATCH', '/api/v1/coalitions/KS0001', { isActive: false })).statusCode).toBe(403);
    expect((await analyst.request('GET', '/api/v1/coalitions/KS0001')).json().isActive).toBe(true);
    const ended = await admin.request('PATCH', '/api/v1/coalitions/KS0006', { isActive: false });
    expect(ended.statusCode, ended.body).toBe(200);
    expect((await analyst.request('GET', '/api/v1/coalitions?status=inactive')).json().items.map((item: { code: string }) => item.code)).toEqual(['KS0006']);
    await admin.request('PATCH', '/api/v1/coalitions/KS0006', { isActive: true });
  });
});

// SPDX-License-Identifier: EUPL-1.2
// The finder and the coverage overview over HTTP against a real database: the finder falls back from
// the municipality's pathway to its coalition's and shows the directory services for the factor with
// their "niet recent gecontroleerd" mark; the matrix says present / outdated / missing per municipality
// and factor (Dordrecht × addiction missing in the demo; a passed review date or an unchecked service
// makes a pathway outdated); every table's CSV has the cells of its JSON; only a coalition's readers see
// its overview, only analysts and the platform admin the whole country.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { CoverageMatrix, OfferFinderResult, PhaseOffer, RecognisedComparison } from '../../../contracts/offer-coverage.js';
import { directoryServices } from '../services/schema.js';
import { carePathways } from '../pathways/schema.js';
import { coverageCellText } from './get-coverage-matrix.js';
import { confirmationDueAt } from '../services/domain/verification.js';
import { PHASE_LABEL } from './list-phase-offer.js';

let t: TestApp;
let midwife: Caller;
let coordinator: Caller;
let policyOfficer: Caller;
let analyst: Caller;
let drechtstedenServiceId: string;
const DAY = 86_400_000;

function parseCsv(body: string): string[][] {
  return body
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split(';').map((cell) => cell.replace(/^"(.*)"$/, '$1')));
}

async function publish(scopeCode: string, factorKey: string, reviewDue: string | null, serviceId?: string) {
  const content = {
    factorKey,
    scope: { municipalityCode: scopeCode },
    title: `Testpad ${factorKey}`,
    localAgreements: 'Testafspraken.',
    version: 1,
    updatedAt: '2026-01-01T00:00:00Z',
    steps: [
      {
        title: 'Verwijs',
        description: '',
        services: [{ ...(serviceId ? { serviceId } : {}), name: 'Dienst', organisationName: 'Organisatie', contact: { phone: '0800-0000001' } }],
      },
    ],
  };
  await t.database.db.insert(carePathways).values({
    scopeKind: 'municipality',
    scopeCode,
    factorKey,
    version: 1,
    status: 'published',
    ownerCode: scopeCode,
    reviewDue,
    content,
    publishedAt: new Date(),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  midwife = await callerFor(t, 'midwife');
  coordinator = await callerFor(t, 'coordinator');
  policyOfficer = await callerFor(t, 'policyOfficer');
  analyst = await callerFor(t, 'analyst');
  const [service] = await t.database.db.select({ id: directoryServices.id }).from(directoryServices).where(eq(directoryServices.name, 'Schuldhulpverlening Drechtsteden'));
  drechtstedenServiceId = service!.id;
  // Zwijndrecht (Drechtsteden): a pathway whose review date has passed, and one naming a service nobody confirmed for seven months.
  await publish('GM0642', 'housing', '2020-01-01');
  const [stale] = await t.database.db.select({ id: directoryServices.id }).from(directoryServices).where(eq(directoryServices.name, 'Voedselpakket'));
  await t.database.db.update(directoryServices).set({ lastConfirmedAt: new Date(t.clock.now().getTime() - 220 * DAY) }).where(eq(directoryServices.id, stale!.id));
  await publish('GM0642', 'stress', null, stale!.id);
  await publish('GM0642', 'relationship', '2999-01-01', drechtstedenServiceId);
});
afterAll(() => t.close());

describe('the finder for professionals', () => {
  it("shows Dordrecht's own debt pathway and the debt services of Dordrecht, to a midwife", async () => {
    const response = await midwife.request('GET', '/api/v1/offer-finder?municipality=GM0505&factor=money-debts');
    expect(response.statusCode, response.body).toBe(200);
    const found = response.json<OfferFinderResult>();
    expect(found).toMatchObject({ municipalityName: 'Dordrecht', coalitionCode: 'KS0001', level: 'municipality', factorLabel: 'Geldzorgen of schulden' });
    expect(found.pathway!.title).toBe('Geldzorgen en schulden in Dordrecht');
    expect(found.services.map((service) => service.name)).toEqual(expect.arrayContaining(['Schuldhulpverlening Drechtsteden', 'Spreekuur Geldzaken sociaal wijkteam']));
    expect(found.services.every((service) => service.factorKeys.includes('money-debts') && service.municipalityCodes.includes('GM0505'))).toBe(true);
  });

  it("falls back to the coalition's pathway where the municipality has none, and shows only that municipality's services", async () => {
    const found = (await midwife.request('GET', '/api/v1/offer-finder?municipality=GM0642&factor=money-debts')).json<OfferFinderResult>();
    expect(found.level).toBe('coalition');
    expect(found.pathway).toMatchObject({ level: 'coalition', scopeCode: 'KS0001', title: 'Geldzorgen en schulden in de Drechtsteden' });
    const names = found.services.map((service) => service.name);
    expect(names).toContain('Schuldhulpverlening Drechtsteden');
    expect(names).not.toContain('Spreekuur Geldzaken sociaal wijkteam');
  });

  it('says so when neither the municipality nor a coalition has a pathway', async () => {
    const found = (await midwife.request('GET', '/api/v1/offer-finder?municipality=GM0344&factor=money-debts')).json<OfferFinderResult>();
    expect(found).toMatchObject({ municipalityName: 'Utrecht', level: null, pathway: null });
  });

  it('marks a service on the pathway and in the list that nobody confirmed for six months', async () => {
    const found = (await midwife.request('GET', '/api/v1/offer-finder?municipality=GM0642&factor=stress')).json<OfferFinderResult>();
    expect(found.level).toBe('municipality');
    const stepServiceId = found.pathway!.steps[0]!.services[0]!.serviceId!;
    expect(found.pathwayServiceVerification[stepServiceId]).toBe('overdue');
  });

  it('refuses an unknown factor or municipality in Dutch', async () => {
    const unknownFactor = await midwife.request('GET', '/api/v1/offer-finder?municipality=GM0505&factor=onbekend');
    expect(unknownFactor.statusCode).toBe(400);
    expect(unknownFactor.body).toContain('Onbekende risicofactor');
    expect((await midwife.request('GET', '/api/v1/offer-finder?municipality=GM9999&factor=money-debts')).statusCode).toBe(404);
  });
});

describe('the coverage matrix', () => {
  it('shows Dordrecht × addiction as missing, its own and the coalition pathways as present, and passed reviews or unchecked services as outdated', async () => {
    const response = await coordinator.request('GET', '/api/v1/offer-coverage/matrix?coalition=KS0001');
    expect(response.statusCode, response.body).toBe(200);
    const matrix = response.json<CoverageMatrix>();
    const cell = (municipality: string, factor: string) =>
      matrix.rows.find((row) => row.municipalityCode === municipality)!.cells.find((candidate) => candidate.factorKey === factor)!;
    expect(matrix.scope).toMatchObject({ kind: 'coalition', code: 'KS0001' });
    expect(cell('GM0505', 'addiction')).toEqual({ factorKey: 'addiction', status: 'missing', level: null, reasons: [] });
    expect(cell('GM0505', 'money-debts')).toMatchObject({ status: 'present', level: 'municipality' });
    expect(cell('GM0642', 'money-debts')).toMatchObject({ status: 'present', level: 'coalition' });
    expect(cell('GM0642', 'housing')).toMatchObject({ status: 'outdated', level: 'municipality', reasons: ['review_due_passed'] });
    expect(cell('GM0642', 'stress')).toMatchObject({ status: 'outdated', reasons: ['service_overdue'] });
    expect(cell('GM0642', 'relationship')).toMatchObject({ status: 'present', reasons: [] });
    for (const row of matrix.rows) expect(row.cells.map((entry) => entry.factorKey)).toEqual(matrix.factors.map((factor) => factor.key));
  });

  it('has a CSV whose cells equal the table', async () => {
    const matrix = (await coordinator.request('GET', '/api/v1/offer-coverage/matrix?coalition=KS0001')).json<CoverageMatrix>();
    const response = await coordinator.request('GET', '/api/v1/offer-coverage/matrix?coalition=KS0001', undefined, { accept: 'text/csv' });
    expect(response.headers['content-type']).toContain('text/csv');
    const [header, ...rows] = parseCsv(response.body);
    expect(header).toEqual([nl.offerCoverage.columnMunicipality, nl.offerCoverage.columnCode, ...matrix.factors.map((factor) => factor.label)]);
    expect(rows).toEqual(matrix.rows.map((row) => [row.municipalityName, row.municipalityCode, ...row.cells.map(coverageCellText)]));
    const dordrecht = rows.find((row) => row[1] === 'GM0505')!;
    expect(dordrecht[header!.indexOf('Verslaving')]).toBe('ontbreekt');
  });

  it('is for the coalition readers only; the whole country for analysts (all 342 municipalities)', async () => {
    expect((await midwife.request('GET', '/api/v1/offer-coverage/matrix?coalition=KS0001')).statusCode).toBe(403);
    expect((await policyOfficer.request('GET', '/api/v1/offer-coverage/matrix?coalition=KS0001')).statusCode).toBe(200);
    expect((await policyOfficer.request('GET', '/api/v1/offer-coverage/matrix?coalition=KS0002')).statusCode).toBe(403);
    expect((await coordinator.request('GET', '/api/v1/offer-coverage/matrix')).statusCode).toBe(403);
    const national = await analyst.request('GET', '/api/v1/offer-coverage/matrix');
    expect(national.statusCode).toBe(200);
    const matrix = national.json<CoverageMatrix>();
    expect(matrix.rows).toHaveLength(342);
    expect(matrix.scope.kind).toBe('national');
    expect((await analyst.request('GET', '/api/v1/offer-coverage/matrix?coalition=KS9999')).statusCode).toBe(404);
  });
});

describe('the national matrix, judged once and kept while nothing changes', () => {
  const nationalCell = async (municipality: string, factor: string, caller = analyst) => {
    const matrix = (await caller.request('GET', '/api/v1/offer-coverage/matrix')).json<CoverageMatrix>();
    return matrix.rows.find((row) => row.municipalityCode === municipality)!.cells.find((candidate) => candidate.factorKey === factor)!;
  };

  it('shows a write at once, and a service passing its six months without any write', async () => {
    expect(await nationalCell('GM0642', 'relationship')).toMatchObject({ status: 'present', reasons: [] });
    // A write: the service on the pathway is switched off, then on again — each shows at the next read.
    await t.database.db.update(directoryServices).set({ isActive: false }).where(eq(directoryServices.id, drechtstedenServiceId));
    expect(await nationalCell('GM0642', 'relationship')).toMatchObject({ status: 'outdated', reasons: ['service_overdue'] });
    // Confirmed so that its six months end an hour from now: present until then.
    const now = t.clock.now();
    const confirmedAt = new Date(now.getTime() + 3_600_000);
    confirmedAt.setUTCMonth(confirmedAt.getUTCMonth() - 6);
    expect(confirmationDueAt(confirmedAt).getTime() - now.getTime()).toBeGreaterThan(0);
    expect(confirmationDueAt(confirmedAt).getTime() - now.getTime()).toBeLessThan(2 * 3_600_000);
    await t.database.db.update(directoryServices).set({ isActive: true, lastConfirmedAt: confirmedAt }).where(eq(directoryServices.id, drechtstedenServiceId));
    expect(await nationalCell('GM0642', 'relationship')).toMatchObject({ status: 'present', reasons: [] });
    // Two hours later (a fresh login: sessions idle out), with nothing written in between, the same pathway is outdated.
    t.clock.advance(2 * 3_600_000);
    try {
      expect(await nationalCell('GM0642', 'relationship', await callerFor(t, 'analyst'))).toMatchObject({ status: 'outdated', reasons: ['service_overdue'] });
    } finally {
      t.clock.advance(-2 * 3_600_000);
    }
    // A newly published pathway shows at once; a confirmation today makes the service current again.
    expect(await nationalCell('GM0344', 'addiction')).toMatchObject({ status: 'missing' });
    await publish('GM0344', 'addiction', '2999-01-01');
    expect(await nationalCell('GM0344', 'addiction')).toMatchObject({ status: 'present', level: 'municipality' });
    await t.database.db.update(directoryServices).set({ lastConfirmedAt: t.clock.now() }).where(eq(directoryServices.id, drechtstedenServiceId));
    expect(await nationalCell('GM0642', 'relationship')).toMatchObject({ status: 'present', reasons: [] });
  });
});

describe('interventions per phase and the comparison with similar municipalities', () => {
  it('lists the running menu offer per phase with funding and capacity, and the same rows as CSV', async () => {
    const offer = (await coordinator.request('GET', '/api/v1/offer-coverage/phases?coalition=KS0001')).json<PhaseOffer>();
    const stevig = offer.items.filter((item) => item.interventionKey === 'stevig-ouderschap');
    expect(stevig.length).toBeGreaterThan(0);
    expect(stevig[0]).toMatchObject({ fundingRoute: 'wpg_jgz', capacityPerYear: 120, municipalityCode: null, coalitionCode: 'KS0001' });
    const csv = parseCsv((await coordinator.request('GET', '/api/v1/offer-coverage/phases?coalition=KS0001', undefined, { accept: 'text/csv' })).body);
    expect(csv.slice(1).map((row) => [row[0], row[1], row[5], row[6]])).toEqual(
      offer.items.map((item) => [PHASE_LABEL[item.phase], item.interventionName, nl.interventionFundingRoutes[item.fundingRoute], item.capacityPerYear === null ? '' : String(item.capacityPerYear)]),
    );
  });

  it('counts the distinct recognised interventions per municipality next to its size band, and the same rows as CSV', async () => {
    const offer = (await coordinator.request('GET', '/api/v1/offer-coverage/phases?coalition=KS0001')).json<PhaseOffer>();
    const comparison = (await coordinator.request('GET', '/api/v1/offer-coverage/recognised?coalition=KS0001')).json<RecognisedComparison>();
    const dordrecht = comparison.items.find((item) => item.municipalityCode === 'GM0505')!;
    const expected = new Set(offer.items.filter((item) => item.isRecognised && (item.municipalityCode === null || item.municipalityCode === 'GM0505')).map((item) => item.interventionKey));
    expect(dordrecht.recognisedCount).toBe(expected.size);
    expect(dordrecht.sizeBand).toBe('gte100k');
    expect(dordrecht.bandMunicipalities).toBeGreaterThan(10);
    const csv = parseCsv((await coordinator.request('GET', '/api/v1/offer-coverage/recognised?coalition=KS0001', undefined, { accept: 'text/csv' })).body);
    expect(csv.slice(1).map((row) => [row[1], row[4], row[5]])).toEqual(
      comparison.items.map((item) => [item.municipalityCode, String(item.recognisedCount), item.bandAverage.toFixed(2).replace('.', ',')]),
    );
  });
});

// SPDX-License-Identifier: EUPL-1.2
// Fuzzing the local-offer endpoints with fast-check: whatever query, body or identifier arrives, the
// answer is never a 5xx; a refused write changes nothing, and an accepted one is a well-formed offer.
import fc from 'fast-check';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { coalitionLocalOfferSchema, localOfferPageSchema, localOfferSchema } from '../../../contracts/local-offer.js';
import { directoryServices } from '../services/schema.js';
import { localOffers } from './schema.js';

let t: TestApp;
let midwife: Caller;
let coordinator: Caller;
let serviceId: string;
let offerId: string;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  midwife = await callerFor(t, 'midwife');
  coordinator = await callerFor(t, 'coordinator');
  const [service] = await t.database.db.select({ id: directoryServices.id }).from(directoryServices).where(eq(directoryServices.name, 'Prenataal huisbezoek'));
  serviceId = service!.id;
  const [offer] = await t.database.db.select({ id: localOffers.id }).from(localOffers);
  offerId = offer!.id;
});
afterAll(() => t.close());

const RUNS = { numRuns: 60 };
const anyText = fc.string({ unit: 'binary', maxLength: 120 });
const anyValue = fc.oneof(anyText, fc.integer({ min: -10, max: 3_000_000_000 }), fc.double(), fc.boolean(), fc.constant(null), fc.array(anyText, { maxLength: 2 }));
const nearly = <T>(values: readonly T[]) => fc.oneof(fc.constantFrom(...values), anyValue);
const offerBody = fc.record(
  {
    interventionKey: nearly(['voorzorg', 'home-start', null, 'wonderkuur']),
    activityName: nearly([null, '', 'Koffieochtend voor ouders']),
    serviceId: nearly(['SERVICE', '00000000-0000-4000-8000-000000000000', 'niet-een-uuid']),
    municipalityCode: nearly([null, 'GM0505', 'GM0344', 'GM9999']),
    capacityPerYear: nearly([0, 30, -1, 100_001, null]),
    waitingWeeks: nearly([0, 4, 105, null]),
    fundingRoute: nearly(['spuk_gala', 'wmo', 'loterij']),
    since: nearly(['2026-01-01', '2026-02-30', '1800-01-01']),
    until: nearly([null, '2025-12-31', '2027-01-01']),
    note: nearly([null, 'Toelichting', 'x'.repeat(1001)]),
    version: nearly([1, 0, 999]),
    idempotencyKey: nearly(['6f1c8e64-1f7e-4b8e-9a51-0c1a3c0a2b99', 'sleutel']),
  },
  { requiredKeys: [] },
).map((body) => (body.serviceId === 'SERVICE' ? { ...body, serviceId } : body));

async function offerCount(): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(localOffers);
  return Number(row!.n);
}

function expectNo5xx(response: { statusCode: number; body: string }, what: string) {
  expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
}

describe('fuzz: the local offer never answers with a 5xx', () => {
  it('GET /local-offer with any query', async () => {
    const parameters = fc.dictionary(fc.constantFrom('municipality', 'intervention', 'current', 'page', 'pageSize', 'x'), fc.oneof(anyText, fc.constantFrom('GM0505', 'voorzorg', 'true', 'false', '0', '201')));
    await fc.assert(
      fc.asyncProperty(parameters, async (query) => {
        const search = new URLSearchParams(query).toString();
        const response = await midwife.request('GET', `/api/v1/local-offer?${search}`);
        expectNo5xx(response, search);
        if (response.statusCode === 200) localOfferPageSchema.parse(response.json());
        else expect(response.statusCode, search).toBe(400);
      }),
      RUNS,
    );
  });

  it('GET /coalitions/:code/local-offer with any code', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, fc.constantFrom('KS0001', 'KS9999', 'ks0001', '%00')), async (code) => {
        const response = await midwife.request('GET', `/api/v1/coalitions/${encodeURIComponent(code)}/local-offer`);
        expectNo5xx(response, code);
        if (response.statusCode === 200) coalitionLocalOfferSchema.parse(response.json());
        else expect([400, 404], code).toContain(response.statusCode);
      }),
      RUNS,
    );
  });

  it('POST and PUT with any body: never a 5xx; a refusal saves nothing', async () => {
    await fc.assert(
      fc.asyncProperty(offerBody, fc.boolean(), async (body, isUpdate) => {
        const before = await offerCount();
        const response = isUpdate
          ? await coordinator.request('PUT', `/api/v1/coalitions/KS0001/local-offer/${offerId}`, body)
          : await coordinator.request('POST', '/api/v1/coalitions/KS0001/local-offer', body);
        const what = JSON.stringify(body);
        expectNo5xx(response, what);
        if (response.statusCode < 300) localOfferSchema.parse(response.json());
        else {
          expect([400, 409], what).toContain(response.statusCode);
          expect(await offerCount(), what).toBe(before);
        }
      }),
      RUNS,
    );
  });

  it('DELETE with any identifier is never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, fc.uuid()), async (id) => {
        const response = await midwife.request('DELETE', `/api/v1/coalitions/KS0001/local-offer/${encodeURIComponent(id)}`);
        expectNo5xx(response, id);
        expect([400, 403, 404], id).toContain(response.statusCode);
      }),
      RUNS,
    );
  });
});

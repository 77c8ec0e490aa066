// SPDX-License-Identifier: EUPL-1.2
// Fuzzing every coalition register endpoint with fast-check: whatever arrives (odd JSON, odd text
// with NUL and lone surrogates, odd codes, dates and query strings, near-valid bodies), the answer
// is never a 5xx.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { COALITION_KINDS, COORDINATOR_ROLES, FUNDING_SOURCES, MUNICIPALITY_STATUSES } from '../../../contracts/coalitions.js';
import { ZUID_HOLLAND_ZUID } from './test-support.js';

let t: TestApp;
let coordinator: Caller;
let admin: Caller;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  coordinator = await callerFor(t, 'coordinator', 'gemeente');
  admin = await callerFor(t, 'platformAdmin', 'platform');
});
afterAll(() => t.close());

const RUNS = { numRuns: 30 };
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(anyText, fc.oneof(anyText, fc.integer(), fc.boolean(), fc.constant(null))));
const anyCode = fc.oneof(fc.constantFrom('KS0001', 'KS0002', 'KS9999', 'KS', 'ks0001', '%00', '..'), anyText);
const anyMunicipality = fc.oneof(fc.constantFrom(...ZUID_HOLLAND_ZUID, 'GM0344', 'GM9999', 'GM'), anyText);
const anyDate = fc.oneof(
  fc.date({ min: new Date('1990-01-01'), max: new Date('2110-01-01'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  fc.constantFrom('2026-02-30', '0000-00-00', '9999-12-31', '2025-1-1', ''),
  anyText,
);
const anyNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, 1.5), anyText);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });

function expectNo5xx(response: { statusCode: number; body: string }, what: string) {
  expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
}

const path = (code: string, rest = '') => `/api/v1/coalitions/${encodeURIComponent(code)}${rest}`;

describe('fuzz: never a 5xx', () => {
  it('GET /coalitions (any query, JSON and CSV) and /coalitions/overview', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('kind', 'provinceCode', 'status', 'q', 'page', 'pageSize', 'year', 'x'), fc.oneof(anyText, fc.constantFrom('local', 'PV28', 'all', '0', '-1', '99999999999'))),
        fc.boolean(),
        async (query, csv) => {
          const search = new URLSearchParams(query).toString();
          expectNo5xx(await coordinator.request('GET', `/api/v1/coalitions?${search}`, undefined, csv ? { accept: 'text/csv' } : {}), search);
          expectNo5xx(await coordinator.request('GET', `/api/v1/coalitions/overview?${search}`), search);
        },
      ),
      RUNS,
    );
  });

  it('GET /coalitions/:code', async () => {
    await fc.assert(
      fc.asyncProperty(anyCode, maybe(anyText), async (code, year) => {
        expectNo5xx(await coordinator.request('GET', `${path(code)}${year === undefined ? '' : `?year=${encodeURIComponent(year)}`}`), code);
      }),
      RUNS,
    );
  });

  it('POST /coalitions (any JSON, near-valid coalitions)', async () => {
    await fc.assert(
      fc.asyncProperty(anyJson, async (body) => expectNo5xx(await coordinator.request('POST', '/api/v1/coalitions', body), JSON.stringify(body))),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          name: fc.oneof(anyText, fc.constant('Fuzzcoalitie')),
          kind: fc.oneof(fc.constantFrom(...COALITION_KINDS), anyText),
          startDate: anyDate,
          impulseTranche: maybe(nullable(anyNumber)),
          mandateHolderCode: maybe(nullable(anyMunicipality)),
          municipalityCodes: fc.array(anyMunicipality, { maxLength: 5 }),
        }),
        async (body) => expectNo5xx(await coordinator.request('POST', '/api/v1/coalitions', body), JSON.stringify(body)),
      ),
      RUNS,
    );
  });

  it('PATCH /coalitions/:code', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyCode,
        fc.oneof(
          anyJson,
          fc.record({ name: maybe(anyText), startDate: maybe(nullable(anyDate)), impulseTranche: maybe(nullable(anyNumber)), mandateHolderCode: maybe(nullable(anyMunicipality)), isActive: maybe(fc.oneof(fc.boolean(), anyText)) }),
        ),
        async (code, body) => expectNo5xx(await admin.request('PATCH', path(code), body), `${code} ${JSON.stringify(body)}`),
      ),
      RUNS,
    );
  });

  it('memberships: add and end', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant('KS0001'), anyCode),
        fc.oneof(anyJson, fc.record({ municipalityCode: anyMunicipality, since: anyDate, until: maybe(nullable(anyDate)) })),
        async (code, body) => expectNo5xx(await coordinator.request('POST', path(code, '/members'), body), JSON.stringify(body)),
      ),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant('KS0001'), anyCode),
        anyMunicipality,
        fc.oneof(anyJson, fc.record({ until: anyDate })),
        async (code, municipality, body) =>
          expectNo5xx(await coordinator.request('POST', path(code, `/members/${encodeURIComponent(municipality)}/end`), body), JSON.stringify(body)),
      ),
      RUNS,
    );
  });

  it('coordinators: add and end', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant('KS0001'), anyCode),
        fc.oneof(
          anyJson,
          fc.record({
            email: fc.oneof(fc.constantFrom('plaatsvervanger@kansrijk.demo', 'beleid@kansrijk.demo', 'niemand@kansrijk.demo'), anyText),
            role: fc.oneof(fc.constantFrom(...COORDINATOR_ROLES), anyText),
            since: anyDate,
            until: maybe(nullable(anyDate)),
          }),
        ),
        async (code, body) => expectNo5xx(await coordinator.request('POST', path(code, '/coordinators'), body), JSON.stringify(body)),
      ),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant('KS0001'), anyCode), fc.oneof(fc.uuid(), anyText), fc.oneof(anyJson, fc.record({ until: anyDate })), async (code, id, body) =>
        expectNo5xx(await coordinator.request('POST', path(code, `/coordinators/${encodeURIComponent(id)}/end`), body), JSON.stringify(body)),
      ),
      RUNS,
    );
  });

  it('steering group and funding: add and remove', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant('KS0001'), anyCode),
        fc.oneof(anyJson, fc.record({ name: anyText, organisation: anyText, function: anyText })),
        async (code, body) => expectNo5xx(await coordinator.request('POST', path(code, '/steering-group'), body), JSON.stringify(body)),
      ),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant('KS0001'), anyCode),
        fc.oneof(
          anyJson,
          fc.record({
            source: fc.oneof(fc.constantFrom(...FUNDING_SOURCES), anyText),
            periodStart: anyDate,
            periodEnd: anyDate,
            amountCents: anyNumber,
            mandateHolderCode: maybe(nullable(anyMunicipality)),
          }),
        ),
        async (code, body) => expectNo5xx(await coordinator.request('POST', path(code, '/funding'), body), JSON.stringify(body)),
      ),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant('KS0001'), anyCode), fc.constantFrom('steering-group', 'funding'), fc.oneof(fc.uuid(), anyText), async (code, kind, id) =>
        expectNo5xx(await coordinator.request('DELETE', path(code, `/${kind}/${encodeURIComponent(id)}`)), `${code} ${kind} ${id}`),
      ),
      RUNS,
    );
  });

  it('PUT /coalitions/:code/statuses/:year', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant('KS0001'), anyCode),
        fc.oneof(fc.integer({ min: 2000, max: 2200 }).map(String), anyText),
        fc.oneof(anyJson, fc.record({ status: fc.oneof(fc.constantFrom(...MUNICIPALITY_STATUSES), anyText), municipalityCodes: maybe(fc.array(anyMunicipality, { maxLength: 4 })) })),
        async (code, year, body) => expectNo5xx(await coordinator.request('PUT', path(code, `/statuses/${encodeURIComponent(year)}`), body), `${year} ${JSON.stringify(body)}`),
      ),
      RUNS,
    );
  });
});

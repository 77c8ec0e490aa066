// SPDX-License-Identifier: EUPL-1.2
// Fuzzing the finder and the coverage overview with fast-check: whatever query string arrives, the
// answer is never a 5xx; a 200 is always well-formed, and anything else is a 4xx.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { coverageMatrixSchema, offerFinderResultSchema, phaseOfferSchema, recognisedComparisonSchema } from '../../../contracts/offer-coverage.js';

let t: TestApp;
let midwife: Caller;
let analyst: Caller;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  midwife = await callerFor(t, 'midwife');
  analyst = await callerFor(t, 'analyst');
});
afterAll(() => t.close());

const RUNS = { numRuns: 40 };
const anyText = fc.string({ unit: 'binary', maxLength: 120 });
const nearlyValid = (values: readonly string[]) => fc.oneof(fc.constantFrom(...values), anyText);

function expectNo5xx(response: { statusCode: number; body: string }, what: string) {
  expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
}

describe('fuzz: the finder and the coverage overview never answer with a 5xx', () => {
  it('GET /offer-finder with any query', async () => {
    const parameters = fc.dictionary(
      fc.constantFrom('municipality', 'factor', 'x'),
      nearlyValid(['GM0505', 'GM0642', 'GM9999', 'gm0505', 'money-debts', 'addiction', 'onbekend', '']),
    );
    await fc.assert(
      fc.asyncProperty(parameters, async (query) => {
        const search = new URLSearchParams(query).toString();
        const response = await midwife.request('GET', `/api/v1/offer-finder?${search}`);
        expectNo5xx(response, search);
        if (response.statusCode === 200) offerFinderResultSchema.parse(response.json());
        else expect([400, 404], search).toContain(response.statusCode);
      }),
      RUNS,
    );
  });

  for (const table of ['matrix', 'phases', 'recognised'] as const) {
    const schema = { matrix: coverageMatrixSchema, phases: phaseOfferSchema, recognised: recognisedComparisonSchema }[table];
    it(`GET /offer-coverage/${table} with any query, JSON or CSV`, async () => {
      const parameters = fc.dictionary(fc.constantFrom('coalition', 'x'), nearlyValid(['KS0001', 'KS0002', 'KS9999', 'ks0001', '']));
      await fc.assert(
        fc.asyncProperty(parameters, fc.boolean(), async (query, asCsv) => {
          const search = new URLSearchParams(query).toString();
          const response = await analyst.request('GET', `/api/v1/offer-coverage/${table}?${search}`, undefined, asCsv ? { accept: 'text/csv' } : {});
          expectNo5xx(response, search);
          if (response.statusCode === 200) {
            if (asCsv) expect(response.headers['content-type']).toContain('text/csv');
            else schema.parse(response.json());
          } else {
            expect([400, 404], search).toContain(response.statusCode);
          }
        }),
        RUNS,
      );
    });
  }
});

// SPDX-License-Identifier: EUPL-1.2
// Fuzzing the menukaart endpoints with fast-check: whatever query string or key arrives, the answer
// is never a 5xx, a 200 is always a well-formed page within its bounds, and anything else is a 4xx.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { interventionDetailSchema, interventionPageSchema } from '../../../contracts/intervention-menu.js';

let t: TestApp;
let midwife: Caller;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  midwife = await callerFor(t, 'midwife');
});
afterAll(() => t.close());

const RUNS = { numRuns: 60 };
const anyText = fc.string({ unit: 'binary', maxLength: 120 });
const nearlyValid = (values: readonly string[]) => fc.oneof(fc.constantFrom(...values), anyText);
const queryParameters = fc.dictionary(
  fc.constantFrom('q', 'phase', 'pillar', 'recognition', 'fundingRoute', 'sorteer', 'page', 'pageSize', 'x'),
  fc.oneof(
    anyText,
    nearlyValid(['V', 'T', 'N', 'rules', 'environment', 'niet_gevonden', 'zvw', 'funds']),
    nearlyValid(['name', '-name', 'recognition,-recognitionDate', 'name,name', '-']),
    fc.integer({ min: -5, max: 1_000_000 }).map(String),
  ),
);

function expectNo5xx(response: { statusCode: number; body: string }, what: string) {
  expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
}

describe('fuzz: the intervention menu never answers with a 5xx', () => {
  it('GET /interventions with any query', async () => {
    await fc.assert(
      fc.asyncProperty(queryParameters, async (parameters) => {
        const query = new URLSearchParams(parameters).toString();
        const response = await midwife.request('GET', `/api/v1/interventions?${query}`);
        expectNo5xx(response, query);
        if (response.statusCode === 200) {
          const page = interventionPageSchema.parse(response.json());
          expect(page.items.length).toBeLessThanOrEqual(page.pageSize);
          expect(page.total).toBeLessThanOrEqual(18);
        } else {
          expect(response.statusCode, query).toBe(400);
        }
      }),
      RUNS,
    );
  });

  it('GET /interventions/:key with any key', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, fc.constantFrom('voorzorg', 'v-mis', 'VOORZORG', '..', '%00')), async (key) => {
        const response = await midwife.request('GET', `/api/v1/interventions/${encodeURIComponent(key)}`);
        expectNo5xx(response, key);
        if (response.statusCode === 200) expect(interventionDetailSchema.parse(response.json()).key).toBe(key);
        else expect([400, 404], key).toContain(response.statusCode);
      }),
      RUNS,
    );
  });
});

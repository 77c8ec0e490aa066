// SPDX-License-Identifier: EUPL-1.2
// Fuzzing every endpoint of the municipal questionnaire with fast-check: odd years, municipality codes,
// JSON and near-valid answers — the answer is never a 5xx.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { AGREEMENT_TOPICS, ANSWERABLE_STATUSES, PARTNER_DOMAINS, PLAN_STATUSES } from '../../../contracts/municipal-questionnaire.js';

let t: TestApp;
let analyst: Caller;
let officer: Caller;
const BASE = '/api/v1/municipal-questionnaire/editions';

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  analyst = await callerFor(t, 'analyst');
  officer = await callerFor(t, 'policyOfficer');
  const today = t.clock.now().toISOString().slice(0, 10);
  await analyst.request('POST', BASE, { year: 2024, referenceDate: today, opensOn: '2024-01-01', deadline: '2099-12-31' });
});
afterAll(() => t?.close());

const RUNS = { numRuns: 40 };
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(anyText, fc.oneof(anyText, fc.integer(), fc.boolean(), fc.constant(null))));
const anyYear = fc.oneof(fc.integer({ min: -5, max: 3000 }).map(String), anyText, fc.constantFrom('2024', '2024.5', '1e3', ''));
const anyCode = fc.oneof(fc.constantFrom('GM0505', 'GM0482', 'GM0014', 'GM9999', 'gm0505'), anyText);
const anyDate = fc.oneof(fc.constantFrom('2024-02-30', '2024-11-16', '0000-00-00', '9999-12-31'), anyText);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const nearAnswers = fc.record(
  {
    coalition_status: fc.oneof(fc.constantFrom(...ANSWERABLE_STATUSES, 'not_answered'), anyText),
    local_coalition: fc.oneof(anyText, fc.constant(null)),
    plan_status: fc.oneof(fc.constantFrom(...PLAN_STATUSES), anyText),
    agreements: fc.array(fc.record({ topic: fc.oneof(fc.constantFrom(...AGREEMENT_TOPICS), anyText), hasAgreement: fc.oneof(fc.boolean(), anyText), reason: fc.oneof(anyText, fc.constant(null)) }), { maxLength: 12 }),
    partners_consulted: fc.array(fc.oneof(fc.constantFrom(...PARTNER_DOMAINS), anyText), { maxLength: 9 }),
    interventions_offered: fc.array(fc.oneof(fc.constantFrom('voorzorg', 'nu-niet-zwanger', 'prenataal-huisbezoek-jgz'), anyText), { maxLength: 5 }),
    experts_by_experience_involved: fc.oneof(fc.boolean(), anyText),
  },
  { requiredKeys: [] },
);

function expectNo5xx(response: { statusCode: number; body: string }, what: string) {
  expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
}

describe('fuzz: never a 5xx', () => {
  it('POST /editions (any JSON, near-valid editions)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyJson, fc.record({ year: fc.oneof(fc.integer({ min: 1900, max: 2200 }), anyText), referenceDate: anyDate, opensOn: anyDate, deadline: anyDate })), async (body) => {
        expectNo5xx(await analyst.request('POST', BASE, body), 'edition');
      }),
      RUNS,
    );
  });

  it('GET /editions and /editions/:year/responses (odd years)', async () => {
    await fc.assert(
      fc.asyncProperty(anyYear, async (year) => {
        expectNo5xx(await officer.request('GET', `${BASE}/${encodeURIComponent(year)}/responses`), 'list');
        expectNo5xx(await officer.request('GET', BASE), 'editions');
      }),
      RUNS,
    );
  });

  it('GET, PUT, submission, reopening of a response (odd years, codes, bodies)', async () => {
    await fc.assert(
      fc.asyncProperty(anyYear, anyCode, fc.oneof(anyJson, nearAnswers.map((answers) => ({ answers })), fc.record({ reason: maybe(anyText) })), async (year, code, body) => {
        const url = `${BASE}/${encodeURIComponent(year)}/responses/${encodeURIComponent(code)}`;
        expectNo5xx(await officer.request('GET', url), 'get');
        expectNo5xx(await officer.request('PUT', url, body), 'put');
        expectNo5xx(await officer.request('POST', `${url}/submission`, body), 'submit');
        expectNo5xx(await analyst.request('POST', `${url}/reopening`, body), 'reopen');
      }),
      RUNS,
    );
  });

  it('an answer that is null ("no local coalition") is stored and read back as null, not a 500', async () => {
    const saved = await officer.request('PUT', `${BASE}/2024/responses/GM0482`, { answers: { local_coalition: null } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().answers.local_coalition).toMatchObject({ value: null, origin: 'respondent' });
    expect((await officer.request('GET', `${BASE}/2024/responses/GM0482`)).json().answers.local_coalition).toMatchObject({ value: null });
  });

  it('near-valid answers for a served municipality', async () => {
    await fc.assert(
      fc.asyncProperty(nearAnswers, async (answers) => {
        expectNo5xx(await officer.request('PUT', `${BASE}/2024/responses/GM0482`, { answers }), 'put');
        expectNo5xx(await officer.request('POST', `${BASE}/2024/responses/GM0482/submission`, { answers }), 'submit');
      }),
      RUNS,
    );
  });
});

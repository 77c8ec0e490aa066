// SPDX-License-Identifier: EUPL-1.2
// Fuzzing every pathway-editor endpoint with fast-check: whatever scope, factor, version or body
// arrives, the answer is never a 5xx, and a 2xx is always well-formed. The coordinator of Drechtsteden
// is the caller, so the requests get past the policy and reach the use-cases.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { pathwayDetailSchema, pathwayRegisterSchema, pathwayVersionSchema } from '../../../contracts/pathways.js';

let t: TestApp;
let coordinator: Caller;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  coordinator = await callerFor(t, 'coordinator', 'gemeente');
});
afterAll(() => t.close());

const RUNS = { numRuns: 40 };
const anyText = fc.string({ unit: 'binary', maxLength: 80 });
const nearlyValid = (values: readonly string[]) => fc.oneof(fc.constantFrom(...values), anyText);
const scope = nearlyValid(['GM0505', 'KS0001', 'GM0344', 'GM9999', 'KS9999', 'gm0505']);
const factor = nearlyValid(['money-debts', 'stress', 'addiction', 'zodiac-sign', '']);
const version = fc.oneof(fc.integer({ min: -3, max: 5 }).map(String), anyText);
const segment = (value: string) => encodeURIComponent(value) || '%20';

const service = fc.record(
  {
    serviceId: fc.oneof(fc.uuid(), anyText),
    name: anyText,
    organisationName: anyText,
    contact: fc.record({ phone: nearlyValid(['0800-0000001', 'bel']), email: nearlyValid(['a@example.nl']), website: nearlyValid(['https://example.nl']) }, { requiredKeys: [] }),
    conditions: anyText,
  },
  { requiredKeys: [] },
);
const draftBody = fc.oneof(
  fc.record(
    {
      title: anyText,
      localAgreements: anyText,
      agreementIds: fc.array(fc.oneof(fc.uuid(), anyText), { maxLength: 3 }),
      reviewDue: fc.oneof(fc.constant(null), nearlyValid(['2027-01-01', '2027-02-30'])),
      steps: fc.array(fc.record({ title: anyText, description: anyText, services: fc.array(service, { maxLength: 2 }) }, { requiredKeys: [] }), { maxLength: 3 }),
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
);

function expectNo5xx(response: { statusCode: number; body: string }, what: string) {
  expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
}

describe('fuzz: the pathway editor never answers with a 5xx', () => {
  it('GET /pathway-register with any scope (JSON and CSV)', async () => {
    await fc.assert(
      fc.asyncProperty(scope, fc.boolean(), async (code, asCsv) => {
        const response = await coordinator.request('GET', `/api/v1/pathway-register?scope=${encodeURIComponent(code)}`, undefined, asCsv ? { accept: 'text/csv' } : {});
        expectNo5xx(response, code);
        if (response.statusCode === 200 && !asCsv) pathwayRegisterSchema.parse(response.json());
        else if (response.statusCode !== 200) expect([400, 404], code).toContain(response.statusCode);
      }),
      RUNS,
    );
  });

  it('GET /pathways/:scopeCode/:factorKey', async () => {
    await fc.assert(
      fc.asyncProperty(scope, factor, async (code, key) => {
        const response = await coordinator.request('GET', `/api/v1/pathways/${segment(code)}/${segment(key)}`);
        expectNo5xx(response, `${code} ${key}`);
        if (response.statusCode === 200) pathwayDetailSchema.parse(response.json());
        else expect([400, 404], `${code} ${key}`).toContain(response.statusCode);
      }),
      RUNS,
    );
  });

  it('POST /pathways/:scopeCode/:factorKey/drafts', async () => {
    await fc.assert(
      fc.asyncProperty(scope, factor, fc.oneof(fc.record({ title: anyText }, { requiredKeys: [] }), fc.anything()), async (code, key, body) => {
        const response = await coordinator.request('POST', `/api/v1/pathways/${segment(code)}/${segment(key)}/drafts`, body);
        expectNo5xx(response, `${code} ${key}`);
        if (response.statusCode < 300) pathwayVersionSchema.parse(response.json());
        else expect([400, 403, 404, 415, 422], `${code} ${key}`).toContain(response.statusCode);
      }),
      RUNS,
    );
  });

  it('PUT /pathways/:scopeCode/:factorKey/versions/:version', async () => {
    await coordinator.request('POST', '/api/v1/pathways/GM0505/money-debts/drafts', {});
    await fc.assert(
      fc.asyncProperty(scope, factor, version, draftBody, async (code, key, number, body) => {
        const response = await coordinator.request('PUT', `/api/v1/pathways/${segment(code)}/${segment(key)}/versions/${segment(number)}`, body);
        expectNo5xx(response, `${code} ${key} ${number}`);
        if (response.statusCode === 200) pathwayVersionSchema.parse(response.json());
        else expect([400, 403, 404, 409, 415, 422], `${code} ${key} ${number}`).toContain(response.statusCode);
      }),
      RUNS,
    );
  });

  it('POST …/publication, …/withdrawal and …/improvement-actions', async () => {
    await fc.assert(
      fc.asyncProperty(scope, factor, version, fc.constantFrom('publication', 'withdrawal', 'improvement-actions'), fc.anything(), async (code, key, number, what, body) => {
        const url =
          what === 'improvement-actions'
            ? `/api/v1/pathways/${segment(code)}/${segment(key)}/improvement-actions`
            : `/api/v1/pathways/${segment(code)}/${segment(key)}/versions/${segment(number)}/${what}`;
        const response = await coordinator.request('POST', url, what === 'improvement-actions' ? body : undefined);
        expectNo5xx(response, url);
        if (response.statusCode >= 300) expect([400, 403, 404, 409, 415, 422], url).toContain(response.statusCode);
      }),
      RUNS,
    );
  });
});

// SPDX-License-Identifier: EUPL-1.2
// Fuzzing every endpoint of the sociale kaart with fast-check: whatever query, id or body arrives, the
// answer is never a 5xx; a 200/201 is a well-formed service (page), anything else a 4xx; a refused
// create saves nothing.
import fc from 'fast-check';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { INTAKE_ROUTES, SERVICE_CATEGORIES, SERVICE_COSTS, SERVICE_LANGUAGES, servicePageSchema, serviceSchema, serviceTaskPageSchema } from '../../../contracts/services.js';
import { directoryServices } from './schema.js';

let t: TestApp;
let admin: Caller;
let midwife: Caller;
let ownServiceId: string;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  admin = await callerFor(t, 'practiceAdmin');
  midwife = await callerFor(t, 'midwife');
  const page = servicePageSchema.parse((await admin.request('GET', `/api/v1/services?organisationId=${t.demo.organisationIds.wieg}`)).json());
  ownServiceId = page.items[0]!.id;
});
afterAll(() => t.close());

const RUNS = { numRuns: 50 };
const anyText = fc.string({ unit: 'binary', maxLength: 120 });
const nearlyValid = (values: readonly string[]) => fc.oneof(fc.constantFrom(...values), anyText);
const anyJson = fc.oneof(anyText, fc.integer(), fc.boolean(), fc.constant(null), fc.array(anyText, { maxLength: 3 }), fc.dictionary(anyText, anyText, { maxKeys: 2 }));

const queryParameters = fc.dictionary(
  fc.constantFrom('q', 'municipalityCode', 'factorKey', 'category', 'organisationId', 'includeInactive', 'page', 'pageSize', 'x'),
  fc.oneof(
    anyText,
    nearlyValid(['GM0505', 'GM9999', 'money-debts', 'financial', 'true', 'false', '%', '_', '\\']),
    fc.integer({ min: -5, max: 1_000_000 }).map(String),
  ),
);

/** A body that is often valid, often nearly so, sometimes anything at all. */
const serviceBody = fc.record(
  {
    name: nearlyValid(['Fuzzdienst', '', ' ']),
    category: nearlyValid(SERVICE_CATEGORIES),
    factorKeys: fc.oneof(fc.array(nearlyValid(['money-debts', 'stress', 'onbekend']), { maxLength: 4 }), anyJson),
    municipalityCodes: fc.oneof(fc.array(nearlyValid(['GM0505', 'GM0642', 'GM0344', 'GM9999']), { maxLength: 4 }), anyJson),
    intakeRoutes: fc.oneof(fc.array(nearlyValid(INTAKE_ROUTES), { maxLength: 4 }), anyJson),
    languages: fc.oneof(fc.array(nearlyValid(SERVICE_LANGUAGES), { maxLength: 4 }), anyJson),
    cost: nearlyValid(SERVICE_COSTS),
    phone: fc.oneof(nearlyValid(['078 123 4567', '+31 78 123 4567', '0800 1234', '12']), fc.constant(null)),
    email: fc.oneof(nearlyValid(['a@b.nl', 'a@', '@b.nl']), fc.constant(null)),
    website: fc.oneof(nearlyValid(['https://example.nl', 'javascript:alert(1)', 'http://x']), fc.constant(null)),
    eligibility: fc.oneof(anyText, fc.constant(null)),
    openingHours: fc.oneof(anyText, fc.constant(null)),
    isActive: fc.oneof(fc.boolean(), anyJson),
    version: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constant(2 ** 40), anyJson),
    organisationId: fc.oneof(fc.uuid(), anyText),
  },
  { requiredKeys: [] },
);

function expectNo5xx(response: { statusCode: number; body: string }, what: string) {
  expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
}

async function rowCount(): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(directoryServices);
  return Number(row!.n);
}

describe('fuzz: the sociale kaart never answers with a 5xx', () => {
  it('GET /services with any query', async () => {
    await fc.assert(
      fc.asyncProperty(queryParameters, async (parameters) => {
        const query = new URLSearchParams(parameters).toString();
        const response = await midwife.request('GET', `/api/v1/services?${query}`);
        expectNo5xx(response, query);
        if (response.statusCode === 200) {
          const page = servicePageSchema.parse(response.json());
          expect(page.items.length).toBeLessThanOrEqual(page.pageSize);
        } else {
          expect(response.statusCode, query).toBe(400);
        }
      }),
      RUNS,
    );
  });

  it('GET /services/verification-tasks with any paging', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('page', 'pageSize', 'x'), fc.oneof(anyText, fc.integer({ min: -5, max: 1_000_000 }).map(String))), async (parameters) => {
        const query = new URLSearchParams(parameters).toString();
        const response = await admin.request('GET', `/api/v1/services/verification-tasks?${query}`);
        expectNo5xx(response, query);
        if (response.statusCode === 200) serviceTaskPageSchema.parse(response.json());
        else expect(response.statusCode, query).toBe(400);
      }),
      RUNS,
    );
  });

  it('GET /services/:id and POST /services/:id/confirmation with any id', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, fc.uuid(), fc.constantFrom(ownServiceId, ownServiceId.toUpperCase(), '..', '%00')), async (id) => {
        const url = `/api/v1/services/${encodeURIComponent(id)}`;
        const read = await midwife.request('GET', url);
        expectNo5xx(read, id);
        if (read.statusCode === 200) serviceSchema.parse(read.json());
        else expect([400, 404], id).toContain(read.statusCode);
        const confirmed = await admin.request('POST', `${url}/confirmation`);
        expectNo5xx(confirmed, id);
        if (confirmed.statusCode === 200) expect(serviceSchema.parse(confirmed.json()).verification).toBe('current');
        else expect([400, 403, 404], id).toContain(confirmed.statusCode);
      }),
      RUNS,
    );
  });

  it('POST /services with any body: a refusal saves nothing', async () => {
    await fc.assert(
      fc.asyncProperty(serviceBody, async (body) => {
        const before = await rowCount();
        const response = await admin.request('POST', '/api/v1/services', body);
        expectNo5xx(response, JSON.stringify(body));
        if (response.statusCode === 201) {
          expect(await rowCount()).toBe(before + 1);
          serviceSchema.parse(response.json());
        } else {
          expect([400, 403, 422], response.body).toContain(response.statusCode);
          expect(await rowCount()).toBe(before);
        }
      }),
      RUNS,
    );
  });

  it('PUT /services/:id with any body', async () => {
    await fc.assert(
      fc.asyncProperty(serviceBody, async (body) => {
        const response = await admin.request('PUT', `/api/v1/services/${ownServiceId}`, body);
        expectNo5xx(response, JSON.stringify(body));
        if (response.statusCode === 200) serviceSchema.parse(response.json());
        else expect([400, 409, 422], response.body).toContain(response.statusCode);
      }),
      RUNS,
    );
  });
});

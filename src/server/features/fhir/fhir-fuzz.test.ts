// SPDX-License-Identifier: EUPL-1.2
// Fuzzing every FHIR endpoint with fast-check: arbitrary ids, search parameters, bodies, patches and
// headers never give a 5xx, and every answer — result or refusal — is valid FHIR R4 in the FHIR
// media type (never problem+json).
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { queryRows } from '../../platform/db/connection.js';
import { insertTestFamily } from '../families/test-support.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { FHIR_RESOURCE_HANDLERS } from './resources.js';
import { completedQuestionnaireResponse, consentResource, fhirProblems, referralTask } from './test-support.js';

let t: TestApp;
let midwife: Caller;
let familyId: string;
let consentId: string;
let taskId: string;

const RUNS = { numRuns: 25 };
const TYPES = FHIR_RESOURCE_HANDLERS.map((handler) => handler.type);

function expectSound(response: LightMyRequestResponse, what: string) {
  expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
  expect(String(response.headers['content-type']), what).toMatch(/^application\/fhir\+json/);
  const body = JSON.parse(response.body) as object;
  expect(fhirProblems(body), what).toEqual([]);
}

const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', ' ', '%', '_', '\u0000', 'Patient/x', 'GM0505', '123456782', '1994-03-15', '2023-02-30', '0000-01-01', 'eq9999-12-31', 'a|b|c', 'x'.repeat(300)));
const id = fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 70 }).map(encodeURIComponent), fc.constantFrom('..', '%2F', 'x-1-1', '00000000-0000-0000-0000-000000000000-big2'));
const parameterName = fc.oneof(
  fc.constantFrom('_id', 'identifier', 'name', 'birthdate', 'patient', 'owner', 'requester', 'performer', 'status', 'code', 'url', 'version', 'type', 'municipality', 'characteristic', 'organization', 'address-district', '_count', '_page', '_format', '_sort'),
  fc.string({ minLength: 1, maxLength: 12 }),
);
const query = fc.array(fc.tuple(parameterName, text), { maxLength: 4 }).map((pairs) => {
  const search = new URLSearchParams();
  for (const [name, value] of pairs) search.append(name, value);
  return search.toString();
});
const anyJson = fc.jsonValue({ maxDepth: 4 });

/** A valid resource with one element replaced by something arbitrary. */
function mutated(resource: Record<string, unknown>) {
  return fc.tuple(fc.constantFrom(...Object.keys(resource)), anyJson).map(([key, value]) => ({ ...resource, [key]: value }));
}

const patchOperations = fc.oneof(
  fc.array(
    fc.record({
      op: fc.constantFrom('replace', 'add', 'remove', 'test', 'move', 'copy', 'xyz'),
      path: fc.constantFrom('/status', '/statusReason', '/statusReason/text', '/businessStatus', '/businessStatus/coding/0/code', '/note', '/meta/versionId', '/owner', '/x'),
      value: fc.oneof(anyJson, fc.constantFrom('accepted', 'in-progress', 'completed', 'cancelled', 'on-hold', 'received', 'rejected', 'inactive', 'requested')),
    }),
    { maxLength: 4 },
  ),
  anyJson,
);
const headers = fc.record(
  {
    'if-match': fc.oneof(fc.constantFrom('W/"1"', '"2"', 'W/"x"', '*', ''), fc.string({ maxLength: 20 })),
    'if-none-exist': fc.oneof(fc.constantFrom('identifier=a|b', 'identifier=|k', 'name=x', ''), fc.string({ maxLength: 30 })),
    'idempotency-key': fc.oneof(fc.constantFrom('short', 'a'.repeat(250), 'fuzz-key-00000001'), fc.string({ maxLength: 30 })),
  },
  { requiredKeys: [] },
).map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => /^[\t\x20-\x7e]*$/.test(value as string))) as Record<string, string>);

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  midwife = await callerFor(t, 'midwife', 'wieg');
  familyId = (await insertTestFamily(t, 'wieg')).familyId;
  const consent = await midwife.request('POST', '/fhir/R4/Consent', consentResource(familyId, t.demo.organisationIds.jgz!, t.clock.now()));
  consentId = consent.json().id;
  const task = await midwife.request('POST', '/fhir/R4/Task', referralTask(familyId, t.demo.organisationIds.jgz!, consentId));
  taskId = task.json().id;
  expect(taskId).toBeTruthy();
});
afterAll(() => t.close());

describe('FHIR API fuzzing: never a 5xx, always valid FHIR', () => {
  it('reads with arbitrary ids', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TYPES, 'Unknown'), id, async (type, anyId) => {
        expectSound(await midwife.request('GET', `/fhir/R4/${type}/${anyId}`), `GET ${type}/${anyId}`);
      }),
      RUNS,
    );
  });

  it('searches with arbitrary parameters', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TYPES), query, async (type, search) => {
        expectSound(await midwife.request('GET', `/fhir/R4/${type}?${search}`), `GET ${type}?${search}`);
      }),
      { numRuns: 60 },
    );
  });

  it('creates with arbitrary JSON, mutated resources, odd headers and media types', async () => {
    const valid = {
      QuestionnaireResponse: completedQuestionnaireResponse(familyId, new Date()) as unknown as Record<string, unknown>,
      Consent: consentResource(familyId, '00000000-0000-4000-8000-000000000000', new Date()) as Record<string, unknown>,
      Task: referralTask(familyId, '00000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000000') as Record<string, unknown>,
    };
    for (const type of ['QuestionnaireResponse', 'Consent', 'Task'] as const) {
      await fc.assert(
        fc.asyncProperty(fc.oneof(anyJson, mutated(valid[type])), headers, async (body, extra) => {
          expectSound(await midwife.request('POST', `/fhir/R4/${type}`, body as object, { 'content-type': 'application/fhir+json', ...extra }), `POST ${type}`);
        }),
        RUNS,
      );
    }
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TYPES), fc.string({ maxLength: 50 }), fc.constantFrom('application/fhir+json', 'application/json', 'text/plain', 'application/xml'), async (type, raw, contentType) => {
        expectSound(await midwife.request('POST', `/fhir/R4/${type}`, raw, { 'content-type': contentType }), `POST ${type} raw`);
      }),
      RUNS,
    );
  });

  it('a Consent that is not a plain permit (deny, any other or missing type, extra provision elements) is refused and stores nothing', async () => {
    const valid = consentResource(familyId, t.demo.organisationIds.jgz!, t.clock.now());
    const notPermit = fc.oneof(fc.constantFrom('deny', 'Permit', 'PERMIT', 'permit ', '', null), anyJson.filter((value) => value !== 'permit'));
    const extraElement = fc.tuple(fc.constantFrom('provision', 'dataPeriod', 'data', 'securityLabel', 'class', 'action'), anyJson);
    const provision = fc.oneof(
      notPermit.map((type) => ({ ...valid.provision, type })),
      extraElement.map(([element, value]) => ({ ...valid.provision, [element]: value })),
    );
    const consentsOfClient = async () => (await queryRows(t.database.db, sql`SELECT id FROM consents WHERE family_id = ${familyId}::uuid`)).length;
    const before = await consentsOfClient();
    await fc.assert(
      fc.asyncProperty(provision, async (variant) => {
        const response = await midwife.request('POST', '/fhir/R4/Consent', { ...valid, provision: variant }, { 'content-type': 'application/fhir+json' });
        expectSound(response, `POST Consent ${JSON.stringify(variant).slice(0, 200)}`);
        expect(response.statusCode, response.body.slice(0, 300)).toBe(400);
      }),
      RUNS,
    );
    expect(await consentsOfClient()).toBe(before);
  });

  it('patches with arbitrary operations and preconditions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('Task', 'Consent'), fc.oneof(fc.constant('own'), id), patchOperations, headers, async (type, which, operations, extra) => {
        const target = which === 'own' ? (type === 'Task' ? taskId : consentId) : which;
        const response = await midwife.request('PATCH', `/fhir/R4/${type}/${target}`, operations as object, { 'content-type': 'application/json-patch+json', ...extra });
        expectSound(response, `PATCH ${type}/${target} ${JSON.stringify(operations).slice(0, 200)}`);
      }),
      { numRuns: 60 },
    );
  });
});

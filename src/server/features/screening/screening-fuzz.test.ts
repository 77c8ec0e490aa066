// SPDX-License-Identifier: EUPL-1.2
// Fuzzing every screening and pathway endpoint with fast-check: whatever arrives (odd JSON, odd
// text, NUL characters and lone surrogates, odd ids), the answer is never a 5xx.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { insertTestFamily } from '../families/test-support.js';
import { KANSRIJK_SIGNALERING_V1 } from './instruments/shipped-instruments.js';
import { arbitraryAnswers } from './answer-arbitrary.js';
import { code } from './test-support.js';

let t: TestApp;
let midwife: Caller;
let platformAdmin: Caller;
let familyId: string;
let screeningId: string;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  midwife = await callerFor(t, 'midwife', 'wieg');
  platformAdmin = await callerFor(t, 'platformAdmin');
  familyId = (await insertTestFamily(t, 'wieg')).familyId;
  screeningId = (await midwife.request('POST', `/api/v1/families/${familyId}/screenings`)).json().id;
});
afterAll(() => t.close());

const RUNS = { numRuns: 40 };
/** Any text, including NUL and lone surrogates. */
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const anyId = fc.oneof(fc.uuid(), anyText, fc.constant('00000000-0000-4000-8000-000000000000'));
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(anyText, fc.oneof(anyText, fc.integer(), fc.boolean(), fc.constant(null))));
/** An answer value of any kind: right types for the wrong question, wrong types, odd codings. */
const anyAnswer = fc.oneof(
  fc.boolean(),
  fc.double(),
  fc.integer(),
  anyText,
  fc.record({ code: anyText, system: fc.option(anyText, { nil: undefined }) }),
  fc.constantFrom(code('pregnant'), code('debts'), code('born')),
);
const linkIds = KANSRIJK_SIGNALERING_V1.item.flatMap((group) => [group.linkId, ...(group.item ?? []).map((item) => item.linkId)]);
const anyAnswers = fc.oneof(
  arbitraryAnswers(KANSRIJK_SIGNALERING_V1),
  fc.dictionary(fc.oneof(fc.constantFrom(...linkIds), anyText), fc.array(anyAnswer, { maxLength: 3 }), { maxKeys: 8 }),
);

function expectNo5xx(response: { statusCode: number; body: string }, what: string) {
  expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
}

describe('fuzz: never a 5xx', () => {
  it('GET /questionnaires and /questionnaires/:id', async () => {
    expectNo5xx(await midwife.request('GET', '/api/v1/questionnaires'), 'list');
    await fc.assert(
      fc.asyncProperty(anyId, async (id) => expectNo5xx(await midwife.request('GET', `/api/v1/questionnaires/${encodeURIComponent(id)}`), id)),
      RUNS,
    );
  });

  it('POST /questionnaires with any JSON and with mutated instruments', async () => {
    await fc.assert(fc.asyncProperty(anyJson, async (body) => expectNo5xx(await platformAdmin.request('POST', '/api/v1/questionnaires', body), 'json')), RUNS);
    await fc.assert(
      fc.asyncProperty(anyText, fc.constantFrom('title', 'version', 'url', 'status', 'name'), fc.nat(), async (text, field, n) => {
        const mutated = { ...structuredClone(KANSRIJK_SIGNALERING_V1), [field]: text, version: field === 'version' ? text : `7.${n % 1000}.0` };
        expectNo5xx(await platformAdmin.request('POST', '/api/v1/questionnaires', mutated), field);
      }),
      RUNS,
    );
  });

  it('POST /families/:familyId/screenings and GET its list', async () => {
    await fc.assert(
      fc.asyncProperty(anyId, fc.option(anyJson, { nil: undefined }), async (id, body) => {
        expectNo5xx(await midwife.request('POST', `/api/v1/families/${encodeURIComponent(id)}/screenings`, body), 'start');
        expectNo5xx(await midwife.request('GET', `/api/v1/families/${encodeURIComponent(id)}/screenings`), 'list');
      }),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(fc.option(fc.oneof(fc.record({ questionnaireId: anyId }), anyJson), { nil: undefined }), async (body) =>
        expectNo5xx(await midwife.request('POST', `/api/v1/families/${familyId}/screenings`, body), 'start own'),
      ),
      { numRuns: 15 },
    );
  });

  it('PUT /screenings/:id/answers with any answers and versions', async () => {
    await fc.assert(
      fc.asyncProperty(anyAnswers, fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double(), anyText), async (answers, version) => {
        const current = (await midwife.request('GET', `/api/v1/screenings/${screeningId}`)).json().version as number;
        const response = await midwife.request('PUT', `/api/v1/screenings/${screeningId}/answers`, {
          answers,
          version: typeof version === 'number' && Number.isInteger(version) && version > 0 ? current : version,
        });
        expectNo5xx(response, JSON.stringify(answers).slice(0, 200));
      }),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(anyId, anyJson, async (id, body) => expectNo5xx(await midwife.request('PUT', `/api/v1/screenings/${encodeURIComponent(id)}/answers`, body), id)),
      RUNS,
    );
  });

  it('POST /screenings/:id/completion and GET /screenings/:id', async () => {
    await fc.assert(
      fc.asyncProperty(anyAnswers, async (answers) => {
        const started = (await midwife.request('POST', `/api/v1/families/${familyId}/screenings`)).json();
        expectNo5xx(await midwife.request('POST', `/api/v1/screenings/${started.id}/completion`, { answers, version: 1 }), 'complete');
        expectNo5xx(await midwife.request('GET', `/api/v1/screenings/${started.id}`), 'read');
        expectNo5xx(await midwife.request('GET', `/api/v1/families/${familyId}/pathways?screeningId=${started.id}`), 'pathways');
      }),
      { numRuns: 25 },
    );
    await fc.assert(
      fc.asyncProperty(anyId, fc.option(anyJson, { nil: undefined }), async (id, body) => {
        expectNo5xx(await midwife.request('POST', `/api/v1/screenings/${encodeURIComponent(id)}/completion`, body), 'complete any');
        expectNo5xx(await midwife.request('GET', `/api/v1/screenings/${encodeURIComponent(id)}`), 'read any');
      }),
      RUNS,
    );
  });

  it('GET /pathways and /families/:familyId/pathways with any query', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, anyId, async (municipality, id) => {
        expectNo5xx(await midwife.request('GET', `/api/v1/pathways?municipality=${encodeURIComponent(municipality)}`), 'pathways');
        expectNo5xx(await midwife.request('GET', `/api/v1/families/${encodeURIComponent(id)}/pathways?screeningId=${encodeURIComponent(municipality)}`), 'family');
        expectNo5xx(await midwife.request('GET', `/api/v1/families/${familyId}/pathways?screeningId=${encodeURIComponent(id)}`), 'family own');
      }),
      RUNS,
    );
  });
});

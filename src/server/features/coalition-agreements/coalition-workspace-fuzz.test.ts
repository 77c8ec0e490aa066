// SPDX-License-Identifier: EUPL-1.2
// Fuzzing every partners and agreements endpoint with fast-check: odd JSON, odd text (NUL, lone
// surrogates), odd codes, ids, topics and query strings, near-valid bodies, random file bytes under
// any content type: the answer is never a 5xx.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { PARTNER_DOMAINS, PARTNER_LEVELS } from '../../../contracts/coalition-partners.js';
import { AGREEMENT_LEVELS, AGREEMENT_STATUSES, AGREEMENT_TOPICS, DOCUMENT_MEDIA_TYPES } from '../../../contracts/coalition-agreements.js';
import { samplePdf } from './test-support.js';

let t: TestApp;
let coordinator: Caller;
let partnerId: string;
let agreementId: string;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  coordinator = await callerFor(t, 'coordinator');
  partnerId = (await coordinator.request('POST', '/api/v1/coalitions/KS0001/partners', { externalName: 'Fuzzpartner', domain: 'social', level: 'uitvoerend' })).json<{ id: string }>().id;
  agreementId = (
    await coordinator.request('POST', '/api/v1/coalitions/KS0001/agreements', { topic: 'other', level: 'uitvoering', status: 'in_development', parties: [{ partnerId, role: 'r' }] })
  ).json<{ id: string }>().id;
});
afterAll(() => t.close());

const RUNS = { numRuns: 40 };
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const anyCode = fc.oneof(fc.constantFrom('KS0001', 'KS0002', 'KS9999', 'ks0001', 'KS00011'), anyText);
const anyId = () => fc.oneof(fc.uuid(), anyText, fc.constantFrom(partnerId, agreementId));
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(anyText, fc.oneof(anyText, fc.integer(), fc.boolean(), fc.constant(null))));
const anyDate = fc.oneof(
  fc.date({ min: new Date('1800-01-01'), max: new Date('2300-01-01'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  anyText,
  fc.constantFrom('2026-02-30', '0000-00-00', '9999-12-31', null),
);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const enc = encodeURIComponent;

function expectNo5xx(response: { statusCode: number; body: string }, what: string) {
  expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
}

describe('fuzz: never a 5xx', () => {
  it('partners: GET, POST, PUT with any JSON and near-valid partners', async () => {
    const partner = fc.record({
      organisationId: maybe(fc.oneof(fc.constant(t.demo.organisationIds.jgz!), fc.uuid(), anyText, fc.constant(null))),
      externalName: maybe(fc.oneof(anyText, fc.constant(null), fc.constant('x'.repeat(201)))),
      domain: fc.oneof(fc.constantFrom(...PARTNER_DOMAINS), anyText),
      level: fc.oneof(fc.constantFrom(...PARTNER_LEVELS), anyText),
      role: maybe(anyText),
      since: maybe(anyDate),
      until: maybe(anyDate),
      isWanted: maybe(fc.oneof(fc.boolean(), anyText)),
      contactName: maybe(anyText),
      contactEmail: maybe(fc.oneof(anyText, fc.emailAddress())),
    });
    await fc.assert(
      fc.asyncProperty(anyCode, anyId(), fc.oneof(anyJson, partner), async (code, id, body) => {
        expectNo5xx(await coordinator.request('GET', `/api/v1/coalitions/${enc(code)}/partners`), code);
        expectNo5xx(await coordinator.request('POST', `/api/v1/coalitions/${enc(code)}/partners`, body), JSON.stringify(body));
        expectNo5xx(await coordinator.request('PUT', `/api/v1/coalitions/${enc(code)}/partners/${enc(id)}`, body), JSON.stringify(body));
        expectNo5xx(await coordinator.request('PUT', `/api/v1/coalitions/KS0001/partners/${partnerId}`, body), JSON.stringify(body));
      }),
      RUNS,
    );
  });

  it('agreements: GET, POST, PUT and the no-agreement reason with any JSON and near-valid agreements', async () => {
    const agreement = fc.record({
      topic: fc.oneof(fc.constantFrom(...AGREEMENT_TOPICS), anyText),
      level: fc.oneof(fc.constantFrom(...AGREEMENT_LEVELS), anyText),
      status: fc.oneof(fc.constantFrom(...AGREEMENT_STATUSES), anyText),
      title: maybe(fc.oneof(anyText, fc.constant(null))),
      agreedOn: maybe(anyDate),
      reviewDue: maybe(anyDate),
      parties: maybe(fc.array(fc.record({ partnerId: fc.oneof(fc.constant(partnerId), fc.uuid(), anyText), role: anyText }), { maxLength: 4 })),
      idempotencyKey: maybe(fc.oneof(fc.uuid(), anyText)),
      version: maybe(fc.oneof(fc.integer(), fc.double(), anyText)),
    });
    await fc.assert(
      fc.asyncProperty(anyCode, anyId(), fc.oneof(anyJson, agreement), fc.oneof(fc.constantFrom(...AGREEMENT_TOPICS), anyText), async (code, id, body, topic) => {
        expectNo5xx(await coordinator.request('GET', `/api/v1/coalitions/${enc(code)}/agreements`), code);
        expectNo5xx(await coordinator.request('POST', `/api/v1/coalitions/${enc(code)}/agreements`, body), JSON.stringify(body));
        expectNo5xx(await coordinator.request('PUT', `/api/v1/coalitions/${enc(code)}/agreements/${enc(id)}`, body), JSON.stringify(body));
        expectNo5xx(await coordinator.request('PUT', `/api/v1/coalitions/KS0001/agreements/${agreementId}`, body), JSON.stringify(body));
        expectNo5xx(
          await coordinator.request('PUT', `/api/v1/coalitions/${enc(code)}/agreement-topics/${enc(topic)}/no-agreement-reason`, { reason: (body as { title?: unknown } | null)?.title ?? null }),
          topic,
        );
      }),
      RUNS,
    );
  });

  it('documents: random bytes under any content type and file name; downloads of odd ids', async () => {
    const contentType = fc.oneof(fc.constantFrom(...Object.values(DOCUMENT_MEDIA_TYPES), 'application/json', 'text/plain', 'application/octet-stream', 'multipart/form-data'), fc.string({ maxLength: 30 }));
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 2000 }).map((array) => Buffer.from(array)), fc.constant(samplePdf()));
    await fc.assert(
      fc.asyncProperty(anyCode, anyId(), bytes, contentType, fc.oneof(anyText, fc.constant('a.pdf')), async (code, id, content, type, fileName) => {
        const what = `${type} ${fileName}`;
        expectNo5xx(await coordinator.request('PUT', `/api/v1/coalitions/${enc(code)}/agreements/${enc(id)}/document?fileName=${enc(fileName)}`, content, { 'content-type': type }), what);
        expectNo5xx(await coordinator.request('PUT', `/api/v1/coalitions/KS0001/agreements/${agreementId}/document?fileName=${enc(fileName)}`, content, { 'content-type': type }), what);
        expectNo5xx(await coordinator.request('GET', `/api/v1/coalitions/${enc(code)}/agreements/${enc(id)}/document`), id);
      }),
      RUNS,
    );
  });

  it('te herzien: any query string, JSON or CSV', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, fc.constantFrom('application/json', 'text/csv', '*/*'), async (scope, accept) => {
        expectNo5xx(await coordinator.request('GET', `/api/v1/coalition-agreements/to-review?scope=${enc(scope)}`, undefined, { accept }), scope);
      }),
      RUNS,
    );
  });
});

// SPDX-License-Identifier: EUPL-1.2
// Fuzzing the platform admin's mail routes with fast-check: whatever query, id or body arrives, the
// answer is never a 5xx, and a list answer never holds an address unmasked.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { enqueueMail } from '../../platform/mail/enqueue-mail.js';
import { callerFor, type Caller } from '../organisations/test-support.js';

let t: TestApp;
let admin: Caller;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' }, mailIntervalMs: null });
  admin = await callerFor(t, 'platformAdmin');
  await enqueueMail(t.database.db, { template: 'invitation', toAddress: 'fuzz.target@example.nl', linkPath: '/uitnodiging' }, t.clock.now());
});
afterAll(() => t.close());

const RUNS = { numRuns: 40 };
const anyText = fc.string({ unit: 'binary', maxLength: 60 });
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(anyText, fc.oneof(anyText, fc.integer(), fc.boolean(), fc.constant(null))));

function expectNo5xx(response: { statusCode: number; body: string }, what: string) {
  expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
}

describe('fuzz: never a 5xx', () => {
  it('GET /mail-outbox (any query)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('status', 'page', 'pageSize', 'x'), fc.oneof(anyText, fc.constantFrom('pending', 'sent', 'dead'), fc.integer().map(String))), async (query) => {
        const response = await admin.request('GET', `/api/v1/mail-outbox?${new URLSearchParams(query).toString()}`);
        expectNo5xx(response, JSON.stringify(query));
        expect(response.body).not.toContain('fuzz.target@');
      }),
      RUNS,
    );
  });

  it('POST /mail-outbox/:id/retry and GET /mail-outbox/:id/preview (any id, any body)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, fc.uuid()), anyJson, async (id, body) => {
        expectNo5xx(await admin.request('POST', `/api/v1/mail-outbox/${encodeURIComponent(id)}/retry`, body), `${id} ${JSON.stringify(body)}`);
        expectNo5xx(await admin.request('GET', `/api/v1/mail-outbox/${encodeURIComponent(id)}/preview`), id);
      }),
      RUNS,
    );
  });
});

// SPDX-License-Identifier: EUPL-1.2
// Fuzzing machine access with fast-check: whatever arrives at the token endpoint (odd forms, odd
// assertions: not JWTs, JWTs with odd headers and claims), at the registration and at the revocation,
// and whatever bearer token is presented, the answer is never a 5xx.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { CLIENT_ASSERTION_TYPE } from '../../../contracts/api-clients.js';

let t: TestApp;
let admin: Caller;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  admin = await callerFor(t, 'platformAdmin');
});
afterAll(() => t.close());

const RUNS = { numRuns: 30 };
const anyText = fc.string({ unit: 'binary', maxLength: 60 });
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(anyText, fc.oneof(anyText, fc.integer(), fc.boolean(), fc.constant(null))));
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const anyAssertion = fc.oneof(anyText, fc.tuple(anyJson, anyJson, anyText).map(([header, claims, signature]) => `${b64(header)}.${b64(claims)}.${b64(signature)}`));

function expectNo5xx(response: { statusCode: number; body: string }, what: string) {
  expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
}

describe('fuzz: never a 5xx', () => {
  it('POST /oauth/token (any form, any assertion)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('grant_type', 'client_assertion_type', 'client_assertion', 'scope', 'x'), anyText),
        anyAssertion,
        fc.boolean(),
        async (form, assertion, isWellFormed) => {
          const fields = isWellFormed ? { ...form, grant_type: 'client_credentials', client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: assertion } : form;
          const payload = new URLSearchParams(fields).toString();
          const response = await t.app.inject({ method: 'POST', url: '/api/v1/oauth/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload });
          expectNo5xx(response, payload);
        },
      ),
      RUNS,
    );
  });

  it('POST /api-clients and its revocation (any body, any id)', async () => {
    await fc.assert(
      fc.asyncProperty(anyJson, fc.oneof(anyText, fc.uuid()), async (body, id) => {
        expectNo5xx(await admin.request('POST', '/api/v1/api-clients', body), JSON.stringify(body));
        expectNo5xx(await admin.request('POST', `/api/v1/api-clients/${encodeURIComponent(id)}/revocation`, {}), id);
      }),
      RUNS,
    );
  });

  it('any bearer token on the REST and FHIR API', async () => {
    await fc.assert(
      fc.asyncProperty(anyText.filter((text) => !/[\r\n\0]/.test(text)), async (token) => {
        for (const url of ['/api/v1/referrals', '/fhir/R4/Task']) {
          const response = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } }).catch(() => ({ statusCode: 400, body: 'header refused by the HTTP layer' }));
          expectNo5xx(response, token);
        }
      }),
      RUNS,
    );
  });
});

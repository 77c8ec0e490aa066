// SPDX-License-Identifier: EUPL-1.2
// Fuzzing the organisation admin's subscription routes and the SMART discovery document with
// fast-check: whatever query, id or Accept header arrives, the answer is never a 5xx.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';

let t: TestApp;
let admin: Caller;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  admin = await callerFor(t, 'practiceAdmin');
});
afterAll(() => t.close());

const RUNS = { numRuns: 30 };
const anyText = fc.string({ unit: 'binary', maxLength: 60 });

function expectNo5xx(response: { statusCode: number; body: string }, what: string) {
  expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
}

describe('fuzz: never a 5xx', () => {
  it('GET /subscriptions with any query', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('page', 'pageSize', 'sorteer', 'x'), anyText), async (query) => {
        const url = `/api/v1/subscriptions?${new URLSearchParams(query).toString()}`;
        expectNo5xx(await admin.request('GET', url), url);
      }),
      RUNS,
    );
  });

  it('reactivation and end with any id', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, fc.uuid()), async (id) => {
        expectNo5xx(await admin.request('POST', `/api/v1/subscriptions/${encodeURIComponent(id)}/reactivation`, {}), id);
        expectNo5xx(await admin.request('DELETE', `/api/v1/subscriptions/${encodeURIComponent(id)}`), id);
      }),
      RUNS,
    );
  });

  it('GET /fhir/R4/.well-known/smart-configuration with any Accept and query', async () => {
    await fc.assert(
      fc.asyncProperty(anyText.filter((text) => !/[\r\n\0]/.test(text)), anyText, async (accept, format) => {
        const url = `/fhir/R4/.well-known/smart-configuration?_format=${encodeURIComponent(format)}`;
        const response = await t.app.inject({ method: 'GET', url, headers: { accept } }).catch(() => ({ statusCode: 400, body: 'header refused by the HTTP layer' }));
        expectNo5xx(response, `${accept} ${format}`);
      }),
      RUNS,
    );
  });
});

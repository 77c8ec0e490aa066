// SPDX-License-Identifier: EUPL-1.2
// Test helpers for the care features: a family registered by the midwife's practice that the JGZ
// may see under consent, the people who act on it, and a fuzz check that no input gives a 5xx.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { InjectOptions } from 'fastify';
import type { TestApp } from '../../../../test/helpers/test-app.js';
import { insertConsentedCareRelationship, insertTestFamily, type TestFamily, type TestFamilyOptions } from '../families/test-support.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { amsterdamDate } from '../../../contracts/calendar.js';

export interface CareSetting {
  nurse: Caller;
  midwife: Caller;
  socialWorker: Caller;
}

export async function careCallers(t: TestApp): Promise<CareSetting> {
  return { nurse: await callerFor(t, 'jgzNurse'), midwife: await callerFor(t, 'midwife', 'wieg'), socialWorker: await callerFor(t, 'socialWorker') };
}

/** A pregnant client of De Wieg that JGZ Zuid-Holland Zuid may see under the client's consent. */
export async function familyForJgz(t: TestApp, setting: CareSetting, options: TestFamilyOptions = {}): Promise<TestFamily & { consentId: string }> {
  const family = await insertTestFamily(t, 'wieg', options);
  const consentId = await insertConsentedCareRelationship(t, family.familyId, 'wieg', 'jgz', setting.midwife.session.personId);
  return { ...family, consentId };
}

export function dayFromToday(t: TestApp, days: number): string {
  const date = new Date(`${amsterdamDate(t.clock.now())}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Values that tend to break things: wrong types, edges, long and odd text. */
export const oddValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.integer({ min: -10, max: 10_000 }),
  fc.double(),
  fc.string(),
  fc.constantFrom('', '2026-02-30', '1999-01-01', '9999-12-31', '2026-13-01', 'held', 'not_held', 'planned', 'end', 'drop_out', 'other', 'extra', 'male'),
  fc.uuid(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
);

/** Bodies with the given field names (each present or not) filled with odd values. */
export function oddBody(fields: readonly string[]) {
  return fc.oneof(
    fc.record(Object.fromEntries(fields.map((field) => [field, oddValue])), { requiredKeys: [] }),
    fc.anything(),
  );
}

/** Sends generated requests; none may end in a server error. */
export async function expectNoServerErrors(caller: Caller, requests: fc.Arbitrary<{ method: InjectOptions['method']; url: string; payload?: unknown }>, numRuns = 40) {
  await fc.assert(
    fc.asyncProperty(requests, async (request) => {
      const response = await caller.request(request.method, request.url, request.payload, request.payload === undefined ? undefined : { 'content-type': 'application/json' });
      expect(response.statusCode, `${request.method} ${request.url} ${JSON.stringify(request.payload)} → ${response.body}`).toBeLessThan(500);
    }),
    { numRuns },
  );
}

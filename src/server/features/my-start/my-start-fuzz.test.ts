// SPDX-License-Identifier: EUPL-1.2
// Fuzzing every endpoint of Mijn Kansrijke Start with fast-check: whatever path segment, body or
// callback query arrives, the answer is never a 5xx; a parent's request about anything but their own
// file is a 4xx; a refused withdrawal changes no consent; giving consent with any ids sends no other
// family's referral and records no consent in another file; a callback without a valid login never
// sets a parent's session.
import fc from 'fast-check';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import type { TestIdentityProvider } from '../../../../test/helpers/test-identity-provider.js';
import { PARENT_SESSION_COOKIE } from '../../platform/auth/session.js';
import { consents, referrals } from '../referrals/schema.js';
import { insertParentFile, OTHER_PARENT_BSN, startParentBroker, parentSessionFor, type ParentFile } from './test-support.js';
import { isStorableText } from '../../platform/http/storable-input.js';

const REDIRECT_URI = 'http://localhost:3000/api/v1/my/auth/callback';
let idp: TestIdentityProvider;
let t: TestApp;
let file: ParentFile;
let other: ParentFile;
let headers: Record<string, string>;

beforeAll(async () => {
  const broker = await startParentBroker(REDIRECT_URI);
  idp = broker.idp;
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000', ...broker.env } });
  file = await insertParentFile(t);
  other = await insertParentFile(t, OTHER_PARENT_BSN, 'Kim');
  headers = (await parentSessionFor(t, file)).headers;
});
afterAll(async () => {
  await t?.close();
  await idp?.close();
});

const RUNS = { numRuns: 60 };
const anyText = fc.string({ unit: 'binary', maxLength: 80 });
/** A path segment: the own file's id, another family's, a random uuid, or anything at all. */
const segment = () =>
  fc.oneof(
    fc.constant(file.familyId),
    fc.constant(other.familyId),
    fc.constant(file.consentId),
    fc.constant(other.consentId),
    fc.constant(file.awaitingReferralId),
    fc.constant(other.awaitingReferralId),
    fc.constant(file.referralId),
    fc.uuid(),
    anyText.map((text) => encodeURIComponent(text)),
    fc.constantFrom('', '..', '%00', 'null', '00000000-0000-0000-0000-000000000000'),
  );
const anyBody = fc.oneof(fc.constant(undefined), fc.anything(), fc.dictionary(anyText, anyText, { maxKeys: 3 }));

describe('Mijn Kansrijke Start under fuzzing', () => {
  it('no read endpoint answers 5xx, and only the own file answers 200', async () => {
    await fc.assert(
      fc.asyncProperty(segment(), fc.constantFrom('', '/access-log', '/copy'), async (familyId, tail) => {
        const response = await t.app.inject({ method: 'GET', url: `/api/v1/my/families/${familyId}${tail}`, headers });
        expect(response.statusCode, response.body).toBeLessThan(500);
        if (familyId !== file.familyId) expect(response.statusCode).toBeGreaterThanOrEqual(400);
      }),
      RUNS,
    );
  });

  it('a withdrawal with any ids or body answers no 5xx and changes no consent but the own one', async () => {
    const others = async () => JSON.stringify(await t.database.db.select().from(consents).where(isNull(consents.withdrawnAt)).then((rows) => rows.filter((row) => row.id !== file.consentId)));
    const before = await others();
    await fc.assert(
      fc.asyncProperty(segment(), segment(), anyBody, async (familyId, consentId, body) => {
        const response = await t.app.inject({
          method: 'POST',
          url: `/api/v1/my/families/${familyId}/consents/${consentId}/withdrawal`,
          headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
        });
        expect(response.statusCode, response.body).toBeLessThan(500);
      }),
      RUNS,
    );
    expect(await others()).toBe(before);
  });

  it('giving consent with any ids or body answers no 5xx, and touches no other family’s referral or consents', async () => {
    const othersState = async () =>
      JSON.stringify([
        await t.database.db.select().from(referrals).where(ne(referrals.familyId, file.familyId)).orderBy(referrals.id),
        await t.database.db.select().from(consents).where(ne(consents.familyId, file.familyId)).orderBy(consents.id),
      ]);
    const before = await othersState();
    await fc.assert(
      fc.asyncProperty(segment(), segment(), anyBody, async (familyId, referralId, body) => {
        const response = await t.app.inject({
          method: 'POST',
          url: `/api/v1/my/families/${familyId}/referrals/${referralId}/consent`,
          headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
        });
        expect(response.statusCode, response.body).toBeLessThan(500);
        if (familyId !== file.familyId || referralId !== file.awaitingReferralId) expect(response.statusCode).toBeGreaterThanOrEqual(400);
      }),
      RUNS,
    );
    expect(await othersState()).toBe(before);
    // However often it was given, one consent for the waiting referral.
    const [given] = await t.database.db.select().from(referrals).where(eq(referrals.id, file.awaitingReferralId));
    if (given!.consentId) expect(await t.database.db.$count(consents, and(eq(consents.familyId, file.familyId), eq(consents.receiverOrganisationId, given!.receiverOrganisationId)))).toBe(1);
  });

  it('a callback with any query or state cookie answers a redirect to the explanation, never a session', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('code', 'state', 'error', 'iss', 'x'), anyText, { maxKeys: 4 }), fc.option(anyText), async (query, cookie) => {
        const response = await t.app.inject({
          method: 'GET',
          url: `/api/v1/my/auth/callback?${new URLSearchParams(query)}`,
          headers: cookie === null ? {} : { cookie: `kr_oidc=${encodeURIComponent(cookie)}` },
        });
        expect(response.cookies.find((candidate) => candidate.name === PARENT_SESSION_COOKIE && candidate.value !== '')).toBeUndefined();
        // Text PostgreSQL cannot store (a NUL, a lone surrogate) is refused at the edge like everywhere else.
        if (!Object.values(query).every(isStorableText)) {
          expect(response.statusCode).toBe(400);
          expect(response.json<{ code: string }>().code).toBe('unstorable_input');
          return;
        }
        expect(response.statusCode).toBe(303);
        expect(response.headers.location).toMatch(/^\/mijn\/inloggen\?fout=provider$/);
      }),
      { numRuns: 30 },
    );
  });

  it('any session cookie value on the parents’ API is a 401, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (token) => {
        const response = await t.app.inject({ method: 'GET', url: '/api/v1/my/session', headers: { cookie: `${PARENT_SESSION_COOKIE}=${encodeURIComponent(token)}` } });
        expect(response.statusCode).toBe(401);
      }),
      RUNS,
    );
  });
});

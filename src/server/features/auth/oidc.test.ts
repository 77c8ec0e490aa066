// SPDX-License-Identifier: EUPL-1.2
// OIDC login against a small identity provider started on 127.0.0.1 in the test process
// (test/helpers/test-identity-provider.ts).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { createTwoInstances } from '../../../../test/helpers/two-instances.js';
import { browserHeaders } from '../../../../test/helpers/login.js';
import { startIdentityProvider, type TestIdentityProvider } from '../../../../test/helpers/test-identity-provider.js';
import { people } from '../organisations/schema.js';
import { API, AUTH_TEST_ENV, createPerson, demoAccount, latestAuditRows, personIdOf } from './test-support.js';

const CLIENT_ID = 'kansrijk-test';
const CLIENT_SECRET = 'test-client-secret';
const REDIRECT_URI = 'http://localhost:3000/api/v1/auth/oidc/callback';

type Provider = TestIdentityProvider;
let idp: Provider;
let t: TestApp;
let trusting: TestApp;

const oidcEnv = (trustMfa: boolean) => ({
  ...AUTH_TEST_ENV,
  OIDC_ISSUER: idp.issuer,
  OIDC_CLIENT_ID: CLIENT_ID,
  OIDC_CLIENT_SECRET: CLIENT_SECRET,
  OIDC_REDIRECT_URI: REDIRECT_URI,
  OIDC_TRUST_MFA: String(trustMfa),
});

beforeAll(async () => {
  idp = await startIdentityProvider({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: () => [REDIRECT_URI] });
  t = await createTestApp({ env: oidcEnv(false) });
  trusting = await createTestApp({ env: oidcEnv(true) });
});
afterAll(async () => {
  await t?.close();
  await trusting?.close();
  await idp?.close();
});

/** Start at Kansrijk, "log in" at the provider with these claims, come back to the callback. */
async function oidcRoundTrip(app: TestApp, claims: Record<string, unknown>, tamper?: (query: URLSearchParams) => void, finishOn: TestApp = app) {
  const start = await app.app.inject({ method: 'GET', url: `${API}/auth/oidc/login` });
  expect(start.statusCode).toBe(303);
  const authorizeUrl = new URL(start.headers.location as string);
  const stateCookie = start.cookies.find((cookie) => cookie.name === 'kr_oidc')!;
  const query = new URLSearchParams({ code: idp.issueCode(authorizeUrl, claims), state: authorizeUrl.searchParams.get('state')! });
  tamper?.(query);
  const callback = await finishOn.app.inject({
    method: 'GET',
    url: `${API}/auth/oidc/callback?${query}`,
    headers: { cookie: `kr_oidc=${stateCookie.value}` },
  });
  expect(callback.statusCode).toBe(303);
  const sessionToken = callback.cookies.find((cookie) => cookie.name === 'kr_session')?.value;
  return { start, authorizeUrl, stateCookie, callback, sessionToken };
}

async function sessionInfo(app: TestApp, token: string) {
  const response = await app.app.inject({ method: 'GET', url: `${API}/auth/session`, headers: browserHeaders(token) });
  expect(response.statusCode).toBe(200);
  return response.json();
}

describe('OIDC login', () => {
  it('offers OIDC and redirects to the provider with PKCE, state and nonce, keeping them in a Lax HttpOnly cookie', async () => {
    expect((await t.app.inject({ method: 'GET', url: `${API}/auth/options` })).json()).toEqual({ hasOidc: true });
    const start = await t.app.inject({ method: 'GET', url: `${API}/auth/oidc/login` });
    const location = new URL(start.headers.location as string);
    expect(location.href.startsWith(`${idp.issuer}/authorize`)).toBe(true);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      code_challenge_method: 'S256',
      scope: 'openid email profile',
    });
    for (const parameter of ['state', 'nonce', 'code_challenge']) expect(location.searchParams.get(parameter)).toMatch(/^[\w-]{20,}$/);
    const cookie = start.cookies.find((candidate) => candidate.name === 'kr_oidc')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/oidc' });
  });

  it('maps the e-mail claim onto an existing person, links the subject, and applies the TOTP rules', async () => {
    const midwife = demoAccount(t, 'midwife');
    const { callback, sessionToken } = await oidcRoundTrip(t, { sub: 'idp-midwife', email: midwife.email.toUpperCase(), email_verified: true });
    expect(callback.headers.location).toBe('/');
    expect(callback.cookies.find((cookie) => cookie.name === 'kr_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect((await sessionInfo(t, sessionToken!)).stage).toBe('second_factor');
    const [row] = await t.database.db.select({ oidcSubject: people.oidcSubject }).from(people).where(eq(people.email, midwife.email));
    expect(row!.oidcSubject).toBe('idp-midwife');
    expect((await latestAuditRows(t, 1))[0]).toMatchObject({ action: 'login', outcome: 'success', objectId: await personIdOf(t, midwife.email), details: { method: 'oidc' } });

    // Next time the linked subject decides, whatever e-mail address the provider now reports.
    const again = await oidcRoundTrip(t, { sub: 'idp-midwife', email: 'nieuw-adres@elders.test' });
    expect((await sessionInfo(t, again.sessionToken!)).person.email).toBe(midwife.email);
  });

  it('lets an aggregate-only person straight in, and a person needing 2FA enrol first', async () => {
    const analyst = demoAccount(t, 'analyst');
    const aggregate = await oidcRoundTrip(t, { sub: 'idp-analyst', email: analyst.email });
    expect((await sessionInfo(t, aggregate.sessionToken!)).stage).toBe('active');
    const newcomer = await createPerson(t, { memberships: [{ organisation: 'jgz', roles: ['professional'] }], hasPassword: false });
    const enrolment = await oidcRoundTrip(t, { sub: 'idp-newcomer', email: newcomer.email });
    expect((await sessionInfo(t, enrolment.sessionToken!)).stage).toBe('enrolment');
  });

  it('trusts the provider’s MFA when configured to', async () => {
    const nurse = demoAccount(trusting, 'jgzNurse');
    const { sessionToken } = await oidcRoundTrip(trusting, { sub: 'idp-nurse', email: nurse.email });
    expect((await sessionInfo(trusting, sessionToken!)).stage).toBe('active');
  });

  it('never creates people: an unknown, unverified, deactivated or otherwise-linked identity goes back to the login page', async () => {
    const inactive = await createPerson(t, { memberships: [{ organisation: 'jgz', roles: ['professional'] }], isActive: false });
    const midwife = demoAccount(t, 'midwife');
    const jgzNurse = demoAccount(t, 'jgzNurse');
    const cases = [
      { sub: 'idp-stranger', email: 'onbekend@elders.test' },
      { sub: 'idp-unverified', email: jgzNurse.email, email_verified: false },
      { sub: 'idp-inactive', email: inactive.email },
      // The midwife is linked to idp-midwife: another subject with her address does not take over.
      { sub: 'idp-impostor', email: midwife.email },
      { sub: 'idp-no-email' },
    ];
    const before = (await t.database.db.select({ id: people.id }).from(people)).length;
    for (const claims of cases) {
      const { callback, sessionToken } = await oidcRoundTrip(t, claims);
      expect(callback.headers.location).toBe('/inloggen?fout=oidc');
      expect(sessionToken).toBeUndefined();
    }
    expect((await t.database.db.select({ id: people.id }).from(people)).length).toBe(before);
    const audit = (await latestAuditRows(t, 1))[0]!;
    expect(audit).toMatchObject({ action: 'login_failed', objectId: null, details: { method: 'oidc', reason: 'unknown_account' } });
    expect(JSON.stringify(audit)).not.toContain('@');
  });

  it('refuses a callback with a wrong state or without the state cookie', async () => {
    const analyst = demoAccount(t, 'analyst');
    const wrongState = await oidcRoundTrip(t, { sub: 'idp-analyst', email: analyst.email }, (query) => query.set('state', 'not-the-state'));
    expect(wrongState.callback.headers.location).toBe('/inloggen?fout=oidc');
    expect(wrongState.sessionToken).toBeUndefined();

    const start = await t.app.inject({ method: 'GET', url: `${API}/auth/oidc/login` });
    const authorizeUrl = new URL(start.headers.location as string);
    const code = idp.issueCode(authorizeUrl, { sub: 'idp-analyst', email: analyst.email });
    const query = new URLSearchParams({ code, state: authorizeUrl.searchParams.get('state')! });
    const noCookie = await t.app.inject({ method: 'GET', url: `${API}/auth/oidc/callback?${query}` });
    expect(noCookie.headers.location).toBe('/inloggen?fout=oidc');
    const forged = await t.app.inject({ method: 'GET', url: `${API}/auth/oidc/callback?${query}`, headers: { cookie: 'kr_oidc=eyJzdGF0ZSI6IngifQ.forged' } });
    expect(forged.headers.location).toBe('/inloggen?fout=oidc');
    expect((await latestAuditRows(t, 1))[0]).toMatchObject({ action: 'login_failed', details: { reason: 'provider_response_invalid' } });
  });
});

describe('OIDC login over several instances', () => {
  const STATE_SECRET = 'gedeeld-geheim-voor-de-inlogstatus-0123456789';
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    [a, b] = await createTwoInstances({ ...oidcEnv(false), OIDC_STATE_SECRET: STATE_SECRET });
  }, 120_000);
  afterAll(() => a?.close());

  it('finishes on instance B a login begun on instance A (key from OIDC_STATE_SECRET, one database)', async () => {
    const analyst = demoAccount(a, 'analyst');
    const { callback, sessionToken } = await oidcRoundTrip(a, { sub: 'idp-analyst-ab', email: analyst.email }, undefined, b);
    expect(callback.headers.location).toBe('/');
    // The session is in the shared database: both instances know it.
    expect((await sessionInfo(a, sessionToken!)).person.email).toBe(analyst.email);
    expect((await sessionInfo(b, sessionToken!)).stage).toBe('active');
  });

  it('finishes a login on another instance with the key derived from the same client secret', async () => {
    // t and trusting are two instances (each with its own database, with the same demo accounts).
    const analyst = demoAccount(trusting, 'analyst');
    const { callback, sessionToken } = await oidcRoundTrip(t, { sub: 'idp-analyst-derived', email: analyst.email }, undefined, trusting);
    expect(callback.headers.location).toBe('/');
    expect((await sessionInfo(trusting, sessionToken!)).person.email).toBe(analyst.email);
  });

  it('opens a state sealed in another process: a fresh copy of the module has no key of its own to rely on', async () => {
    const oidc = a.config.oidc!;
    const pending = { state: 's'.repeat(43), nonce: 'n'.repeat(43), codeVerifier: 'v'.repeat(43), expiresAt: Date.now() + 60_000 };
    const sealed = (await import('../../platform/auth/oidc.js')).sealPendingLogin(oidc, pending);
    vi.resetModules();
    const otherProcess = await import('../../platform/auth/oidc.js');
    expect(otherProcess.openPendingLogin(oidc, sealed, new Date())).toEqual(pending);
    expect(otherProcess.openPendingLogin({ ...oidc, stateSecret: `${STATE_SECRET}-anders` }, sealed, new Date())).toBeNull();
    // Only a public client without any secret (refused in production) keeps a key per process.
    const publicClient = { ...oidc, clientSecret: undefined, stateSecret: undefined };
    const sealedByPublic = otherProcess.sealPendingLogin(publicClient, pending);
    vi.resetModules();
    expect((await import('../../platform/auth/oidc.js')).openPendingLogin(publicClient, sealedByPublic, new Date())).toBeNull();
  });

  it('refuses the state of an instance signing with another secret, both ways', async () => {
    const analyst = demoAccount(t, 'analyst');
    for (const [begin, finish] of [[t, a], [a, t]] as const) {
      const { callback, sessionToken } = await oidcRoundTrip(begin, { sub: 'idp-analyst', email: analyst.email }, undefined, finish);
      expect(callback.headers.location).toBe('/inloggen?fout=oidc');
      expect(sessionToken).toBeUndefined();
    }
  });
});

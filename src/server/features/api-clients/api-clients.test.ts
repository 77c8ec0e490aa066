// SPDX-License-Identifier: EUPL-1.2
// Machine access end to end with real key pairs (ADR 0017): the platform admin registers a client,
// the client signs an assertion and gets a token, calls the REST and FHIR API as a system of its
// organisation within its scopes, is audited by name, and is refused at once after revocation.
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { insertTestFamily } from '../families/test-support.js';
import { insertTestReferral } from '../referrals/test-support.js';
import { auditLog } from '../../platform/audit/schema.js';
import { assertionClaims, jwkOf, signJwt, tokenRequest as requestToken } from './test-support.js';
import { apiAccessTokens } from './schema.js';
import { people } from '../organisations/schema.js';
import { fhirR4Errors } from '../screening/test-support.js';

let t: TestApp;
let admin: Caller;
let audience: string;
let referralId: string;
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherRsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });

function claims(clientId: string, changes: Record<string, unknown> = {}) {
  return assertionClaims(clientId, audience, t.clock.now(), changes);
}

const tokenRequest = (assertion: string, scope?: string) => requestToken(t.app, assertion, scope);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function register(body: Record<string, unknown>) {
  return admin.request('POST', '/api/v1/api-clients', {
    expiresAt: new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString(),
    ...body,
  });
}

async function tokenFor(clientId: string, key: KeyObject = rsa.privateKey, scope?: string): Promise<string> {
  const response = await tokenRequest(signJwt(key, 'RS384', claims(clientId)), scope);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().access_token as string;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

let wiegClientId: string;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  audience = `${t.config.publicUrl.replace(/\/$/, '')}/api/v1/oauth/token`;
  admin = await callerFor(t, 'platformAdmin');
  const midwife = await callerFor(t, 'midwife', 'wieg');
  const family = await insertTestFamily(t, 'wieg');
  ({ referralId } = await insertTestReferral(t, family.familyId, 'wieg', 'jgz', midwife.session.personId));
  const registered = await register({
    organisationId: t.demo.organisationIds.wieg,
    name: 'Praktijksysteem De Wieg',
    roles: ['professional'],
    scopes: ['referral.list', 'referral.read'],
    jwk: jwkOf(rsa.publicKey, 'wieg-1'),
  });
  expect(registered.statusCode, registered.body).toBe(201);
  wiegClientId = registered.json().id;
});
afterAll(async () => {
  await t?.close();
});

describe('registering an API client (platform admin)', () => {
  it('stores the public key, roles, scopes and expiry, lists it as active, and audits the registration', async () => {
    const listed = await admin.request('GET', '/api/v1/api-clients');
    expect(listed.statusCode).toBe(200);
    const client = listed.json().items.find((item: { id: string }) => item.id === wiegClientId);
    expect(client).toMatchObject({ name: 'Praktijksysteem De Wieg', roles: ['professional'], scopes: ['referral.list', 'referral.read'], keyKind: 'jwk', keyId: 'wieg-1', status: 'active' });
    expect(listed.json().scopes).toContain('referral.read');
    expect(listed.json().scopes).not.toContain('api_client.create');
    const [row] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectType, 'api_client'), eq(auditLog.objectId, wiegClientId), eq(auditLog.action, 'create')));
    expect(row).toMatchObject({ actorId: admin.session.personId, outcome: 'success', role: 'platform_admin' });
  });

  it('refuses what a client may not be: every case', async () => {
    const base = { organisationId: t.demo.organisationIds.wieg, name: 'Fout', roles: ['professional'], scopes: ['referral.read'], jwk: jwkOf(rsa.publicKey, 'k') };
    const cases: [string, Record<string, unknown>, string][] = [
      ['a private key', { jwk: otherRsa.privateKey.export({ format: 'jwk' }) }, 'body.jwk'],
      ['no key at all', { jwk: undefined }, 'body.jwk'],
      ['a weak RSA key', { jwk: generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' }) }, 'body.jwk'],
      ['a platform admin', { roles: ['platform_admin'], scopes: ['organisation.list'] }, 'body.roles'],
      ['an unknown scope', { scopes: ['referral.delete'] }, 'body.scopes'],
      ['a scope on API clients', { roles: ['organisation_admin'], scopes: ['api_client.list'] }, 'body.scopes'],
      ['personal data for an aggregate-only role', { roles: ['analyst'], scopes: ['family.read'] }, 'body.scopes'],
      ['an expiry in the past', { expiresAt: new Date(t.clock.now().getTime() - 1000).toISOString() }, 'body.expiresAt'],
    ];
    for (const [name, changes, path] of cases) {
      const response = await register({ ...base, ...changes });
      expect(response.statusCode, name).toBe(400);
      expect(response.json().errors.map((error: { path: string }) => error.path), name).toContain(path);
    }
  });

  it('is for the platform admin only', async () => {
    const practiceAdmin = await callerFor(t, 'practiceAdmin', 'wieg');
    expect((await practiceAdmin.request('GET', '/api/v1/api-clients')).statusCode).toBe(403);
    const response = await practiceAdmin.request('POST', '/api/v1/api-clients', {
      organisationId: t.demo.organisationIds.wieg,
      name: 'Eigen',
      roles: ['professional'],
      scopes: ['referral.read'],
      jwk: jwkOf(rsa.publicKey, 'k'),
      expiresAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('the token endpoint (client credentials, private_key_jwt)', () => {
  it('issues a short-lived bearer token for a valid assertion (RS384 and ES256), never cached', async () => {
    const response = await tokenRequest(signJwt(rsa.privateKey, 'RS384', claims(wiegClientId), 'wieg-1'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toMatchObject({ token_type: 'Bearer', expires_in: 300, scope: 'referral.list referral.read' });
    const token = response.json().access_token as string;
    // Stored only as its hash.
    const stored = await t.database.db.select().from(apiAccessTokens).where(eq(apiAccessTokens.clientId, wiegClientId));
    expect(stored.some((row) => row.tokenHash === token)).toBe(false);
    expect(stored.length).toBeGreaterThan(0);

    const ecClient = await register({ organisationId: t.demo.organisationIds.wieg, name: 'EC-systeem', roles: ['professional'], scopes: ['referral.read'], jwk: jwkOf(ec.publicKey, 'ec-1') });
    expect(ecClient.statusCode, ecClient.body).toBe(201);
    const ecResponse = await tokenRequest(signJwt(ec.privateKey, 'ES256', claims(ecClient.json().id)));
    expect(ecResponse.statusCode, ecResponse.body).toBe(200);
  });

  it('narrows to the scopes asked for, and refuses a scope the client was not given (invalid_scope)', async () => {
    const narrowed = await tokenRequest(signJwt(rsa.privateKey, 'RS384', claims(wiegClientId)), 'referral.read');
    expect(narrowed.json().scope).toBe('referral.read');
    const refused = await tokenRequest(signJwt(rsa.privateKey, 'RS384', claims(wiegClientId)), 'referral.read family.read');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: 'invalid_scope' });
  });

  it('refuses every bad assertion with invalid_client (RFC 7523 §3.2): every case', async () => {
    const nowSeconds = Math.floor(t.clock.now().getTime() / 1000);
    const cases: [string, () => string][] = [
      ['signed with another key', () => signJwt(otherRsa.privateKey, 'RS384', claims(wiegClientId))],
      ['another audience', () => signJwt(rsa.privateKey, 'RS384', claims(wiegClientId, { aud: 'https://elders.example/token' }))],
      ['expired', () => signJwt(rsa.privateKey, 'RS384', claims(wiegClientId, { exp: nowSeconds - 120 }))],
      ['exp more than 5 minutes ahead', () => signJwt(rsa.privateKey, 'RS384', claims(wiegClientId, { exp: nowSeconds + 3600 }))],
      ['no jti', () => signJwt(rsa.privateKey, 'RS384', claims(wiegClientId, { jti: undefined }))],
      ['sub is not iss', () => signJwt(rsa.privateKey, 'RS384', claims(wiegClientId, { sub: randomUUID() }))],
      ['an unknown client', () => signJwt(rsa.privateKey, 'RS384', claims(randomUUID()))],
      ['alg none', () => `${b64({ alg: 'none' })}.${b64(claims(wiegClientId))}.`],
      ['an HMAC', () => `${b64({ alg: 'HS256' })}.${b64(claims(wiegClientId))}.c2lnbmF0dXJl`],
      ['not a JWT', () => 'geen-jwt'],
    ];
    for (const [name, assertion] of cases) {
      const response = await tokenRequest(assertion());
      expect(response.statusCode, name).toBe(401);
      expect(response.json().error, name).toBe('invalid_client');
    }
  });

  it('refuses a replayed assertion (the same jti twice)', async () => {
    const assertion = signJwt(rsa.privateKey, 'RS384', claims(wiegClientId));
    expect((await tokenRequest(assertion)).statusCode).toBe(200);
    const replay = await tokenRequest(assertion);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error).toBe('invalid_client');
  });

  it('refuses another grant type and a request that is not a form', async () => {
    const form = new URLSearchParams({ grant_type: 'password', username: 'x', password: 'y' }).toString();
    const grant = await t.app.inject({ method: 'POST', url: '/api/v1/oauth/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form });
    expect(grant.statusCode).toBe(400);
    expect(grant.json().error).toBe('unsupported_grant_type');
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/oauth/token', payload: { grant_type: 'client_credentials' } });
    expect(json.statusCode).toBe(400);
    expect(json.json().error).toBe('invalid_request');
  });
});

describe('calls with a bearer token', () => {
  it('reads what the policy allows the organisation, audited as the client', async () => {
    const token = await tokenFor(wiegClientId);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/referrals?box=outgoing', headers: bearer(token) });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((item: { id: string }) => item.id)).toContain(referralId);
    const one = await t.app.inject({ method: 'GET', url: `/api/v1/referrals/${referralId}`, headers: bearer(token) });
    expect(one.statusCode, one.body).toBe(200);
    const [row] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, referralId), eq(auditLog.action, 'read')))
      .orderBy(desc(auditLog.sequence))
      .limit(1);
    expect(row).toMatchObject({ actorId: wiegClientId, organisationId: t.demo.organisationIds.wieg, role: 'system:professional', outcome: 'success' });
  });

  it("writes as the system: the receiving organisation's system receives and accepts the referral, the events name the client", async () => {
    const key = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const registered = await register({ organisationId: t.demo.organisationIds.jgz, name: 'JGZ-dossier', roles: ['professional'], scopes: ['referral.read', 'referral.update'], jwk: jwkOf(key.publicKey, 'jgz') });
    expect(registered.statusCode, registered.body).toBe(201);
    const clientId = registered.json().id as string;
    const token = await tokenFor(clientId, key.privateKey);
    const before = await t.app.inject({ method: 'GET', url: `/api/v1/referrals/${referralId}`, headers: bearer(token) });
    expect(before.statusCode, before.body).toBe(200);
    let version = before.json().version as number;
    for (const event of ['receive', 'accept']) {
      const step = await t.app.inject({ method: 'POST', url: `/api/v1/referrals/${referralId}/transitions`, headers: bearer(token), payload: { event, version } });
      expect(step.statusCode, step.body).toBe(200);
      version = step.json().version;
    }
    const [row] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, referralId), eq(auditLog.action, 'update')))
      .orderBy(desc(auditLog.sequence))
      .limit(1);
    expect(row).toMatchObject({ actorId: clientId, organisationId: t.demo.organisationIds.jgz, role: 'system:professional' });
    // The client's person row carries its name and cannot log in.
    const [person] = await t.database.db.select().from(people).where(eq(people.id, clientId));
    expect(person).toMatchObject({ name: 'JGZ-dossier (koppeling)', isActive: false, passwordHash: null });
  });

  it('reads through FHIR too, and the CapabilityStatement names the token endpoint', async () => {
    const token = await tokenFor(wiegClientId);
    const task = await t.app.inject({ method: 'GET', url: `/fhir/R4/Task/${referralId}`, headers: { ...bearer(token), accept: 'application/fhir+json' } });
    expect(task.statusCode, task.body).toBe(200);
    const metadata = (await t.app.inject({ method: 'GET', url: '/fhir/R4/metadata' })).json();
    const security = metadata.rest[0].security;
    expect(security.service[0].coding[0].code).toBe('SMART-on-FHIR');
    expect(security.extension[0].extension).toEqual([{ url: 'token', valueUri: audience }]);
    expect(fhirR4Errors(metadata)).toEqual([]);
  });

  it('SMART discovery: .well-known/smart-configuration names the same token endpoint, private_key_jwt only, and the scopes', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/fhir/R4/.well-known/smart-configuration', headers: { accept: 'application/json' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const configuration = response.json();
    expect(configuration).toEqual({
      token_endpoint: audience,
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ['RS256', 'RS384', 'PS256', 'PS384', 'ES256', 'ES384'],
      scopes_supported: expect.arrayContaining(['referral.read', 'referral.list', 'subscription.create']),
      capabilities: ['client-confidential-asymmetric'],
    });
    // Every scope it offers is one a registration accepts.
    const list = await admin.request('GET', '/api/v1/api-clients');
    expect([...configuration.scopes_supported].sort()).toEqual([...list.json().scopes].sort());
  });

  it('is refused outside its scopes even where the policy lets its role through (403), with no CSRF token needed', async () => {
    const token = await tokenFor(wiegClientId, rsa.privateKey, 'referral.read');
    // referral.list is a registered scope, but not in this token.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/referrals?box=outgoing', headers: bearer(token) })).statusCode).toBe(403);
    // A professional may list families of their organisation; this client has no family scope.
    const families = await t.app.inject({ method: 'GET', url: '/api/v1/families?q=test', headers: bearer(token) });
    expect(families.statusCode).toBe(403);
    const create = await t.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: bearer(token), payload: { name: 'X', type: 'kraamzorg', municipalityCodes: [] } });
    expect(create.statusCode).toBe(403);
    expect(create.json().code).toBe('forbidden');
    const [denied] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'access_denied')).orderBy(desc(auditLog.sequence)).limit(1);
    expect(denied).toMatchObject({ actorId: wiegClientId, outcome: 'denied' });
  });

  it('an aggregate-only client never reaches personal data (403)', async () => {
    const analystKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const registered = await register({ organisationId: t.demo.organisationIds.kennis, name: 'Monitorkoppeling', roles: ['analyst'], scopes: ['indicator_figure.list'], jwk: jwkOf(analystKey.publicKey, 'a') });
    expect(registered.statusCode, registered.body).toBe(201);
    const token = await tokenFor(registered.json().id, analystKey.privateKey);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/families?q=test', headers: bearer(token) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/referrals?box=incoming', headers: bearer(token) })).statusCode).toBe(403);
  });

  it("is not a person's session: the account routes refuse it (401), and a wrong token is 401", async () => {
    const token = await tokenFor(wiegClientId);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: bearer(token) })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/referrals/${referralId}`, headers: bearer('onzin') })).statusCode).toBe(401);
  });

  it('the token ends after five minutes', async () => {
    const token = await tokenFor(wiegClientId);
    t.clock.advance(301_000);
    try {
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/referrals/${referralId}`, headers: bearer(token) })).statusCode).toBe(401);
    } finally {
      t.clock.advance(-301_000);
    }
  });
});

describe('revoking a client', () => {
  it('ends its access at once: the next call is 401 and no new token is issued', async () => {
    const key = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const registered = await register({ organisationId: t.demo.organisationIds.wieg, name: 'Tijdelijk', roles: ['professional'], scopes: ['referral.read'], jwk: jwkOf(key.publicKey, 't') });
    const clientId = registered.json().id as string;
    const token = await tokenFor(clientId, key.privateKey);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/referrals/${referralId}`, headers: bearer(token) })).statusCode).toBe(200);
    const revoked = await admin.request('POST', `/api/v1/api-clients/${clientId}/revocation`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().status).toBe('revoked');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/referrals/${referralId}`, headers: bearer(token) })).statusCode).toBe(401);
    const again = await tokenRequest(signJwt(key.privateKey, 'RS384', claims(clientId)));
    expect(again.statusCode).toBe(401);
    expect(again.json().error).toBe('invalid_client');
    const [row] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, clientId), eq(auditLog.action, 'update')));
    expect(row).toMatchObject({ actorId: admin.session.personId, objectType: 'api_client' });
  });
});

describe('a client that publishes its keys (JWKS URL)', () => {
  it('gets a token with a key from its key set (chosen by kid); a key outside the set is invalid_client', async () => {
    // A real https endpoint on this machine with a certificate made for the test.
    const folder = mkdtempSync(path.join(os.tmpdir(), 'kansrijk-jwks-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(folder, 'key.pem'), '-out', path.join(folder, 'cert.pem')], { stdio: 'ignore' });
    const first = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const second = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const outsider = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const keySet = { keys: [jwkOf(first.publicKey, 'sleutel-1'), jwkOf(second.publicKey, 'sleutel-2')] };
    let fetched = 0;
    const server = createHttpsServer({ key: readFileSync(path.join(folder, 'key.pem')), cert: readFileSync(path.join(folder, 'cert.pem')) }, (request, response) => {
      fetched += 1;
      response.writeHead(request.url === '/.well-known/jwks.json' ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(keySet));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
    // This process trusts the test's own certificate only for the duration of this test.
    const previous = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    try {
      const registered = await register({ organisationId: t.demo.organisationIds.wieg, name: 'Sleutelset De Wieg', roles: ['professional'], scopes: ['referral.read'], jwksUrl });
      expect(registered.statusCode, registered.body).toBe(201);
      expect(registered.json()).toMatchObject({ keyKind: 'jwks_url', jwksUrl });
      const clientId = registered.json().id as string;

      const withFirst = await tokenRequest(signJwt(first.privateKey, 'ES256', claims(clientId), 'sleutel-1'));
      expect(withFirst.statusCode, withFirst.body).toBe(200);
      const withSecond = await tokenRequest(signJwt(second.privateKey, 'RS384', claims(clientId), 'sleutel-2'));
      expect(withSecond.statusCode, withSecond.body).toBe(200);
      expect(fetched).toBeGreaterThanOrEqual(1);
      const token = withSecond.json().access_token as string;
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/referrals/${referralId}`, headers: bearer(token) })).statusCode).toBe(200);

      // A key that is not in the set, with or without a kid that is: refused.
      for (const assertion of [signJwt(outsider.privateKey, 'ES256', claims(clientId), 'sleutel-1'), signJwt(outsider.privateKey, 'ES256', claims(clientId))]) {
        const refused = await tokenRequest(assertion);
        expect(refused.statusCode).toBe(401);
        expect(refused.json().error).toBe('invalid_client');
      }
    } finally {
      if (previous === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = previous;
      await new Promise((resolve) => server.close(resolve));
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

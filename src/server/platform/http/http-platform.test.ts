// SPDX-License-Identifier: EUPL-1.2
// The HTTP platform: security headers, problem+json for bad input, health, logs without personal data.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { anonymousHeaders, sessionFor } from '../../../../test/helpers/sessions.js';
import { isAmbiguousPath } from './normalise-path.js';
import { loggableError } from '../errors.js';

const logLines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ logStream: { write: (line) => void logLines.push(line) } });
});
afterAll(() => t.close());

describe('security headers', () => {
  it('sets a strict CSP, frame-ancestors none, nosniff, no-referrer, and no HSTS without TLS', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/provinces' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('marks every API response no-store and versions it, errors included (NL API Design Rules)', async () => {
    const session = await sessionFor(t, 'platformAdmin');
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: session.headers });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['api-version']).toBe('1.0.0');
    const failure = await t.app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(failure.headers['cache-control']).toBe('no-store');
    expect(failure.statusCode).toBe(404);
    expect(failure.headers['api-version']).toBe('1.0.0');
  });

  it('sends HSTS and Secure cookies behind TLS', async () => {
    const tls = await createTestApp({ env: { PUBLIC_URL: 'https://kansrijk.example.nl' } });
    try {
      const response = await tls.app.inject({ method: 'GET', url: '/api/v1/provinces' });
      expect(response.headers['strict-transport-security']).toContain('max-age=31536000');
      expect(String(response.headers['set-cookie'])).toMatch(/kr_csrf=.*; Secure/);
    } finally {
      await tls.close();
    }
  });
});

describe('bad input never becomes a 500', () => {
  const login = (payload: string, contentType = 'application/json', extra: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { ...anonymousHeaders, 'content-type': contentType, ...extra },
      payload,
    });

  it('refuses an oversized body with 413', async () => {
    const response = await login(JSON.stringify({ email: 'a@b.nl', password: 'x'.repeat(2 * 1024 * 1024) }));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'payload_too_large', status: 413 });
  });

  it('refuses a wrong content type with 415 and broken JSON with 400', async () => {
    const wrongType = await login('email=a@b.nl', 'application/x-www-form-urlencoded');
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().detail).toMatch(/JSON/);
    const broken = await login('{"email": ');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('invalid_json');
  });

  it('explains field errors in problem+json', async () => {
    const response = await login(JSON.stringify({ email: 'geen-adres', password: '' }));
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem).toMatchObject({ status: 400, code: 'validation_failed', title: 'Ongeldig verzoek' });
    expect(problem.errors.map((error: { path: string }) => error.path)).toEqual(expect.arrayContaining(['body.email']));
  });

  it('gives every field error a stable code and a Dutch sentence from the catalogue, never zod\'s English', async () => {
    const response = await login(JSON.stringify({ email: 'geen-adres', password: '', extra: 1 }));
    expect(response.statusCode).toBe(400);
    const errors: { path: string; code: string; message: string }[] = response.json().errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        // The schema's own sentence wins over the generic one.
        { path: 'body.email', code: 'invalid_format', message: 'Vul een geldig e-mailadres in.' },
        { path: 'body.password', code: 'too_small', message: 'Het veld ‘password’ moet minstens 1 teken bevatten.' },
      ]),
    );
    const missing = await login(JSON.stringify({}));
    expect(missing.json().errors).toEqual(
      expect.arrayContaining([{ path: 'body.email', code: 'invalid_type', message: 'Het veld ‘email’ ontbreekt.' }]),
    );
    const session = await sessionFor(t, 'platformAdmin');
    const page = await t.app.inject({ method: 'GET', url: '/api/v1/audit-events?pageSize=500', headers: session.headers });
    expect(page.statusCode).toBe(400);
    expect(page.json().errors).toEqual([{ path: 'querystring.pageSize', code: 'too_big', message: 'Het veld ‘pageSize’ mag hoogstens 200 zijn.' }]);
    const everything = [...errors, ...missing.json().errors, ...page.json().errors].map((error: { message: string }) => error.message);
    expect(everything.filter((message) => /\b(Invalid|expected|received|Too small|Too big|Required)\b/.test(message))).toEqual([]);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.nl', password: 'x' }),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('csrf_failed');
  });

  it('answers an unknown API route with a Dutch 404 problem', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/bestaat-niet' });
    expect(response.statusCode).toBe(404);
    expect(response.json().detail).toBe('Dit bestaat niet of u heeft er geen toegang toe.');
  });

  it('requires a session for API routes by default', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/auth/sessions' });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('unauthenticated');
  });
});

describe('percent-encoded paths', () => {
  const ENCODED_LOGIN_PATHS = ['/%61pi/v1/auth/login', '/api/%761/auth/%6Cogin', '/%61%70%69/v1/auth/login'];

  it('limits an encoded path exactly like the plain path, with the same headers', async () => {
    const limited = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const login = (url: string) =>
        limited.app.inject({
          method: 'POST',
          url,
          headers: anonymousHeaders,
          payload: { email: 'iemand@kansrijk.test', password: 'Wrong-password-1' },
        });
      const plain = await login('/api/v1/auth/login');
      const responses = [plain];
      for (const url of ENCODED_LOGIN_PATHS) responses.push(await login(url));
      expect(responses.map((response) => response.statusCode)).toEqual([401, 401, 401, 429]);
      for (const response of responses) {
        expect(response.headers['cache-control']).toBe('no-store');
        expect(response.headers['x-ratelimit-limit']).toBe('3');
      }
      // The plain path and every spelling of it share one counter.
      expect((await login('/api/v1/auth/login')).statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('versions an encoded API path like the plain one', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/v1/provinces' });
    const encoded = await t.app.inject({ method: 'GET', url: '/%61pi/v1/province%73?x=%61' });
    expect(encoded.statusCode).toBe(200);
    expect(encoded.body).toBe(plain.body);
    for (const header of ['cache-control', 'api-version', 'x-ratelimit-limit']) {
      expect(encoded.headers[header]).toBe(plain.headers[header]);
    }
    expect(encoded.headers['api-version']).toBe('1.0.0');
  });

  it('refuses encodings that would change the path (slash, backslash, percent, NUL, dot segments)', async () => {
    for (const url of ['/api%2Fv1/provinces', '/api/v1%5Cprovinces', '/%2561pi/v1/provinces', '/api/v1/provinces%00']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().code).toBe('validation_failed');
      expect(response.headers['cache-control']).toBe('no-store');
    }
    // inject() resolves dot segments itself; a raw HTTP request would not.
    expect(isAmbiguousPath('/api/v1/%2e%2e/v1/provinces')).toBe(true);
    expect(isAmbiguousPath('/api/v1/provinces?q=%2F%00')).toBe(false);
  });
});

describe('health and readiness', () => {
  it('reports health and database readiness', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/ready' })).json()).toEqual({ status: 'ready' });
  });

  it('publishes the OpenAPI document to any origin', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.json().info.version).toBe('1.0.0');
  });
});

describe('logs', () => {
  it('never contain search terms, e-mail addresses, passwords or cookies', async () => {
    const session = await sessionFor(t, 'platformAdmin');
    await t.app.inject({ method: 'GET', url: '/api/v1/municipalities?q=Jansen-Geheim', headers: session.headers });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { ...anonymousHeaders, 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'marloes.geheim@example.nl', password: 'Wachtwoord-Geheim-123' }),
    });
    const output = logLines.join('');
    expect(output).toContain('"route":"/api/v1/municipalities"');
    for (const secret of ['Jansen-Geheim', 'marloes.geheim', 'Wachtwoord-Geheim', 'kr_session', session.headers.cookie!]) {
      expect(output).not.toContain(secret);
    }
  });
});

describe('logs of failures', () => {
  it('carry the SQLSTATE and constraint of a failing query, never its values', async () => {
    await t.database.db.execute(sql.raw(`alter table people add constraint test_refuse_name check (name <> 'Faalnaam Geheimpersoon')`));
    const admin = await sessionFor(t, 'platformAdmin');
    const colleague = await sessionFor(t, 'midwife');
    const before = logLines.length;
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/people/${colleague.personId}`,
      headers: admin.headers,
      payload: { name: 'Faalnaam Geheimpersoon', email: 'faal.geheimpersoon@example.nl' },
    });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ code: 'internal', status: 500 });
    const output = logLines.slice(before).join('');
    for (const secret of ['Faalnaam', 'Geheimpersoon', 'faal.geheimpersoon', colleague.personId]) expect(output).not.toContain(secret);
    expect(output).toContain('"code":"23514"');
    expect(output).toContain('"constraint":"test_refuse_name"');
  });

  it('keep only the type, codes and stack frames of an error', () => {
    const driverError = Object.assign(new Error('new row violates check constraint "c" (Jansen, 123456782)'), {
      name: 'DatabaseError',
      code: '23514',
      constraint: 'c',
      detail: 'Failing row contains (Jansen, 123456782).',
      where: 'Jansen',
      query: 'insert into people values ($1)',
      params: ['Jansen'],
    });
    const wrapped = new Error('Failed query: insert into people values ($1)\nparams: Jansen', { cause: driverError });
    const logged = loggableError(wrapped);
    expect(JSON.stringify(logged)).not.toMatch(/Jansen|123456782|insert/);
    expect(logged).toMatchObject({ type: 'Error', cause: { type: 'DatabaseError', code: '23514', constraint: 'c' } });
    expect(logged.stack).toMatch(/^\s+at /);
  });
});

describe('session expiry', () => {
  it('leaves the session alone on non-API requests, so the next API call can say it expired', async () => {
    const session = await sessionFor(t, 'midwife');
    t.clock.advance(16 * 60_000);
    const shell = await t.app.inject({ method: 'GET', url: '/data/nl_2025.topojson', headers: session.headers });
    expect(String(shell.headers['set-cookie'] ?? '')).not.toContain('kr_session=;');
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: session.headers });
    expect(api.statusCode).toBe(401);
    expect(api.json().code).toBe('session_expired');
  });
});

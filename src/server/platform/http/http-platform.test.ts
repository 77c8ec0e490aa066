// SPDX-License-Identifier: EUPL-1.2
// The HTTP platform: security headers, problem+json for bad input, health, logs without personal data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { anonymousHeaders, sessionFor } from '../../../../test/helpers/sessions.js';

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

  it('marks every API response no-store and versions it (NL API Design Rules)', async () => {
    const session = await sessionFor(t, 'platformAdmin');
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: session.headers });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['api-version']).toBe('1.0.0');
    const failure = await t.app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(failure.headers['cache-control']).toBe('no-store');
    expect(failure.headers['api-version']).toBeUndefined();
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

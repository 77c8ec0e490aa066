// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { anonymousHeaders } from '../../../../test/helpers/sessions.js';
import { browserHeaders, loginWithPasswordDetailed, sessionTokenOf } from '../../../../test/helpers/login.js';
import { currentTotpCode } from '../../platform/auth/totp.js';
import { people } from '../organisations/schema.js';
import { API, AUTH_TEST_ENV, allAuditText, createPerson, demoAccount, latestAuditRows, personIdOf } from './test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: AUTH_TEST_ENV });
});
afterAll(() => t.close());

const postLogin = (email: string, password: string, headers = anonymousHeaders) =>
  t.app.inject({ method: 'POST', url: `${API}/auth/login`, headers, payload: { email, password } });

/** Moves past the lockout window, so earlier failures no longer count. */
const forgetFailures = () => t.clock.advance((t.config.login.lockoutMinutes + 1) * 60_000);

describe('password + TOTP login', () => {
  it('logs in with password and TOTP, rotating the session token, with a strict HttpOnly cookie', async () => {
    const midwife = demoAccount(t, 'midwife');
    const first = await postLogin(midwife.email, midwife.password);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ stage: 'second_factor', hasTwoFactor: true });
    const cookie = first.cookies.find((candidate) => candidate.name === 'kr_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.secure).toBeFalsy();
    const pendingToken = cookie.value;

    // A pending session reaches nothing protected.
    const sessions = await t.app.inject({ method: 'GET', url: `${API}/auth/sessions`, headers: browserHeaders(pendingToken) });
    expect(sessions.statusCode).toBe(401);
    expect(sessions.json().code).toBe('second_factor_required');

    const code = await currentTotpCode(midwife.totpSecret!, t.clock.now());
    const verified = await t.app.inject({ method: 'POST', url: `${API}/auth/second-factor`, headers: browserHeaders(pendingToken), payload: { code } });
    expect(verified.statusCode).toBe(200);
    const info = verified.json();
    expect(info).toMatchObject({ stage: 'active', person: { email: midwife.email }, roles: ['professional'], idleTimeoutSeconds: 900 });
    // Active organisation: the first by name of the two.
    expect(info.organisation.name).toBe('Verloskundigenpraktijk De Wieg');
    expect(info.organisations.map((organisation: { name: string }) => organisation.name)).toEqual([
      'Verloskundigenpraktijk De Wieg',
      'Verloskundigenpraktijk Domstad',
    ]);
    const activeToken = sessionTokenOf(verified)!;
    expect(activeToken).not.toBe(pendingToken);
    expect(verified.cookies.find((candidate) => candidate.name === 'kr_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });

    // The pre-2FA token is worthless now (session fixation).
    const old = await t.app.inject({ method: 'GET', url: `${API}/auth/session`, headers: browserHeaders(pendingToken) });
    expect(old.statusCode).toBe(401);
    const current = await t.app.inject({ method: 'GET', url: `${API}/auth/session`, headers: browserHeaders(activeToken) });
    expect(current.statusCode).toBe(200);
    expect(current.json().stage).toBe('active');

    const audit = await latestAuditRows(t, 2);
    expect(audit.map((row) => row.action)).toEqual(['login', 'login']);
    expect(audit[0]).toMatchObject({ outcome: 'success', objectType: 'person', objectId: await personIdOf(t, midwife.email), sourceIp: '127.0.0.1' });
  });

  it('refuses a TOTP code that was already used (replay)', async () => {
    t.clock.advance(60_000);
    const nurse = demoAccount(t, 'jgzNurse');
    const code = await currentTotpCode(nurse.totpSecret!, t.clock.now());
    const tokens: string[] = [];
    for (let index = 0; index < 2; index += 1) tokens.push(sessionTokenOf(await postLogin(nurse.email, nurse.password))!);
    const first = await t.app.inject({ method: 'POST', url: `${API}/auth/second-factor`, headers: browserHeaders(tokens[0]), payload: { code } });
    expect(first.statusCode).toBe(200);
    const replay = await t.app.inject({ method: 'POST', url: `${API}/auth/second-factor`, headers: browserHeaders(tokens[1]), payload: { code } });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('second_factor_invalid');
    expect((await latestAuditRows(t, 1))[0]).toMatchObject({ action: 'second_factor_failed', outcome: 'failure' });
  });

  it('lets aggregate-only roles (analyst, policy officer) in without a second factor', async () => {
    for (const key of ['analyst', 'policyOfficer']) {
      const account = demoAccount(t, key);
      const response = await postLogin(account.email, account.password);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ stage: 'active', hasTwoFactor: false, roles: account.roles, idleTimeoutSeconds: 3600 });
    }
  });

  it('works through the shared test helper', async () => {
    t.clock.advance(60_000);
    const admin = demoAccount(t, 'platformAdmin');
    const { headers, session } = await loginWithPasswordDetailed(t.app, admin.email, admin.password, admin.totpSecret, t.clock);
    expect(session).toMatchObject({ stage: 'active', roles: ['platform_admin'] });
    expect((await t.app.inject({ method: 'GET', url: `${API}/auth/sessions`, headers })).statusCode).toBe(200);
  });
});

describe('generic failures', () => {
  it('answers a wrong password, an unknown account, a deactivated account and an account without password identically', async () => {
    const midwife = demoAccount(t, 'midwife');
    const inactive = await createPerson(t, { memberships: [{ organisation: 'wieg', roles: ['professional'] }], isActive: false });
    const withoutPassword = await createPerson(t, { memberships: [{ organisation: 'wieg', roles: ['professional'] }], hasPassword: false });
    const attempts = [
      () => postLogin(midwife.email, 'Wrong-password-123'),
      () => postLogin('niemand@kansrijk.test', 'Wrong-password-123'),
      () => postLogin(inactive.email, inactive.password!),
      () => postLogin(withoutPassword.email, 'Some-password-123'),
    ];
    const responses = [];
    // One after the other, so the audit rows come in this order.
    for (const attempt of attempts) responses.push(await attempt());
    for (const response of responses) {
      expect(response.statusCode).toBe(401);
      expect(response.cookies.find((cookie) => cookie.name === 'kr_session')).toBeUndefined();
    }
    const bodies = responses.map((response) => response.body);
    expect(new Set(bodies).size).toBe(1);
    expect(responses[0]!.json()).toMatchObject({ code: 'invalid_credentials', status: 401 });

    const audit = (await latestAuditRows(t, 4)).reverse();
    expect(audit.map((row) => row.action)).toEqual(['login_failed', 'login_failed', 'login_failed', 'login_failed']);
    expect(audit[0]!.objectId).toBe(await personIdOf(t, midwife.email));
    expect(audit[1]).toMatchObject({ objectType: 'person', objectId: null, actorId: null, details: { reason: 'unknown_account', method: 'password' } });
    expect(audit[2]!.details).toMatchObject({ reason: 'inactive' });
    expect(audit[3]!.details).toMatchObject({ reason: 'no_password' });
    forgetFailures();
  });

  it('rejects malformed input with 400 and never a 500', async () => {
    const notAnEmail = await postLogin('geen-email', 'x');
    expect(notAnEmail.statusCode).toBe(400);
    expect(notAnEmail.json().code).toBe('validation_failed');
    const noBody = await t.app.inject({ method: 'POST', url: `${API}/auth/login`, headers: { ...anonymousHeaders, 'content-type': 'application/json' }, payload: '{' });
    expect(noBody.statusCode).toBe(400);
    const longCode = await t.app.inject({ method: 'POST', url: `${API}/auth/second-factor`, headers: anonymousHeaders, payload: { code: 'x'.repeat(100) } });
    expect([400, 401]).toContain(longCode.statusCode);
  });

  it('refuses state-changing requests without the CSRF token (403 csrf_failed)', async () => {
    const analyst = demoAccount(t, 'analyst');
    const noToken = await t.app.inject({ method: 'POST', url: `${API}/auth/login`, payload: { email: analyst.email, password: analyst.password } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('csrf_failed');
    const mismatch = await t.app.inject({
      method: 'POST',
      url: `${API}/auth/login`,
      headers: { cookie: 'kr_csrf=one-value-abcdefghijkl', 'x-csrf-token': 'another-value-abcdefghij' },
      payload: { email: analyst.email, password: analyst.password },
    });
    expect(mismatch.statusCode).toBe(403);
    // The response hands out a CSRF cookie the web client can read and echo.
    const csrfCookie = noToken.cookies.find((cookie) => cookie.name === 'kr_csrf');
    expect(csrfCookie).toMatchObject({ sameSite: 'Strict', path: '/' });
    expect(csrfCookie!.httpOnly).toBeFalsy();
  });

  it('never writes e-mail addresses, passwords or codes into the audit log', async () => {
    const text = await allAuditText(t);
    for (const account of t.demo.accounts) {
      expect(text).not.toContain(account.email);
      expect(text).not.toContain(account.password);
    }
    expect(text).not.toContain('niemand@kansrijk.test');
    expect(text).not.toContain('Wrong-password-123');
  });
});

describe('lockout', () => {
  it('locks a login name after the maximum failures, also for the right password, and releases it after the window', async () => {
    const nurse = demoAccount(t, 'socialWorker');
    const max = t.config.login.maxFailures;
    for (let attempt = 1; attempt < max; attempt += 1) {
      expect((await postLogin(nurse.email, `Wrong-${attempt}-password`)).statusCode).toBe(401);
    }
    const locking = await postLogin(nurse.email, 'Wrong-last-password');
    expect(locking.statusCode).toBe(429);
    expect(locking.json().code).toBe('account_locked');
    expect(Number(locking.headers['retry-after'])).toBe(t.config.login.lockoutMinutes * 60);

    const rightPassword = await postLogin(nurse.email, nurse.password);
    expect(rightPassword.statusCode).toBe(429);
    expect(rightPassword.json().code).toBe('account_locked');
    expect((await latestAuditRows(t, 1))[0]).toMatchObject({ action: 'login_failed', outcome: 'denied', details: { reason: 'locked' } });

    t.clock.advance(t.config.login.lockoutMinutes * 60_000 - 5_000);
    expect((await postLogin(nurse.email, nurse.password)).statusCode).toBe(429);
    t.clock.advance(10_000);
    const released = await postLogin(nurse.email, nurse.password);
    expect(released.statusCode).toBe(200);
    expect(released.json().stage).toBe('second_factor');
  });

  it('gives a non-existent account exactly the same lockout answer', async () => {
    const max = t.config.login.maxFailures;
    const existing = demoAccount(t, 'coordinator');
    const run = async (email: string) => {
      const bodies: string[] = [];
      for (let attempt = 1; attempt <= max + 1; attempt += 1) {
        const response = await postLogin(email, `Wrong-${attempt}-password`);
        bodies.push(`${response.statusCode} ${response.headers['retry-after'] ?? ''} ${response.body}`);
      }
      return bodies;
    };
    const forExisting = await run(existing.email);
    const forUnknown = await run('bestaat-niet@kansrijk.test');
    expect(forUnknown).toEqual(forExisting);
    expect(forUnknown.at(-1)).toMatch(/^429 /);
    forgetFailures();
  });

  it('counts wrong second-factor codes toward the same lockout and ends the pending session', async () => {
    const admin = demoAccount(t, 'practiceAdmin');
    const token = sessionTokenOf(await postLogin(admin.email, admin.password))!;
    const max = t.config.login.maxFailures;
    for (let attempt = 1; attempt < max; attempt += 1) {
      const wrong = await t.app.inject({ method: 'POST', url: `${API}/auth/second-factor`, headers: browserHeaders(token), payload: { code: '000000' } });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().code).toBe('second_factor_invalid');
    }
    const locking = await t.app.inject({ method: 'POST', url: `${API}/auth/second-factor`, headers: browserHeaders(token), payload: { code: '000000' } });
    expect(locking.statusCode).toBe(429);
    const after = await t.app.inject({ method: 'GET', url: `${API}/auth/session`, headers: browserHeaders(token) });
    expect(after.statusCode).toBe(401);
    expect((await postLogin(admin.email, admin.password)).statusCode).toBe(429);
    forgetFailures();
    expect((await postLogin(admin.email, admin.password)).statusCode).toBe(200);
  });

  it('resets the count after a successful login', async () => {
    const analyst = demoAccount(t, 'analyst');
    const max = t.config.login.maxFailures;
    for (let attempt = 1; attempt < max; attempt += 1) expect((await postLogin(analyst.email, 'Wrong-password-1')).statusCode).toBe(401);
    expect((await postLogin(analyst.email, analyst.password)).statusCode).toBe(200);
    for (let attempt = 1; attempt < max; attempt += 1) expect((await postLogin(analyst.email, 'Wrong-password-1')).statusCode).toBe(401);
    expect((await postLogin(analyst.email, analyst.password)).statusCode).toBe(200);
  });

  it('is keyed by the lower-cased login name', async () => {
    const [row] = await t.database.db.select({ email: people.email }).from(people).where(eq(people.email, demoAccount(t, 'analyst').email));
    const upper = row!.email.toUpperCase();
    expect((await postLogin(upper, demoAccount(t, 'analyst').password)).statusCode).toBe(200);
  });
});

describe('per-IP rate limit', () => {
  it('limits login attempts per IP address per minute', async () => {
    const limited = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const response = await limited.app.inject({
          method: 'POST',
          url: `${API}/auth/login`,
          headers: anonymousHeaders,
          payload: { email: `iemand${attempt}@kansrijk.test`, password: 'Wrong-password-1' },
        });
        statuses.push(response.statusCode);
        if (response.statusCode === 429) expect(response.json().code).toBe('rate_limited');
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});

// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { browserHeaders, sessionTokenOf } from '../../../../test/helpers/login.js';
import { currentTotpCode } from '../../platform/auth/totp.js';
import { people } from '../organisations/schema.js';
import { recoveryCodes } from './schema.js';
import { API, AUTH_TEST_ENV, createPerson, latestAuditRows, type ExtraPerson } from './test-support.js';

let t: TestApp;
let person: ExtraPerson;
let secret: string;
let codes: string[];
beforeAll(async () => {
  t = await createTestApp({ env: AUTH_TEST_ENV });
  // Professional at one organisation, aggregate-only at another: 2FA is still required.
  person = await createPerson(t, {
    memberships: [
      { organisation: 'gemeente', roles: ['policy_officer'] },
      { organisation: 'wijkteam', roles: ['professional'] },
    ],
  });
});
afterAll(() => t.close());

const post = (url: string, token: string | undefined, payload?: object) =>
  t.app.inject({ method: 'POST', url: `${API}${url}`, headers: browserHeaders(token), ...(payload ? { payload } : {}) });

const passwordLogin = async () => {
  const response = await post('/auth/login', undefined, { email: person.email, password: person.password });
  expect(response.statusCode).toBe(200);
  return { token: sessionTokenOf(response)!, info: response.json() };
};

describe('TOTP enrolment', () => {
  it('puts a person with a personal-data role and no TOTP into enrolment, where nothing protected is allowed', async () => {
    const { token, info } = await passwordLogin();
    expect(info).toMatchObject({ stage: 'enrolment', hasTwoFactor: false });
    const sessions = await t.app.inject({ method: 'GET', url: `${API}/auth/sessions`, headers: browserHeaders(token) });
    expect(sessions.statusCode).toBe(401);
    expect(sessions.json().code).toBe('second_factor_required');
    // Confirming before starting an enrolment is refused without a 500.
    const early = await post('/auth/enrolment/confirmation', token, { code: '123456' });
    expect(early.statusCode).toBe(409);
    // No second factor to verify: the second-factor step is not for this stage.
    expect((await post('/auth/second-factor', token, { code: '123456' })).statusCode).toBe(403);
  });

  it('enrols: secret with QR code, a wrong code is refused, the right one gives ten recovery codes and an active session', async () => {
    const { token } = await passwordLogin();
    const enrolment = await post('/auth/enrolment', token, {});
    expect(enrolment.statusCode).toBe(200);
    const body = enrolment.json();
    secret = body.secret;
    expect(body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Kansrijk:/);
    expect(body.otpauthUri).toContain(`secret=${secret}`);
    expect(body.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);

    const wrong = await post('/auth/enrolment/confirmation', token, { code: '000000' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('second_factor_invalid');

    const confirmed = await post('/auth/enrolment/confirmation', token, { code: await currentTotpCode(secret, t.clock.now()) });
    expect(confirmed.statusCode).toBe(200);
    const result = confirmed.json();
    codes = result.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(result.session).toMatchObject({ stage: 'active', hasTwoFactor: true });
    const newToken = sessionTokenOf(confirmed)!;
    expect(newToken).not.toBe(token);
    expect((await t.app.inject({ method: 'GET', url: `${API}/auth/sessions`, headers: browserHeaders(newToken) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `${API}/auth/session`, headers: browserHeaders(token) })).statusCode).toBe(401);

    // Only hashes are stored.
    const stored = await t.database.db.select().from(recoveryCodes).where(eq(recoveryCodes.personId, person.id));
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(codes[0]!);
    const audit = (await latestAuditRows(t, 1))[0]!;
    expect(audit).toMatchObject({ action: 'second_factor_enrolled', outcome: 'success', objectId: person.id });
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('asks for the second factor at the next login', async () => {
    t.clock.advance(30_000);
    const { token, info } = await passwordLogin();
    expect(info.stage).toBe('second_factor');
    const verified = await post('/auth/second-factor', token, { code: await currentTotpCode(secret, t.clock.now()) });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().stage).toBe('active');
  });

  it('accepts a recovery code once, and only once', async () => {
    const first = await passwordLogin();
    const accepted = await post('/auth/second-factor', first.token, { code: ` ${codes[0]!.toUpperCase()} ` });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().stage).toBe('active');
    expect((await latestAuditRows(t, 1))[0]!.details).toMatchObject({ method: 'recovery_code' });

    const second = await passwordLogin();
    const reused = await post('/auth/second-factor', second.token, { code: codes[0]! });
    expect(reused.statusCode).toBe(401);
    expect(reused.json().code).toBe('second_factor_invalid');
    expect((await post('/auth/second-factor', second.token, { code: codes[1]! })).statusCode).toBe(200);
  });

  it('does not let a session that still needs its second factor replace it', async () => {
    const { token } = await passwordLogin();
    expect((await post('/auth/enrolment', token, { currentPassword: person.password!, code: codes[3]! })).statusCode).toBe(403);
    expect((await post('/auth/enrolment/confirmation', token, { code: '123456' })).statusCode).toBe(403);
  });

  it('re-enrols from an active session: the old secret and recovery codes stop working', async () => {
    t.clock.advance(30_000);
    const { token } = await passwordLogin();
    const active = await post('/auth/second-factor', token, { code: await currentTotpCode(secret, t.clock.now()) });
    const activeToken = sessionTokenOf(active)!;
    t.clock.advance(30_000);
    const enrolment = (await post('/auth/enrolment', activeToken, { currentPassword: person.password!, code: await currentTotpCode(secret, t.clock.now()) })).json();
    t.clock.advance(30_000);
    const confirmed = await post('/auth/enrolment/confirmation', activeToken, { code: await currentTotpCode(enrolment.secret, t.clock.now()) });
    expect(confirmed.statusCode).toBe(200);
    const [row] = await t.database.db.select({ totpSecret: people.totpSecret }).from(people).where(eq(people.id, person.id));
    expect(row!.totpSecret).toBe(enrolment.secret);
    const again = await passwordLogin();
    expect((await post('/auth/second-factor', again.token, { code: codes[2]! })).statusCode).toBe(401);
    t.clock.advance(30_000);
    expect((await post('/auth/second-factor', again.token, { code: await currentTotpCode(secret, t.clock.now()) })).statusCode).toBe(401);
    expect((await post('/auth/second-factor', again.token, { code: await currentTotpCode(enrolment.secret, t.clock.now()) })).statusCode).toBe(200);
    codes = confirmed.json().recoveryCodes;
  });

  it('does not let a session cookie alone replace the second factor: password and a current code, other sessions end, audited', async () => {
    t.clock.advance(30_000);
    const [row] = await t.database.db.select({ totpSecret: people.totpSecret }).from(people).where(eq(people.id, person.id));
    const currentSecret = row!.totpSecret!;
    const activeSession = async () => {
      t.clock.advance(30_000);
      const { token } = await passwordLogin();
      const active = await post('/auth/second-factor', token, { code: await currentTotpCode(currentSecret, t.clock.now()) });
      expect(active.statusCode).toBe(200);
      return sessionTokenOf(active)!;
    };
    const other = await activeSession();
    const stolen = await activeSession();
    t.clock.advance(30_000);
    const code = await currentTotpCode(currentSecret, t.clock.now());

    // (Each refusal counts toward the login lockout, so only a few here.)
    const refusals = [
      { proof: {}, status: 401, error: 'invalid_credentials' },
      { proof: { currentPassword: 'Geraden-wachtwoord-1', code }, status: 401, error: 'invalid_credentials' },
      { proof: { currentPassword: person.password! }, status: 401, error: 'second_factor_invalid' },
    ];
    for (const { proof, status, error } of refusals) {
      const refused = await post('/auth/enrolment', stolen, proof);
      expect(refused.statusCode, JSON.stringify(proof)).toBe(status);
      expect(refused.json().code).toBe(error);
      const [audit] = await latestAuditRows(t, 1);
      expect(audit).toMatchObject({ action: 'second_factor_enrolled', outcome: 'failure', actorId: person.id });
    }
    // Without a started enrolment there is nothing to confirm.
    expect((await post('/auth/enrolment/confirmation', stolen, { code })).statusCode).toBe(409);

    // A recovery code counts as the second proof too.
    const enrolment = await post('/auth/enrolment', stolen, { currentPassword: person.password!, code: codes[4]! });
    expect(enrolment.statusCode).toBe(200);
    t.clock.advance(30_000);
    const confirmed = await post('/auth/enrolment/confirmation', stolen, { code: await currentTotpCode(enrolment.json().secret, t.clock.now()) });
    expect(confirmed.statusCode).toBe(200);
    const [audit] = await latestAuditRows(t, 1);
    expect(audit).toMatchObject({ action: 'second_factor_enrolled', outcome: 'success', actorId: person.id });
    expect((audit!.details as { revokedSessions: number }).revokedSessions).toBeGreaterThanOrEqual(1);
    // The other session ended; the one that re-enrolled goes on with its new cookie.
    const otherSessions = await t.app.inject({ method: 'GET', url: `${API}/auth/sessions`, headers: browserHeaders(other) });
    expect(otherSessions.statusCode).toBe(401);
    const ownSessions = await t.app.inject({ method: 'GET', url: `${API}/auth/sessions`, headers: browserHeaders(sessionTokenOf(confirmed)!) });
    expect(ownSessions.statusCode).toBe(200);
  });
});

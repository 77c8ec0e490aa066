// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { sessionFor } from '../../../../test/helpers/sessions.js';
import { loginWithPasswordDetailed } from '../../../../test/helpers/login.js';
import { API, AUTH_TEST_ENV, allAuditText, demoAccount, latestAuditRows } from './test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: AUTH_TEST_ENV });
});
afterAll(() => t.close());

const changePassword = (headers: Record<string, string>, currentPassword: string, newPassword: string) =>
  t.app.inject({ method: 'POST', url: `${API}/auth/password`, headers, payload: { currentPassword, newPassword } });

describe('changing the password', () => {
  it('applies the policy and lists every problem (422 password_policy)', async () => {
    const coordinator = demoAccount(t, 'coordinator');
    const session = await sessionFor(t, 'coordinator');
    const short = await changePassword(session.headers, coordinator.password, 'kort');
    expect(short.statusCode).toBe(422);
    expect(short.json()).toMatchObject({ code: 'password_policy', errors: [{ path: 'body.newPassword', message: expect.stringMatching(/12 tekens/) }] });
    const containsEmail = await changePassword(session.headers, coordinator.password, 'mijn-coordinator-wachtwoord');
    expect(containsEmail.json().errors.map((error: { message: string }) => error.message)).toEqual([expect.stringMatching(/e-mailadres/)]);
    const common = await changePassword(session.headers, coordinator.password, 'passwordpassword');
    expect(common.statusCode).toBe(422);
    expect(common.json().errors[0].message).toMatch(/veelgebruikte/);
    const tooLong = await changePassword(session.headers, coordinator.password, 'a'.repeat(129));
    expect(tooLong.json().errors[0].message).toMatch(/128/);
  });

  it('refuses a wrong current password with the generic error', async () => {
    const session = await sessionFor(t, 'coordinator');
    const response = await changePassword(session.headers, 'Not-my-password-1', 'Een-heel-nieuw-wachtwoord-2026');
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('invalid_credentials');
    expect((await latestAuditRows(t, 1))[0]).toMatchObject({ action: 'password_changed', outcome: 'failure' });
  });

  it('changes it, ends the other sessions, and the new password logs in', async () => {
    const coordinator = demoAccount(t, 'coordinator');
    const current = await sessionFor(t, 'coordinator');
    const other = await sessionFor(t, 'coordinator');
    const newPassword = 'Een-heel-nieuw-wachtwoord-2026';
    const response = await changePassword(current.headers, coordinator.password, newPassword);
    expect(response.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `${API}/auth/session`, headers: current.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `${API}/auth/session`, headers: other.headers })).statusCode).toBe(401);
    const audit = (await latestAuditRows(t, 1))[0]!;
    expect(audit).toMatchObject({ action: 'password_changed', outcome: 'success' });
    // `other` and the sessions of the earlier tests in this file.
    expect((audit.details as { revokedSessions: number }).revokedSessions).toBeGreaterThanOrEqual(1);

    const old = await t.app.inject({ method: 'POST', url: `${API}/auth/login`, headers: current.headers, payload: { email: coordinator.email, password: coordinator.password } });
    expect(old.statusCode).toBe(401);
    const { session } = await loginWithPasswordDetailed(t.app, coordinator.email, newPassword, coordinator.totpSecret, t.clock);
    expect(session.stage).toBe('active');
    expect(await allAuditText(t)).not.toContain(newPassword);
  });

  it('needs a full session', async () => {
    const pending = await sessionFor(t, 'midwife', undefined, 'second_factor');
    const response = await changePassword(pending.headers, 'x', 'Een-heel-nieuw-wachtwoord-2026');
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('second_factor_required');
  });
});

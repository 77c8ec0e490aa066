// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { anonymousHeaders } from '../../../../test/helpers/sessions.js';
import { browserHeaders, sessionTokenOf } from '../../../../test/helpers/login.js';
import { hashToken, newToken } from '../../platform/auth/tokens.js';
import { invitations } from '../organisations/schema.js';
import type { Role } from '../../../contracts/roles.js';
import { API, AUTH_TEST_ENV, createPerson, latestAuditRows } from './test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: AUTH_TEST_ENV });
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const PASSWORD = 'Mijn-eigen-sterke-wachtwoord-42';

/** An invited person (no password yet) and the link token, as the people feature makes them. */
async function invite(roles: Role[], expiresInMs = 72 * HOUR) {
  const person = await createPerson(t, { memberships: [{ organisation: 'jgz', roles }], hasPassword: false });
  const token = newToken();
  await t.database.db.insert(invitations).values({
    personId: person.id,
    tokenHash: hashToken(token),
    expiresAt: new Date(t.clock.now().getTime() + expiresInMs),
  });
  return { person, token };
}

const show = (token: string) => t.app.inject({ method: 'GET', url: `${API}/invitations/${token}` });
const accept = (token: string, password = PASSWORD) =>
  t.app.inject({ method: 'POST', url: `${API}/invitations/${token}`, headers: anonymousHeaders, payload: { password } });

describe('invitations', () => {
  it('shows and accepts an invitation: password set, logged in, 2FA enrolment next', async () => {
    const { person, token } = await invite(['professional']);
    const shown = await show(token);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual({ name: 'Test Medewerker', email: person.email });

    const weak = await accept(token, 'kort');
    expect(weak.statusCode).toBe(422);
    expect(weak.json()).toMatchObject({ code: 'password_policy', errors: [{ path: 'body.password' }] });
    // A refused password does not use up the invitation.
    expect((await show(token)).statusCode).toBe(200);

    const accepted = await accept(token);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ stage: 'enrolment', person: { id: person.id }, organisation: { id: t.demo.organisationIds.jgz } });
    const sessionToken = sessionTokenOf(accepted)!;
    expect(accepted.cookies.find((cookie) => cookie.name === 'kr_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const enrolment = await t.app.inject({ method: 'POST', url: `${API}/auth/enrolment`, headers: browserHeaders(sessionToken), payload: {} });
    expect(enrolment.statusCode).toBe(200);

    const [row] = await t.database.db.select({ usedAt: invitations.usedAt }).from(invitations).where(eq(invitations.personId, person.id));
    expect(row!.usedAt).not.toBeNull();
    const audit = (await latestAuditRows(t, 2)).map((entry) => entry.action);
    expect(audit).toEqual(['login', 'password_changed']);

    // The new password works for a normal login.
    const login = await t.app.inject({ method: 'POST', url: `${API}/auth/login`, headers: anonymousHeaders, payload: { email: person.email, password: PASSWORD } });
    expect(login.statusCode).toBe(200);
    expect(login.json().stage).toBe('enrolment');
  });

  it('logs an aggregate-only invitee straight in', async () => {
    const { token } = await invite(['analyst']);
    const accepted = await accept(token);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().stage).toBe('active');
  });

  it('answers 410 for used, expired and unknown invitations alike', async () => {
    const used = await invite(['professional']);
    expect((await accept(used.token)).statusCode).toBe(200);
    const expired = await invite(['professional'], HOUR);
    t.clock.advance(HOUR + 1000);
    const unknown = newToken();
    const answers = [];
    for (const token of [used.token, expired.token, unknown]) {
      const shown = await show(token);
      const accepted = await accept(token);
      expect(shown.statusCode).toBe(410);
      expect(accepted.statusCode).toBe(410);
      answers.push(shown.body, accepted.body);
    }
    expect(new Set(answers).size).toBe(1);
    expect(JSON.parse(answers[0]!).code).toBe('invitation_invalid');
  });

  it('rejects a malformed token with 400 and needs the CSRF token to accept', async () => {
    expect((await show('short')).statusCode).toBe(400);
    const { token } = await invite(['professional']);
    const noCsrf = await t.app.inject({ method: 'POST', url: `${API}/invitations/${token}`, payload: { password: PASSWORD } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf_failed');
  });
});

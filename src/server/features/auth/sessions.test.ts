// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { resolveSession } from '../../platform/auth/session.js';
import { coalitionCoordinators, coalitions } from '../coalitions/schema.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { anonymousHeaders, sessionFor } from '../../../../test/helpers/sessions.js';
import { loginWithPasswordDetailed } from '../../../../test/helpers/login.js';
import { API, AUTH_TEST_ENV, demoAccount, latestAuditRows } from './test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: AUTH_TEST_ENV });
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url: `${API}${url}`, headers });
const MINUTE = 60_000;

describe('session lifetime', () => {
  it('answers 401 unauthenticated without a session', async () => {
    const response = await get('/auth/session', {});
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('unauthenticated');
  });

  it('ends a personal-data session after 15 idle minutes (401 session_expired), but not while in use', async () => {
    const session = await sessionFor(t, 'jgzNurse');
    t.clock.advance(14 * MINUTE);
    expect((await get('/auth/session', session.headers)).statusCode).toBe(200);
    t.clock.advance(14 * MINUTE);
    expect((await get('/auth/session', session.headers)).statusCode).toBe(200);
    t.clock.advance(16 * MINUTE);
    const expired = await get('/auth/session', session.headers);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('session_expired');
    // It stays ended, and the cookie is cleared.
    expect(expired.cookies.find((cookie) => cookie.name === 'kr_session')?.value).toBe('');
    expect((await get('/auth/session', session.headers)).json().code).toBe('unauthenticated');
  });

  it('gives aggregate-only sessions a longer idle timeout', async () => {
    const session = await sessionFor(t, 'analyst');
    t.clock.advance(40 * MINUTE);
    const info = await get('/auth/session', session.headers);
    expect(info.statusCode).toBe(200);
    expect(info.json().idleTimeoutSeconds).toBe(3600);
  });

  it('ends any session at its absolute expiry, however active', async () => {
    const nurse = demoAccount(t, 'jgzNurse');
    t.clock.advance(MINUTE);
    const { headers, session } = await loginWithPasswordDetailed(t.app, nurse.email, nurse.password, nurse.totpSecret, t.clock);
    const expiresAt = new Date(session.expiresAt).getTime();
    expect(expiresAt - t.clock.now().getTime()).toBeGreaterThan(12 * 60 * MINUTE - MINUTE);
    expect(expiresAt - t.clock.now().getTime()).toBeLessThanOrEqual(12 * 60 * MINUTE);
    while (t.clock.now().getTime() + 14 * MINUTE < expiresAt) {
      t.clock.advance(14 * MINUTE);
      expect((await get('/auth/session', headers)).statusCode).toBe(200);
    }
    t.clock.advance(14 * MINUTE);
    const expired = await get('/auth/session', headers);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('session_expired');
  });
});

describe('logging out', () => {
  it('logs out this session only', async () => {
    const one = await sessionFor(t, 'midwife');
    const two = await sessionFor(t, 'midwife');
    const response = await t.app.inject({ method: 'POST', url: `${API}/auth/logout`, headers: one.headers });
    expect(response.statusCode).toBe(204);
    expect(response.cookies.find((cookie) => cookie.name === 'kr_session')?.value).toBe('');
    expect((await get('/auth/session', one.headers)).statusCode).toBe(401);
    expect((await get('/auth/session', two.headers)).statusCode).toBe(200);
    expect((await latestAuditRows(t, 1))[0]).toMatchObject({ action: 'logout', outcome: 'success', objectId: one.personId });
  });

  it('also logs out a session that is still pending its second factor', async () => {
    const pending = await sessionFor(t, 'midwife', undefined, 'second_factor');
    expect((await t.app.inject({ method: 'POST', url: `${API}/auth/logout`, headers: pending.headers })).statusCode).toBe(204);
  });

  it('logs out everywhere, leaving other people alone', async () => {
    const sessions = [await sessionFor(t, 'coordinator'), await sessionFor(t, 'coordinator'), await sessionFor(t, 'coordinator', undefined, 'second_factor')];
    const other = await sessionFor(t, 'socialWorker');
    const response = await t.app.inject({ method: 'POST', url: `${API}/auth/logout-everywhere`, headers: sessions[0]!.headers });
    expect(response.statusCode).toBe(204);
    for (const session of sessions) expect((await get('/auth/session', session.headers)).statusCode).toBe(401);
    expect((await get('/auth/session', other.headers)).statusCode).toBe(200);
    expect((await latestAuditRows(t, 1))[0]).toMatchObject({ action: 'logout', details: { scope: 'everywhere', sessions: 3 } });
  });

  it('requires a full session and the CSRF token to log out everywhere', async () => {
    const pending = await sessionFor(t, 'coordinator', undefined, 'second_factor');
    const refused = await t.app.inject({ method: 'POST', url: `${API}/auth/logout-everywhere`, headers: pending.headers });
    expect(refused.statusCode).toBe(401);
    const active = await sessionFor(t, 'coordinator');
    const noCsrf = await t.app.inject({ method: 'POST', url: `${API}/auth/logout-everywhere`, headers: { cookie: active.headers.cookie! } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf_failed');
  });
});

describe('own sessions', () => {
  it('lists only own open sessions and revokes one of them; someone else’s session is 404', async () => {
    const mine = await sessionFor(t, 'practiceAdmin');
    const myOther = await sessionFor(t, 'practiceAdmin');
    const theirs = await sessionFor(t, 'jgzNurse');
    const list = await get('/auth/sessions', mine.headers);
    expect(list.statusCode).toBe(200);
    const ids = list.json().map((item: { id: string }) => item.id);
    expect(ids).toContain(mine.sessionId);
    expect(ids).toContain(myOther.sessionId);
    expect(ids).not.toContain(theirs.sessionId);
    expect(list.json().find((item: { id: string }) => item.id === mine.sessionId).isCurrent).toBe(true);

    const foreign = await t.app.inject({ method: 'DELETE', url: `${API}/auth/sessions/${theirs.sessionId}`, headers: mine.headers });
    expect(foreign.statusCode).toBe(404);
    expect((await get('/auth/session', theirs.headers)).statusCode).toBe(200);

    const revoked = await t.app.inject({ method: 'DELETE', url: `${API}/auth/sessions/${myOther.sessionId}`, headers: mine.headers });
    expect(revoked.statusCode).toBe(204);
    expect((await get('/auth/session', myOther.headers)).statusCode).toBe(401);
    expect((await latestAuditRows(t, 1))[0]).toMatchObject({ action: 'session_revoked', outcome: 'success', objectId: mine.personId });
    const again = await t.app.inject({ method: 'DELETE', url: `${API}/auth/sessions/${myOther.sessionId}`, headers: mine.headers });
    expect(again.statusCode).toBe(404);

    const malformed = await t.app.inject({ method: 'DELETE', url: `${API}/auth/sessions/not-a-uuid`, headers: mine.headers });
    expect(malformed.statusCode).toBe(400);
  });
});

describe('active organisation', () => {
  it('switches to another organisation of the person, and refuses one they do not work for', async () => {
    const session = await sessionFor(t, 'midwife', 'wieg');
    const switched = await t.app.inject({
      method: 'PUT',
      url: `${API}/auth/active-organisation`,
      headers: session.headers,
      payload: { organisationId: t.demo.organisationIds.domstad },
    });
    expect(switched.statusCode).toBe(200);
    expect(switched.json().organisation).toEqual({ id: t.demo.organisationIds.domstad, name: 'Verloskundigenpraktijk Domstad' });
    expect((await get('/auth/session', session.headers)).json().organisation.id).toBe(t.demo.organisationIds.domstad);

    const other = await t.app.inject({
      method: 'PUT',
      url: `${API}/auth/active-organisation`,
      headers: session.headers,
      payload: { organisationId: t.demo.organisationIds.jgz },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('forbidden');
    const bad = await t.app.inject({ method: 'PUT', url: `${API}/auth/active-organisation`, headers: session.headers, payload: { organisationId: 'x' } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('auth options', () => {
  it('says whether OIDC is available, publicly', async () => {
    const response = await get('/auth/options', anonymousHeaders);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ hasOidc: false });
  });
});

describe('the reach a session carries into the access policy', () => {
  const tokenOf = (headers: Record<string, string>) => /kr_session=([^;]+)/.exec(headers.cookie ?? '')![1]!;

  it('names the coalitions the person coordinates today and the municipalities the organisation serves', async () => {
    const [drechtsteden] = await t.database.db.select({ id: coalitions.id }).from(coalitions).where(eq(coalitions.code, 'KS0001'));
    const coordinator = await sessionFor(t, 'coordinator');
    const resolve = async () => {
      const lookup = await resolveSession(t.database.db, tokenOf(coordinator.headers), t.config, t.clock);
      if (lookup.kind !== 'valid') throw new Error(lookup.kind);
      return lookup.session;
    };
    expect(await resolve()).toMatchObject({ coalitionIds: [drechtsteden!.id], municipalityCodes: ['GM0482', 'GM0505', 'GM0590', 'GM0610', 'GM0642'] });
    // A role that ended yesterday reaches nothing any more; one that starts tomorrow not yet.
    const today = t.clock.now().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
    const shift = (days: number) => new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    await t.database.db.update(coalitionCoordinators).set({ until: shift(-1), since: shift(-30) }).where(eq(coalitionCoordinators.personId, coordinator.personId));
    expect((await resolve()).coalitionIds).toEqual([]);
    await t.database.db.update(coalitionCoordinators).set({ until: null, since: shift(1) }).where(eq(coalitionCoordinators.personId, coordinator.personId));
    expect((await resolve()).coalitionIds).toEqual([]);
    await t.database.db.update(coalitionCoordinators).set({ since: today }).where(eq(coalitionCoordinators.personId, coordinator.personId));
    expect((await resolve()).coalitionIds).toEqual([drechtsteden!.id]);
    // A person who coordinates nothing, for an organisation without a service area: empty, not null.
    const admin = await sessionFor(t, 'platformAdmin');
    const adminLookup = await resolveSession(t.database.db, tokenOf(admin.headers), t.config, t.clock);
    expect(adminLookup.kind === 'valid' && adminLookup.session).toMatchObject({ coalitionIds: [], municipalityCodes: [] });
  });
});

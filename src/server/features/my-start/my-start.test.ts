// SPDX-License-Identifier: EUPL-1.2
// Mijn Kansrijke Start over HTTP: a parent's login through a test broker (DigiD-shaped claims) started
// in this process, their own file, withdrawing a consent with immediate effect on the JGZ nurse, who
// looked at the file — and refusals for everything that is not theirs. Giving consent and the copy of the
// data: my-consent-and-copy.test.ts.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gt } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import type { TestIdentityProvider } from '../../../../test/helpers/test-identity-provider.js';
import { sessionFor } from '../../../../test/helpers/sessions.js';
import { auditLog } from '../../platform/audit/schema.js';
import { PARENT_SESSION_COOKIE } from '../../platform/auth/session.js';
import { emergencyAccesses } from '../families/schema.js';
import { consents } from '../referrals/schema.js';
import { callerFor } from '../organisations/test-support.js';
import type { MyAccessLog, MySession, MyStart } from '../../../contracts/my-start.js';
import { parentSessions } from './schema.js';
import {
  INVALID_BSN,
  OTHER_PARENT_BSN,
  PARENT_BSN,
  PARENT_CLIENT_ID,
  PROFESSIONAL_NOTE,
  insertParentFile,
  parentHeaders,
  startParentBroker,
  parentSessionFor,
  type ParentFile,
} from './test-support.js';

const API = '/api/v1';
const REDIRECT_URI = 'http://localhost:3000/api/v1/my/auth/callback';

let idp: TestIdentityProvider;
let t: TestApp;
let file: ParentFile;
let otherFile: ParentFile;

beforeAll(async () => {
  const broker = await startParentBroker(REDIRECT_URI);
  idp = broker.idp;
  t = await createTestApp({ env: broker.env });
  file = await insertParentFile(t, PARENT_BSN, 'Fatima');
  otherFile = await insertParentFile(t, OTHER_PARENT_BSN, 'Kim');
});
afterAll(async () => {
  await t?.close();
  await idp?.close();
});

/** Start at Kansrijk, "log in" at the broker with these claims, come back to the callback. */
async function brokerLogin(claims: Record<string, unknown>) {
  const start = await t.app.inject({ method: 'GET', url: `${API}/my/auth/login` });
  expect(start.statusCode).toBe(303);
  const authorizeUrl = new URL(start.headers.location as string);
  const stateCookie = start.cookies.find((cookie) => cookie.name === 'kr_oidc')!;
  const query = new URLSearchParams({ code: idp.issueCode(authorizeUrl, claims), state: authorizeUrl.searchParams.get('state')! });
  const callback = await t.app.inject({ method: 'GET', url: `${API}/my/auth/callback?${query}`, headers: { cookie: `kr_oidc=${stateCookie.value}` } });
  expect(callback.statusCode).toBe(303);
  const token = callback.cookies.find((cookie) => cookie.name === PARENT_SESSION_COOKIE)?.value;
  return { authorizeUrl, callback, token };
}

async function lastAuditRow() {
  const [row] = await t.database.db.select().from(auditLog).orderBy(auditLog.sequence).limit(1).offset((await t.database.db.$count(auditLog)) - 1);
  return row!;
}

describe('parent login through a DigiD-shaped broker', () => {
  it('asks the broker for level substantieel or higher, with PKCE, and a Lax state cookie on the parents’ login path only', async () => {
    const start = await t.app.inject({ method: 'GET', url: `${API}/my/auth/login` });
    const location = new URL(start.headers.location as string);
    expect(location.searchParams.get('client_id')).toBe(PARENT_CLIENT_ID);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    const acr = location.searchParams.get('acr_values')!.split(' ');
    expect(acr).toContain('substantieel');
    expect(acr).toContain('http://eidas.europa.eu/LoA/substantial');
    expect(acr).not.toContain('midden');
    expect(acr).not.toContain('basis');
    expect(start.cookies.find((cookie) => cookie.name === 'kr_oidc')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/my/auth' });
    expect((await t.app.inject({ method: 'GET', url: `${API}/my/auth/options` })).json()).toEqual({ hasParentLogin: true });
  });

  // Every kind of ID token the callback can get, and where the browser goes.
  const CASES: { name: string; claims: Record<string, unknown>; refusal: string | null }[] = [
    { name: 'no BSN claim', claims: { sub: 's1', acr: 'substantieel' }, refusal: 'no_bsn' },
    { name: 'an empty BSN claim', claims: { sub: 's2', bsn: '  ', acr: 'substantieel' }, refusal: 'no_bsn' },
    { name: 'a BSN as a number (not a string)', claims: { sub: 's3', bsn: 123456782, acr: 'substantieel' }, refusal: 'no_bsn' },
    { name: 'a BSN failing the elfproef', claims: { sub: 's4', bsn: INVALID_BSN, acr: 'substantieel' }, refusal: 'invalid_bsn' },
    { name: 'eight digits', claims: { sub: 's5', bsn: '12345678', acr: 'substantieel' }, refusal: 'invalid_bsn' },
    { name: 'level basis', claims: { sub: 's6', bsn: PARENT_BSN, acr: 'basis' }, refusal: 'level_too_low' },
    { name: 'level midden (DigiD SAML class)', claims: { sub: 's7', bsn: PARENT_BSN, acr: 'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract' }, refusal: 'level_too_low' },
    { name: 'eIDAS low', claims: { sub: 's8', bsn: PARENT_BSN, acr: 'http://eidas.europa.eu/LoA/low' }, refusal: 'level_too_low' },
    { name: 'no level at all', claims: { sub: 's9', bsn: PARENT_BSN }, refusal: 'level_too_low' },
    { name: 'an unknown level', claims: { sub: 's10', bsn: PARENT_BSN, acr: 'heel-hoog' }, refusal: 'level_too_low' },
    { name: 'a valid BSN without a file here', claims: { sub: 's11', bsn: '111222333', acr: 'substantieel' }, refusal: 'no_file' },
    { name: 'substantieel, BSN written with dots', claims: { sub: 's12', bsn: '1234.56.782', acr: 'substantieel' }, refusal: null },
    { name: 'DigiD Substantieel (SAML class)', claims: { sub: 's13', bsn: PARENT_BSN, acr: 'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard' }, refusal: null },
    { name: 'eIDAS high', claims: { sub: 's14', bsn: PARENT_BSN, acr: 'http://eidas.europa.eu/LoA/high' }, refusal: null },
  ];
  for (const { name, claims, refusal } of CASES) {
    it(`${name} → ${refusal ?? 'logged in'}`, async () => {
      const sessionsBefore = await t.database.db.$count(parentSessions);
      const { callback, token } = await brokerLogin(claims);
      const audit = await lastAuditRow();
      if (refusal) {
        expect(callback.headers.location).toBe(`/mijn/inloggen?fout=${refusal}`);
        expect(token).toBeUndefined();
        expect(await t.database.db.$count(parentSessions)).toBe(sessionsBefore);
        expect(audit).toMatchObject({ action: 'login_failed', outcome: 'failure', actorId: null, details: { method: 'parent_oidc', reason: refusal } });
      } else {
        expect(callback.headers.location).toBe('/mijn');
        expect(callback.cookies.find((cookie) => cookie.name === PARENT_SESSION_COOKIE)).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
        const session = (await t.app.inject({ method: 'GET', url: `${API}/my/session`, headers: parentHeaders(token!) })).json() as MySession;
        expect(session).toMatchObject({ givenName: 'Fatima', familyIds: [file.familyId], idleTimeoutSeconds: t.config.session.idleMinutesPersonalData * 60 });
        expect(audit).toMatchObject({ action: 'login', outcome: 'success', actorId: file.memberId, role: 'parent', clientId: file.familyId });
      }
      // The BSN is never written to the audit log.
      expect(JSON.stringify(audit)).not.toMatch(/123456782|1234\.56|123456789|111222333/);
    });
  }

  it('refuses a callback whose state does not match, or without the state cookie', async () => {
    const start = await t.app.inject({ method: 'GET', url: `${API}/my/auth/login` });
    const authorizeUrl = new URL(start.headers.location as string);
    const code = idp.issueCode(authorizeUrl, { sub: 'x', bsn: PARENT_BSN, acr: 'substantieel' });
    const noCookie = await t.app.inject({ method: 'GET', url: `${API}/my/auth/callback?code=${code}&state=${authorizeUrl.searchParams.get('state')}` });
    expect(noCookie.headers.location).toBe('/mijn/inloggen?fout=provider');
    expect(noCookie.cookies.find((cookie) => cookie.name === PARENT_SESSION_COOKIE)).toBeUndefined();
  });
});

describe('a parent’s session', () => {
  it('opens no staff page or API, and a staff session opens no parent’s API', async () => {
    const parent = await parentSessionFor(t, file);
    for (const url of ['/api/v1/auth/session', `/api/v1/families/${file.familyId}`, '/api/v1/referrals', '/api/v1/audit-events', '/fhir/R4/Patient']) {
      const response = await t.app.inject({ method: 'GET', url, headers: parent.headers });
      expect(response.statusCode, url).toBe(401);
    }
    const nurse = await sessionFor(t, 'jgzNurse');
    for (const url of ['/api/v1/my/session', `/api/v1/my/families/${file.familyId}`]) {
      const response = await t.app.inject({ method: 'GET', url, headers: nurse.headers });
      expect(response.statusCode, url).toBe(401);
    }
    // Even the parent's token sent as a staff session cookie is nothing.
    const token = parent.headers.cookie!.split(';')[0]!.split('=')[1]!;
    const asStaff = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: `kr_session=${token}` } });
    expect(asStaff.statusCode).toBe(401);
  });

  it('ends after the idle timeout of personal-data roles, and logging out everywhere ends every session of the parent', async () => {
    const idle = await parentSessionFor(t, file);
    t.clock.advance(t.config.session.idleMinutesPersonalData * 60_000 + 1000);
    const expired = await t.app.inject({ method: 'GET', url: `${API}/my/session`, headers: idle.headers });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('session_expired');

    const here = await parentSessionFor(t, file);
    const there = await parentSessionFor(t, file);
    const other = await parentSessionFor(t, otherFile);
    const out = await t.app.inject({ method: 'POST', url: `${API}/my/auth/logout-everywhere`, headers: here.headers });
    expect(out.statusCode).toBe(204);
    for (const session of [here, there]) {
      expect((await t.app.inject({ method: 'GET', url: `${API}/my/session`, headers: session.headers })).statusCode).toBe(401);
    }
    expect((await t.app.inject({ method: 'GET', url: `${API}/my/session`, headers: other.headers })).statusCode).toBe(200);
    expect(await lastAuditRow()).toMatchObject({ action: 'session_revoked', actorId: file.memberId, role: 'parent' });
  });
});

describe('Mijn Kansrijke Start', () => {
  it('shows who helps, the planned home visit, the referral’s status and the consents — never the professional’s note', async () => {
    const parent = await parentSessionFor(t, file);
    const response = await t.app.inject({ method: 'GET', url: `${API}/my/families/${file.familyId}`, headers: parent.headers });
    expect(response.statusCode).toBe(200);
    const overview = response.json() as MyStart;
    expect(overview.helpers.map((helper) => helper.organisationName).sort()).toEqual(['JGZ Zuid-Holland Zuid', 'Verloskundigenpraktijk De Wieg'].sort());
    expect(overview.appointments).toEqual([expect.objectContaining({ id: file.homeVisitId, organisationName: 'JGZ Zuid-Holland Zuid', status: 'planned' })]);
    expect(overview.referrals).toEqual([expect.objectContaining({ id: file.referralId, status: 'accepted', receiverOrganisationName: 'JGZ Zuid-Holland Zuid' })]);
    expect(overview.consents.map((consent) => consent.id)).toEqual([file.consentId]);
    expect(response.body).not.toContain(PROFESSIONAL_NOTE);
    expect(response.body).not.toMatch(/nurse|personName|Jansen/i);
    expect(await lastAuditRow()).toMatchObject({ action: 'read', outcome: 'success', actorId: file.memberId, role: 'parent', organisationId: null, clientId: file.familyId });
  });

  it('refuses every other family’s id on every endpoint (404, audited as a refusal), and changes nothing', async () => {
    const parent = await parentSessionFor(t, file);
    const [otherConsent] = await t.database.db.select().from(consents).where(eq(consents.id, otherFile.consentId));
    for (const familyId of [otherFile.familyId, randomUUID()]) {
      for (const [method, url, objectId] of [
        ['GET', `${API}/my/families/${familyId}`, familyId],
        ['GET', `${API}/my/families/${familyId}/access-log`, familyId],
        ['GET', `${API}/my/families/${familyId}/copy`, familyId],
        ['POST', `${API}/my/families/${familyId}/consents/${otherFile.consentId}/withdrawal`, otherFile.consentId],
      ] as const) {
        const response = await t.app.inject({ method, url, headers: parent.headers });
        expect(response.statusCode, url).toBe(404);
        expect(response.body).not.toContain('Kim');
        expect(await lastAuditRow()).toMatchObject({ action: 'access_denied', outcome: 'denied', actorId: file.memberId, role: 'parent', objectId, clientId: null });
      }
    }
    // Another family's consent through the parent's own file: not found there, nothing changes.
    const crossed = await t.app.inject({ method: 'POST', url: `${API}/my/families/${file.familyId}/consents/${otherFile.consentId}/withdrawal`, headers: parent.headers });
    expect(crossed.statusCode).toBe(404);
    const [after] = await t.database.db.select().from(consents).where(eq(consents.id, otherFile.consentId));
    expect(after).toEqual(otherConsent);
  });

  it('withdraws a consent at once: the JGZ nurse’s next request is refused and audited, the parent sees it in who looked; again → a clear message, nothing changes', async () => {
    const parent = await parentSessionFor(t, file);
    const nurse = await callerFor(t, 'jgzNurse');
    expect((await nurse.request('GET', `${API}/families/${file.familyId}`)).statusCode).toBe(200);

    const withdrawal = await t.app.inject({ method: 'POST', url: `${API}/my/families/${file.familyId}/consents/${file.consentId}/withdrawal`, headers: parent.headers });
    expect(withdrawal.statusCode).toBe(200);
    expect(withdrawal.json()).toMatchObject({ consent: { id: file.consentId, status: 'withdrawn' }, cancelledReferralCount: 1, endedCareRelationshipCount: 1 });
    expect(await lastAuditRow()).toMatchObject({ action: 'update', objectType: 'consent', objectId: file.consentId, actorId: file.memberId, role: 'parent', clientId: file.familyId });

    const refused = await nurse.request('GET', `${API}/families/${file.familyId}`);
    expect(refused.statusCode).toBe(403);
    expect(await lastAuditRow()).toMatchObject({ action: 'access_denied', outcome: 'denied', actorId: nurse.session.personId, clientId: file.familyId });

    const log = (await t.app.inject({ method: 'GET', url: `${API}/my/families/${file.familyId}/access-log`, headers: parent.headers })).json() as MyAccessLog;
    // Newest first: the parent's look at the log is written after it was read.
    expect(log.items[0]).toMatchObject({ action: 'access_denied', outcome: 'denied', organisationName: 'JGZ Zuid-Holland Zuid', role: 'professional', isOwnAction: false });
    expect(log.items.some((item) => item.action === 'update' && item.isOwnAction && item.organisationName === null)).toBe(true);
    expect(JSON.stringify(log)).not.toMatch(/Jansen|personName|sourceIp|127\.0\.0\.1/);

    const consentBefore = await t.database.db.select().from(consents).where(eq(consents.id, file.consentId));
    const sequenceBefore = (await lastAuditRow()).sequence;
    const again = await t.app.inject({ method: 'POST', url: `${API}/my/families/${file.familyId}/consents/${file.consentId}/withdrawal`, headers: parent.headers });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'already_processed', detail: 'Deze toestemming is al ingetrokken.' });
    expect(await t.database.db.select().from(consents).where(eq(consents.id, file.consentId))).toEqual(consentBefore);
    expect(await t.database.db.select().from(auditLog).where(and(gt(auditLog.sequence, sequenceBefore), eq(auditLog.outcome, 'success')))).toEqual([]);
  });

  it('marks access by breaking the glass, with whether it was reviewed — and shows no professional’s name', async () => {
    const fresh = await insertParentFile(t, '111222333', 'Sanne');
    const parent = await parentSessionFor(t, fresh);
    const socialWorker = await callerFor(t, 'socialWorker');
    const now = t.clock.now();
    const [access] = await t.database.db
      .insert(emergencyAccesses)
      .values({ familyId: fresh.familyId, personId: socialWorker.session.personId, organisationId: t.demo.organisationIds.wijkteam!, reason: 'Acute zorg om de veiligheid.', startedAt: now, expiresAt: new Date(now.getTime() + 3_600_000) })
      .returning({ id: emergencyAccesses.id });
    expect((await socialWorker.request('GET', `${API}/families/${fresh.familyId}`)).statusCode).toBe(200);
    const readLog = async () => (await t.app.inject({ method: 'GET', url: `${API}/my/families/${fresh.familyId}/access-log`, headers: parent.headers })).json() as MyAccessLog;
    const emergencyRow = (log: MyAccessLog) => log.items.find((item) => item.organisationName === 'Sociaal Wijkteam Dordrecht');
    expect(emergencyRow(await readLog())).toMatchObject({ action: 'read', emergency: 'pending_review' });
    await t.database.db.update(emergencyAccesses).set({ reviewedAt: t.clock.now() }).where(eq(emergencyAccesses.id, access!.id));
    const log = await readLog();
    expect(emergencyRow(log)).toMatchObject({ emergency: 'reviewed' });
    expect(JSON.stringify(log)).not.toContain('Sanne Bakker');
    expect(JSON.stringify(log)).not.toContain('veiligheid');
  });
});

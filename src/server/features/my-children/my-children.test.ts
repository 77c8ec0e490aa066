// SPDX-License-Identifier: EUPL-1.2
// A parent's children over HTTP (issue 15 item 5): who sees which child, as a table — authority from
// the register (fixture source), the age limit of 12, a closure flag, "cannot be determined" — and that
// a partner with authority sees the child but never the mother's own file or log. Every view audited.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { MyChild, MyChildren, MySession } from '../../../contracts/my-start.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import type { TestIdentityProvider } from '../../../../test/helpers/test-identity-provider.js';
import { auditLog } from '../../platform/audit/schema.js';
import { PARENT_SESSION_COOKIE } from '../../platform/auth/session.js';
import { seedChildrenDemo } from '../../demo/seed-children-demo.js';
import { familyMembers } from '../families/schema.js';
import { addMonths } from '../jgz/contact-schedule.js';
import { insertConsentedCareRelationship } from '../families/test-support.js';
import { sessionFor } from '../../../../test/helpers/sessions.js';
import { parentHeaders, startParentBroker } from '../my-start/test-support.js';
import { DEMO_AUTHORITY_BSNS } from '../parental-authority/fixture-authority.js';
import { insertChildFamily, sessionAs, type AuthorityKind, type ChildFamily } from './test-support.js';

const API = '/api/v1';
const REDIRECT_URI = 'http://localhost:3000/api/v1/my/auth/callback';
let t: TestApp;
let idp: TestIdentityProvider;
let today: string;

beforeAll(async () => {
  const broker = await startParentBroker(REDIRECT_URI);
  idp = broker.idp;
  t = await createTestApp({ env: broker.env });
  today = amsterdamDate(t.clock.now());
});
afterAll(async () => {
  await t?.close();
  await idp?.close();
});

function dayBefore(isoDate: string, days = 1): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}
const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url: `${API}${url}`, headers });

type Expected = 'open' | 'closed' | 'refused';
const CASES: { name: string; authority: AuthorityKind; age: 'newborn' | 'day_before_12' | 'turns_12_today' | 'unborn'; isClosed?: boolean; childHasBsn?: boolean; client: Expected; partner: Expected }[] = [
  { name: 'both parents hold authority (two-headed)', authority: 'both', age: 'newborn', client: 'open', partner: 'open' },
  { name: 'only the mother holds authority (one-headed)', authority: 'client_only', age: 'newborn', client: 'open', partner: 'refused' },
  { name: 'only the partner holds authority', authority: 'partner_only', age: 'newborn', client: 'refused', partner: 'open' },
  { name: 'the register cannot determine authority', authority: 'undetermined', age: 'newborn', client: 'refused', partner: 'refused' },
  { name: 'nobody holds authority for now', authority: 'nobody_for_now', age: 'newborn', client: 'refused', partner: 'refused' },
  { name: 'the register names no relation', authority: 'none', age: 'newborn', client: 'refused', partner: 'refused' },
  { name: 'the child has no BSN (authority cannot be asked)', authority: 'both', age: 'newborn', childHasBsn: false, client: 'refused', partner: 'refused' },
  { name: 'the day before the 12th birthday', authority: 'both', age: 'day_before_12', client: 'open', partner: 'open' },
  { name: 'on the 12th birthday', authority: 'both', age: 'turns_12_today', client: 'refused', partner: 'refused' },
  { name: 'a birth date after today', authority: 'both', age: 'unborn', client: 'refused', partner: 'refused' },
  { name: 'a closure flag, with authority', authority: 'both', age: 'newborn', isClosed: true, client: 'closed', partner: 'closed' },
  { name: 'a closure flag, without authority', authority: 'client_only', age: 'newborn', isClosed: true, client: 'closed', partner: 'refused' },
];

function birthDateFor(age: (typeof CASES)[number]['age']): string {
  if (age === 'newborn') return dayBefore(today, 20);
  if (age === 'unborn') return dayBefore(today, -3);
  const twelveYearsAgo = addMonths(today, -144);
  return age === 'turns_12_today' ? twelveYearsAgo : dayBefore(twelveYearsAgo, -1);
}

describe('who sees which child', () => {
  for (const entry of CASES) {
    for (const who of ['client', 'partner'] as const) {
      const expected = entry[who];
      it(`${entry.name}: the ${who === 'client' ? 'mother' : 'partner'} → ${expected}`, async () => {
        const family = await insertChildFamily(t, {
          birthDate: birthDateFor(entry.age),
          authority: entry.authority,
          isClosed: entry.isClosed,
          childHasBsn: entry.childHasBsn,
          childGivenName: 'Zoë',
        });
        const headers = await sessionAs(t, family, who);
        const list = await get('/my/children', headers);
        expect(list.statusCode, list.body).toBe(200);
        const items = list.json<MyChildren>().items;
        const view = await get(`/my/children/${family.childId}`, headers);
        if (expected === 'refused') {
          expect(items).toEqual([]);
          expect(view.statusCode).toBe(404);
          expect(view.json()).toMatchObject({ code: 'not_found' });
          return;
        }
        expect(items).toEqual([{ childId: family.childId, givenName: 'Zoë', isClosed: expected === 'closed' }]);
        expect(view.statusCode, view.body).toBe(200);
        if (expected === 'closed') {
          expect(view.json<MyChild>()).toEqual({ childId: family.childId, isClosed: true });
          expect(view.body).not.toMatch(/Zoë|safety|child_protection/);
        } else {
          expect(view.json<MyChild>()).toMatchObject({ childId: family.childId, isClosed: false, givenName: 'Zoë', familyName: 'Testgezin', birthDate: birthDateFor(entry.age) });
        }
      });
    }
  }
});

describe('a partner with authority and the mother’s own file', () => {
  let family: ChildFamily;
  let partner: Record<string, string>;
  beforeAll(async () => {
    family = await insertChildFamily(t, { birthDate: dayBefore(today, 5), authority: 'both' });
    partner = await sessionAs(t, family, 'partner');
  });

  it('the partner has no file of their own', async () => {
    expect((await get('/my/session', partner)).json<MySession>().familyIds).toEqual([]);
  });

  it('every route of the mother’s own file refuses the partner as not found, audited; the mother is let in', async () => {
    const midwife = await sessionFor(t, 'midwife');
    const consentId = await insertConsentedCareRelationship(t, family.familyId, 'wieg', 'jgz', midwife.personId);
    const mother = await sessionAs(t, family, 'client');
    const routes = [
      { method: 'GET' as const, url: `/my/families/${family.familyId}` },
      { method: 'GET' as const, url: `/my/families/${family.familyId}/access-log` },
      { method: 'GET' as const, url: `/my/families/${family.familyId}/copy` },
      { method: 'POST' as const, url: `/my/families/${family.familyId}/consents/${consentId}/withdrawal` },
    ];
    for (const route of routes) {
      const refused = await t.app.inject({ method: route.method, url: `${API}${route.url}`, headers: partner });
      expect(refused.statusCode, route.url).toBe(404);
      expect(refused.body).not.toContain('Moeder');
    }
    const denials = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, family.partnerId), eq(auditLog.action, 'access_denied')));
    expect(denials).toHaveLength(routes.length);
    // The mother's own file opens for her (the withdrawal last: it changes the file).
    for (const route of routes) {
      const allowed = await t.app.inject({ method: route.method, url: `${API}${route.url}`, headers: mother });
      expect(allowed.statusCode, route.url).toBe(200);
    }
  });

  it('the partner sees the child; the view is audited with the partner as actor and the child’s family as client', async () => {
    const view = await get(`/my/children/${family.childId}`, partner);
    expect(view.statusCode).toBe(200);
    const [row] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, family.partnerId), eq(auditLog.objectType, 'child'), eq(auditLog.action, 'read')));
    expect(row).toMatchObject({ role: 'parent', organisationId: null, objectId: family.childId, clientId: family.familyId, outcome: 'success' });
  });

  it('another family’s children, and ids that are no child, are refused alike and audited', async () => {
    const other = await insertChildFamily(t, { birthDate: dayBefore(today, 30), authority: 'both' });
    const ids = [other.childId, other.clientId, other.partnerId, other.familyId, randomUUID()];
    for (const id of ids) {
      const refused = await get(`/my/children/${id}`, partner);
      expect(refused.statusCode, id).toBe(404);
      expect(refused.json()).toEqual(expect.objectContaining({ code: 'not_found' }));
    }
    const denials = await t.database.db
      .select({ objectId: auditLog.objectId })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, family.partnerId), eq(auditLog.objectType, 'child'), eq(auditLog.outcome, 'denied')));
    expect(denials.map((row) => row.objectId)).toEqual(expect.arrayContaining(ids));
    expect((await get('/my/children', partner)).json<MyChildren>().items.map((item) => item.childId)).toEqual([family.childId]);
  });
});

describe('the partner logs in with DigiD', () => {
  async function brokerLogin(claims: Record<string, unknown>) {
    const start = await t.app.inject({ method: 'GET', url: `${API}/my/auth/login` });
    const authorizeUrl = new URL(start.headers.location as string);
    const stateCookie = start.cookies.find((cookie) => cookie.name === 'kr_oidc')!;
    const query = new URLSearchParams({ code: idp.issueCode(authorizeUrl, claims), state: authorizeUrl.searchParams.get('state')! });
    const callback = await t.app.inject({ method: 'GET', url: `${API}/my/auth/callback?${query}`, headers: { cookie: `kr_oidc=${stateCookie.value}` } });
    return { location: callback.headers.location, token: callback.cookies.find((cookie) => cookie.name === PARENT_SESSION_COOKIE)?.value };
  }

  it('a partner recorded with a BSN gets a session without a file of their own, and sees the child', async () => {
    const family = await insertChildFamily(t, { birthDate: dayBefore(today, 3), authority: 'both' });
    const login = await brokerLogin({ sub: 'digid-partner', bsn: family.bsn.partner, acr: 'substantieel' });
    expect(login.location).toBe('/mijn');
    const headers = parentHeaders(login.token!);
    expect((await get('/my/session', headers)).json<MySession>().familyIds).toEqual([]);
    expect((await get('/my/children', headers)).json<MyChildren>().items.map((item) => item.childId)).toEqual([family.childId]);
    expect((await get(`/my/families/${family.familyId}`, headers)).statusCode).toBe(404);
    // The login is not written into the mother's file (her log): it is about the partner's session.
    const [login_row] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.actorId, family.partnerId), eq(auditLog.action, 'login')));
    expect(login_row).toMatchObject({ objectType: 'session', clientId: null });
  });

  it('a BSN that is only a child’s is no parent: no_file', async () => {
    const family = await insertChildFamily(t, { birthDate: dayBefore(today, 3), authority: 'both' });
    expect((await brokerLogin({ sub: 'digid-child', bsn: family.bsn.child, acr: 'substantieel' })).location).toBe('/mijn/inloggen?fout=no_file');
  });
});

describe('the demo children', () => {
  it('Noor and Daan see baby Sam with the birth and JGZ contacts; Lotte sees Mila closed', async () => {
    await seedChildrenDemo(t.database.db, t.demo, t.clock.now());
    const member = async (bsn: string) => (await t.database.db.select().from(familyMembers).where(eq(familyMembers.bsn, bsn)))[0]!;
    const daan = await member(DEMO_AUTHORITY_BSNS.daan);
    const daanHeaders = await sessionAs(t, { familyId: daan.familyId, clientId: '', partnerId: daan.id, childId: '', bsn: { client: '', partner: '', child: '' } }, 'partner');
    const [sam] = (await get('/my/children', daanHeaders)).json<MyChildren>().items;
    expect(sam).toMatchObject({ givenName: 'Sam', isClosed: false });
    const view = (await get(`/my/children/${sam!.childId}`, daanHeaders)).json<MyChild>();
    expect(view).toMatchObject({ isClosed: false, givenName: 'Sam', birth: { birthWeightGrams: 3420, gestationalAgeDays: 39 * 7 + 2 } });
    if (view.isClosed) throw new Error('Sam is not closed');
    expect(view.contacts.length).toBeGreaterThan(0);
    expect(view.contacts[0]).toMatchObject({ kind: 'home_visit', organisationName: 'JGZ Zuid-Holland Zuid' });
    const lotte = await member(DEMO_AUTHORITY_BSNS.lotte);
    const lotteHeaders = await sessionAs(t, { familyId: lotte.familyId, clientId: lotte.id, partnerId: '', childId: '', bsn: { client: '', partner: '', child: '' } }, 'client');
    const [mila] = (await get('/my/children', lotteHeaders)).json<MyChildren>().items;
    expect(mila).toMatchObject({ givenName: 'Mila', isClosed: true });
    expect((await get(`/my/children/${mila!.childId}`, lotteHeaders)).json()).toEqual({ childId: mila!.childId, isClosed: true });
    // The copy of the mother's file leaves a closed child out, and keeps an open one.
    const lotteCopy = await get(`/my/families/${lotte.familyId}/copy`, lotteHeaders);
    expect(lotteCopy.statusCode).toBe(200);
    expect(lotteCopy.body).not.toContain(mila!.childId);
    expect(lotteCopy.body).not.toContain('Mila');
    const noor = await member(DEMO_AUTHORITY_BSNS.noor);
    const noorHeaders = await sessionAs(t, { familyId: noor.familyId, clientId: noor.id, partnerId: '', childId: '', bsn: { client: '', partner: '', child: '' } }, 'client');
    expect((await get(`/my/families/${noor.familyId}/copy`, noorHeaders)).body).toContain(sam!.childId);
  });
});

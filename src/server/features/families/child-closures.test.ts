// SPDX-License-Identifier: EUPL-1.2
// A closure flag on a child over HTTP (issue 15 item 5): the JGZ nurse with a care relationship sets
// it — the parent with authority then sees only the neutral message — and lifts it — the child is
// visible again. Refused for everyone the policy does not let in (audited), for a child of another
// family, and for bad input (Dutch-coded 400, nothing changed). Each change audited naming the client.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { ChildClosure, Family } from '../../../contracts/families.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { MyAccessLog, MyChild, MyChildren } from '../../../contracts/my-start.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { anonymousHeaders } from '../../../../test/helpers/sessions.js';
import { auditLog } from '../../platform/audit/schema.js';
import { insertChildFamily, sessionAs, type ChildFamily } from '../my-children/test-support.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { childClosures, emergencyAccesses } from './schema.js';
import { insertConsentedCareRelationship } from './test-support.js';

const API = '/api/v1';
let t: TestApp;
let nurse: Caller;
let midwife: Caller;
let socialWorker: Caller;
let family: ChildFamily;
let other: ChildFamily;
let parent: Record<string, string>;

function daysAgo(days: number): string {
  return amsterdamDate(new Date(t.clock.now().getTime() - days * 86_400_000));
}
const closuresUrl = (familyId: string, childId: string) => `${API}/families/${familyId}/children/${childId}/closures`;
const liftUrl = (familyId: string, childId: string, closureId: string) => `${closuresUrl(familyId, childId)}/${closureId}/lifting`;
const rowsOf = (childId: string) => t.database.db.select().from(childClosures).where(eq(childClosures.childId, childId));

/** The child as the parent sees it: the page and the tile. */
async function parentView(childId: string) {
  const page = await t.app.inject({ method: 'GET', url: `${API}/my/children/${childId}`, headers: parent });
  const tiles = await t.app.inject({ method: 'GET', url: `${API}/my/children`, headers: parent });
  return { page: page.json<MyChild>(), tiles: tiles.json<MyChildren>().items };
}

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  nurse = await callerFor(t, 'jgzNurse');
  midwife = await callerFor(t, 'midwife', 'wieg');
  socialWorker = await callerFor(t, 'socialWorker');
  // Registered by De Wieg; JGZ cares for the family under the client's consent. The wijkteam does not.
  family = await insertChildFamily(t, { birthDate: daysAgo(30), authority: 'both', childGivenName: 'Zoë' });
  await insertConsentedCareRelationship(t, family.familyId, 'wieg', 'jgz', midwife.session.personId);
  other = await insertChildFamily(t, { birthDate: daysAgo(30), authority: 'both', childGivenName: 'Ander' });
  await insertConsentedCareRelationship(t, other.familyId, 'wieg', 'jgz', midwife.session.personId);
  parent = await sessionAs(t, family, 'client');
});
afterAll(() => t?.close());

describe('setting and lifting a closure flag', () => {
  let closure: ChildClosure;
  let lifted: ChildClosure;

  it('the file offers it to the JGZ nurse, not to the midwife, and shows no flag yet', async () => {
    const asNurse = (await nurse.request('GET', `${API}/families/${family.familyId}`)).json<Family>();
    expect(asNurse.allowedActions).toEqual(expect.arrayContaining(['set_child_closure', 'lift_child_closure']));
    expect(asNurse.members.find((member) => member.id === family.childId)?.closure).toBeNull();
    const asMidwife = (await midwife.request('GET', `${API}/families/${family.familyId}`)).json<Family>();
    expect(asMidwife.allowedActions).not.toContain('set_child_closure');
    expect(asMidwife.allowedActions).not.toContain('lift_child_closure');
    expect((await parentView(family.childId)).page).toMatchObject({ isClosed: false, givenName: 'Zoë' });
  });

  it('set: 201, in the file, audited naming the client (not the reason); the parent sees only the neutral message', async () => {
    const { response, rows } = await nurse.audited('POST', closuresUrl(family.familyId, family.childId), { reason: 'safety' });
    expect(response.statusCode, response.body).toBe(201);
    closure = response.json<ChildClosure>();
    expect(closure).toMatchObject({ childId: family.childId, reason: 'safety', setByOrganisationName: 'JGZ Zuid-Holland Zuid', liftedAt: null });
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'update',
        outcome: 'success',
        objectType: 'child_closure',
        objectId: family.familyId,
        clientId: family.familyId,
        actorId: nurse.session.personId,
        details: { change: 'closure_set', childId: family.childId, closureId: closure.id },
      }),
    ]);
    const [stored] = await rowsOf(family.childId);
    expect(stored).toMatchObject({ reason: 'safety', setById: nurse.session.personId, setByOrganisationId: t.demo.organisationIds.jgz, liftedAt: null });

    const file = (await nurse.request('GET', `${API}/families/${family.familyId}`)).json<Family>();
    expect(file.members.find((member) => member.id === family.childId)?.closure).toEqual(closure);
    expect(file.members.filter((member) => member.role !== 'child').every((member) => member.closure === null)).toBe(true);

    const view = await parentView(family.childId);
    expect(view.page).toEqual({ childId: family.childId, isClosed: true });
    expect(view.tiles).toEqual([{ childId: family.childId, givenName: 'Zoë', isClosed: true }]);
    // The other family's child is untouched.
    expect(await rowsOf(other.childId)).toEqual([]);
  });

  it('the parent’s own log shows the change as one to the file, never as a closure', async () => {
    const log = (await t.app.inject({ method: 'GET', url: `${API}/my/families/${family.familyId}/access-log`, headers: parent })).json<MyAccessLog>();
    expect(log.items.length).toBeGreaterThan(0);
    expect(log.items.map((item) => item.objectType)).not.toContain('child_closure');
    expect(JSON.stringify(log)).not.toMatch(/safety|child_protection|closure/);
  });

  it('set twice: 409 child_closure_active with the Dutch sentence, nothing added', async () => {
    const again = await nurse.request('POST', closuresUrl(family.familyId, family.childId), { reason: 'child_protection' });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.json()).toMatchObject({ code: 'child_closure_active', detail: nl.errors.child_closure_active });
    expect(await rowsOf(family.childId)).toHaveLength(1);
  });

  it('lift: 200, audited; the parent sees the child again', async () => {
    const { response, rows } = await nurse.audited('POST', liftUrl(family.familyId, family.childId, closure.id));
    expect(response.statusCode, response.body).toBe(200);
    lifted = response.json<ChildClosure>();
    expect(lifted).toMatchObject({ id: closure.id, reason: 'safety', liftedAt: expect.any(String) });
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'update',
        objectType: 'child_closure',
        clientId: family.familyId,
        details: { change: 'closure_lifted', childId: family.childId, closureId: closure.id },
      }),
    ]);
    const [stored] = await rowsOf(family.childId);
    expect(stored).toMatchObject({ liftedById: nurse.session.personId });
    const view = await parentView(family.childId);
    expect(view.page).toMatchObject({ childId: family.childId, isClosed: false, givenName: 'Zoë', familyName: 'Testgezin' });
    expect(view.tiles).toEqual([{ childId: family.childId, givenName: 'Zoë', isClosed: false }]);
    const file = (await nurse.request('GET', `${API}/families/${family.familyId}`)).json<Family>();
    expect(file.members.find((member) => member.id === family.childId)?.closure).toBeNull();
  });

  it('lift again: 409 child_closure_lifted, the first lifting kept', async () => {
    const again = await nurse.request('POST', liftUrl(family.familyId, family.childId, closure.id));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'child_closure_lifted', detail: nl.errors.child_closure_lifted });
    const [stored] = await rowsOf(family.childId);
    expect(stored!.liftedAt!.toISOString()).toBe(lifted.liftedAt);
  });

  it('after lifting, a new flag may be set (the history stays)', async () => {
    const set = await nurse.request('POST', closuresUrl(family.familyId, family.childId), { reason: 'child_protection' });
    expect(set.statusCode, set.body).toBe(201);
    expect(await rowsOf(family.childId)).toHaveLength(2);
    expect((await parentView(family.childId)).page).toEqual({ childId: family.childId, isClosed: true });
    expect((await nurse.request('POST', liftUrl(family.familyId, family.childId, set.json<ChildClosure>().id))).statusCode).toBe(200);
  });
});

describe('who is refused', () => {
  it('the midwife (a care relationship, but not an organisation that keeps closures), the wijkteam (no care relationship), a policy officer, an admin: 403, audited, nothing set', async () => {
    const refused: [string, Caller][] = [
      ['midwife', midwife],
      ['socialWorker', socialWorker],
      ['policyOfficer', await callerFor(t, 'policyOfficer')],
      ['practiceAdmin', await callerFor(t, 'practiceAdmin')],
      ['platformAdmin', await callerFor(t, 'platformAdmin')],
    ];
    for (const [name, caller] of refused) {
      const { response, rows } = await caller.audited('POST', closuresUrl(other.familyId, other.childId), { reason: 'safety' });
      expect(response.statusCode, name).toBe(403);
      expect(response.json(), name).toMatchObject({ code: 'forbidden' });
      expect(rows, name).toEqual([expect.objectContaining({ action: 'access_denied', outcome: 'denied' })]);
    }
    expect(await rowsOf(other.childId)).toEqual([]);
  });

  it('the wijkteam once it has a care relationship may set and lift; an emergency access alone does not let the JGZ nurse in', async () => {
    await insertConsentedCareRelationship(t, other.familyId, 'wieg', 'wijkteam', midwife.session.personId);
    const set = await socialWorker.request('POST', closuresUrl(other.familyId, other.childId), { reason: 'child_protection' });
    expect(set.statusCode, set.body).toBe(201);
    // Lifted by another organisation that cares for the family (JGZ): allowed.
    expect((await nurse.request('POST', liftUrl(other.familyId, other.childId, set.json<ChildClosure>().id))).statusCode).toBe(200);

    const onlyEmergency = await insertChildFamily(t, { birthDate: daysAgo(10), authority: 'both' });
    const now = t.clock.now();
    await t.database.db
      .insert(emergencyAccesses)
      .values({ familyId: onlyEmergency.familyId, personId: nurse.session.personId, organisationId: t.demo.organisationIds.jgz!, reason: 'Test: crisis.', startedAt: now, expiresAt: new Date(now.getTime() + 3_600_000) });
    const file = await nurse.request('GET', `${API}/families/${onlyEmergency.familyId}`);
    expect(file.statusCode).toBe(200);
    expect(file.json<Family>().allowedActions).not.toContain('set_child_closure');
    const { response, rows } = await nurse.audited('POST', closuresUrl(onlyEmergency.familyId, onlyEmergency.childId), { reason: 'safety' });
    expect(response.statusCode).toBe(403);
    expect(rows).toEqual([expect.objectContaining({ action: 'access_denied', clientId: onlyEmergency.familyId })]);
    expect(await rowsOf(onlyEmergency.childId)).toEqual([]);
  });

  it('a parent’s session and no session: 401', async () => {
    for (const headers of [parent, anonymousHeaders]) {
      const response = await t.app.inject({ method: 'POST', url: closuresUrl(family.familyId, family.childId), headers, payload: { reason: 'safety' } });
      expect(response.statusCode).toBe(401);
    }
  });
});

describe('a child or closure that is not of this family: 404, nothing changed', () => {
  it('another family’s child, a parent instead of a child, an unknown id', async () => {
    const before = (await t.database.db.select().from(childClosures)).length;
    for (const childId of [other.childId, family.clientId, family.partnerId, randomUUID()]) {
      const response = await nurse.request('POST', closuresUrl(family.familyId, childId), { reason: 'safety' });
      expect(response.statusCode, childId).toBe(404);
      expect(response.json()).toMatchObject({ code: 'not_found' });
    }
    // An unknown family: not found as well.
    expect((await nurse.request('POST', closuresUrl(randomUUID(), family.childId), { reason: 'safety' })).statusCode).toBe(404);
    expect((await t.database.db.select().from(childClosures)).length).toBe(before);
  });

  it('lifting a closure of another child, or one that does not exist', async () => {
    const set = await nurse.request('POST', closuresUrl(other.familyId, other.childId), { reason: 'safety' });
    expect(set.statusCode, set.body).toBe(201);
    const otherClosure = set.json<ChildClosure>();
    for (const url of [
      liftUrl(family.familyId, family.childId, otherClosure.id),
      liftUrl(family.familyId, other.childId, otherClosure.id),
      liftUrl(other.familyId, other.childId, randomUUID()),
    ]) {
      expect((await nurse.request('POST', url)).statusCode, url).toBe(404);
    }
    const [stored] = await t.database.db.select().from(childClosures).where(eq(childClosures.id, otherClosure.id));
    expect(stored!.liftedAt).toBeNull();
    expect((await nurse.request('POST', liftUrl(other.familyId, other.childId, otherClosure.id))).statusCode).toBe(200);
  });
});

describe('bad input: a Dutch-coded 400, nothing stored', () => {
  const BODIES: [string, unknown, string][] = [
    ['an unknown reason', { reason: 'curiosity' }, 'validation_failed'],
    ['no reason', {}, 'validation_failed'],
    ['a reason of the wrong type', { reason: 7 }, 'validation_failed'],
    ['an extra field', { reason: 'safety', note: 'x' }, 'validation_failed'],
    ['a NUL in the reason', { reason: 'safe\u0000ty' }, 'unstorable_input'],
    ['a lone surrogate in the reason', { reason: 'safety\uD800' }, 'unstorable_input'],
  ];
  it.each(BODIES)('%s', async (_name, body, code) => {
    const response = await nurse.request('POST', closuresUrl(family.familyId, family.childId), body);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code, detail: nl.errors[code as 'validation_failed' | 'unstorable_input'] });
    expect(await rowsOf(family.childId).then((rows) => rows.filter((row) => row.liftedAt === null))).toEqual([]);
  });

  it('malformed ids in the path', async () => {
    for (const url of [
      closuresUrl('not-a-uuid', family.childId),
      closuresUrl(family.familyId, 'not-a-uuid'),
      closuresUrl(family.familyId, '%00'),
      liftUrl(family.familyId, family.childId, 'x'),
      liftUrl(family.familyId, family.childId, '%00'),
    ]) {
      const response = await nurse.request('POST', url, url.endsWith('/closures') ? { reason: 'safety' } : undefined);
      expect(response.statusCode, url).toBe(400);
      expect(['validation_failed', 'unstorable_input']).toContain(response.json().code);
    }
    const active = await t.database.db
      .select()
      .from(childClosures)
      .where(and(eq(childClosures.childId, family.childId)));
    expect(active.filter((row) => row.liftedAt === null)).toEqual([]);
    // Nothing was audited as a change to the file by these refusals.
    const changes = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectType, 'child_closure'), eq(auditLog.clientId, family.familyId), eq(auditLog.outcome, 'success')));
    expect(changes).toHaveLength(4);
  });
});

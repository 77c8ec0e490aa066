// SPDX-License-Identifier: EUPL-1.2
// The prenatal home visit through the API: plan, record held / not held, optimistic locking, access and audit.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { homeVisits } from './schema.js';
import { careCallers, dayFromToday, expectNoServerErrors, familyForJgz, oddBody, type CareSetting } from './test-support.js';
import type { HomeVisit } from '../../../contracts/care.js';

let t: TestApp;
let s: CareSetting;
let familyId: string;
beforeAll(async () => {
  t = await createTestApp();
  s = await careCallers(t);
  // Due in 120 days: 280 − 120 = 160 days pregnant today, i.e. 22+6.
  familyId = (await familyForJgz(t, s, { dueInDays: 120 })).familyId;
});
afterAll(() => t.close());

async function plan(): Promise<HomeVisit> {
  const response = await s.nurse.request('POST', `/api/v1/families/${familyId}/home-visits`, { plannedOn: dayFromToday(t, 7), nurseId: s.nurse.session.personId });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('prenatal home visit', () => {
  it('is planned by the JGZ nurse, audited with the family as client', async () => {
    const { response, rows } = await s.nurse.audited('POST', `/api/v1/families/${familyId}/home-visits`, {
      plannedOn: dayFromToday(t, 3),
      nurseId: s.nurse.session.personId,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ status: 'planned', nurseName: 'Joke Jansen', organisationName: 'JGZ Zuid-Holland Zuid', version: 1, gestationalWeek: null });
    expect(rows).toEqual([expect.objectContaining({ action: 'update', outcome: 'success', objectType: 'home_visit', objectId: familyId, clientId: familyId })]);
  });

  it('refuses a nurse of another organisation, in Dutch, and saves nothing', async () => {
    const before = await t.database.db.select().from(homeVisits).where(eq(homeVisits.familyId, familyId));
    const response = await s.nurse.request('POST', `/api/v1/families/${familyId}/home-visits`, { plannedOn: dayFromToday(t, 3), nurseId: s.midwife.session.personId });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toBe('Kies een verpleegkundige (professional) van uw eigen organisatie.');
    expect(await t.database.db.select().from(homeVisits).where(eq(homeVisits.familyId, familyId))).toHaveLength(before.length);
    const badDate = await s.nurse.request('POST', `/api/v1/families/${familyId}/home-visits`, { plannedOn: '2026-02-30', nurseId: s.nurse.session.personId });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().detail).toBe('De datum van het huisbezoek: vul een bestaande datum in (JJJJ-MM-DD).');
  });

  it('records a held visit: gestational week from the due date, findings per life domain, follow-up', async () => {
    const visit = await plan();
    const { response, rows } = await s.nurse.audited('PATCH', `/api/v1/home-visits/${visit.id}`, {
      version: visit.version,
      status: 'held',
      heldOn: dayFromToday(t, 0),
      findings: { environment: 'Schulden en weinig netwerk; partner steunt.', lifestyle: ' ' },
      followUp: 'Aanmelden voor Stevig Ouderschap.',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'held',
      heldOn: dayFromToday(t, 0),
      gestationalWeek: 22,
      findings: { environment: 'Schulden en weinig netwerk; partner steunt.' },
      followUp: 'Aanmelden voor Stevig Ouderschap.',
      version: 2,
    });
    expect(rows).toEqual([expect.objectContaining({ action: 'update', objectType: 'home_visit', clientId: familyId })]);
    // The same change again, from the old version: refused, nothing changes.
    const stale = await s.nurse.request('PATCH', `/api/v1/home-visits/${visit.id}`, { version: 1, followUp: 'Iets anders' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_version', detail: 'Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw en breng uw wijziging daarna aan.' });
    const [stored] = await t.database.db.select().from(homeVisits).where(eq(homeVisits.id, visit.id));
    expect(stored).toMatchObject({ version: 2, followUp: 'Aanmelden voor Stevig Ouderschap.' });
  });

  it('a visit not held needs a reason; a held visit needs its date, not in the future', async () => {
    const visit = await plan();
    const noReason = await s.nurse.request('PATCH', `/api/v1/home-visits/${visit.id}`, { version: 1, status: 'not_held' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().detail).toBe('Vul de reden in waarom het huisbezoek niet is doorgegaan.');
    const noDate = await s.nurse.request('PATCH', `/api/v1/home-visits/${visit.id}`, { version: 1, status: 'held' });
    expect(noDate.json().detail).toBe('Vul de datum in waarop het huisbezoek is geweest.');
    const future = await s.nurse.request('PATCH', `/api/v1/home-visits/${visit.id}`, { version: 1, status: 'held', heldOn: dayFromToday(t, 2) });
    expect(future.json().detail).toBe('De datum van het huisbezoek kan niet in de toekomst liggen.');
    const findings = await s.nurse.request('PATCH', `/api/v1/home-visits/${visit.id}`, { version: 1, findings: { parent: 'x' } });
    expect(findings.statusCode).toBe(400);
    const [stored] = await t.database.db.select().from(homeVisits).where(eq(homeVisits.id, visit.id));
    expect(stored).toMatchObject({ status: 'planned', version: 1 });
    const notHeld = await s.nurse.request('PATCH', `/api/v1/home-visits/${visit.id}`, { version: 1, status: 'not_held', reasonNotHeld: 'Niemand thuis' });
    expect(notHeld.json()).toMatchObject({ status: 'not_held', reasonNotHeld: 'Niemand thuis', heldOn: null, gestationalWeek: null });
  });

  it('lists the visits; an unrelated organisation gets 403 and the refusal is audited', async () => {
    const list = await s.nurse.request('GET', `/api/v1/families/${familyId}/home-visits`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThanOrEqual(3);
    const visit = list.json().items[0] as HomeVisit;
    for (const [method, url, body] of [
      ['GET', `/api/v1/families/${familyId}/home-visits`, undefined],
      ['POST', `/api/v1/families/${familyId}/home-visits`, { plannedOn: dayFromToday(t, 3), nurseId: s.socialWorker.session.personId }],
      ['PATCH', `/api/v1/home-visits/${visit.id}`, { version: visit.version, followUp: 'x' }],
    ] as const) {
      const { response, rows } = await s.socialWorker.audited(method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(rows).toEqual([expect.objectContaining({ action: 'access_denied', outcome: 'denied' })]);
    }
    // The midwife's practice sees the file, but does not change the JGZ's visit.
    const midwife = await s.midwife.request('PATCH', `/api/v1/home-visits/${visit.id}`, { version: visit.version, followUp: 'x' });
    expect(midwife.statusCode).toBe(403);
    expect((await s.nurse.request('PATCH', `/api/v1/home-visits/${crypto.randomUUID()}`, { version: 1 })).statusCode).toBe(404);
  });

  it('no input gives a server error (fuzz)', async () => {
    const visit = await plan();
    await expectNoServerErrors(
      s.nurse,
      fc.oneof(
        oddBody(['plannedOn', 'nurseId']).map((payload) => ({ method: 'POST' as const, url: `/api/v1/families/${familyId}/home-visits`, payload })),
        oddBody(['version', 'status', 'plannedOn', 'nurseId', 'heldOn', 'reasonNotHeld', 'findings', 'followUp']).map((payload) => ({
          method: 'PATCH' as const,
          url: `/api/v1/home-visits/${visit.id}`,
          payload,
        })),
        fc.string().map((id) => ({ method: 'GET' as const, url: `/api/v1/families/${encodeURIComponent(id)}/home-visits` })),
      ),
    );
  });
});

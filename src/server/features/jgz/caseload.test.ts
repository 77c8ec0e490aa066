// SPDX-License-Identifier: EUPL-1.2
// The JGZ caseload (klantroutes): tier with the screening's suggestion, contact moments per tier, the
// working list per nurse (only visible families), CSV export, optimistic locking, audit.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { contactMoments } from './schema.js';
import { consents } from '../referrals/schema.js';
import { questionnaires, screenings } from '../screening/schema.js';
import { careCallers, dayFromToday, expectNoServerErrors, familyForJgz, oddBody, type CareSetting } from './test-support.js';
import type { CaseloadEntry, CaseloadRow } from '../../../contracts/care.js';

let t: TestApp;
let s: CareSetting;
beforeAll(async () => {
  t = await createTestApp();
  s = await careCallers(t);
});
afterAll(() => t.close());

async function completedScreening(familyId: string, supportTier: string) {
  let [questionnaire] = await t.database.db.select({ id: questionnaires.id }).from(questionnaires).limit(1);
  if (!questionnaire) {
    [questionnaire] = await t.database.db
      .insert(questionnaires)
      .values({ url: 'https://kansrijk.nl/test', version: '1', title: 'Test', status: 'active', resource: {} })
      .returning({ id: questionnaires.id });
  }
  await t.database.db.insert(screenings).values({
    familyId,
    questionnaireId: questionnaire!.id,
    organisationId: t.demo.organisationIds.wieg!,
    authorId: s.midwife.session.personId,
    status: 'completed',
    answers: {},
    supportTier,
    completedAt: t.clock.now(),
  });
}

describe('caseload', () => {
  it('puts a family on the caseload with the tier suggestion and plans the contact moments of the tier', async () => {
    const { familyId } = await familyForJgz(t, s, { givenName: 'Amira', familyName: 'Caseload' });
    await completedScreening(familyId, 'extra');
    const { response, rows } = await s.nurse.audited('PUT', `/api/v1/families/${familyId}/caseload`, { tier: 'extra' });
    expect(response.statusCode, response.body).toBe(200);
    const entry = response.json() as CaseloadEntry;
    expect(entry).toMatchObject({ tier: 'extra', suggestedTier: 'extra', nurseName: 'Joke Jansen', version: 1 });
    // Expecting: a prenatal home visit within two weeks comes first.
    expect(entry.upcoming[0]).toMatchObject({ kind: 'home_visit', plannedOn: dayFromToday(t, 14), status: 'planned' });
    expect(rows).toEqual([expect.objectContaining({ action: 'update', objectType: 'caseload', clientId: familyId })]);

    // Without the version it saw, the nurse cannot change it; with a stale one neither.
    const missing = await s.nurse.request('PUT', `/api/v1/families/${familyId}/caseload`, { tier: 'intensive' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toBe('Deze cliënt staat al op de caseload. Laad de pagina opnieuw en wijzig dan.');
    const stale = await s.nurse.request('PUT', `/api/v1/families/${familyId}/caseload`, { tier: 'intensive', version: 7 });
    expect(stale.json().code).toBe('stale_version');

    const intensive = await s.nurse.request('PUT', `/api/v1/families/${familyId}/caseload`, { tier: 'intensive', version: 1 });
    expect(intensive.statusCode, intensive.body).toBe(200);
    const moments = (intensive.json() as CaseloadEntry).upcoming;
    expect(moments.filter((moment) => moment.kind === 'home_visit').length).toBeGreaterThan(20);
    const cancelled = await t.database.db
      .select()
      .from(contactMoments)
      .where(and(eq(contactMoments.familyId, familyId), eq(contactMoments.status, 'cancelled')));
    expect(cancelled.length).toBe(entry.upcoming.length);
  });

  it('a lower tier than the screening suggests needs the nurse’s judgement', async () => {
    const { familyId } = await familyForJgz(t, s);
    await completedScreening(familyId, 'intensive');
    const refused = await s.nurse.request('PUT', `/api/v1/families/${familyId}/caseload`, { tier: 'universal' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toBe('U kiest een lager ondersteuningsniveau dan de screening voorstelt. Licht uw oordeel toe.');
    expect(await t.database.db.select().from(contactMoments).where(eq(contactMoments.familyId, familyId))).toEqual([]);
    const accepted = await s.nurse.request('PUT', `/api/v1/families/${familyId}/caseload`, { tier: 'universal', judgement: 'Sterk netwerk, schulden in behandeling.' });
    expect(accepted.json()).toMatchObject({ tier: 'universal', suggestedTier: 'intensive', judgement: 'Sterk netwerk, schulden in behandeling.' });
    const read = await s.nurse.request('GET', `/api/v1/families/${familyId}/caseload`);
    expect(read.json()).toMatchObject({ suggestedTier: 'intensive', entry: { tier: 'universal' } });
    const otherNurse = await s.nurse.request('PUT', `/api/v1/families/${familyId}/caseload`, { tier: 'extra', nurseId: s.midwife.session.personId, version: 1 });
    expect(otherNurse.json().detail).toBe('Kies een verpleegkundige (professional) van uw eigen organisatie.');
  });

  it('the working list shows the nurse’s families with the next contact, only while she may see them; search and export audited', async () => {
    const { familyId, consentId } = await familyForJgz(t, s, { givenName: 'Noor', familyName: 'Werklijst' });
    await s.nurse.request('PUT', `/api/v1/families/${familyId}/caseload`, { tier: 'extra' });
    const { response, rows } = await s.nurse.audited('GET', '/api/v1/caseload?nurse=me&tier=extra');
    expect(response.statusCode, response.body).toBe(200);
    const row = (response.json().items as CaseloadRow[]).find((item) => item.familyId === familyId);
    expect(row).toMatchObject({ clientName: 'Noor Werklijst', municipalityName: 'Dordrecht', tier: 'extra', nextContactOn: dayFromToday(t, 14), nextContactKind: 'home_visit' });
    expect(rows).toEqual([expect.objectContaining({ action: 'search', objectType: 'caseload', outcome: 'success' })]);
    const csv = await s.nurse.audited('GET', '/api/v1/caseload?nurse=all', undefined, { accept: 'text/csv' });
    expect(csv.response.headers['content-type']).toContain('text/csv');
    expect(csv.response.body).toContain('Cliënt;Gemeente;Niveau');
    expect(csv.response.body).toContain('Noor Werklijst;Dordrecht;Extra');
    expect(csv.rows).toEqual([expect.objectContaining({ action: 'export', objectType: 'caseload' })]);
    // Other organisations do not see the JGZ's list.
    const midwifeList = await s.midwife.request('GET', '/api/v1/caseload?nurse=all');
    expect(midwifeList.json().items.some((item: CaseloadRow) => item.familyId === familyId)).toBe(false);
    // The client withdraws consent: the family leaves the nurse's list at once.
    await t.database.db.update(consents).set({ withdrawnAt: t.clock.now() }).where(eq(consents.id, consentId));
    const after = await s.nurse.request('GET', '/api/v1/caseload?nurse=all');
    expect(after.json().items.some((item: CaseloadRow) => item.familyId === familyId)).toBe(false);
    expect((await s.nurse.request('GET', `/api/v1/families/${familyId}/caseload`)).statusCode).toBe(403);
  });

  it('an unrelated organisation gets 403 on a family’s caseload; aggregate roles may not search it', async () => {
    const { familyId } = await familyForJgz(t, s);
    for (const [method, body] of [['GET', undefined], ['PUT', { tier: 'extra' }]] as const) {
      const { response, rows } = await s.socialWorker.audited(method, `/api/v1/families/${familyId}/caseload`, body);
      expect(response.statusCode).toBe(403);
      expect(rows).toEqual([expect.objectContaining({ action: 'access_denied' })]);
    }
    const analyst = await (await import('../organisations/test-support.js')).callerFor(t, 'analyst');
    expect((await analyst.request('GET', '/api/v1/caseload')).statusCode).toBe(403);
    const result = (await t.database.db.execute(sql`SELECT count(*)::int AS count FROM caseload_entries WHERE family_id = ${familyId}::uuid`)) as unknown as { rows: { count: number }[] };
    expect(result.rows[0]!.count).toBe(0);
  });

  it('the care team: the professionals of one’s own organisation, to choose a nurse from; audited', async () => {
    const { response, rows } = await s.nurse.audited('GET', '/api/v1/care-team');
    expect(response.statusCode).toBe(200);
    const names = (response.json().items as { name: string }[]).map((item) => item.name);
    expect(names).toContain('Joke Jansen');
    expect(names).not.toContain('Marloes de Vries');
    expect(rows).toEqual([expect.objectContaining({ action: 'search', objectType: 'care_team', outcome: 'success' })]);
    const analyst = await (await import('../organisations/test-support.js')).callerFor(t, 'analyst');
    expect((await analyst.request('GET', '/api/v1/care-team')).statusCode).toBe(403);
  });

  it('no input gives a server error (fuzz)', async () => {
    const { familyId } = await familyForJgz(t, s);
    await expectNoServerErrors(
      s.nurse,
      fc.oneof(
        oddBody(['tier', 'nurseId', 'judgement', 'version']).map((payload) => ({ method: 'PUT' as const, url: `/api/v1/families/${familyId}/caseload`, payload })),
        fc
          .record({ nurse: fc.oneof(fc.string(), fc.constantFrom('me', 'all')), tier: fc.oneof(fc.string(), fc.constantFrom('extra', 'intensive')), page: fc.oneof(fc.integer(), fc.string()), pageSize: fc.integer() }, { requiredKeys: [] })
          .map((query) => ({ method: 'GET' as const, url: `/api/v1/caseload?${new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]))}` })),
        fc.constant({ method: 'GET' as const, url: `/api/v1/families/${familyId}/caseload` }),
        fc.constant({ method: 'GET' as const, url: '/api/v1/care-team' }),
      ),
    );
  });
});

// SPDX-License-Identifier: EUPL-1.2
// From factor to help over HTTP: the demo pathways are seeded (once), the public list per
// municipality, and the suggestions for a family's completed screening.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { insertTestFamily } from '../families/test-support.js';
import { PREGNANT_WITH_DEBTS_AND_STRESS } from '../screening/test-support.js';
import { DEMO_PATHWAYS } from './domain/demo-pathways.js';
import { seedDemoPathways } from './seed-demo-pathways.js';

let t: TestApp;
let midwife: Caller;

beforeAll(async () => {
  t = await createTestApp();
  midwife = await callerFor(t, 'midwife', 'wieg');
});
afterAll(() => t.close());

async function completedScreening(familyId: string): Promise<string> {
  const started = await midwife.request('POST', `/api/v1/families/${familyId}/screenings`);
  const completed = await midwife.request('POST', `/api/v1/screenings/${started.json().id}/completion`, { answers: PREGNANT_WITH_DEBTS_AND_STRESS, version: 1 });
  expect(completed.statusCode, completed.body).toBe(200);
  return started.json().id;
}

describe('care pathways', () => {
  it('the demo pathways are seeded once; seeding again adds nothing', async () => {
    expect(await seedDemoPathways(t.database.db)).toBe(0);
    const all = await midwife.request('GET', '/api/v1/pathways');
    expect(all.json().items).toHaveLength(DEMO_PATHWAYS.length);
  });

  it("lists Dordrecht's own and the Drechtsteden coalition's agreements, for every role", async () => {
    for (const [person, organisation] of [['midwife', 'wieg'], ['coordinator', 'gemeente'], ['policyOfficer', 'gemeente'], ['analyst', 'kennis']] as const) {
      const caller = await callerFor(t, person, organisation);
      const response = await caller.request('GET', '/api/v1/pathways?municipality=GM0505');
      expect(response.statusCode, person).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ municipalityCode: 'GM0505', coalitionCode: 'KS0001' });
      expect(new Set(body.items.map((item: { level: string }) => item.level))).toEqual(new Set(['municipality', 'coalition']));
      expect(body.items.find((item: { factorKey: string; level: string }) => item.factorKey === 'money-debts' && item.level === 'municipality')).toMatchObject({
        title: 'Geldzorgen en schulden in Dordrecht',
        scopeCode: 'GM0505',
      });
    }
    const utrecht = await midwife.request('GET', '/api/v1/pathways?municipality=GM0344');
    expect(utrecht.json()).toMatchObject({ coalitionCode: 'KS0002', items: [] });
    const bad = await midwife.request('GET', '/api/v1/pathways?municipality=Dordrecht');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].message).toBe('Verwacht: GM gevolgd door vier cijfers.');
  });

  it('suggests the Dordrecht pathways for debts and stress, with contacts and agreements; audited with the client', async () => {
    const family = await insertTestFamily(t, 'wieg', { municipalityCode: 'GM0505' });
    const screeningId = await completedScreening(family.familyId);
    const { response, rows } = await midwife.audited('GET', `/api/v1/families/${family.familyId}/pathways?screeningId=${screeningId}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ screeningId, municipalityCode: 'GM0505', municipalityName: 'Dordrecht', coalitionCode: 'KS0001' });
    expect(body.suggestions.map((entry: { factorKey: string; level: string }) => [entry.factorKey, entry.level])).toEqual([
      ['stress', 'municipality'],
      ['money-debts', 'municipality'],
    ]);
    const debts = body.suggestions[1].pathway;
    expect(debts.localAgreements).toContain('Geldloket');
    expect(debts.steps.flatMap((step: { services: { name: string; contact: object }[] }) => step.services)).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Geldloket Dordrecht', contact: expect.objectContaining({ phone: '0800-0000001' }) })]),
    );
    expect(rows).toEqual([expect.objectContaining({ action: 'read', objectType: 'screening', clientId: family.familyId, outcome: 'success' })]);

    // Without screeningId: the latest completed screening.
    const latest = await midwife.request('GET', `/api/v1/families/${family.familyId}/pathways`);
    expect(latest.json().screeningId).toBe(screeningId);
  });

  it("another Drechtsteden municipality falls back to the coalition's pathway; a factor without one says so", async () => {
    const family = await insertTestFamily(t, 'wieg', { municipalityCode: 'GM0642' });
    await completedScreening(family.familyId);
    const body = (await midwife.request('GET', `/api/v1/families/${family.familyId}/pathways`)).json();
    expect(body.suggestions.find((entry: { factorKey: string }) => entry.factorKey === 'money-debts')).toMatchObject({ level: 'coalition' });
    expect(body.suggestions.find((entry: { factorKey: string }) => entry.factorKey === 'stress')).toMatchObject({ level: null, pathway: null });
  });

  it('a family without a completed screening has no suggestions; a draft cannot be used; a screening of another family is not found', async () => {
    const family = await insertTestFamily(t, 'wieg');
    const none = await midwife.request('GET', `/api/v1/families/${family.familyId}/pathways`);
    expect(none.json()).toMatchObject({ screeningId: null, suggestions: [] });
    const draft = (await midwife.request('POST', `/api/v1/families/${family.familyId}/screenings`)).json();
    const ofDraft = await midwife.request('GET', `/api/v1/families/${family.familyId}/pathways?screeningId=${draft.id}`);
    expect(ofDraft.statusCode).toBe(409);
    expect(ofDraft.json().detail).toContain('nog niet afgerond');
    const other = await insertTestFamily(t, 'wieg');
    const elsewhere = await midwife.request('GET', `/api/v1/families/${other.familyId}/pathways?screeningId=${draft.id}`);
    expect(elsewhere.statusCode).toBe(404);
  });
});

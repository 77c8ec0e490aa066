// SPDX-License-Identifier: EUPL-1.2
// The yearly municipal questionnaire end to end over HTTP: editions, the prefilled response with its
// sources, submit (status into the register, the monitor recomputed, idempotent), the deadline, the
// analyst's reopening, who may do what, and bad input.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Overview } from '../../../contracts/monitor.js';
import type { QuestionnaireResponse, ResponseList } from '../../../contracts/municipal-questionnaire.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { queryRows } from '../../platform/db/connection.js';
import { municipalityCoalitionStatuses } from '../coalitions/schema.js';
import { seedSyntheticStatuses } from '../monitor/questionnaire/synthetic-answers.js';
import { recomputeQuestionnaireCounts } from '../monitor/questionnaire/derive-questionnaire-counts.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { addDays, amsterdamDate } from '../../../contracts/calendar.js';

let t: TestApp;
let analyst: Caller;
let officer: Caller;
let coordinator: Caller;
const DAY = 86_400_000;
const day = (offset: number) => addDays(amsterdamDate(t.clock.now()), offset);
const BASE = '/api/v1/municipal-questionnaire/editions';
// Alblasserdam: a member of Drechtsteden (KS0001) that Gemeente Dordrecht serves in the demo.
const MEMBER = 'GM0482';

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  // The national statuses of 2023 and 2024 only (not the register statuses the demo records for its
  // coalitions' members this year and last): the monitor's latest year is then 2024.
  await t.database.db.delete(municipalityCoalitionStatuses);
  await seedSyntheticStatuses(t.database.db, [2023, 2024]);
  await t.database.db.transaction(async (tx) => recomputeQuestionnaireCounts(tx as never));
  analyst = await callerFor(t, 'analyst');
  officer = await callerFor(t, 'policyOfficer');
  coordinator = await callerFor(t, 'coordinator');
});
afterAll(() => t?.close());

const nationalCoalition = async (caller: Caller) => {
  const response = await caller.request('GET', '/api/v1/monitor/overview');
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as Overview).items.find((row) => row.indicator.key === 'coalition')!.all!;
};

describe('editions', () => {
  it('an analyst sends out a year; twice is refused; a policy officer may not', async () => {
    const edition = { year: 2024, referenceDate: day(-10), opensOn: day(-10), deadline: day(5) };
    const created = await analyst.request('POST', BASE, edition);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ year: 2024, phase: 'open' });
    const again = await analyst.request('POST', BASE, edition);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'questionnaire_edition_exists', detail: nl.errors.questionnaire_edition_exists });
    expect((await analyst.request('POST', BASE, { ...edition, year: 2025, deadline: day(-20) })).statusCode).toBe(400);
    expect((await officer.request('POST', BASE, { ...edition, year: 2026 })).statusCode).toBe(403);
    const list = await officer.request('GET', BASE);
    expect(list.json()).toMatchObject({ items: [{ year: 2024 }], allowedActions: [] });
    expect((await analyst.request('GET', BASE)).json().allowedActions).toEqual(['create']);
  });
});

describe('a response', () => {
  it('is prefilled from the registers, each answer with its source', async () => {
    const response = await officer.request('GET', `${BASE}/2024/responses/GM0505`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as QuestionnaireResponse;
    expect(body).toMatchObject({ municipalityName: 'Dordrecht', state: 'new', allowedActions: ['update'] });
    expect(body.answers.coalition_status).toMatchObject({ origin: 'prefill', sourceLabel: 'Coalitieregister: status 2024 (synthetische demogegevens)' });
    expect(body.answers.local_coalition).toMatchObject({ value: 'Coalitie Kansrijke Start Drechtsteden (KS0001)', origin: 'prefill' });
    expect(body.answers.local_coalition!.sourceLabel).toMatch(/^Coalitieregister: lokale coalitie, lid sinds \d{4}-\d{2}-\d{2}$/);
    // The demo care pathways of Dordrecht and Drechtsteden name interventions of the menukaart.
    expect(body.answers.interventions_offered).toMatchObject({ origin: 'prefill', sourceLabel: expect.stringMatching(/^Zorgpaden van /) });
    expect(Array.isArray(body.answers.interventions_offered!.value)).toBe(true);
  });

  it('the policy officer sets another member municipality to "in development": the register and the monitor follow, a repeat changes nothing', async () => {
    const before = await nationalCoalition(analyst);
    const [old] = await t.database.db.select().from(municipalityCoalitionStatuses).where(and(eq(municipalityCoalitionStatuses.municipalityCode, MEMBER), eq(municipalityCoalitionStatuses.year, 2024)));
    const submitted = await officer.audited('POST', `${BASE}/2024/responses/${MEMBER}/submission`, { answers: { coalition_status: 'in_development', experts_by_experience_involved: true } });
    expect(submitted.response.statusCode, submitted.response.body).toBe(200);
    const body = submitted.response.json() as QuestionnaireResponse;
    expect(body).toMatchObject({ state: 'submitted', version: 1 });
    expect(body.answers.coalition_status).toEqual({ value: 'in_development', origin: old!.status === 'in_development' ? 'prefill' : 'respondent', sourceLabel: old!.status === 'in_development' ? expect.any(String) : null, sourceDate: old!.status === 'in_development' ? expect.any(String) : null });
    expect(body.answers.local_coalition).toMatchObject({ origin: 'prefill' });
    expect(submitted.rows).toContainEqual(expect.objectContaining({ action: 'update', outcome: 'success', objectType: 'municipal_questionnaire', objectId: `2024/${MEMBER}` }));
    const [status] = await t.database.db.select().from(municipalityCoalitionStatuses).where(and(eq(municipalityCoalitionStatuses.municipalityCode, MEMBER), eq(municipalityCoalitionStatuses.year, 2024)));
    expect(status).toMatchObject({ status: 'in_development', source: 'questionnaire', recordedBy: officer.session.personId });
    const after = await nationalCoalition(analyst);
    expect(after.kind).toBe('categories');
    expect(after.lower).toBeNull();
    const count = (figure: typeof after, category: string) => figure.categories!.find((item) => item.category === category)!.count;
    expect(count(after, 'in_development')).toBe(count(before, 'in_development') + (old!.status === 'in_development' ? 0 : 1));
    if (old!.status === 'formed') expect(after.value).toBeLessThan(before.value!);
    // Submitting the same again: no new version, no change.
    const repeat = await officer.request('POST', `${BASE}/2024/responses/${MEMBER}/submission`, { answers: { coalition_status: 'in_development' } });
    expect(repeat.statusCode).toBe(200);
    expect(repeat.json()).toMatchObject({ state: 'submitted', version: 1 });
    // The coordinator of Drechtsteden reads it; the list shows it.
    const read = await coordinator.request('GET', `${BASE}/2024/responses/${MEMBER}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().allowedActions).toEqual([]);
    const list = (await coordinator.request('GET', `${BASE}/2024/responses`)).json() as ResponseList;
    expect(list.items.map((item) => item.municipalityCode).sort()).toEqual(['GM0482', 'GM0505', 'GM0590', 'GM0610', 'GM0642']);
    expect(list.items.find((item) => item.municipalityCode === MEMBER)).toMatchObject({ state: 'submitted', coalitionStatus: 'in_development' });
  });

  it('refuses a status outside the list, an unknown intervention and a submit without status — nothing saved', async () => {
    const url = `${BASE}/2024/responses/GM0590/submission`;
    for (const answers of [{ coalition_status: 'maybe' }, { coalition_status: 'not_answered' }, { coalition_status: 'formed', interventions_offered: ['not-on-the-menu'] }, { coalition_status: 'formed', extra: 1 }]) {
      const response = await officer.request('POST', url, { answers });
      expect(response.statusCode, JSON.stringify(answers)).toBe(400);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    }
    const rows = await queryRows<{ count: number }>(t.database.db, sql`SELECT count(*)::int AS count FROM municipal_questionnaire_responses WHERE municipality_code = 'GM0590'`);
    expect(rows[0]!.count).toBe(0);
  });

  it('answering for a municipality one does not serve is refused and audited; a coordinator may not answer', async () => {
    const refused = await officer.audited('POST', `${BASE}/2024/responses/GM0014/submission`, { answers: { coalition_status: 'formed' } });
    expect(refused.response.statusCode).toBe(403);
    expect(refused.rows).toContainEqual(expect.objectContaining({ action: 'access_denied', outcome: 'denied', objectId: '2024/GM0014' }));
    expect((await officer.request('GET', `${BASE}/2024/responses/GM0014`)).statusCode).toBe(403);
    expect((await coordinator.request('POST', `${BASE}/2024/responses/GM0505/submission`, { answers: { coalition_status: 'formed' } })).statusCode).toBe(403);
    expect((await coordinator.request('GET', `${BASE}/2024/responses/GM0014`)).statusCode).toBe(403);
    expect((await officer.request('GET', `${BASE}/2019/responses/GM0505`)).statusCode).toBe(404);
  });

  it('after the deadline the form is locked, a late submit is refused in Dutch (audited); the analyst reopens with a reason', async () => {
    const saved = await officer.request('PUT', `${BASE}/2024/responses/GM0505`, { answers: { coalition_status: 'formed' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ state: 'draft' });
    t.clock.advance(7 * DAY);
    const lateOfficer = await callerFor(t, 'policyOfficer');
    const lateAnalyst = await callerFor(t, 'analyst');
    const view = (await lateOfficer.request('GET', `${BASE}/2024/responses/GM0505`)).json() as QuestionnaireResponse;
    expect(view).toMatchObject({ state: 'locked', allowedActions: [] });
    const late = await lateOfficer.audited('POST', `${BASE}/2024/responses/GM0505/submission`, { answers: { coalition_status: 'formed' } });
    expect(late.response.statusCode).toBe(409);
    expect(late.response.json()).toMatchObject({ code: 'questionnaire_locked', detail: nl.errors.questionnaire_locked });
    expect(late.rows).toContainEqual(expect.objectContaining({ outcome: 'failure', objectType: 'municipal_questionnaire', details: expect.objectContaining({ failure: 'questionnaire_locked' }) }));
    expect((await lateOfficer.request('PUT', `${BASE}/2024/responses/GM0505`, { answers: {} })).statusCode).toBe(409);
    // Only an analyst reopens, with a reason; the officer may not.
    expect((await lateOfficer.request('POST', `${BASE}/2024/responses/GM0505/reopening`, { reason: 'Vergeten in te dienen' })).statusCode).toBe(403);
    expect((await lateAnalyst.request('POST', `${BASE}/2024/responses/GM0505/reopening`, { reason: '' })).statusCode).toBe(400);
    expect((await lateAnalyst.request('GET', `${BASE}/2024/responses/GM0505`)).json().allowedActions).toEqual(['reopen']);
    const reopened = await lateAnalyst.audited('POST', `${BASE}/2024/responses/GM0505/reopening`, { reason: 'Gemeente meldde een storing op de laatste dag.' });
    expect(reopened.response.statusCode, reopened.response.body).toBe(200);
    expect(reopened.response.json()).toMatchObject({ state: 'reopened', reopenReason: 'Gemeente meldde een storing op de laatste dag.' });
    expect(reopened.rows).toContainEqual(expect.objectContaining({ action: 'update', outcome: 'success', reason: 'Gemeente meldde een storing op de laatste dag.' }));
    const resubmitted = await lateOfficer.request('POST', `${BASE}/2024/responses/GM0505/submission`, { answers: { coalition_status: 'formed' } });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    // Submitted after the deadline: locked again.
    expect(resubmitted.json()).toMatchObject({ state: 'locked' });
    // A response of an edition still open is not locked: nothing to reopen.
    expect((await lateAnalyst.request('POST', BASE, { year: 2023, referenceDate: day(0), opensOn: day(0), deadline: day(3) })).statusCode).toBe(201);
    const notLocked = await lateAnalyst.request('POST', `${BASE}/2023/responses/GM0505/reopening`, { reason: 'Nog een keer heropenen' });
    expect(notLocked.statusCode).toBe(409);
    expect(notLocked.json()).toMatchObject({ code: 'questionnaire_not_locked' });
  });
});

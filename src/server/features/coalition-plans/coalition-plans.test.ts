// SPDX-License-Identifier: EUPL-1.2
// The plan of approach over HTTP: start, save (idempotent, optimistic), bad input saved nowhere,
// approve once, frozen, a new version copied, comparison, who reads and writes what (audited), step
// 1 from the monitor, goal progress, and the improvement actions' contract.
import { randomUUID } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, lastAuditSequence, type Caller } from '../organisations/test-support.js';
import { auditLog } from '../../platform/audit/schema.js';
import type { PlanOverview, PlanVersion } from '../../../contracts/coalition-plans.js';
import type { AreaProfile } from '../../../contracts/monitor.js';
import { coalitionPlanVersions, improvementActions } from './schema.js';
import { goalProgress } from './get-plan-overview.js';
import { goal, otherCoordinatorCaller, planContent } from './test-support.js';

let t: TestApp;
let coordinator: Caller;
let policyOfficer: Caller;
let analyst: Caller;
let midwife: Caller;
let admin: Caller;
let outsider: Caller;
const PLAN = '/api/v1/coalitions/KS0001/plan';

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  coordinator = await callerFor(t, 'coordinator');
  policyOfficer = await callerFor(t, 'policyOfficer');
  analyst = await callerFor(t, 'analyst');
  midwife = await callerFor(t, 'midwife');
  admin = await callerFor(t, 'platformAdmin');
  outsider = await otherCoordinatorCaller(t, 'KS0002');
});
afterAll(() => t.close());

async function storedRevision(version: number): Promise<number> {
  const rows = await t.database.db.select({ revision: coalitionPlanVersions.revision, version: coalitionPlanVersions.version }).from(coalitionPlanVersions);
  return rows.find((row) => row.version === version)!.revision;
}

describe('a plan of approach, version by version', () => {
  const content = planContent();
  let v1: PlanVersion;

  it('an unknown coalition is 404; an empty plan offers to start one', async () => {
    expect((await coordinator.request('GET', '/api/v1/coalitions/KS9999/plan')).statusCode).toBe(404);
    const response = await coordinator.request('GET', PLAN);
    expect(response.statusCode, response.body).toBe(200);
    const overview = response.json<PlanOverview>();
    expect(overview).toMatchObject({ coalition: { code: 'KS0001', kind: 'local' }, versions: [], current: null, improvementActions: [] });
    expect(overview.allowedActions).toEqual(['start_plan', 'create_improvement_action', 'update_improvement_action']);
    // Step 1: the coalition's own area profile from the monitor.
    expect(overview.facts).toMatchObject({ areaCode: 'KS0001', areaLevel: 'coalition' });
    expect(overview.coalition.municipalities.map((member) => member.code).sort()).toEqual(['GM0482', 'GM0505', 'GM0590', 'GM0610', 'GM0642']);
  });

  it('starts version 1 (201); starting again returns the same draft (200)', async () => {
    const first = await coordinator.request('POST', `${PLAN}/versions`, {});
    expect(first.statusCode, first.body).toBe(201);
    v1 = first.json<PlanVersion>();
    expect(v1).toMatchObject({ version: 1, status: 'draft', revision: 1, basedOnVersion: null, allowedActions: ['update', 'approve'] });
    const again = await coordinator.request('POST', `${PLAN}/versions`, {});
    expect(again.statusCode).toBe(200);
    expect(again.json<PlanVersion>().version).toBe(1);
  });

  it('saves (audited), and saving the same again changes nothing', async () => {
    const before = await lastAuditSequence(t);
    const saved = await coordinator.request('PUT', `${PLAN}/versions/1`, { revision: 1, content });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<PlanVersion>()).toMatchObject({ revision: 2, content });
    const rows = await t.database.db.select().from(auditLog).where(and(gt(auditLog.sequence, before), eq(auditLog.objectType, 'coalition_plan')));
    expect(rows.map((row) => [row.action, row.outcome])).toEqual([['update', 'success']]);
    const repeated = await coordinator.request('PUT', `${PLAN}/versions/1`, { revision: 1, content });
    expect(repeated.statusCode).toBe(200);
    expect(repeated.json<PlanVersion>().revision).toBe(2);
  });

  it('a stale edit is 409 with a clear message, and saves nothing', async () => {
    const response = await coordinator.request('PUT', `${PLAN}/versions/1`, { revision: 1, content: planContent({ ambition: 'Iets anders.' }) });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'stale_version', detail: expect.stringMatching(/Iemand anders heeft dit intussen gewijzigd/) });
    expect(await storedRevision(1)).toBe(2);
  });

  const BAD: [string, unknown, RegExp][] = [
    ['a target year outside 2018–2040', planContent({}, [goal({ targetYear: 2050 })]), /Kies een streefjaar van 2018 tot en met 2040/],
    ['an unknown indicator key', planContent({}, [goal({ indicatorKey: 'onbekende_indicator' })]), /geen indicator van de monitor/],
    ['a programme goal of another period', planContent({}, [goal({ phase: 'after_birth', programmeGoal: 1 })]), /hoort niet bij deze periode/],
    ['a goal without a description', planContent({}, [goal({ description: '  ' })]), /Beschrijf het doel/],
    ['a phase that does not exist', planContent({}, [{ ...goal(), phase: 'ooit' } as never]), /Kies voor, tijdens of na de zwangerschap/],
    ['a text of 20,001 characters', planContent({ review: 'x'.repeat(20_001) }), /te lang/],
  ];
  for (const [name, body, message] of BAD) {
    it(`bad input: ${name} → 400 in Dutch, nothing saved`, async () => {
      const response = await coordinator.request('PUT', `${PLAN}/versions/1`, { revision: 2, content: body });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.body).toMatch(message);
      expect(await storedRevision(1)).toBe(2);
    });
  }

  it('an approval date in the future is refused; a valid approval freezes the version (audited)', async () => {
    const future = await coordinator.request('POST', `${PLAN}/versions/1/approval`, { revision: 2, approvedOn: '2099-01-01', approvedBy: 'Stuurgroep' });
    expect(future.statusCode).toBe(400);
    expect(future.body).toMatch(/toekomst/);
    const impossible = await coordinator.request('POST', `${PLAN}/versions/1/approval`, { revision: 2, approvedOn: '2025-02-30', approvedBy: 'Stuurgroep' });
    expect(impossible.statusCode).toBe(400);
    const approved = await coordinator.request('POST', `${PLAN}/versions/1/approval`, {
      revision: 2,
      approvedOn: '2025-03-01',
      approvedBy: 'Stuurgroep Kansrijke Start Drechtsteden',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<PlanVersion>()).toMatchObject({ status: 'approved', approvedOn: '2025-03-01', approvedBy: 'Stuurgroep Kansrijke Start Drechtsteden', allowedActions: ['new_version'] });
  });

  it('approving twice is refused in Dutch', async () => {
    const response = await coordinator.request('POST', `${PLAN}/versions/1/approval`, { revision: 3, approvedOn: '2025-03-02', approvedBy: 'Gemeenteraad' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'plan_already_approved', detail: expect.stringMatching(/al vastgesteld/) });
    const [row] = await t.database.db.select().from(coalitionPlanVersions).where(eq(coalitionPlanVersions.version, 1));
    expect(row).toMatchObject({ approvedOn: '2025-03-01', approvedBy: 'Stuurgroep Kansrijke Start Drechtsteden' });
  });

  it('editing an approved version is refused in Dutch, even with its own revision', async () => {
    const response = await coordinator.request('PUT', `${PLAN}/versions/1`, { revision: 3, content: planContent({ ambition: 'Gewijzigd na vaststelling.' }) });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'plan_version_approved', detail: expect.stringMatching(/Nieuwe versie/) });
  });

  it('"nieuwe versie" copies the approved one into draft 2; the first is kept as it was', async () => {
    const response = await coordinator.request('POST', `${PLAN}/versions`, { fromVersion: 1 });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<PlanVersion>()).toMatchObject({ version: 2, status: 'draft', basedOnVersion: 1, content });
    const saved = await coordinator.request('PUT', `${PLAN}/versions/2`, { revision: 1, content: planContent({ ambition: 'Scherper: in 2030 de helft minder valse starts.' }, content.goals) });
    expect(saved.statusCode, saved.body).toBe(200);
    const first = await coordinator.request('GET', `${PLAN}/versions/1`);
    expect(first.json<PlanVersion>().content).toEqual(content);
  });

  it('compares two versions per step, marking what changed', async () => {
    const response = await coordinator.request('GET', `${PLAN}/comparison?from=1&to=2`);
    expect(response.statusCode, response.body).toBe(200);
    const comparison = response.json<{ steps: { step: string; isChanged: boolean }[]; goals: { change: string }[] }>();
    expect(comparison.steps.filter((step) => step.isChanged).map((step) => step.step)).toEqual(['ambition']);
    expect(comparison.goals.map((row) => row.change)).toEqual(['same']);
    expect((await coordinator.request('GET', `${PLAN}/comparison?from=1&to=9`)).statusCode).toBe(404);
    expect((await coordinator.request('GET', `${PLAN}/comparison?from=een&to=2`)).statusCode).toBe(400);
  });

  it('who reads what: approved versions for everyone, drafts for the coalition\'s readers', async () => {
    const seen = async (caller: Caller) => (await caller.request('GET', PLAN)).json<PlanOverview>();
    expect((await seen(midwife)).versions.map((version) => version.version)).toEqual([1]);
    expect((await seen(midwife)).improvementActions).toBeNull();
    expect((await seen(outsider)).versions.map((version) => version.version)).toEqual([1]);
    for (const reader of [coordinator, policyOfficer, analyst, admin]) expect((await seen(reader)).versions.map((version) => version.version)).toEqual([2, 1]);
    expect((await midwife.request('GET', `${PLAN}/versions/1`)).statusCode).toBe(200);
    expect((await midwife.request('GET', `${PLAN}/versions/2`)).statusCode).toBe(403);
    expect((await outsider.request('GET', `${PLAN}/comparison?from=1&to=2`)).statusCode).toBe(403);
    expect((await policyOfficer.request('GET', `${PLAN}/versions/2`)).statusCode).toBe(200);
    expect((await policyOfficer.request('GET', `${PLAN}/versions/2`)).json<PlanVersion>().allowedActions).toEqual([]);
  });

  it('a coordinator of another coalition is refused every change, and the refusal is audited', async () => {
    const before = await lastAuditSequence(t);
    const attempts = [
      await outsider.request('PUT', `${PLAN}/versions/2`, { revision: 2, content }),
      await outsider.request('POST', `${PLAN}/versions/2/approval`, { revision: 2, approvedOn: '2025-04-01', approvedBy: 'Niemand' }),
      await outsider.request('POST', `${PLAN}/versions`, {}),
      await outsider.request('POST', '/api/v1/coalitions/KS0001/improvement-actions', { title: 'Niet van mij', origin: null }),
    ];
    expect(attempts.map((response) => response.statusCode)).toEqual([403, 403, 403, 403]);
    const denials = await t.database.db.select().from(auditLog).where(and(gt(auditLog.sequence, before), eq(auditLog.action, 'access_denied')));
    expect(denials.map((row) => (row.details as { attempted: string }).attempted)).toEqual(['update', 'approve', 'create', 'create']);
    expect(await storedRevision(2)).toBe(2);
    // Its own coalition is its to edit.
    expect((await outsider.request('POST', '/api/v1/coalitions/KS0002/plan/versions', {})).statusCode).toBe(201);
  });

  it('the platform admin approves version 2; the plan then shows it as current', async () => {
    const response = await admin.request('POST', `${PLAN}/versions/2/approval`, { revision: 2, approvedOn: '2025-06-01', approvedBy: 'Gemeenteraad Dordrecht' });
    expect(response.statusCode, response.body).toBe(200);
    const overview = (await midwife.request('GET', PLAN)).json<PlanOverview>();
    expect(overview.current).toMatchObject({ version: 2, status: 'approved', allowedActions: [] });
    expect(overview.progress).toEqual([expect.objectContaining({ indicatorKey: 'big2', targetValue: 12, targetYear: 2027 })]);
  });
});

describe('goal progress against the monitor', () => {
  const figure = (overrides: object) => ({
    indicatorKey: 'big2', kind: 'share', areaLevel: 'coalition', areaCode: 'KS0001', areaName: 'Drechtsteden', year: 2024, firstYear: 2024,
    isPooled: false, period: '2024', split: 'all', isSuppressed: false, numerator: 150, denominator: 1000, value: 15, lower: 12.9, upper: 17.3,
    source: 'records', sourceLabel: 'x', isSynthetic: true, change: null, ...overrides,
  });
  const profile = (figureOverrides: object | null) =>
    ({ areaCode: 'KS0001', areaName: 'D', areaLevel: 'coalition', sizeClass: null, sizeClassLabel: null, year: 2024,
      items: [{ indicator: { key: 'big2' }, figure: figureOverrides ? figure(figureOverrides) : null, comparisons: [] }] }) as unknown as AreaProfile;
  const content = (targetValue: number) => planContent({}, [goal({ targetValue })]);
  it('reached, not reached (Big2: lower is better), suppressed (said so, no value), no figure', () => {
    expect(goalProgress(content(16), profile({}))[0]).toMatchObject({ state: 'reached', value: 15, lower: 12.9, upper: 17.3, period: '2024' });
    expect(goalProgress(content(12), profile({}))[0]).toMatchObject({ state: 'not_reached', value: 15 });
    expect(goalProgress(content(12), profile({ isSuppressed: true, value: null, numerator: null, denominator: null, lower: null, upper: null }))[0]).toMatchObject({ state: 'suppressed', value: null, lower: null });
    expect(goalProgress(content(12), profile(null))[0]).toMatchObject({ state: 'no_figure' });
    expect(goalProgress(content(12), null)[0]).toMatchObject({ state: 'no_figure' });
    expect(goalProgress(planContent({}, [goal({ indicatorKey: null, targetValue: null })]), profile({}))).toEqual([]);
  });
});

describe('improvement actions (the briefing\'s contract)', () => {
  const URL = '/api/v1/coalitions/KS0001/improvement-actions';
  it('the same origin twice is the same action (201, then 200 with the same id); without origin each is new', async () => {
    const origin = { roundId: randomUUID(), statementKey: 'samenwerking-07' };
    const first = await coordinator.request('POST', URL, { title: 'Vaker overleg met de huisartsen', origin });
    expect(first.statusCode, first.body).toBe(201);
    const again = await coordinator.request('POST', URL, { title: 'Vaker overleg met de huisartsen', origin });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const plain = [await coordinator.request('POST', URL, { title: 'Eigen actie', origin: null }), await coordinator.request('POST', URL, { title: 'Eigen actie', origin: null })];
    expect(plain.map((response) => response.statusCode)).toEqual([201, 201]);
    const rows = await t.database.db.select().from(improvementActions).where(eq(improvementActions.originStatementKey, 'samenwerking-07'));
    expect(rows).toHaveLength(1);
  });

  it('bad input in Dutch: an empty or too long title, a bad origin', async () => {
    for (const body of [{ title: '', origin: null }, { title: 'x'.repeat(301), origin: null }, { title: 'Goed', origin: { roundId: 'geen-uuid', statementKey: 'a' } }, { title: 'Goed' }]) {
      const response = await coordinator.request('POST', URL, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it('status open → in progress → done, from the version seen; a stale one is 409; the same status again changes nothing', async () => {
    const { id } = (await coordinator.request('POST', URL, { title: 'Ervaringsdeskundigen betrekken', origin: null })).json<{ id: string }>();
    const started = await coordinator.request('PATCH', `${URL}/${id}`, { version: 1, status: 'in_progress' });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({ status: 'in_progress', version: 2 });
    expect((await coordinator.request('PATCH', `${URL}/${id}`, { version: 1, status: 'in_progress' })).statusCode).toBe(200);
    expect((await coordinator.request('PATCH', `${URL}/${id}`, { version: 1, status: 'done' })).statusCode).toBe(409);
    expect((await coordinator.request('PATCH', `${URL}/${id}`, { version: 2, status: 'klaar' })).statusCode).toBe(400);
    expect((await coordinator.request('PATCH', `${URL}/${id}`, { version: 2, status: 'done' })).json()).toMatchObject({ status: 'done', version: 3 });
    // Another coalition's URL does not reach it.
    expect((await admin.request('PATCH', `/api/v1/coalitions/KS0002/improvement-actions/${id}`, { version: 3, status: 'open' })).statusCode).toBe(404);
    const list = (await policyOfficer.request('GET', URL)).json<{ items: { id: string; status: string }[] }>();
    expect(list.items.find((item) => item.id === id)?.status).toBe('done');
    expect((await midwife.request('GET', URL)).statusCode).toBe(403);
  });
});

describe('at the same time (row locks)', () => {
  it('two saves from the same revision: one is saved, the other is 409 stale_version', async () => {
    const code = 'KS0003';
    const starter = await callerFor(t, 'platformAdmin');
    const started = await starter.request('POST', `/api/v1/coalitions/${code}/plan/versions`, {});
    expect(started.statusCode, started.body).toBe(201);
    const url = `/api/v1/coalitions/${code}/plan/versions/1`;
    const responses = await Promise.all([
      starter.request('PUT', url, { revision: 1, content: planContent({ ambition: 'Eerste' }) }),
      starter.request('PUT', url, { revision: 1, content: planContent({ ambition: 'Tweede' }) }),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    const stored = (await starter.request('GET', url)).json<PlanVersion>();
    expect(stored.revision).toBe(2);
    expect(['Eerste', 'Tweede']).toContain(stored.content.texts.ambition);
  });

  it('two starts at once make one draft; two approvals at once approve once', async () => {
    const code = 'KS0004';
    const url = `/api/v1/coalitions/${code}/plan/versions`;
    const starts = await Promise.all([admin.request('POST', url, {}), admin.request('POST', url, {})]);
    expect(starts.map((response) => response.statusCode).sort()).toEqual([200, 201]);
    const approvals = await Promise.all(
      ['Stuurgroep', 'Gemeenteraad'].map((body) => admin.request('POST', `${url}/1/approval`, { revision: 1, approvedOn: '2025-05-01', approvedBy: body })),
    );
    expect(approvals.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    expect(approvals.find((response) => response.statusCode === 409)!.json().code).toBe('plan_already_approved');
  });

  it('the same origin twice at once is one improvement action', async () => {
    const origin = { roundId: randomUUID(), statementKey: 'interventies-03' };
    const url = '/api/v1/coalitions/KS0004/improvement-actions';
    const responses = await Promise.all([admin.request('POST', url, { title: 'Gelijktijdig', origin }), admin.request('POST', url, { title: 'Gelijktijdig', origin })]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 201]);
    expect(responses[0]!.json()).toEqual(responses[1]!.json());
  });
});

describe('the web is offered exactly what the server allows', () => {
  it('on a draft: update and approve for its editors only; others are refused what they are not offered', async () => {
    const code = 'KS0001';
    const url = `/api/v1/coalitions/${code}/plan`;
    // Version 3: a draft after version 2 was approved above.
    const started = await coordinator.request('POST', `${url}/versions`, {});
    expect(started.statusCode, started.body).toBe(201);
    const draft = started.json<PlanVersion>().version;
    for (const [name, caller] of [['coordinator', coordinator], ['policy officer', policyOfficer], ['analyst', analyst], ['platform admin', admin]] as const) {
      const version = (await caller.request('GET', `${url}/versions/${draft}`)).json<PlanVersion>();
      const attempt = await caller.request('PUT', `${url}/versions/${draft}`, { revision: 999, content: planContent({ review: name }) });
      // Offered: reached (here stale, 409). Not offered: refused (403).
      expect([name, version.allowedActions.includes('update')]).toEqual([name, attempt.statusCode === 409]);
      expect([name, attempt.statusCode]).toEqual([name, version.allowedActions.includes('update') ? 409 : 403]);
      expect(version.allowedActions.includes('approve')).toBe(version.allowedActions.includes('update'));
    }
  });
});


// SPDX-License-Identifier: EUPL-1.2
// The self-analysis over HTTP: a coordinator opens a round for Drechtsteden, invites a person with an
// account and someone through a personal link; both answer (partly, then change), disagree on the
// collaboration part, and the report shows it. Bad input saves nothing; a closed round or an unknown
// link says so in Dutch; anonymity is kept; every answer submission is audited without the scores.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { anonymousHeaders } from '../../../../test/helpers/sessions.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { analysisAnswers, analysisRespondents } from './schema.js';
import { answerByLink, answersFor, inviteByLink, openTestRound, statementsOfPart, STATEMENT_KEYS } from './test-support.js';

let t: TestApp;
let coordinator: Caller;
let nurse: Caller;
let midwife: Caller;
let policyOfficer: Caller;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000', AUTH_RATE_LIMIT_PER_MINUTE: '100000' } });
  coordinator = await callerFor(t, 'coordinator', 'gemeente');
  nurse = await callerFor(t, 'jgzNurse', 'jgz');
  midwife = await callerFor(t, 'midwife', 'wieg');
  policyOfficer = await callerFor(t, 'policyOfficer', 'gemeente');
});
afterAll(() => t.close());

const base = '/api/v1/coalitions/KS0001/analysis-rounds';
const link = (token: string) => `/api/v1/analysis-links/${token}`;
const anonymousGet = (url: string) => t.app.inject({ method: 'GET', url, headers: anonymousHeaders });

async function answersOf(respondentId: string) {
  return t.database.db.select().from(analysisAnswers).where(eq(analysisAnswers.respondentId, respondentId));
}

describe('a round from opening to report', () => {
  let roundId: string;
  let nurseInvitation: string;
  let token: string;
  let linkRespondentId: string;

  it('the coordinator opens a round; readers list it, with what they may do', async () => {
    const opened = await coordinator.audited('POST', base, { title: 'Zelfanalyse voorjaar', anonymity: 'named' });
    expect(opened.response.statusCode, opened.response.body).toBe(201);
    roundId = opened.response.json().id;
    expect(opened.rows).toMatchObject([{ action: 'create', outcome: 'success', objectType: 'analysis_round', objectId: roundId }]);

    const list = await coordinator.request('GET', base);
    expect(list.json()).toMatchObject({ coalition: { code: 'KS0001' }, allowedActions: ['create'], items: [{ id: roundId, status: 'open', anonymity: 'named', respondentCount: 0 }] });
    const read = await policyOfficer.request('GET', base);
    expect(read.statusCode).toBe(200);
    expect(read.json().allowedActions).toEqual([]);
    expect((await policyOfficer.request('POST', base, { title: 'x', anonymity: 'named' })).statusCode).toBe(403);
    expect((await midwife.request('GET', base)).statusCode).toBe(403);
  });

  it('a coordinator of another coalition is refused, and the refusal audited', async () => {
    const refused = await coordinator.audited('POST', '/api/v1/coalitions/KS0002/analysis-rounds', { title: 'Niet van mij', anonymity: 'named' });
    expect(refused.response.statusCode).toBe(403);
    expect(refused.rows).toMatchObject([{ action: 'access_denied', outcome: 'denied', objectType: 'analysis_round' }]);
    expect((await coordinator.request('GET', '/api/v1/coalitions/KS9999/analysis-rounds')).statusCode).toBe(404);
    expect((await coordinator.request('GET', '/api/v1/coalitions/Drechtsteden/analysis-rounds')).json().code).toBe('validation_failed');
  });

  it('invites a person with an account (twice: the same invitation) and someone through a link (shown once)', async () => {
    const candidates = await coordinator.request('GET', `${base}/${roundId}/candidates`);
    expect(candidates.statusCode, candidates.body).toBe(200);
    const joke = candidates.json().items.find((item: { name: string }) => item.name === 'Joke Jansen');
    expect(joke).toMatchObject({ organisationName: 'JGZ Zuid-Holland Zuid' });
    expect((await policyOfficer.request('GET', `${base}/${roundId}/candidates`)).statusCode).toBe(403);

    const first = await coordinator.audited('POST', `${base}/${roundId}/respondents`, { personId: joke.personId });
    expect(first.response.statusCode, first.response.body).toBe(201);
    expect(first.response.json()).toMatchObject({ name: 'Joke Jansen', link: null });
    expect(JSON.stringify(first.rows[0]!.details)).not.toContain('Joke');
    nurseInvitation = first.response.json().id;
    const again = await coordinator.request('POST', `${base}/${roundId}/respondents`, { personId: joke.personId });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(nurseInvitation);

    const byLink = await coordinator.request('POST', `${base}/${roundId}/respondents`, { name: 'Fatima Ouali', email: 'Fatima@Example.org' });
    expect(byLink.statusCode, byLink.body).toBe(201);
    expect(byLink.json().link).toMatch(/\/zelfanalyse\/[A-Za-z0-9_-]{43}$/);
    token = byLink.json().link.split('/zelfanalyse/')[1];
    linkRespondentId = byLink.json().id;
    const [stored] = await t.database.db.select().from(analysisRespondents).where(eq(analysisRespondents.id, linkRespondentId));
    expect(stored!.tokenHash).not.toContain(token);
    expect(stored!.email).toBe('fatima@example.org');
    const duplicate = await coordinator.request('POST', `${base}/${roundId}/respondents`, { name: 'Fatima', email: 'fatima@example.org' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'analysis_already_invited', detail: nl.errors.analysis_already_invited });

    const detail = await coordinator.request('GET', `${base}/${roundId}`);
    expect(detail.json()).toMatchObject({ allowedActions: ['update'], statementCount: 56, round: { respondentCount: 2 } });
    expect(detail.json().respondents.map((respondent: { kind: string }) => respondent.kind)).toEqual(['account', 'link']);
  });

  it('the invited person finds and answers their own invitation, partly, then changes it; nobody else can', async () => {
    const mine = await nurse.request('GET', '/api/v1/analysis-invitations');
    expect(mine.json().items).toMatchObject([{ respondentId: nurseInvitation, coalition: { code: 'KS0001' }, status: 'open', answeredCount: 0, statementCount: 56 }]);
    const form = await nurse.request('GET', `/api/v1/analysis-invitations/${nurseInvitation}`);
    expect(form.json().parts.map((part: { statements: unknown[] }) => part.statements.length)).toEqual([20, 18, 18]);

    const partly = await nurse.audited('PUT', `/api/v1/analysis-invitations/${nurseInvitation}/answers`, answersFor(() => 3, statementsOfPart('opgaven')));
    expect(partly.response.json()).toEqual({ savedCount: 20, answeredCount: 20, statementCount: 56 });
    expect(partly.rows).toMatchObject([{ action: 'update', outcome: 'success', objectType: 'analysis_round', objectId: roundId, details: { via: 'person', statements: 20 } }]);
    // The audit row holds how many, never which score.
    expect(JSON.stringify(partly.rows[0]!.details)).not.toMatch(/score/);

    // Disagreeing on the collaboration part: the nurse scores it high, the link respondent low.
    const all = await nurse.request('PUT', `/api/v1/analysis-invitations/${nurseInvitation}/answers`, answersFor((key) => (key.startsWith('samenwerking') ? 5 : 4)));
    expect(all.json()).toEqual({ savedCount: 56, answeredCount: 56, statementCount: 56 });
    expect((await nurse.request('GET', `/api/v1/analysis-invitations/${nurseInvitation}`)).json().answers['opgaven.01']).toBe(4);

    expect((await midwife.request('GET', `/api/v1/analysis-invitations/${nurseInvitation}`)).statusCode).toBe(404);
    expect((await midwife.request('PUT', `/api/v1/analysis-invitations/${nurseInvitation}/answers`, answersFor(() => 1))).statusCode).toBe(404);
  });

  it('someone without an account answers through the link, which shows nothing but the statements and their own scores', async () => {
    const form = await anonymousGet(link(token));
    expect(form.statusCode, form.body).toBe(200);
    expect(Object.keys(form.json()).sort()).toEqual(['anonymity', 'answers', 'coalitionName', 'parts', 'respondentName', 'roundTitle', 'scaleLabels', 'status']);
    expect(form.json()).toMatchObject({ respondentName: 'Fatima Ouali', coalitionName: expect.any(String), answers: {} });
    expect(form.body).not.toContain('Joke');

    const saved = await answerByLink(t, token, answersFor((key) => (key.startsWith('samenwerking') ? 1 : 4)));
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await anonymousGet(link(token))).json().answers['samenwerking.01']).toBe(1);
  });

  it('bad scores and unknown statements are refused in Dutch and nothing is saved, not even the valid ones', async () => {
    const before = await answersOf(linkRespondentId);
    for (const score of [0, 6, 2.5, '3', null, -1, 1e9]) {
      const response = await answerByLink(t, token, { answers: [{ statementKey: 'opgaven.02', score: 2 }, { statementKey: 'opgaven.01', score }] });
      expect(response.statusCode, String(score)).toBe(400);
      expect(response.json().code).toBe('validation_failed');
      expect(JSON.stringify(response.json().errors)).toContain('Een score is een geheel getal van 1 tot en met 5.');
    }
    const unknown = await answerByLink(t, token, { answers: [{ statementKey: 'opgaven.02', score: 2 }, { statementKey: 'opgaven.99', score: 3 }] });
    expect(unknown.json().errors).toEqual([{ path: 'body.answers.1.statementKey', code: 'invalid', message: 'Deze stelling bestaat niet in deze zelfanalyse.' }]);
    const twice = await answerByLink(t, token, { answers: [{ statementKey: 'opgaven.02', score: 2 }, { statementKey: 'opgaven.02', score: 3 }] });
    expect(twice.statusCode).toBe(400);
    expect((await answerByLink(t, token, { answers: [] })).statusCode).toBe(400);
    expect(await answersOf(linkRespondentId)).toEqual(before);
  });

  it('an unknown link says so in Dutch and saves nothing', async () => {
    const unknown = await answerByLink(t, 'x'.repeat(43), answersFor(() => 3));
    expect(unknown.statusCode).toBe(410);
    expect(unknown.json()).toMatchObject({ code: 'analysis_link_invalid', detail: nl.errors.analysis_link_invalid });
    expect((await anonymousGet(link('niet-bestaand'))).statusCode).toBe(410);
  });

  it('the report flags the disagreement on the collaboration part and names the weakest statements', async () => {
    const response = await policyOfficer.request('GET', `${base}/${roundId}/report`);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.allowedActions).toEqual([]);
    expect((await coordinator.request('GET', `${base}/${roundId}/report`)).json().allowedActions).toEqual(['improve']);
    const collaboration = report.parts.find((part: { key: string }) => part.key === 'samenwerking');
    expect(collaboration).toMatchObject({ count: 36, mean: 3, standardDeviation: 2, disagreementCount: 18, change: null });
    expect(report.parts.find((part: { key: string }) => part.key === 'opgaven')).toMatchObject({ mean: 4, standardDeviation: 0, disagreementCount: 0 });
    const statement = report.statements.find((item: { key: string }) => item.key === 'samenwerking.04');
    expect(statement).toMatchObject({ count: 2, mean: 3, standardDeviation: 2, distribution: [1, 0, 0, 0, 1], isDisagreement: true, isSuppressed: false });
    expect(report.weakest).toEqual(['samenwerking.01', 'samenwerking.02', 'samenwerking.03', 'samenwerking.04', 'samenwerking.05']);
    expect(report.groups.kind).toBe('named');
    expect(report.groups.rows.map((row: { label: string }) => row.label)).toEqual(['Fatima Ouali', 'Joke Jansen']);
    expect((await midwife.request('GET', `${base}/${roundId}/report`)).statusCode).toBe(403);
  });

  it('closing the round: the link has expired, answering saves nothing and says why; closing again changes nothing', async () => {
    const closed = await coordinator.request('POST', `${base}/${roundId}/closure`);
    expect(closed.json()).toEqual({ id: roundId, status: 'closed' });
    expect((await coordinator.request('POST', `${base}/${roundId}/closure`)).statusCode).toBe(200);
    const before = await answersOf(linkRespondentId);
    const viaLink = await answerByLink(t, token, answersFor(() => 2));
    expect(viaLink.statusCode).toBe(409);
    expect(viaLink.json()).toMatchObject({ code: 'analysis_round_closed', detail: nl.errors.analysis_round_closed });
    expect((await anonymousGet(link(token))).json().code).toBe('analysis_round_closed');
    const own = await nurse.audited('PUT', `/api/v1/analysis-invitations/${nurseInvitation}/answers`, answersFor(() => 2));
    expect(own.response.json().code).toBe('analysis_round_closed');
    expect(own.rows).toMatchObject([{ outcome: 'failure', details: { failure: 'round_closed' } }]);
    expect(await answersOf(linkRespondentId)).toEqual(before);
    expect((await coordinator.request('POST', `${base}/${roundId}/respondents`, { name: 'Laat', email: 'laat@example.org' })).json().code).toBe('analysis_round_closed');
    expect((await coordinator.request('GET', `${base}/${roundId}`)).json().allowedActions).toEqual([]);
  });

  it('an anonymous next round: nothing per respondent, no figures under 3 answers, and the change since the previous round', async () => {
    t.clock.advance(1000);
    const next = await openTestRound(coordinator, 'KS0001', 'anonymous', 'Zelfanalyse najaar');
    const tokens = await Promise.all(['a', 'b', 'c'].map((name) => inviteByLink(coordinator, 'KS0001', next, `Partner ${name}`, `${name}@example.org`)));
    // Three answer the collaboration part (all 4); only two answer the first part.
    for (const [index, linkToken] of tokens.entries()) {
      expect((await answerByLink(t, linkToken, answersFor(() => 4, statementsOfPart('samenwerking')))).statusCode).toBe(200);
      if (index < 2) expect((await answerByLink(t, linkToken, answersFor(() => 2, statementsOfPart('opgaven')))).statusCode).toBe(200);
    }
    const report = (await coordinator.request('GET', `${base}/${next}/report`)).json();
    expect(report.previousRound).toMatchObject({ id: roundId });
    expect(report.groups).toBeNull();
    expect(report.parts.find((part: { key: string }) => part.key === 'samenwerking')).toMatchObject({ mean: 4, change: 1 });
    expect(report.statements.find((item: { key: string }) => item.key === 'samenwerking.01')).toMatchObject({ count: 3, distribution: [0, 0, 0, 3, 0], change: 1 });
    const hidden = report.statements.find((item: { key: string }) => item.key === 'opgaven.01');
    expect(hidden).toMatchObject({ isSuppressed: true, distribution: null, mean: null, standardDeviation: null, change: null, isDisagreement: false });
    // A part answered by two people shows no figures either (its mean would be theirs).
    expect(report.parts.find((part: { key: string }) => part.key === 'opgaven')).toMatchObject({ count: 0, mean: null, standardDeviation: null });
    expect(report.weakest.every((key: string) => key.startsWith('samenwerking'))).toBe(true);
    expect(JSON.stringify(report)).not.toMatch(/Partner [abc]/);
    const detail = (await coordinator.request('GET', `${base}/${next}`)).json();
    expect(detail.respondents.every((respondent: { answeredCount: number | null }) => respondent.answeredCount === null)).toBe(true);
    expect(STATEMENT_KEYS).toHaveLength(56);
  });
});

// SPDX-License-Identifier: EUPL-1.2
// Fuzzing every self-analysis endpoint with fast-check: odd codes, ids, tokens and bodies (NUL, lone
// surrogates, huge numbers, near-valid answers) never get a 5xx.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { anonymousHeaders } from '../../../../test/helpers/sessions.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { inviteByLink, openTestRound, STATEMENT_KEYS } from './test-support.js';

let t: TestApp;
let coordinator: Caller;
let nurse: Caller;
let roundId: string;
let token: string;
let respondentId: string;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000', AUTH_RATE_LIMIT_PER_MINUTE: '100000' } });
  coordinator = await callerFor(t, 'coordinator', 'gemeente');
  nurse = await callerFor(t, 'jgzNurse', 'jgz');
  roundId = await openTestRound(coordinator);
  token = await inviteByLink(coordinator, 'KS0001', roundId, 'Fuzz', 'fuzz@example.org');
  const invited = await coordinator.request('POST', `/api/v1/coalitions/KS0001/analysis-rounds/${roundId}/respondents`, { personId: nurse.session.personId });
  respondentId = invited.json().id;
});
afterAll(() => t.close());

const RUNS = { numRuns: 40 };
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(anyText, fc.oneof(anyText, fc.integer(), fc.boolean(), fc.constant(null))));
const anyCode = fc.oneof(fc.constant('KS0001'), fc.constant('KS0002'), fc.constant('KS9999'), anyText);
const anyId = fc.oneof(fc.uuid(), anyText, fc.constant('00000000-0000-4000-8000-000000000000'));
const anyScore = fc.oneof(fc.integer({ min: -3, max: 8 }), fc.double(), fc.constant(2 ** 40), anyText, fc.constant(null));
const nearAnswers = fc.record({
  answers: fc.array(fc.record({ statementKey: fc.oneof(fc.constantFrom(...STATEMENT_KEYS), anyText), score: anyScore }), { maxLength: 60 }),
});
const seg = (value: string) => encodeURIComponent(value);

function expectNo5xx(response: { statusCode: number; body: string }, what: string) {
  expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
}

describe('fuzz: never a 5xx', () => {
  it('rounds: list, open, read, candidates, invite, report, close (odd codes, ids and bodies)', async () => {
    await fc.assert(
      fc.asyncProperty(anyCode, anyId, anyJson, async (code, id, body) => {
        const rounds = `/api/v1/coalitions/${seg(code)}/analysis-rounds`;
        expectNo5xx(await coordinator.request('GET', rounds), 'list');
        expectNo5xx(await coordinator.request('POST', rounds, body), 'open');
        expectNo5xx(await coordinator.request('GET', `${rounds}/${seg(id)}`), 'read');
        expectNo5xx(await coordinator.request('GET', `${rounds}/${seg(id)}/candidates`), 'candidates');
        expectNo5xx(await coordinator.request('POST', `${rounds}/${seg(id)}/respondents`, body), 'invite');
        expectNo5xx(await coordinator.request('GET', `${rounds}/${seg(id)}/report`), 'report');
      }),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({ title: fc.oneof(anyText, fc.string({ maxLength: 300 })), anonymity: fc.oneof(fc.constantFrom('named', 'per_partner', 'anonymous'), anyText) }),
        fc.oneof(fc.record({ personId: anyId }), fc.record({ name: anyText, email: fc.oneof(fc.emailAddress(), anyText) })),
        async (open, invite) => {
          expectNo5xx(await coordinator.request('POST', '/api/v1/coalitions/KS0001/analysis-rounds', open), 'open near-valid');
          expectNo5xx(await coordinator.request('POST', `/api/v1/coalitions/KS0001/analysis-rounds/${roundId}/respondents`, invite), 'invite near-valid');
        },
      ),
      RUNS,
    );
  });

  it('answering with an account and through a link (near-valid answers, odd tokens)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(nearAnswers, anyJson), anyId, fc.oneof(fc.constant(token), anyText), async (body, id, linkToken) => {
        expectNo5xx(await nurse.request('PUT', `/api/v1/analysis-invitations/${respondentId}/answers`, body), 'own answers');
        expectNo5xx(await nurse.request('GET', `/api/v1/analysis-invitations/${seg(id)}`), 'own form');
        expectNo5xx(await nurse.request('PUT', `/api/v1/analysis-invitations/${seg(id)}/answers`, body), 'odd invitation');
        expectNo5xx(await t.app.inject({ method: 'GET', url: `/api/v1/analysis-links/${seg(linkToken)}`, headers: anonymousHeaders }), 'link form');
        expectNo5xx(
          await t.app.inject({
            method: 'PUT',
            url: `/api/v1/analysis-links/${seg(linkToken)}/answers`,
            headers: { ...anonymousHeaders, 'content-type': 'application/json' },
            payload: JSON.stringify(body),
          }),
          'link answers',
        );
      }),
      RUNS,
    );
    expectNo5xx(await nurse.request('GET', '/api/v1/analysis-invitations'), 'mine');
    expectNo5xx(await coordinator.request('POST', `/api/v1/coalitions/KS0001/analysis-rounds/${roundId}/closure`), 'close');
  });
});

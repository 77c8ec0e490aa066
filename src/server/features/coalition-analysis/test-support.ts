// SPDX-License-Identifier: EUPL-1.2
// Helpers for self-analysis tests: a round with respondents and answers, made through the API.
import type { Caller } from '../organisations/test-support.js';
import type { TestApp } from '../../../../test/helpers/test-app.js';
import { anonymousHeaders } from '../../../../test/helpers/sessions.js';
import { KANSRIJK_ZELFANALYSE_V1 } from './instruments/analysis-instrument.js';

export const STATEMENT_KEYS = KANSRIJK_ZELFANALYSE_V1.statements.map((statement) => statement.key);
export const PART_KEYS = KANSRIJK_ZELFANALYSE_V1.parts.map((part) => part.key);
export const statementsOfPart = (partKey: string) => KANSRIJK_ZELFANALYSE_V1.statements.filter((statement) => statement.partKey === partKey).map((statement) => statement.key);

/** Scores for every statement: `scoreOf(key)`. */
export function answersFor(scoreOf: (key: string) => number, keys: readonly string[] = STATEMENT_KEYS) {
  return { answers: keys.map((statementKey) => ({ statementKey, score: scoreOf(statementKey) })) };
}

export async function openTestRound(coordinator: Caller, code = 'KS0001', anonymity: 'named' | 'per_partner' | 'anonymous' = 'named', title = 'Ronde'): Promise<string> {
  const response = await coordinator.request('POST', `/api/v1/coalitions/${code}/analysis-rounds`, { title, anonymity });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json().id;
}

/** Invites someone without an account; returns the token of their personal link. */
export async function inviteByLink(coordinator: Caller, code: string, roundId: string, name: string, email: string): Promise<string> {
  const response = await coordinator.request('POST', `/api/v1/coalitions/${code}/analysis-rounds/${roundId}/respondents`, { name, email });
  if (response.statusCode !== 201) throw new Error(response.body);
  return (response.json().link as string).split('/zelfanalyse/')[1]!;
}

export function answerByLink(t: TestApp, token: string, body: unknown) {
  return t.app.inject({
    method: 'PUT',
    url: `/api/v1/analysis-links/${encodeURIComponent(token)}/answers`,
    headers: { ...anonymousHeaders, 'content-type': 'application/json' },
    payload: body as object,
  });
}

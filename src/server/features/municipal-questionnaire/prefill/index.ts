// SPDX-License-Identifier: EUPL-1.2
// The registers a response is prefilled from, in order (a later source may not overwrite an earlier
// source's answer): the coalition register (status, memberships), the care pathways (interventions),
// and the local coalition's workspace — its plan of approach, agreements and partners.
import type { Executor } from '../../../platform/db/connection.js';
import { coalitionMembershipsSource } from './coalition-memberships.js';
import { coalitionStatusSource } from './coalition-status.js';
import { interventionsFromPathwaysSource } from './interventions-from-pathways.js';
import { planStatusSource } from './plan-status.js';
import { agreementsSource } from './agreements.js';
import { partnersSource } from './partners.js';
import type { PrefilledAnswer, PrefillRequest, PrefillSource } from './prefill-source.js';

export const PREFILL_SOURCES: readonly PrefillSource[] = [
  coalitionStatusSource,
  coalitionMembershipsSource,
  interventionsFromPathwaysSource,
  planStatusSource,
  agreementsSource,
  partnersSource,
];

export async function prefill(db: Executor, request: PrefillRequest, sources: readonly PrefillSource[] = PREFILL_SOURCES): Promise<Map<string, PrefilledAnswer>> {
  const answers = new Map<string, PrefilledAnswer>();
  for (const source of sources) {
    for (const answer of await source.load(db, request)) if (!answers.has(answer.questionKey)) answers.set(answer.questionKey, answer);
  }
  return answers;
}

// SPDX-License-Identifier: EUPL-1.2
// The registers a response is prefilled from, in order (a later source may not overwrite an earlier
// source's answer). INTEGRATOR: after the merge add, one file each, the plan status
// (coalition_plan_versions: 'approved' when an approved version exists on the peildatum), the
// agreements per topic with their reasons (coalition_agreements) and the partners consulted and wanted
// (coalition_partners, is_wanted) — question keys plan_status, agreements, partners_consulted,
// partners_wanted (contracts/municipal-questionnaire.ts). Nothing is faked until then.
import type { Executor } from '../../../platform/db/connection.js';
import { coalitionMembershipsSource } from './coalition-memberships.js';
import { coalitionStatusSource } from './coalition-status.js';
import { interventionsFromPathwaysSource } from './interventions-from-pathways.js';
import type { PrefilledAnswer, PrefillRequest, PrefillSource } from './prefill-source.js';

export const PREFILL_SOURCES: readonly PrefillSource[] = [coalitionStatusSource, coalitionMembershipsSource, interventionsFromPathwaysSource];

export async function prefill(db: Executor, request: PrefillRequest, sources: readonly PrefillSource[] = PREFILL_SOURCES): Promise<Map<string, PrefilledAnswer>> {
  const answers = new Map<string, PrefilledAnswer>();
  for (const source of sources) {
    for (const answer of await source.load(db, request)) if (!answers.has(answer.questionKey)) answers.set(answer.questionKey, answer);
  }
  return answers;
}

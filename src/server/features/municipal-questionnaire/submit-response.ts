// SPDX-License-Identifier: EUPL-1.2
// Submitting a municipality's response (issue 10 item 6). In one transaction: the response and its
// answers; the municipality's coalition status for the edition's year in municipality_coalition_statuses
// (source 'questionnaire', seed 003 "Coalities"); the yes/no facts the monitor's indicators 2–5 count
// (municipal_questionnaire_answers, source 'questionnaire', replacing a synthetic answer); and the
// questionnaire's monitor counts anew. Submitting the same answers again changes nothing (idempotent).
import { sql } from 'drizzle-orm';
import type { AnswersInput, QuestionnaireResponse } from '../../../contracts/municipal-questionnaire.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import type { Executor } from '../../platform/db/connection.js';
import { municipalityCoalitionStatuses } from '../coalitions/schema.js';
import { recomputeQuestionnaireCounts } from '../monitor/questionnaire/derive-questionnaire-counts.js';
import { municipalQuestionnaireAnswers } from '../monitor/questionnaire/schema.js';
import { checkAnswers, currentAnswers, mergeAnswers, requireStatus, writeResponse } from './store.js';
import { changeResponse } from './change-response.js';
import type { Answer } from '../../../contracts/municipal-questionnaire.js';

/** The yes/no questions of the monitor's questionnaire indicators, as facts of the submitted answers. */
function yesNoFacts(answers: Record<string, Answer>): { questionKey: string; answer: boolean }[] {
  const facts: { questionKey: string; answer: boolean }[] = [];
  const plan = answers.plan_status?.value;
  if (typeof plan === 'string') facts.push({ questionKey: 'has_plan_of_approach', answer: plan === 'approved' });
  const offered = answers.interventions_offered?.value;
  if (Array.isArray(offered)) {
    facts.push({ questionKey: 'offers_prenatal_home_visit', answer: offered.includes('prenataal-huisbezoek-jgz') });
    facts.push({ questionKey: 'offers_nu_niet_zwanger', answer: offered.includes('nu-niet-zwanger') });
    facts.push({ questionKey: 'offers_voorzorg', answer: offered.includes('voorzorg') });
  }
  return facts;
}

async function recordForMonitor(tx: Executor, municipalityCode: string, year: number, answers: Record<string, Answer>, personId: string, now: Date) {
  const status = requireStatus(answers);
  await tx
    .insert(municipalityCoalitionStatuses)
    .values({ municipalityCode, year, status, source: 'questionnaire', recordedAt: now, recordedBy: personId })
    .onConflictDoUpdate({
      target: [municipalityCoalitionStatuses.municipalityCode, municipalityCoalitionStatuses.year],
      set: { status, source: 'questionnaire', recordedAt: now, recordedBy: personId },
    });
  const facts = yesNoFacts(answers);
  if (facts.length > 0) {
    await tx
      .insert(municipalQuestionnaireAnswers)
      .values(facts.map((fact) => ({ municipalityCode, year, ...fact, source: 'questionnaire' as const, answeredAt: now })))
      .onConflictDoUpdate({
        target: [municipalQuestionnaireAnswers.municipalityCode, municipalQuestionnaireAnswers.year, municipalQuestionnaireAnswers.questionKey],
        set: { answer: sql`excluded.answer`, source: 'questionnaire', answeredAt: now },
      });
  }
  await recomputeQuestionnaireCounts(tx);
}

export async function submitResponse(ctx: RequestContext, year: number, municipalityCode: string, given: AnswersInput): Promise<QuestionnaireResponse> {
  checkAnswers(given);
  return changeResponse(ctx, year, municipalityCode, 'submit', {
    apply: async ({ tx, edition, stored, state, to, now }) => {
      const shown = await currentAnswers(tx, edition, municipalityCode, stored);
      const merged = mergeAnswers(shown, given);
      requireStatus(merged);
      const isRepeat = state === 'submitted' && JSON.stringify(merged) === JSON.stringify(mergeAnswers(shown, {}));
      if (isRepeat) return;
      await writeResponse(tx, { editionId: edition.id, municipalityCode, state: to, actorId: ctx.actor.personId, now, answers: merged, existing: stored?.response ?? null, submitted: true });
      await recordForMonitor(tx, municipalityCode, edition.year, merged, ctx.actor.personId, now);
    },
  });
}

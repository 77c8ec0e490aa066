// SPDX-License-Identifier: EUPL-1.2
// Saving a draft of a municipality's response (before the deadline, or after an analyst reopened it).
// Unchanged prefilled answers keep their source; a changed one becomes the respondent's own.
import type { AnswersInput, QuestionnaireResponse } from '../../../contracts/municipal-questionnaire.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { checkAnswers, currentAnswers, mergeAnswers, writeResponse } from './store.js';
import { changeResponse } from './change-response.js';

export async function saveResponse(ctx: RequestContext, year: number, municipalityCode: string, given: AnswersInput): Promise<QuestionnaireResponse> {
  checkAnswers(given);
  return changeResponse(ctx, year, municipalityCode, 'save', {
    apply: async ({ tx, edition, stored, to, now }) => {
      const merged = mergeAnswers(await currentAnswers(tx, edition, municipalityCode, stored), given);
      await writeResponse(tx, { editionId: edition.id, municipalityCode, state: to, actorId: ctx.actor.personId, now, answers: merged, existing: stored?.response ?? null, submitted: false });
    },
  });
}

// SPDX-License-Identifier: EUPL-1.2
// An analyst (or the platform admin) reopens a response the deadline locked, with a reason (issue 10
// item 6: "an analyst can reopen, audited"). The municipality may then save and submit once more.
import type { QuestionnaireResponse } from '../../../contracts/municipal-questionnaire.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { eq } from 'drizzle-orm';
import { currentAnswers, findResponse, writeResponse } from './store.js';
import { municipalQuestionnaireResponses } from './schema.js';
import { changeResponse } from './change-response.js';

export async function reopenResponse(ctx: RequestContext, year: number, municipalityCode: string, reason: string): Promise<QuestionnaireResponse> {
  return changeResponse(ctx, year, municipalityCode, 'reopen', {
    reason,
    apply: async ({ tx, edition, stored: found, now }) => {
      let stored = found;
      if (!stored) {
        // Never answered: reopening gives the municipality a draft with the prefill to start from.
        await writeResponse(tx, { editionId: edition.id, municipalityCode, state: 'reopened', actorId: ctx.actor.personId, now, answers: await currentAnswers(tx, edition, municipalityCode, null), existing: null, submitted: false });
        stored = await findResponse(tx, edition.id, municipalityCode);
      }
      await tx
        .update(municipalQuestionnaireResponses)
        .set({ state: 'reopened', reopenedAt: now, reopenedBy: ctx.actor.personId, reopenReason: reason })
        .where(eq(municipalQuestionnaireResponses.id, stored!.response.id));
    },
  });
}

// SPDX-License-Identifier: EUPL-1.2
// An analyst (or the platform admin) reopens a response the deadline locked, with a reason (issue 10
// item 6: "an analyst can reopen, audited"). The municipality may then save and submit once more.
import type { QuestionnaireResponse } from '../../../contracts/municipal-questionnaire.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import type { Target } from '../../platform/access/policy.js';
import { AppError } from '../../platform/errors.js';
import { phaseOn, transition, viewState } from './response-state.js';
import { currentAnswers, findResponse, municipalityTarget, objectIdOf, requireEdition, responseView, todayOf, writeResponse } from './store.js';
import { refusingLateChange } from './refuse-late-change.js';
import { municipalQuestionnaireResponses } from './schema.js';
import { eq } from 'drizzle-orm';

export async function reopenResponse(ctx: RequestContext, year: number, municipalityCode: string, reason: string): Promise<QuestionnaireResponse> {
  let located: (Target & { municipalityName: string }) | null = null;
  return refusingLateChange(ctx, 'reopen', () =>
    ctx.store.act({
      resource: 'municipal_questionnaire',
      action: 'reopen',
      objectId: objectIdOf(year, municipalityCode),
      reason,
      locate: async (tx) => {
        located = await municipalityTarget(tx, municipalityCode);
        return located;
      },
      details: () => ({ change: 'reopen' }),
      perform: async (tx) => {
        const edition = await requireEdition(tx, year);
        const today = todayOf(ctx.now());
        const phase = phaseOn(edition, today);
        let stored = await findResponse(tx, edition.id, municipalityCode);
        const step = transition(viewState(stored?.response.state ?? null, phase), 'reopen', phase);
        if ('refused' in step) throw new AppError(step.refused);
        const now = ctx.now();
        if (!stored) {
          // Never answered: reopening gives the municipality a draft with the prefill to start from.
          await writeResponse(tx, { editionId: edition.id, municipalityCode, state: 'reopened', actorId: ctx.actor.personId, now, answers: await currentAnswers(tx, edition, municipalityCode, null), existing: null, submitted: false });
          stored = await findResponse(tx, edition.id, municipalityCode);
        }
        await tx
          .update(municipalQuestionnaireResponses)
          .set({ state: 'reopened', reopenedAt: now, reopenedBy: ctx.actor.personId, reopenReason: reason })
          .where(eq(municipalQuestionnaireResponses.id, stored!.response.id));
        const after = await findResponse(tx, edition.id, municipalityCode);
        return responseView(ctx.actor, located!, edition, municipalityCode, after, await currentAnswers(tx, edition, municipalityCode, after), today);
      },
    }),
  );
}

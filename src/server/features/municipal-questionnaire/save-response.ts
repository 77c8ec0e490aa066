// SPDX-License-Identifier: EUPL-1.2
// Saving a draft of a municipality's response (before the deadline, or after an analyst reopened it).
// Unchanged prefilled answers keep their source; a changed one becomes the respondent's own.
import type { AnswersInput, QuestionnaireResponse } from '../../../contracts/municipal-questionnaire.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import type { Target } from '../../platform/access/policy.js';
import { AppError } from '../../platform/errors.js';
import { phaseOn, transition, viewState } from './response-state.js';
import { checkAnswers, currentAnswers, findResponse, mergeAnswers, municipalityTarget, objectIdOf, requireEdition, responseView, todayOf, writeResponse } from './store.js';
import { refusingLateChange } from './refuse-late-change.js';

export async function saveResponse(ctx: RequestContext, year: number, municipalityCode: string, given: AnswersInput): Promise<QuestionnaireResponse> {
  checkAnswers(given);
  let located: (Target & { municipalityName: string }) | null = null;
  return refusingLateChange(ctx, 'save', () =>
    ctx.store.act({
      resource: 'municipal_questionnaire',
      action: 'update',
      objectId: objectIdOf(year, municipalityCode),
      locate: async (tx) => {
        located = await municipalityTarget(tx, municipalityCode);
        return located;
      },
      details: (result) => ({ change: 'save', state: result.state }),
      perform: async (tx) => {
        const edition = await requireEdition(tx, year);
        const today = todayOf(ctx.now());
        const phase = phaseOn(edition, today);
        const stored = await findResponse(tx, edition.id, municipalityCode);
        const step = transition(viewState(stored?.response.state ?? null, phase), 'save', phase);
        if ('refused' in step) throw new AppError(step.refused);
        const shown = await currentAnswers(tx, edition, municipalityCode, stored);
        const merged = mergeAnswers(shown, given);
        await writeResponse(tx, { editionId: edition.id, municipalityCode, state: step.to, actorId: ctx.actor.personId, now: ctx.now(), answers: merged, existing: stored?.response ?? null, submitted: false });
        const after = await findResponse(tx, edition.id, municipalityCode);
        return responseView(ctx.actor, located!, edition, municipalityCode, after, await currentAnswers(tx, edition, municipalityCode, after), today);
      },
    }),
  );
}

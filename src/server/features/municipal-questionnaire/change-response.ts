// SPDX-License-Identifier: EUPL-1.2
// The one way a municipality's response changes (save, submit, reopen): one audited transaction that
// finds the edition and the stored response, asks the state machine (response-state.ts) whether the
// change may happen today, lets the use-case write, and answers with the response as it now is. A
// refusal by the state machine rolls back and is recorded as a failed attempt (refuse-late-change.ts).
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { QuestionnaireResponse, ResponseViewState } from '../../../contracts/municipal-questionnaire.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import type { Target } from '../../platform/access/policy.js';
import type { Executor } from '../../platform/db/connection.js';
import { AppError } from '../../platform/errors.js';
import { phaseOn, transition, viewState, type ResponseEvent } from './response-state.js';
import { currentAnswers, findResponse, municipalityTarget, objectIdOf, requireEdition, responseView, type EditionRow } from './store.js';
import { refusingLateChange } from './refuse-late-change.js';
import type { StoredResponseState } from './schema.js';

export interface ResponseChange {
  tx: Executor;
  edition: EditionRow;
  stored: Awaited<ReturnType<typeof findResponse>>;
  /** The state before the change, and the stored state the state machine moves it to. */
  state: ResponseViewState;
  to: StoredResponseState;
  now: Date;
}

export async function changeResponse(
  ctx: RequestContext,
  year: number,
  municipalityCode: string,
  event: ResponseEvent,
  options: { reason?: string; apply(change: ResponseChange): Promise<void> },
): Promise<QuestionnaireResponse> {
  let located: (Target & { municipalityName: string }) | null = null;
  return refusingLateChange(ctx, event, () =>
    ctx.store.act({
      resource: 'municipal_questionnaire',
      action: event === 'reopen' ? 'reopen' : 'update',
      objectId: objectIdOf(year, municipalityCode),
      ...(options.reason === undefined ? {} : { reason: options.reason }),
      locate: async (tx) => {
        located = await municipalityTarget(tx, municipalityCode);
        return located;
      },
      details: (result) => (event === 'reopen' ? { change: event } : { change: event, state: result.state }),
      perform: async (tx) => {
        const edition = await requireEdition(tx, year);
        const today = amsterdamDate(ctx.now());
        const phase = phaseOn(edition, today);
        const stored = await findResponse(tx, edition.id, municipalityCode);
        const state = viewState(stored?.response.state ?? null, phase);
        const step = transition(state, event, phase);
        if ('refused' in step) throw new AppError(step.refused);
        await options.apply({ tx, edition, stored, state, to: step.to, now: ctx.now() });
        const after = await findResponse(tx, edition.id, municipalityCode);
        return responseView(ctx.actor, located!, edition, municipalityCode, after, await currentAnswers(tx, edition, municipalityCode, after), today);
      },
    }),
  );
}

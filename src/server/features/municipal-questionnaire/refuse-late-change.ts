// SPDX-License-Identifier: EUPL-1.2
// A change refused by the state machine (after the deadline, before the opening date) rolls back and
// is put on the record as a failed attempt, so a late submit shows in the audit log.
import type { RequestContext } from '../../platform/http/request-context.js';
import { AppError } from '../../platform/errors.js';

const REFUSALS = new Set(['questionnaire_locked', 'questionnaire_not_open', 'questionnaire_not_locked']);

export async function refusingLateChange<T>(ctx: RequestContext, change: 'save' | 'submit' | 'reopen', work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && REFUSALS.has(error.code)) {
      await ctx.store.recordFailedAttempt({ resource: 'municipal_questionnaire', action: change === 'reopen' ? 'reopen' : 'update', details: { change, failure: error.code } });
    }
    throw error;
  }
}

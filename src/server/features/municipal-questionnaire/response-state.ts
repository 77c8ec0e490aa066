// SPDX-License-Identifier: EUPL-1.2
// The response's state machine as a table (issue 10 item 6: "locked after the deadline (an analyst
// can reopen, audited)"). Stored states: draft, submitted, reopened; 'new' (no row yet) and 'locked'
// (the deadline has passed and the analyst has not reopened it) are derived from the app clock.
import type { ResponseViewState } from '../../../contracts/municipal-questionnaire.js';
import type { ErrorCode } from '../../../contracts/errors.js';
import type { StoredResponseState } from './schema.js';

export type ResponseEvent = 'save' | 'submit' | 'reopen';
export type Transition = { to: StoredResponseState } | { refused: Extract<ErrorCode, 'questionnaire_locked' | 'questionnaire_not_locked' | 'questionnaire_not_open'> };

/** The phase of an edition on a day (ISO dates compare as text). */
export function phaseOn(edition: { opensOn: string; deadline: string }, today: string): 'not_open' | 'open' | 'closed' {
  if (today < edition.opensOn) return 'not_open';
  return today > edition.deadline ? 'closed' : 'open';
}

/** What the respondent sees. */
export function viewState(stored: StoredResponseState | null, phase: 'not_open' | 'open' | 'closed'): ResponseViewState {
  if (phase === 'closed' && stored !== 'reopened') return 'locked';
  return stored ?? 'new';
}

/**
 * Every case. Saving a submitted response (before the deadline) makes it a draft again, to be
 * submitted anew; submitting again is idempotent (the same answers, the same state). A reopened
 * response may be saved and submitted after the deadline; once submitted it is locked again.
 */
export const TRANSITIONS: Record<ResponseViewState, Record<ResponseEvent, Transition>> = {
  new: { save: { to: 'draft' }, submit: { to: 'submitted' }, reopen: { refused: 'questionnaire_not_locked' } },
  draft: { save: { to: 'draft' }, submit: { to: 'submitted' }, reopen: { refused: 'questionnaire_not_locked' } },
  submitted: { save: { to: 'draft' }, submit: { to: 'submitted' }, reopen: { refused: 'questionnaire_not_locked' } },
  locked: { save: { refused: 'questionnaire_locked' }, submit: { refused: 'questionnaire_locked' }, reopen: { to: 'reopened' } },
  reopened: { save: { to: 'reopened' }, submit: { to: 'submitted' }, reopen: { to: 'reopened' } },
};

/** The transition, with "not open yet" before the opening date for a respondent's save or submit. */
export function transition(state: ResponseViewState, event: ResponseEvent, phase: 'not_open' | 'open' | 'closed'): Transition {
  if (phase === 'not_open' && event !== 'reopen') return { refused: 'questionnaire_not_open' };
  return TRANSITIONS[state][event];
}

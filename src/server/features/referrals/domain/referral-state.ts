// SPDX-License-Identifier: EUPL-1.2
// The referral lifecycle: the closed loop between the professional who refers (sender) and the
// organisation that should help (receiver). Modelled on FHIR R4 Task.status so the FHIR facade is a
// mapping, not a second state machine. Pure: the use-case loads the state, calls `transition`, and
// stores the result with optimistic locking (two receivers accepting at once: one write wins, the
// other reloads, sees 'accepted' and gets the "al geaccepteerd" message from here).
//
// Who may do what is ONE literal table, REFERRAL_TRANSITIONS: status × event × actor role → the next
// status, or the refusal (with its code and Dutch sentence). Every path — the REST transitions, the
// FHIR Task PATCH, forwarding, sending — goes through `transition`, which only reads that table and
// then checks the event's own input (a reason, an outcome, a receiving organisation).
import { fail, ok, type Result } from '../../../platform/domain/result.js';
import type { ErrorCode } from '../../../../contracts/errors.js';
import { nl } from '../../../../contracts/i18n/nl.js';
import { REFERRAL_OUTCOMES, REFERRAL_STATUSES, type ReferralOutcome, type ReferralStatus } from '../../../../contracts/referral-vocabulary.js';

export { REFERRAL_OUTCOMES, REFERRAL_STATUSES, type ReferralOutcome, type ReferralStatus };

/** States from which a referral may be put on hold, and to which it returns on resume. */
export const HOLDABLE_STATUSES = ['requested', 'received', 'accepted', 'in-progress'] as const;
export type HoldableStatus = (typeof HOLDABLE_STATUSES)[number];

export const TERMINAL_STATUSES = ['rejected', 'completed', 'cancelled'] as const satisfies readonly ReferralStatus[];


/** A reason is read by the other organisation; a few characters ("nee") do not explain anything. */
export const MIN_REASON_LENGTH = 10;

export type ReferralState =
  | { readonly status: 'draft' | 'requested' | 'received' | 'accepted' | 'in-progress' }
  | { readonly status: 'on-hold'; readonly resumeTo: HoldableStatus; readonly reason: string }
  | { readonly status: 'rejected'; readonly reason: string }
  | {
      readonly status: 'completed';
      readonly outcome: ReferralOutcome;
      readonly note?: string;
      /** Set when completion happened by forwarding to another organisation. */
      readonly forwardedToOrganisationId?: string;
    }
  | { readonly status: 'cancelled'; readonly reason: string };

export type ActorRole = 'sender' | 'receiver';

export type ReferralEvent =
  | { readonly type: 'send' }
  | { readonly type: 'receive' }
  | { readonly type: 'accept' }
  | { readonly type: 'reject'; readonly reason: string }
  | { readonly type: 'start' }
  | { readonly type: 'complete'; readonly outcome: ReferralOutcome; readonly note?: string }
  | { readonly type: 'cancel'; readonly reason: string }
  | { readonly type: 'hold'; readonly reason: string }
  | { readonly type: 'resume' }
  | { readonly type: 'forward'; readonly toOrganisationId: string; readonly reason: string };

export const REFERRAL_EVENT_TYPES = ['send', 'receive', 'accept', 'reject', 'start', 'complete', 'cancel', 'hold', 'resume', 'forward'] as const;
export type ReferralEventType = (typeof REFERRAL_EVENT_TYPES)[number];

/** A row of the table: the status, and for 'on-hold' also the status it returns to on resume. */
export type ReferralStateKey = Exclude<ReferralStatus, 'on-hold'> | `on-hold:${HoldableStatus}`;

export const INITIAL_REFERRAL_STATE: ReferralState = { status: 'draft' };

export function isTerminal(status: ReferralStatus): boolean {
  return (TERMINAL_STATUSES as readonly ReferralStatus[]).includes(status);
}

/** Sent and not yet finished: the receiver still has it to answer or work on (also while on hold). */
export function isOpen(status: ReferralStatus): boolean {
  return status !== 'draft' && !isTerminal(status);
}

/** The statuses that are not open (for queries that select the open ones). */
export const NOT_OPEN_STATUSES = ['draft', ...TERMINAL_STATUSES] as const satisfies readonly ReferralStatus[];

export function stateKeyOf(state: ReferralState): ReferralStateKey {
  return state.status === 'on-hold' ? `on-hold:${state.resumeTo}` : state.status;
}

// ── Refusals ──────────────────────────────────────────────────────────────────────────────────────
// forbidden: the other party's step. already_processed: somebody already moved the referral on
// (accepted, closed). conflict: a step out of order. The last two are 409, never a 400 the user could "fix".

export const REFERRAL_REFUSALS = {
  only_sender_sends: ['forbidden', 'Alleen de verwijzer kan een verwijzing versturen.'],
  only_receiver_receives: ['forbidden', 'Alleen de ontvangende organisatie kan een verwijzing in ontvangst nemen.'],
  only_receiver_accepts: ['forbidden', 'Alleen de ontvangende organisatie kan een verwijzing accepteren.'],
  only_receiver_rejects: ['forbidden', 'Alleen de ontvangende organisatie kan een verwijzing afwijzen.'],
  only_receiver_starts: ['forbidden', 'Alleen de ontvangende organisatie kan de hulp starten.'],
  only_receiver_completes: ['forbidden', 'Alleen de ontvangende organisatie kan een verwijzing afronden.'],
  only_sender_cancels: ['forbidden', 'Alleen de verwijzer kan een verwijzing intrekken.'],
  sender_cannot_cancel_accepted: ['forbidden', 'De verwijzing is al geaccepteerd; alleen de ontvangende organisatie kan haar nog afsluiten, met een uitkomst.'],
  only_sender_holds_before_receipt: ['forbidden', 'Zolang de verwijzing niet is ontvangen, kan alleen de verwijzer haar pauzeren.'],
  only_receiver_holds: ['forbidden', 'Alleen de ontvangende organisatie kan deze verwijzing pauzeren.'],
  only_holder_resumes: ['forbidden', 'Alleen wie de verwijzing pauzeerde, kan haar hervatten.'],
  only_receiver_forwards: ['forbidden', 'Alleen de ontvangende organisatie kan een verwijzing doorsturen.'],
  already_sent: ['conflict', 'Deze verwijzing is al verstuurd.'],
  already_received: ['conflict', 'Deze verwijzing is al in ontvangst genomen.'],
  not_receivable: ['conflict', 'Deze verwijzing kan nu niet in ontvangst worden genomen.'],
  not_acceptable: ['conflict', 'Deze verwijzing kan nu niet worden geaccepteerd.'],
  not_rejectable: ['conflict', 'Deze verwijzing kan nu niet worden afgewezen.'],
  accept_first: ['conflict', 'Accepteer de verwijzing voordat u de hulp start.'],
  complete_needs_acceptance: ['conflict', 'Alleen een geaccepteerde verwijzing kan worden afgerond.'],
  close_with_outcome: ['conflict', 'Sluit een geaccepteerde verwijzing af met een uitkomst in plaats van haar in te trekken.'],
  not_holdable: ['conflict', 'Deze verwijzing kan nu niet worden gepauzeerd.'],
  already_on_hold: ['conflict', 'Deze verwijzing is al gepauzeerd.'],
  on_hold: ['conflict', 'Deze verwijzing is gepauzeerd; zolang zij gepauzeerd is, kan deze stap niet.'],
  not_on_hold: ['conflict', 'Deze verwijzing is niet gepauzeerd.'],
  receive_first: ['conflict', 'Neem de verwijzing eerst in ontvangst voordat u haar doorstuurt.'],
  already_accepted: ['already_processed', 'Deze verwijzing is al geaccepteerd.'],
  already_in_progress: ['already_processed', 'Deze verwijzing is al geaccepteerd en in behandeling.'],
  already_started: ['already_processed', 'Deze verwijzing is al in behandeling.'],
  already_rejected: ['already_processed', 'Deze verwijzing is al afgewezen.'],
  already_completed: ['already_processed', 'Deze verwijzing is al afgerond.'],
  already_cancelled: ['already_processed', 'Deze verwijzing is al ingetrokken door de verwijzer.'],
} as const satisfies Record<string, readonly [ErrorCode, string]>;
export type ReferralRefusal = keyof typeof REFERRAL_REFUSALS;

// ── The table ─────────────────────────────────────────────────────────────────────────────────────
// The receiver owns the care once it has the referral (receive, accept, reject, start, complete,
// forward); the sender owns the referral until it is accepted (send, cancel). After acceptance the
// sender only follows: closing is the receiver's, with an outcome, so the sender always learns what
// happened. Hold/resume: the sender while the referral is only sent, the receiver once received.
// A paused referral is only resumed (or, before acceptance, cancelled by the sender).

type Cell = ReferralStateKey | ReferralRefusal;
type Row = { readonly [E in ReferralEventType]: readonly [sender: Cell, receiver: Cell] };


/** status × event → [what the sender gets, what the receiver gets]. */
export const REFERRAL_TRANSITIONS: { readonly [S in ReferralStateKey]: Row } = {
  draft: {
    send: ['requested', 'only_sender_sends'],
    receive: ['only_receiver_receives', 'not_receivable'],
    accept: ['only_receiver_accepts', 'not_acceptable'],
    reject: ['only_receiver_rejects', 'not_rejectable'],
    start: ['only_receiver_starts', 'accept_first'],
    complete: ['only_receiver_completes', 'complete_needs_acceptance'],
    cancel: ['cancelled', 'only_sender_cancels'],
    hold: ['not_holdable', 'not_holdable'],
    resume: ['not_on_hold', 'not_on_hold'],
    forward: ['only_receiver_forwards', 'receive_first'],
  },
  requested: {
    send: ['already_sent', 'only_sender_sends'],
    receive: ['only_receiver_receives', 'received'],
    accept: ['only_receiver_accepts', 'accepted'],
    reject: ['only_receiver_rejects', 'rejected'],
    start: ['only_receiver_starts', 'accept_first'],
    complete: ['only_receiver_completes', 'complete_needs_acceptance'],
    cancel: ['cancelled', 'only_sender_cancels'],
    hold: ['on-hold:requested', 'only_sender_holds_before_receipt'],
    resume: ['not_on_hold', 'not_on_hold'],
    forward: ['only_receiver_forwards', 'receive_first'],
  },
  received: {
    send: ['already_sent', 'only_sender_sends'],
    receive: ['only_receiver_receives', 'already_received'],
    accept: ['only_receiver_accepts', 'accepted'],
    reject: ['only_receiver_rejects', 'rejected'],
    start: ['only_receiver_starts', 'accept_first'],
    complete: ['only_receiver_completes', 'complete_needs_acceptance'],
    cancel: ['cancelled', 'only_sender_cancels'],
    hold: ['only_receiver_holds', 'on-hold:received'],
    resume: ['not_on_hold', 'not_on_hold'],
    forward: ['only_receiver_forwards', 'completed'],
  },
  accepted: {
    send: ['already_accepted', 'only_sender_sends'],
    receive: ['only_receiver_receives', 'already_accepted'],
    accept: ['only_receiver_accepts', 'already_accepted'],
    reject: ['only_receiver_rejects', 'already_accepted'],
    start: ['only_receiver_starts', 'in-progress'],
    complete: ['only_receiver_completes', 'completed'],
    cancel: ['sender_cannot_cancel_accepted', 'close_with_outcome'],
    hold: ['only_receiver_holds', 'on-hold:accepted'],
    resume: ['not_on_hold', 'not_on_hold'],
    forward: ['only_receiver_forwards', 'completed'],
  },
  'in-progress': {
    send: ['already_in_progress', 'only_sender_sends'],
    receive: ['only_receiver_receives', 'already_in_progress'],
    accept: ['only_receiver_accepts', 'already_in_progress'],
    reject: ['only_receiver_rejects', 'already_in_progress'],
    start: ['only_receiver_starts', 'already_started'],
    complete: ['only_receiver_completes', 'completed'],
    cancel: ['sender_cannot_cancel_accepted', 'close_with_outcome'],
    hold: ['only_receiver_holds', 'on-hold:in-progress'],
    resume: ['not_on_hold', 'not_on_hold'],
    forward: ['only_receiver_forwards', 'completed'],
  },
  'on-hold:requested': {
    send: ['already_sent', 'only_sender_sends'],
    receive: ['only_receiver_receives', 'on_hold'],
    accept: ['only_receiver_accepts', 'on_hold'],
    reject: ['only_receiver_rejects', 'on_hold'],
    start: ['only_receiver_starts', 'accept_first'],
    complete: ['only_receiver_completes', 'complete_needs_acceptance'],
    cancel: ['cancelled', 'only_sender_cancels'],
    hold: ['already_on_hold', 'already_on_hold'],
    resume: ['requested', 'only_holder_resumes'],
    forward: ['only_receiver_forwards', 'receive_first'],
  },
  'on-hold:received': {
    send: ['already_sent', 'only_sender_sends'],
    receive: ['only_receiver_receives', 'already_received'],
    accept: ['only_receiver_accepts', 'on_hold'],
    reject: ['only_receiver_rejects', 'on_hold'],
    start: ['only_receiver_starts', 'accept_first'],
    complete: ['only_receiver_completes', 'complete_needs_acceptance'],
    cancel: ['cancelled', 'only_sender_cancels'],
    hold: ['already_on_hold', 'already_on_hold'],
    resume: ['only_holder_resumes', 'received'],
    forward: ['only_receiver_forwards', 'on_hold'],
  },
  'on-hold:accepted': {
    send: ['already_accepted', 'only_sender_sends'],
    receive: ['only_receiver_receives', 'already_accepted'],
    accept: ['only_receiver_accepts', 'already_accepted'],
    reject: ['only_receiver_rejects', 'already_accepted'],
    start: ['only_receiver_starts', 'on_hold'],
    complete: ['only_receiver_completes', 'on_hold'],
    cancel: ['sender_cannot_cancel_accepted', 'close_with_outcome'],
    hold: ['already_on_hold', 'already_on_hold'],
    resume: ['only_holder_resumes', 'accepted'],
    forward: ['only_receiver_forwards', 'on_hold'],
  },
  'on-hold:in-progress': {
    send: ['already_in_progress', 'only_sender_sends'],
    receive: ['only_receiver_receives', 'already_in_progress'],
    accept: ['only_receiver_accepts', 'already_in_progress'],
    reject: ['only_receiver_rejects', 'already_in_progress'],
    start: ['only_receiver_starts', 'already_started'],
    complete: ['only_receiver_completes', 'on_hold'],
    cancel: ['sender_cannot_cancel_accepted', 'close_with_outcome'],
    hold: ['already_on_hold', 'already_on_hold'],
    resume: ['only_holder_resumes', 'in-progress'],
    forward: ['only_receiver_forwards', 'on_hold'],
  },
  rejected: {
    send: ['already_rejected', 'already_rejected'],
    receive: ['already_rejected', 'already_rejected'],
    accept: ['already_rejected', 'already_rejected'],
    reject: ['already_rejected', 'already_rejected'],
    start: ['already_rejected', 'already_rejected'],
    complete: ['already_rejected', 'already_rejected'],
    cancel: ['already_rejected', 'already_rejected'],
    hold: ['already_rejected', 'already_rejected'],
    resume: ['already_rejected', 'already_rejected'],
    forward: ['already_rejected', 'already_rejected'],
  },
  completed: {
    send: ['already_completed', 'already_completed'],
    receive: ['already_completed', 'already_completed'],
    accept: ['already_completed', 'already_completed'],
    reject: ['already_completed', 'already_completed'],
    start: ['already_completed', 'already_completed'],
    complete: ['already_completed', 'already_completed'],
    cancel: ['already_completed', 'already_completed'],
    hold: ['already_completed', 'already_completed'],
    resume: ['already_completed', 'already_completed'],
    forward: ['already_completed', 'already_completed'],
  },
  cancelled: {
    send: ['already_cancelled', 'already_cancelled'],
    receive: ['already_cancelled', 'already_cancelled'],
    accept: ['already_cancelled', 'already_cancelled'],
    reject: ['already_cancelled', 'already_cancelled'],
    start: ['already_cancelled', 'already_cancelled'],
    complete: ['already_cancelled', 'already_cancelled'],
    cancel: ['already_cancelled', 'already_cancelled'],
    hold: ['already_cancelled', 'already_cancelled'],
    resume: ['already_cancelled', 'already_cancelled'],
    forward: ['already_cancelled', 'already_cancelled'],
  },
};

const REASON_PURPOSE: Record<'reject' | 'cancel' | 'hold' | 'forward', string> = {
  reject: `Geef een reden voor de afwijzing (minstens ${MIN_REASON_LENGTH} tekens); de verwijzer ziet deze.`,
  cancel: `Geef een reden voor het intrekken (minstens ${MIN_REASON_LENGTH} tekens).`,
  hold: `Geef een reden voor het pauzeren (minstens ${MIN_REASON_LENGTH} tekens).`,
  forward: `Geef een reden voor het doorsturen (minstens ${MIN_REASON_LENGTH} tekens).`,
};

function isRefusal(cell: Cell): cell is ReferralRefusal {
  return Object.hasOwn(REFERRAL_REFUSALS, cell);
}

/** What the table says for this state, event and role: the next state's key, or the refusal. */
export function lookUpTransition(state: ReferralState, event: ReferralEventType, role: ActorRole): Cell {
  return REFERRAL_TRANSITIONS[stateKeyOf(state)][event][role === 'sender' ? 0 : 1];
}

/** Whether the table lets `role` take this step now (its input is checked by `transition`). */
export function isAllowed(state: ReferralState, event: ReferralEventType, role: ActorRole): boolean {
  return !isRefusal(lookUpTransition(state, event, role));
}

/** The event by which `role` takes this referral to `target` (status), if the table has one. */
export function eventReaching(state: ReferralState, target: ReferralStatus, role: ActorRole, among: readonly ReferralEventType[]): ReferralEventType | null {
  return among.find((event) => {
    const cell = lookUpTransition(state, event, role);
    return !isRefusal(cell) && cell.split(':')[0] === target;
  }) ?? null;
}

function reasonOf(event: { readonly type: keyof typeof REASON_PURPOSE; readonly reason: string }): Result<string> {
  const reason = typeof event.reason === 'string' ? event.reason.trim() : '';
  return reason.length >= MIN_REASON_LENGTH ? ok(reason) : fail('validation_failed', 'reason_required', REASON_PURPOSE[event.type], 'reason');
}

/** One step: the table decides whether it is allowed; the event's own input is checked after. */
export function transition(state: ReferralState, event: ReferralEvent, role: ActorRole): Result<ReferralState> {
  const cell = lookUpTransition(state, event.type, role);
  if (isRefusal(cell)) {
    const [code, message] = REFERRAL_REFUSALS[cell];
    return fail(code, cell, message);
  }
  switch (event.type) {
    case 'reject':
    case 'cancel': {
      const reason = reasonOf(event);
      return reason.ok ? ok({ status: event.type === 'reject' ? 'rejected' : 'cancelled', reason: reason.value }) : reason;
    }
    case 'hold': {
      const reason = reasonOf(event);
      return reason.ok ? ok({ status: 'on-hold', resumeTo: cell.split(':')[1] as HoldableStatus, reason: reason.value }) : reason;
    }
    case 'complete': {
      if (!(REFERRAL_OUTCOMES as readonly string[]).includes(event.outcome)) {
        return fail('validation_failed', 'outcome_required', 'Kies de uitkomst van de verwijzing.', 'outcome');
      }
      const note = event.note?.trim();
      return ok(note ? { status: 'completed', outcome: event.outcome, note } : { status: 'completed', outcome: event.outcome });
    }
    case 'forward': {
      if (!event.toOrganisationId) return fail('validation_failed', 'organisation_required', 'Kies de organisatie waarnaar u doorstuurt.', 'toOrganisationId');
      const reason = reasonOf(event);
      return reason.ok ? ok({ status: 'completed', outcome: 'referred_elsewhere', note: reason.value, forwardedToOrganisationId: event.toOrganisationId }) : reason;
    }
    default:
      // send, receive, accept, start, resume: the table's next state has no data of its own.
      return ok({ status: cell } as ReferralState);
  }
}

// ── Forwarding ────────────────────────────────────────────────────────────────────────────────────

export interface ForwardLink {
  readonly referralId: string;
  readonly fromOrganisationId: string;
  readonly toOrganisationId: string;
  readonly forwardedAt: string;
  readonly reason: string;
}

export interface Referral {
  readonly id: string;
  readonly senderOrganisationId: string;
  readonly receiverOrganisationId: string;
  readonly state: ReferralState;
  /** Oldest first: every referral this one descends from, so the first sender can still follow it. */
  readonly forwardedFrom: readonly ForwardLink[];
}

/**
 * Forwarding closes the current referral as "referred elsewhere" and opens a new one, sent by the
 * forwarding organisation, that carries the whole chain. The new receiver needs its own consent
 * (consent is per receiving organisation); checking that is the use-case's job.
 */
export function forwardReferral(
  referral: Referral,
  input: { newReferralId: string; toOrganisationId: string; reason: string; at: Date },
  role: ActorRole,
): Result<{ closed: Referral; forwarded: Referral }> {
  if (input.toOrganisationId === referral.receiverOrganisationId) {
    return fail('validation_failed', 'same_organisation', 'Kies een andere organisatie dan de huidige ontvanger.', 'toOrganisationId');
  }
  const next = transition(referral.state, { type: 'forward', toOrganisationId: input.toOrganisationId, reason: input.reason }, role);
  if (!next.ok) return next;
  const link: ForwardLink = {
    referralId: referral.id,
    fromOrganisationId: referral.receiverOrganisationId,
    toOrganisationId: input.toOrganisationId,
    forwardedAt: input.at.toISOString(),
    reason: input.reason.trim(),
  };
  return ok({
    closed: { ...referral, state: next.value },
    forwarded: {
      id: input.newReferralId,
      senderOrganisationId: referral.receiverOrganisationId,
      receiverOrganisationId: input.toOrganisationId,
      state: { status: 'requested' },
      forwardedFrom: [...referral.forwardedFrom, link],
    },
  });
}

// ── FHIR R4 Task ──────────────────────────────────────────────────────────────────────────────────

/** FHIR R4 Task.status codes (http://hl7.org/fhir/task-status) that this lifecycle uses. */
export type FhirTaskStatus =
  | 'draft'
  | 'requested'
  | 'received'
  | 'accepted'
  | 'rejected'
  | 'in-progress'
  | 'on-hold'
  | 'completed'
  | 'cancelled';

export interface FhirTaskStatusFields {
  readonly status: FhirTaskStatus;
  /** Task.statusReason.text: why it was rejected, held or cancelled. */
  readonly statusReason?: { readonly text: string };
  /** Task.businessStatus: the closed-loop outcome, which FHIR's status alone cannot carry. */
  readonly businessStatus?: { readonly coding: readonly [{ readonly code: ReferralOutcome; readonly display: string }]; readonly text: string };
}

export function toFhirTaskStatus(state: ReferralState): FhirTaskStatusFields {
  switch (state.status) {
    case 'rejected':
    case 'cancelled':
    case 'on-hold':
      return { status: state.status, statusReason: { text: state.reason } };
    case 'completed': {
      const display = nl.referralOutcomes[state.outcome];
      return { status: 'completed', businessStatus: { coding: [{ code: state.outcome, display }], text: display } };
    }
    default:
      return { status: state.status };
  }
}

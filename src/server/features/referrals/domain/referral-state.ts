// SPDX-License-Identifier: EUPL-1.2
// The referral lifecycle: the closed loop between the professional who refers (sender) and the
// organisation that should help (receiver). Modelled on FHIR R4 Task.status so the FHIR facade is a
// mapping, not a second state machine. Pure: the use-case loads the state, calls `transition`, and
// stores the result with optimistic locking (two receivers accepting at once: one write wins, the
// other reloads, sees 'accepted' and gets the "al geaccepteerd" message from here).
import { fail, ok, type Result } from '../../../platform/domain/result.js';
import { nl } from '../../../../contracts/i18n/nl.js';

export const REFERRAL_STATUSES = [
  'draft',
  'requested',
  'received',
  'accepted',
  'rejected',
  'in-progress',
  'on-hold',
  'completed',
  'cancelled',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** States from which a referral may be put on hold, and to which it returns on resume. */
export const HOLDABLE_STATUSES = ['requested', 'received', 'accepted', 'in-progress'] as const;
export type HoldableStatus = (typeof HOLDABLE_STATUSES)[number];

export const TERMINAL_STATUSES = ['rejected', 'completed', 'cancelled'] as const satisfies readonly ReferralStatus[];

export const REFERRAL_OUTCOMES = ['got_help', 'could_not_contact', 'declined', 'referred_elsewhere'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

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

export const INITIAL_REFERRAL_STATE: ReferralState = { status: 'draft' };

export function isTerminal(status: ReferralStatus): boolean {
  return (TERMINAL_STATUSES as readonly ReferralStatus[]).includes(status);
}

function forbidden(message: string) {
  return fail<ReferralState>('forbidden', 'role_not_allowed', message);
}

function notNow(state: ReferralState, message: string) {
  // A state somebody else already moved on (accepted, closed) means they acted first: already_processed;
  // anything else is a step out of order: conflict. Both are 409, never a 400 the user could "fix".
  return fail<ReferralState>(ALREADY[state.status] ? 'already_processed' : 'conflict', 'invalid_transition', message);
}

function missingReason(field: string, message: string) {
  return fail<ReferralState>('validation_failed', 'reason_required', message, field);
}

function hasReason(reason: string | undefined): reason is string {
  return typeof reason === 'string' && reason.trim().length >= MIN_REASON_LENGTH;
}

const ALREADY: Partial<Record<ReferralStatus, string>> = {
  accepted: 'Deze verwijzing is al geaccepteerd.',
  'in-progress': 'Deze verwijzing is al geaccepteerd en in behandeling.',
  rejected: 'Deze verwijzing is al afgewezen.',
  completed: 'Deze verwijzing is al afgerond.',
  cancelled: 'Deze verwijzing is al ingetrokken door de verwijzer.',
};

function alreadyOr(state: ReferralState, fallback: string): string {
  return ALREADY[state.status] ?? fallback;
}

/**
 * Who may do what. The receiver owns the care once it has the referral (receive, accept, reject,
 * start, complete, forward); the sender owns the referral until it is accepted (send, cancel).
 * After acceptance the sender only follows: closing is the receiver's, with an outcome, so the
 * sender always learns what happened. On hold/resume: the sender while the referral is only sent,
 * the receiver once it has been received.
 */
export function transition(state: ReferralState, event: ReferralEvent, role: ActorRole): Result<ReferralState> {
  if (isTerminal(state.status)) {
    return notNow(state, alreadyOr(state, 'Deze verwijzing is afgesloten en kan niet meer worden gewijzigd.'));
  }
  switch (event.type) {
    case 'send':
      if (role !== 'sender') return forbidden('Alleen de verwijzer kan een verwijzing versturen.');
      if (state.status !== 'draft') return notNow(state, 'Deze verwijzing is al verstuurd.');
      return ok({ status: 'requested' });

    case 'receive':
      if (role !== 'receiver') return forbidden('Alleen de ontvangende organisatie kan een verwijzing in ontvangst nemen.');
      if (state.status !== 'requested') return notNow(state, alreadyOr(state, 'Deze verwijzing kan nu niet in ontvangst worden genomen.'));
      return ok({ status: 'received' });

    case 'accept':
      if (role !== 'receiver') return forbidden('Alleen de ontvangende organisatie kan een verwijzing accepteren.');
      if (state.status !== 'requested' && state.status !== 'received') {
        return notNow(state, alreadyOr(state, 'Deze verwijzing kan nu niet worden geaccepteerd.'));
      }
      return ok({ status: 'accepted' });

    case 'reject':
      if (role !== 'receiver') return forbidden('Alleen de ontvangende organisatie kan een verwijzing afwijzen.');
      if (state.status !== 'requested' && state.status !== 'received') {
        return notNow(state, alreadyOr(state, 'Deze verwijzing kan nu niet worden afgewezen.'));
      }
      if (!hasReason(event.reason)) {
        return missingReason('reason', `Geef een reden voor de afwijzing (minstens ${MIN_REASON_LENGTH} tekens); de verwijzer ziet deze.`);
      }
      return ok({ status: 'rejected', reason: event.reason.trim() });

    case 'start':
      if (role !== 'receiver') return forbidden('Alleen de ontvangende organisatie kan de hulp starten.');
      if (state.status !== 'accepted') {
        return notNow(state, state.status === 'in-progress' ? 'Deze verwijzing is al in behandeling.' : 'Accepteer de verwijzing voordat u de hulp start.');
      }
      return ok({ status: 'in-progress' });

    case 'complete':
      if (role !== 'receiver') return forbidden('Alleen de ontvangende organisatie kan een verwijzing afronden.');
      // From 'accepted' too: "could not contact" is typically concluded before help ever started.
      if (state.status !== 'accepted' && state.status !== 'in-progress') {
        return notNow(state, 'Alleen een geaccepteerde verwijzing kan worden afgerond.');
      }
      if (!(REFERRAL_OUTCOMES as readonly string[]).includes(event.outcome)) {
        return fail('validation_failed', 'outcome_required', 'Kies de uitkomst van de verwijzing.', 'outcome');
      }
      return ok(event.note?.trim() ? { status: 'completed', outcome: event.outcome, note: event.note.trim() } : { status: 'completed', outcome: event.outcome });

    case 'cancel':
      if (state.status === 'accepted' || state.status === 'in-progress' || (state.status === 'on-hold' && isAcceptedPhase(state.resumeTo))) {
        return role === 'sender'
          ? forbidden('De verwijzing is al geaccepteerd; alleen de ontvangende organisatie kan haar nog afsluiten, met een uitkomst.')
          : notNow(state, 'Sluit een geaccepteerde verwijzing af met een uitkomst in plaats van haar in te trekken.');
      }
      if (role !== 'sender') return forbidden('Alleen de verwijzer kan een verwijzing intrekken.');
      if (!hasReason(event.reason)) {
        return missingReason('reason', `Geef een reden voor het intrekken (minstens ${MIN_REASON_LENGTH} tekens).`);
      }
      return ok({ status: 'cancelled', reason: event.reason.trim() });

    case 'hold': {
      if (state.status === 'on-hold') return notNow(state, 'Deze verwijzing is al gepauzeerd.');
      if (!(HOLDABLE_STATUSES as readonly string[]).includes(state.status)) {
        return notNow(state, 'Deze verwijzing kan nu niet worden gepauzeerd.');
      }
      const from = state.status as HoldableStatus;
      if (role !== holdOwner(from)) {
        return forbidden(
          from === 'requested'
            ? 'Zolang de verwijzing niet is ontvangen, kan alleen de verwijzer haar pauzeren.'
            : 'Alleen de ontvangende organisatie kan deze verwijzing pauzeren.',
        );
      }
      if (!hasReason(event.reason)) {
        return missingReason('reason', `Geef een reden voor het pauzeren (minstens ${MIN_REASON_LENGTH} tekens).`);
      }
      return ok({ status: 'on-hold', resumeTo: from, reason: event.reason.trim() });
    }

    case 'resume':
      if (state.status !== 'on-hold') return notNow(state, 'Deze verwijzing is niet gepauzeerd.');
      if (role !== holdOwner(state.resumeTo)) return forbidden('Alleen wie de verwijzing pauzeerde, kan haar hervatten.');
      return ok({ status: state.resumeTo });

    case 'forward':
      if (role !== 'receiver') return forbidden('Alleen de ontvangende organisatie kan een verwijzing doorsturen.');
      if (state.status !== 'received' && state.status !== 'accepted' && state.status !== 'in-progress') {
        return notNow(state, 'Neem de verwijzing eerst in ontvangst voordat u haar doorstuurt.');
      }
      if (!event.toOrganisationId) return fail('validation_failed', 'organisation_required', 'Kies de organisatie waarnaar u doorstuurt.', 'toOrganisationId');
      if (!hasReason(event.reason)) {
        return missingReason('reason', `Geef een reden voor het doorsturen (minstens ${MIN_REASON_LENGTH} tekens).`);
      }
      return ok({ status: 'completed', outcome: 'referred_elsewhere', note: event.reason.trim(), forwardedToOrganisationId: event.toOrganisationId });
  }
}

function isAcceptedPhase(status: HoldableStatus): boolean {
  return status === 'accepted' || status === 'in-progress';
}

function holdOwner(status: HoldableStatus): ActorRole {
  return status === 'requested' ? 'sender' : 'receiver';
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

// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import {
  eventReaching,
  forwardReferral,
  HOLDABLE_STATUSES,
  isAllowed,
  MIN_REASON_LENGTH,
  TERMINAL_STATUSES,
  INITIAL_REFERRAL_STATE,
  isTerminal,
  REFERRAL_OUTCOMES,
  REFERRAL_EVENT_TYPES,
  REFERRAL_STATUSES,
  toFhirTaskStatus,
  transition,
  type ActorRole,
  type Referral,
  type ReferralEvent,
  type ReferralEventType,
  type ReferralStateKey,
  type ReferralState,
} from './referral-state.js';

const REASON = 'Cliënt verhuist naar een andere regio';

function run(steps: [ReferralEvent, ActorRole][], from: ReferralState = INITIAL_REFERRAL_STATE): ReferralState {
  let state = from;
  for (const [event, role] of steps) {
    const next = transition(state, event, role);
    if (!next.ok) throw new Error(`${event.type} by ${role} from ${state.status}: ${next.error.message}`);
    state = next.value;
  }
  return state;
}

// Written out, not computed by `transition` while the tests are collected: a defect there must fail
// a test, not stop this file from being collected at all.
const sent: ReferralState = { status: 'requested' };
const received: ReferralState = { status: 'received' };
const accepted: ReferralState = { status: 'accepted' };

describe('the happy path', () => {
  it('goes draft → requested → received → accepted → in-progress → completed with an outcome', () => {
    expect(INITIAL_REFERRAL_STATE).toEqual({ status: 'draft' });
    expect(run([[{ type: 'send' }, 'sender']])).toEqual(sent);
    expect(run([[{ type: 'send' }, 'sender'], [{ type: 'receive' }, 'receiver']])).toEqual(received);
    expect(run([[{ type: 'send' }, 'sender'], [{ type: 'receive' }, 'receiver'], [{ type: 'accept' }, 'receiver']])).toEqual(accepted);
    const done = run([[{ type: 'start' }, 'receiver'], [{ type: 'complete', outcome: 'got_help' }, 'receiver']], accepted);
    expect(done).toEqual({ status: 'completed', outcome: 'got_help' });
  });

  it('may accept straight from requested (the receiver opened it and accepted at once)', () => {
    expect(transition(sent, { type: 'accept' }, 'receiver')).toEqual({ ok: true, value: { status: 'accepted' } });
  });
});

describe('who may do what', () => {
  it('only the receiver accepts, with a Dutch message', () => {
    const result = transition(received, { type: 'accept' }, 'sender');
    expect(result).toEqual({
      ok: false,
      error: { code: 'forbidden', reason: 'only_receiver_accepts', message: 'Alleen de ontvangende organisatie kan een verwijzing accepteren.' },
    });
  });

  it('only the sender cancels before acceptance; after acceptance nobody cancels', () => {
    expect(transition(received, { type: 'cancel', reason: REASON }, 'receiver').ok).toBe(false);
    expect(transition(received, { type: 'cancel', reason: REASON }, 'sender')).toEqual({ ok: true, value: { status: 'cancelled', reason: REASON } });
    const afterAcceptance = transition(accepted, { type: 'cancel', reason: REASON }, 'sender');
    expect(!afterAcceptance.ok && afterAcceptance.error.message).toBe(
      'De verwijzing is al geaccepteerd; alleen de ontvangende organisatie kan haar nog afsluiten, met een uitkomst.',
    );
  });

  it('accepting an already accepted referral says so (the second of two nurses)', () => {
    const second = transition(accepted, { type: 'accept' }, 'receiver');
    expect(second).toEqual({
      ok: false,
      error: { code: 'already_processed', reason: 'already_accepted', message: 'Deze verwijzing is al geaccepteerd.' },
    });
  });

  it('rejecting needs a reason', () => {
    const result = transition(received, { type: 'reject', reason: ' nee ' }, 'receiver');
    expect(!result.ok && result.error).toMatchObject({ code: 'validation_failed', field: 'reason' });
    expect(!result.ok && result.error.message).toMatch(/^Geef een reden voor de afwijzing/);
    expect(transition(received, { type: 'reject', reason: REASON }, 'receiver')).toEqual({ ok: true, value: { status: 'rejected', reason: REASON } });
  });

  it('completing needs a known outcome', () => {
    const result = transition(accepted, { type: 'complete', outcome: 'fine' as never }, 'receiver');
    expect(!result.ok && result.error.message).toBe('Kies de uitkomst van de verwijzing.');
  });

  it('on hold and back, by the party that owns the referral at that moment', () => {
    const held = run([[{ type: 'hold', reason: 'Cliënte is opgenomen in het ziekenhuis' }, 'receiver']], accepted);
    expect(held).toMatchObject({ status: 'on-hold', resumeTo: 'accepted' });
    expect(transition(held, { type: 'resume' }, 'sender').ok).toBe(false);
    expect(run([[{ type: 'resume' }, 'receiver']], held)).toEqual({ status: 'accepted' });
    expect(transition(sent, { type: 'hold', reason: REASON }, 'receiver').ok).toBe(false);
    expect(transition(sent, { type: 'hold', reason: REASON }, 'sender').ok).toBe(true);
    expect(transition(INITIAL_REFERRAL_STATE, { type: 'hold', reason: REASON }, 'sender').ok).toBe(false);
  });
});

describe('forwarding', () => {
  it('closes the original as referred elsewhere and keeps the chain', () => {
    const original: Referral = { id: 'r1', senderOrganisationId: 'midwife', receiverOrganisationId: 'jgz', state: received, forwardedFrom: [] };
    const at = new Date('2026-04-08T10:00:00Z');
    const first = forwardReferral(original, { newReferralId: 'r2', toOrganisationId: 'social-team', reason: REASON, at }, 'receiver');
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.closed.state).toEqual({ status: 'completed', outcome: 'referred_elsewhere', note: REASON, forwardedToOrganisationId: 'social-team' });
    expect(first.value.forwarded).toMatchObject({ id: 'r2', senderOrganisationId: 'jgz', receiverOrganisationId: 'social-team', state: { status: 'requested' } });

    const twice = forwardReferral(
      { ...first.value.forwarded, state: received },
      { newReferralId: 'r3', toOrganisationId: 'home-start', reason: REASON, at },
      'receiver',
    );
    expect(twice.ok && twice.value.forwarded.forwardedFrom.map((link) => [link.referralId, link.fromOrganisationId, link.toOrganisationId])).toEqual([
      ['r1', 'jgz', 'social-team'],
      ['r2', 'social-team', 'home-start'],
    ]);
  });

  it('is refused to the same organisation, by the sender, and before receipt', () => {
    const original: Referral = { id: 'r1', senderOrganisationId: 'midwife', receiverOrganisationId: 'jgz', state: received, forwardedFrom: [] };
    const at = new Date();
    expect(forwardReferral(original, { newReferralId: 'x', toOrganisationId: 'jgz', reason: REASON, at }, 'receiver').ok).toBe(false);
    expect(forwardReferral(original, { newReferralId: 'x', toOrganisationId: 'other', reason: REASON, at }, 'sender').ok).toBe(false);
    expect(forwardReferral({ ...original, state: sent }, { newReferralId: 'x', toOrganisationId: 'other', reason: REASON, at }, 'receiver').ok).toBe(false);
  });
});

describe('FHIR Task.status', () => {
  it('maps every state to the FHIR code of the same name, with reason and outcome', () => {
    for (const status of REFERRAL_STATUSES) {
      const state = { status, reason: REASON, resumeTo: 'accepted', outcome: 'declined' } as unknown as ReferralState;
      expect(toFhirTaskStatus(state).status).toBe(status);
    }
    expect(toFhirTaskStatus({ status: 'rejected', reason: REASON })).toEqual({ status: 'rejected', statusReason: { text: REASON } });
    expect(toFhirTaskStatus({ status: 'cancelled', reason: REASON })).toEqual({ status: 'cancelled', statusReason: { text: REASON } });
    expect(toFhirTaskStatus({ status: 'on-hold', resumeTo: 'received', reason: REASON })).toEqual({ status: 'on-hold', statusReason: { text: REASON } });
    for (const status of ['draft', 'requested', 'received', 'accepted', 'in-progress'] as const) expect(toFhirTaskStatus({ status })).toEqual({ status });
    expect(toFhirTaskStatus({ status: 'completed', outcome: 'could_not_contact' })).toEqual({
      status: 'completed',
      businessStatus: { coding: [{ code: 'could_not_contact', display: 'Geen contact gekregen' }], text: 'Geen contact gekregen' },
    });
  });
});

// ── The whole table, pinned ───────────────────────────────────────────────────────────────────────
// Every status (on-hold once per status it returns to) × every event × sender/receiver. A cell is the
// next status (on-hold:<resumes to>) or the refusal's code: F = forbidden (the other party's step),
// A = already_processed (somebody already moved it on), C = conflict (a step out of order).
// Written out by hand from the rules; NOT derived from the implementation.

type Expected = string;
const COLUMNS = ['send', 'receive', 'accept', 'reject', 'start', 'complete', 'cancel', 'hold', 'resume', 'forward'] as const;
const EXPECTED: Record<ReferralStateKey, { sender: readonly Expected[]; receiver: readonly Expected[] }> = {
  //                         send         receive      accept       reject       start          complete     cancel       hold                   resume         forward
  draft: {
    sender: /*          */ ['requested', 'F',         'F',         'F',         'F',           'F',         'cancelled', 'C',                   'C',           'F'],
    receiver: /*        */ ['F',         'C',         'C',         'C',         'C',           'C',         'F',         'C',                   'C',           'C'],
  },
  requested: {
    sender: /*          */ ['C',         'F',         'F',         'F',         'F',           'F',         'cancelled', 'on-hold:requested',   'C',           'F'],
    receiver: /*        */ ['F',         'received',  'accepted',  'rejected',  'C',           'C',         'F',         'F',                   'C',           'C'],
  },
  received: {
    sender: /*          */ ['C',         'F',         'F',         'F',         'F',           'F',         'cancelled', 'F',                   'C',           'F'],
    receiver: /*        */ ['F',         'C',         'accepted',  'rejected',  'C',           'C',         'F',         'on-hold:received',    'C',           'completed'],
  },
  accepted: {
    sender: /*          */ ['A',         'F',         'F',         'F',         'F',           'F',         'F',         'F',                   'C',           'F'],
    receiver: /*        */ ['F',         'A',         'A',         'A',         'in-progress', 'completed', 'C',         'on-hold:accepted',    'C',           'completed'],
  },
  'in-progress': {
    sender: /*          */ ['A',         'F',         'F',         'F',         'F',           'F',         'F',         'F',                   'C',           'F'],
    receiver: /*        */ ['F',         'A',         'A',         'A',         'A',           'completed', 'C',         'on-hold:in-progress', 'C',           'completed'],
  },
  'on-hold:requested': {
    sender: /*          */ ['C',         'F',         'F',         'F',         'F',           'F',         'cancelled', 'C',                   'requested',   'F'],
    receiver: /*        */ ['F',         'C',         'C',         'C',         'C',           'C',         'F',         'C',                   'F',           'C'],
  },
  'on-hold:received': {
    sender: /*          */ ['C',         'F',         'F',         'F',         'F',           'F',         'cancelled', 'C',                   'F',           'F'],
    receiver: /*        */ ['F',         'C',         'C',         'C',         'C',           'C',         'F',         'C',                   'received',    'C'],
  },
  'on-hold:accepted': {
    sender: /*          */ ['A',         'F',         'F',         'F',         'F',           'F',         'F',         'C',                   'F',           'F'],
    receiver: /*        */ ['F',         'A',         'A',         'A',         'C',           'C',         'C',         'C',                   'accepted',    'C'],
  },
  'on-hold:in-progress': {
    sender: /*          */ ['A',         'F',         'F',         'F',         'F',           'F',         'F',         'C',                   'F',           'F'],
    receiver: /*        */ ['F',         'A',         'A',         'A',         'A',           'C',         'C',         'C',                   'in-progress', 'C'],
  },
  rejected: {
    sender: /*          */ ['A',         'A',         'A',         'A',         'A',           'A',         'A',         'A',                   'A',           'A'],
    receiver: /*        */ ['A',         'A',         'A',         'A',         'A',           'A',         'A',         'A',                   'A',           'A'],
  },
  completed: {
    sender: /*          */ ['A',         'A',         'A',         'A',         'A',           'A',         'A',         'A',                   'A',           'A'],
    receiver: /*        */ ['A',         'A',         'A',         'A',         'A',           'A',         'A',         'A',                   'A',           'A'],
  },
  cancelled: {
    sender: /*          */ ['A',         'A',         'A',         'A',         'A',           'A',         'A',         'A',                   'A',           'A'],
    receiver: /*        */ ['A',         'A',         'A',         'A',         'A',           'A',         'A',         'A',                   'A',           'A'],
  },
};

const HELD = 'Cliënte is opgenomen in het ziekenhuis';
const STATES: Record<ReferralStateKey, ReferralState> = {
  draft: { status: 'draft' },
  requested: { status: 'requested' },
  received: { status: 'received' },
  accepted: { status: 'accepted' },
  'in-progress': { status: 'in-progress' },
  'on-hold:requested': { status: 'on-hold', resumeTo: 'requested', reason: HELD },
  'on-hold:received': { status: 'on-hold', resumeTo: 'received', reason: HELD },
  'on-hold:accepted': { status: 'on-hold', resumeTo: 'accepted', reason: HELD },
  'on-hold:in-progress': { status: 'on-hold', resumeTo: 'in-progress', reason: HELD },
  rejected: { status: 'rejected', reason: REASON },
  completed: { status: 'completed', outcome: 'got_help' },
  cancelled: { status: 'cancelled', reason: REASON },
};

/** A valid event of each type (with the input it needs); the resulting state per type is pinned below. */
const EVENTS: Record<ReferralEventType, ReferralEvent> = {
  send: { type: 'send' },
  receive: { type: 'receive' },
  accept: { type: 'accept' },
  reject: { type: 'reject', reason: `  ${REASON}  ` },
  start: { type: 'start' },
  complete: { type: 'complete', outcome: 'declined', note: '  Wil geen hulp  ' },
  cancel: { type: 'cancel', reason: `  ${REASON}  ` },
  hold: { type: 'hold', reason: `  ${REASON}  ` },
  resume: { type: 'resume' },
  forward: { type: 'forward', toOrganisationId: 'social-team', reason: `  ${REASON}  ` },
};

function resultingState(next: string, event: ReferralEventType): ReferralState {
  if (next.startsWith('on-hold:')) return { status: 'on-hold', resumeTo: next.slice(8), reason: REASON } as ReferralState;
  if (event === 'reject' || event === 'cancel') return { status: next, reason: REASON } as ReferralState;
  if (event === 'complete') return { status: 'completed', outcome: 'declined', note: 'Wil geen hulp' };
  if (event === 'forward') return { status: 'completed', outcome: 'referred_elsewhere', note: REASON, forwardedToOrganisationId: 'social-team' };
  return { status: next } as ReferralState;
}

const CODES = { F: 'forbidden', A: 'already_processed', C: 'conflict' } as const;

/** Every refusal's Dutch sentence, by its reason code. */
const MESSAGES: Record<string, string> = {
  only_sender_sends: 'Alleen de verwijzer kan een verwijzing versturen.',
  only_receiver_receives: 'Alleen de ontvangende organisatie kan een verwijzing in ontvangst nemen.',
  only_receiver_accepts: 'Alleen de ontvangende organisatie kan een verwijzing accepteren.',
  only_receiver_rejects: 'Alleen de ontvangende organisatie kan een verwijzing afwijzen.',
  only_receiver_starts: 'Alleen de ontvangende organisatie kan de hulp starten.',
  only_receiver_completes: 'Alleen de ontvangende organisatie kan een verwijzing afronden.',
  only_sender_cancels: 'Alleen de verwijzer kan een verwijzing intrekken.',
  sender_cannot_cancel_accepted: 'De verwijzing is al geaccepteerd; alleen de ontvangende organisatie kan haar nog afsluiten, met een uitkomst.',
  only_sender_holds_before_receipt: 'Zolang de verwijzing niet is ontvangen, kan alleen de verwijzer haar pauzeren.',
  only_receiver_holds: 'Alleen de ontvangende organisatie kan deze verwijzing pauzeren.',
  only_holder_resumes: 'Alleen wie de verwijzing pauzeerde, kan haar hervatten.',
  only_receiver_forwards: 'Alleen de ontvangende organisatie kan een verwijzing doorsturen.',
  already_sent: 'Deze verwijzing is al verstuurd.',
  already_received: 'Deze verwijzing is al in ontvangst genomen.',
  not_receivable: 'Deze verwijzing kan nu niet in ontvangst worden genomen.',
  not_acceptable: 'Deze verwijzing kan nu niet worden geaccepteerd.',
  not_rejectable: 'Deze verwijzing kan nu niet worden afgewezen.',
  accept_first: 'Accepteer de verwijzing voordat u de hulp start.',
  complete_needs_acceptance: 'Alleen een geaccepteerde verwijzing kan worden afgerond.',
  close_with_outcome: 'Sluit een geaccepteerde verwijzing af met een uitkomst in plaats van haar in te trekken.',
  not_holdable: 'Deze verwijzing kan nu niet worden gepauzeerd.',
  already_on_hold: 'Deze verwijzing is al gepauzeerd.',
  on_hold: 'Deze verwijzing is gepauzeerd; zolang zij gepauzeerd is, kan deze stap niet.',
  not_on_hold: 'Deze verwijzing is niet gepauzeerd.',
  receive_first: 'Neem de verwijzing eerst in ontvangst voordat u haar doorstuurt.',
  already_accepted: 'Deze verwijzing is al geaccepteerd.',
  already_in_progress: 'Deze verwijzing is al geaccepteerd en in behandeling.',
  already_started: 'Deze verwijzing is al in behandeling.',
  already_rejected: 'Deze verwijzing is al afgewezen.',
  already_completed: 'Deze verwijzing is al afgerond.',
  already_cancelled: 'Deze verwijzing is al ingetrokken door de verwijzer.',
};

describe('the transition table: every status × every event × sender and receiver', () => {
  it('covers every status and every event', () => {
    expect(COLUMNS).toEqual(REFERRAL_EVENT_TYPES);
    expect([...new Set(Object.values(STATES).map((state) => state.status))].sort()).toEqual([...REFERRAL_STATUSES].sort());
  });

  const cells = (Object.keys(EXPECTED) as ReferralStateKey[]).flatMap((key) =>
    (['sender', 'receiver'] as const).flatMap((role) => COLUMNS.map((event, column) => [key, event, role, EXPECTED[key][role][column]!] as const)),
  );
  expect(cells).toHaveLength(12 * 10 * 2);

  it.each(cells)('%s + %s by the %s → %s', (key, event, role, expected) => {
    const result = transition(STATES[key], EVENTS[event], role);
    if (expected in CODES) {
      expect(result.ok, JSON.stringify(result)).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(CODES[expected as keyof typeof CODES]);
      expect(result.error.message).toBe(MESSAGES[result.error.reason]);
      expect(result.error.field).toBeUndefined();
    } else {
      expect(result).toEqual({ ok: true, value: resultingState(expected, event) });
    }
  });

  it('the three chain defects of issue 8 stay refused, with the reason the professional reads', () => {
    const refusal = (key: ReferralStateKey, event: ReferralEvent, role: ActorRole) => {
      const result = transition(STATES[key], event, role);
      return result.ok ? result.value : [result.error.code, result.error.message];
    };
    // A receiver cannot reject an accepted or in-progress referral (also not while it is paused).
    expect(refusal('accepted', EVENTS.reject, 'receiver')).toEqual(['already_processed', 'Deze verwijzing is al geaccepteerd.']);
    expect(refusal('in-progress', EVENTS.reject, 'receiver')).toEqual(['already_processed', 'Deze verwijzing is al geaccepteerd en in behandeling.']);
    expect(refusal('on-hold:accepted', EVENTS.reject, 'receiver')).toEqual(['already_processed', 'Deze verwijzing is al geaccepteerd.']);
    // Help is not started before acceptance.
    for (const key of ['requested', 'received', 'on-hold:requested', 'on-hold:received'] as const) {
      expect(refusal(key, EVENTS.start, 'receiver')).toEqual(['conflict', 'Accepteer de verwijzing voordat u de hulp start.']);
    }
    // The sender cannot cancel an accepted referral, also not while it is on hold.
    for (const key of ['accepted', 'in-progress', 'on-hold:accepted', 'on-hold:in-progress'] as const) {
      expect(refusal(key, EVENTS.cancel, 'sender')).toEqual([
        'forbidden',
        'De verwijzing is al geaccepteerd; alleen de ontvangende organisatie kan haar nog afsluiten, met een uitkomst.',
      ]);
    }
  });
});

describe('the input an allowed step needs', () => {
  const reasonRequired = (event: ReferralEvent, key: ReferralStateKey, role: ActorRole) => transition(STATES[key], event, role);

  it.each([
    ['reject', 'received', 'receiver', 'Geef een reden voor de afwijzing (minstens 10 tekens); de verwijzer ziet deze.'],
    ['cancel', 'requested', 'sender', 'Geef een reden voor het intrekken (minstens 10 tekens).'],
    ['hold', 'accepted', 'receiver', 'Geef een reden voor het pauzeren (minstens 10 tekens).'],
    ['forward', 'received', 'receiver', 'Geef een reden voor het doorsturen (minstens 10 tekens).'],
  ] as const)('%s needs a reason of at least 10 characters (not counting spaces)', (type, key, role, message) => {
    const event = (reason: unknown) => ({ ...EVENTS[type], reason }) as ReferralEvent;
    for (const reason of ['', '   nee    ', '123456789', `  ${'x'.repeat(9)}  `, undefined]) {
      expect(reasonRequired(event(reason), key, role)).toEqual({
        ok: false,
        error: { code: 'validation_failed', reason: 'reason_required', message, field: 'reason' },
      });
    }
    expect(reasonRequired(event('1234567890'), key, role).ok).toBe(true);
  });

  it('complete needs a known outcome; an empty note is left out', () => {
    expect(transition(accepted, { type: 'complete', outcome: 'fine' as never }, 'receiver')).toEqual({
      ok: false,
      error: { code: 'validation_failed', reason: 'outcome_required', message: 'Kies de uitkomst van de verwijzing.', field: 'outcome' },
    });
    for (const outcome of REFERRAL_OUTCOMES) {
      expect(transition(accepted, { type: 'complete', outcome, note: '   ' }, 'receiver')).toEqual({ ok: true, value: { status: 'completed', outcome } });
      expect(transition(accepted, { type: 'complete', outcome }, 'receiver')).toEqual({ ok: true, value: { status: 'completed', outcome } });
    }
  });

  it('forward needs the organisation it goes to', () => {
    expect(transition(received, { type: 'forward', toOrganisationId: '', reason: REASON }, 'receiver')).toEqual({
      ok: false,
      error: { code: 'validation_failed', reason: 'organisation_required', message: 'Kies de organisatie waarnaar u doorstuurt.', field: 'toOrganisationId' },
    });
  });
});

describe('eventReaching (the FHIR Task PATCH asks for a status, not a step)', () => {
  const STEPS = ['receive', 'accept', 'reject', 'start', 'complete', 'cancel', 'hold', 'resume'] as const;
  it.each([
    ['requested', 'received', 'receiver', 'receive'],
    ['received', 'accepted', 'receiver', 'accept'],
    ['accepted', 'in-progress', 'receiver', 'start'],
    ['accepted', 'completed', 'receiver', 'complete'],
    ['requested', 'cancelled', 'sender', 'cancel'],
    ['received', 'on-hold', 'receiver', 'hold'],
    ['on-hold:accepted', 'accepted', 'receiver', 'resume'],
    ['on-hold:requested', 'requested', 'sender', 'resume'],
    ['on-hold:in-progress', 'in-progress', 'receiver', 'resume'],
    // No step takes this actor there: null (the caller names the step, and the table refuses it).
    ['on-hold:received', 'in-progress', 'receiver', null],
    ['on-hold:accepted', 'requested', 'receiver', null],
    ['accepted', 'rejected', 'receiver', null],
    ['accepted', 'cancelled', 'sender', null],
    ['received', 'accepted', 'sender', null],
    ['requested', 'draft', 'sender', null],
  ] as const)('%s → %s by the %s: %s', (key, target, role, expected) => {
    expect(eventReaching(STATES[key], target, role, STEPS)).toBe(expected);
  });

  it('finds, for every step the table allows, that step by the status it reaches', () => {
    for (const key of Object.keys(EXPECTED) as ReferralStateKey[]) {
      for (const role of ['sender', 'receiver'] as const) {
        COLUMNS.forEach((event, column) => {
          const expected = EXPECTED[key][role][column]!;
          if (expected in CODES) return;
          expect(eventReaching(STATES[key], expected.split(':')[0] as never, role, [event]), `${key} ${event} ${role}`).toBe(event);
        });
      }
    }
  });

  it('only among the steps it is given', () => {
    expect(eventReaching(received, 'completed', 'receiver', STEPS)).toBeNull();
    expect(eventReaching(received, 'completed', 'receiver', ['forward'])).toBe('forward');
  });
});

describe('the lists the lifecycle is made of, pinned', () => {
  it('statuses, holdable and terminal statuses, outcomes, events and the first state', () => {
    expect(REFERRAL_STATUSES).toEqual(['draft', 'requested', 'received', 'accepted', 'rejected', 'in-progress', 'on-hold', 'completed', 'cancelled']);
    expect(HOLDABLE_STATUSES).toEqual(['requested', 'received', 'accepted', 'in-progress']);
    expect(TERMINAL_STATUSES).toEqual(['rejected', 'completed', 'cancelled']);
    expect(REFERRAL_OUTCOMES).toEqual(['got_help', 'could_not_contact', 'declined', 'referred_elsewhere']);
    expect(REFERRAL_EVENT_TYPES).toEqual(['send', 'receive', 'accept', 'reject', 'start', 'complete', 'cancel', 'hold', 'resume', 'forward']);
    expect(INITIAL_REFERRAL_STATE).toEqual({ status: 'draft' });
    expect(MIN_REASON_LENGTH).toBe(10);
  });

  it.each([
    ['draft', false],
    ['requested', false],
    ['received', false],
    ['accepted', false],
    ['in-progress', false],
    ['on-hold', false],
    ['rejected', true],
    ['completed', true],
    ['cancelled', true],
  ] as const)('%s is terminal: %s', (status, terminal) => {
    expect(isTerminal(status)).toBe(terminal);
  });

  it('isAllowed reads the same table (the input is not checked)', () => {
    expect(isAllowed(received, 'accept', 'receiver')).toBe(true);
    expect(isAllowed(received, 'accept', 'sender')).toBe(false);
    expect(isAllowed(accepted, 'reject', 'receiver')).toBe(false);
    expect(isAllowed({ status: 'on-hold', resumeTo: 'accepted', reason: REASON }, 'resume', 'receiver')).toBe(true);
    expect(isAllowed({ status: 'on-hold', resumeTo: 'accepted', reason: REASON }, 'cancel', 'sender')).toBe(false);
  });
});

describe('forwardReferral, exactly', () => {
  const original: Referral = { id: 'r1', senderOrganisationId: 'midwife', receiverOrganisationId: 'jgz', state: accepted, forwardedFrom: [] };
  const at = new Date('2026-04-08T10:00:00Z');

  it('closes, links and opens with the whole chain', () => {
    expect(forwardReferral(original, { newReferralId: 'r2', toOrganisationId: 'social-team', reason: `  ${REASON} `, at }, 'receiver')).toEqual({
      ok: true,
      value: {
        closed: { ...original, state: { status: 'completed', outcome: 'referred_elsewhere', note: REASON, forwardedToOrganisationId: 'social-team' } },
        forwarded: {
          id: 'r2',
          senderOrganisationId: 'jgz',
          receiverOrganisationId: 'social-team',
          state: { status: 'requested' },
          forwardedFrom: [{ referralId: 'r1', fromOrganisationId: 'jgz', toOrganisationId: 'social-team', forwardedAt: '2026-04-08T10:00:00.000Z', reason: REASON }],
        },
      },
    });
  });

  it('refuses the same organisation before anything else, and passes the table\'s refusal on', () => {
    expect(forwardReferral({ ...original, state: sent }, { newReferralId: 'x', toOrganisationId: 'jgz', reason: REASON, at }, 'sender')).toEqual({
      ok: false,
      error: { code: 'validation_failed', reason: 'same_organisation', message: 'Kies een andere organisatie dan de huidige ontvanger.', field: 'toOrganisationId' },
    });
    expect(forwardReferral(original, { newReferralId: 'x', toOrganisationId: 'other', reason: REASON, at }, 'sender')).toEqual({
      ok: false,
      error: { code: 'forbidden', reason: 'only_receiver_forwards', message: 'Alleen de ontvangende organisatie kan een verwijzing doorsturen.' },
    });
  });
});

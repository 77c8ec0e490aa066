// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  forwardReferral,
  INITIAL_REFERRAL_STATE,
  isTerminal,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  toFhirTaskStatus,
  transition,
  type ActorRole,
  type Referral,
  type ReferralEvent,
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

const sent = run([[{ type: 'send' }, 'sender']]);
const received = run([[{ type: 'receive' }, 'receiver']], sent);
const accepted = run([[{ type: 'accept' }, 'receiver']], received);

describe('the happy path', () => {
  it('goes draft → requested → received → accepted → in-progress → completed with an outcome', () => {
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
      error: { code: 'forbidden', reason: 'role_not_allowed', message: 'Alleen de ontvangende organisatie kan een verwijzing accepteren.' },
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
      error: { code: 'already_processed', reason: 'invalid_transition', message: 'Deze verwijzing is al geaccepteerd.' },
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
    expect(toFhirTaskStatus({ status: 'completed', outcome: 'could_not_contact' })).toEqual({
      status: 'completed',
      businessStatus: { coding: [{ code: 'could_not_contact', display: 'Geen contact gekregen' }], text: 'Geen contact gekregen' },
    });
  });
});

// ── Properties ────────────────────────────────────────────────────────────────────────────────────

const reasonArbitrary = fc.oneof(fc.constant(''), fc.constant('kort'), fc.constant(REASON), fc.string({ maxLength: 20 }));
const eventArbitrary: fc.Arbitrary<ReferralEvent> = fc.oneof(
  fc.constant({ type: 'send' } as const),
  fc.constant({ type: 'receive' } as const),
  fc.constant({ type: 'accept' } as const),
  fc.constant({ type: 'start' } as const),
  fc.constant({ type: 'resume' } as const),
  reasonArbitrary.map((reason) => ({ type: 'reject', reason }) as const),
  reasonArbitrary.map((reason) => ({ type: 'cancel', reason }) as const),
  reasonArbitrary.map((reason) => ({ type: 'hold', reason }) as const),
  reasonArbitrary.map((reason) => ({ type: 'forward', toOrganisationId: 'elsewhere', reason }) as const),
  fc.constantFrom(...REFERRAL_OUTCOMES, 'nonsense').map((outcome) => ({ type: 'complete', outcome: outcome as never }) as const),
);
const stepsArbitrary = fc.array(fc.tuple(eventArbitrary, fc.constantFrom<ActorRole>('sender', 'receiver')), { maxLength: 40 });

function assertInvariants(state: ReferralState): void {
  expect(REFERRAL_STATUSES).toContain(state.status);
  if (state.status === 'completed') expect(REFERRAL_OUTCOMES).toContain(state.outcome);
  if (state.status === 'rejected' || state.status === 'cancelled' || state.status === 'on-hold') expect(state.reason.trim().length).toBeGreaterThanOrEqual(10);
  if (state.status === 'on-hold') expect(['requested', 'received', 'accepted', 'in-progress']).toContain(state.resumeTo);
}

describe('properties over random event sequences', () => {
  it('never reach an invalid state; completed has an outcome, rejected a reason', () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        let state = INITIAL_REFERRAL_STATE;
        for (const [event, role] of steps) {
          const next = transition(state, event, role);
          if (next.ok) state = next.value;
          else expect(next.error.message).toMatch(/[a-z]/);
          assertInvariants(state);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('terminal states are final: every event is refused', () => {
    fc.assert(
      fc.property(stepsArbitrary, eventArbitrary, fc.constantFrom<ActorRole>('sender', 'receiver'), (steps, event, role) => {
        let state = INITIAL_REFERRAL_STATE;
        for (const [step, stepRole] of steps) {
          const next = transition(state, step, stepRole);
          if (next.ok) state = next.value;
        }
        fc.pre(isTerminal(state.status));
        expect(transition(state, event, role).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('the sender can never accept, reject, start or complete', () => {
    fc.assert(
      fc.property(stepsArbitrary, fc.constantFrom('accept', 'reject', 'start', 'complete', 'receive', 'forward'), (steps, type) => {
        let state = INITIAL_REFERRAL_STATE;
        for (const [step, role] of steps) {
          const next = transition(state, step, role);
          if (next.ok) state = next.value;
        }
        const event = { type, reason: REASON, outcome: 'got_help', toOrganisationId: 'x' } as ReferralEvent;
        expect(transition(state, event, 'sender').ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

// SPDX-License-Identifier: EUPL-1.2
// What the actor may do with one referral, for the web to offer only that: the policy's 'update' on
// the referral (sender, or receiver while the basis holds) and the step its state machine allows for
// the actor's side now. The web no longer keeps its own copy of the state machine.
import type { Referral } from '../../../contracts/referrals.js';
import { allowedActions, type Actor, type Target } from '../../platform/access/policy.js';
import { isTerminal, transition, type ActorRole, type ReferralEvent, type ReferralState } from './domain/referral-state.js';

// A well-formed example of every step: only whether the step is possible is asked, not its input.
const EXAMPLE_REASON = 'voorbeeld van een reden';
const EXAMPLE_EVENTS: Record<Exclude<Referral['allowedActions'][number], 'assign' | 'open_file'>, ReferralEvent> = {
  receive: { type: 'receive' },
  accept: { type: 'accept' },
  reject: { type: 'reject', reason: EXAMPLE_REASON },
  start: { type: 'start' },
  complete: { type: 'complete', outcome: 'got_help' },
  cancel: { type: 'cancel', reason: EXAMPLE_REASON },
  hold: { type: 'hold', reason: EXAMPLE_REASON },
  resume: { type: 'resume' },
  forward: { type: 'forward', toOrganisationId: 'example', reason: EXAMPLE_REASON },
};

export function referralActions(
  actor: Actor,
  referral: { state: ReferralState; role: ActorRole; assignedToId: string | null },
  target: Target,
  familyTarget: Target,
): Referral['allowedActions'] {
  const update = { resource: 'referral', action: 'update', target } as const;
  const isPossible = (event: ReferralEvent) => transition(referral.state, event, referral.role).ok;
  return allowedActions(actor, {
    receive: [update, isPossible(EXAMPLE_EVENTS.receive)],
    accept: [update, isPossible(EXAMPLE_EVENTS.accept)],
    reject: [update, isPossible(EXAMPLE_EVENTS.reject)],
    start: [update, isPossible(EXAMPLE_EVENTS.start)],
    complete: [update, isPossible(EXAMPLE_EVENTS.complete)],
    cancel: [update, isPossible(EXAMPLE_EVENTS.cancel)],
    hold: [update, isPossible(EXAMPLE_EVENTS.hold)],
    resume: [update, isPossible(EXAMPLE_EVENTS.resume)],
    forward: [update, isPossible(EXAMPLE_EVENTS.forward)],
    // Taking it on oneself: the receiver, while it is open and not already theirs.
    assign: [update, referral.role === 'receiver' && !isTerminal(referral.state.status) && referral.assignedToId !== actor.personId],
    // The client's file itself: whoever may read the family now (the receiver once accepting gave it a care relationship).
    open_file: [{ resource: 'family', action: 'read', target: familyTarget }],
  });
}

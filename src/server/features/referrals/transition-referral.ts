// SPDX-License-Identifier: EUPL-1.2
// One step in a referral's life (FHIR Task states): receive, accept, reject, start, complete, cancel,
// hold, resume — or "assign to me". The row is locked (SELECT … FOR UPDATE) and the step is checked
// against the state found there, so of two people accepting at once exactly one wins; the other
// gets "al geaccepteerd". A step based on an older version than stored is refused (stale_version).
// Accepting gives the receiver a care relationship with the family under the referral's consent.
import { sql } from 'drizzle-orm';
import type { Referral, ReferralTransition } from '../../../contracts/referrals.js';
import { AppError } from '../../platform/errors.js';
import { queryRows } from '../../platform/db/connection.js';
import { raise } from '../../platform/domain/result.js';
import { transition, type ReferralEvent, type ReferralState } from './domain/referral-state.js';
import { careRelationships } from '../families/schema.js';
import { notifyReferralStepForSender } from './notify-referral.js';
import { actOnReferral, addEvent, findReferral, roleOf, stateOf, viewFor, type UseCaseContext } from './store.js';

export const STALE_MESSAGE = 'Iemand anders heeft deze verwijzing intussen gewijzigd. Laad de verwijzing opnieuw en kijk of uw stap nog nodig is.';

function domainEvent(input: ReferralTransition): ReferralEvent {
  switch (input.event) {
    case 'reject':
    case 'cancel':
    case 'hold':
      return { type: input.event, reason: input.reason ?? '' };
    case 'complete':
      return input.outcome
        ? { type: 'complete', outcome: input.outcome, ...(input.note ? { note: input.note } : {}) }
        : { type: 'complete', outcome: '' as never };
    case 'receive':
    case 'accept':
    case 'start':
    case 'resume':
      return { type: input.event };
    case 'assign':
      throw new Error('assign is not a state change');
  }
}

function reasonOf(state: ReferralState): string | null {
  switch (state.status) {
    case 'rejected':
    case 'cancelled':
    case 'on-hold':
      return state.reason;
    case 'completed':
      return state.note ?? null;
    default:
      return null;
  }
}

export async function transitionReferral(ctx: UseCaseContext, referralId: string, input: ReferralTransition): Promise<Referral> {
  const actor = ctx.store.actor;
  return actOnReferral(ctx, referralId, {
    action: 'update',
    perform: async (tx) => {
      const now = ctx.now();
      const row = (await findReferral(tx, referralId, now, true))!;
      const role = roleOf(row, actor);
      const current = stateOf(row);

      if (input.event === 'assign') {
        if (role !== 'receiver') throw new AppError('forbidden', { message: 'Alleen de ontvangende organisatie kan een verwijzing aan zichzelf toewijzen.' });
        if (row.version !== input.version) throw new AppError('stale_version', { message: STALE_MESSAGE });
        if (row.status === 'completed' || row.status === 'rejected' || row.status === 'cancelled') {
          throw new AppError('already_processed', { message: 'Deze verwijzing is afgesloten; toewijzen is niet meer nodig.' });
        }
        await tx.execute(sql`UPDATE referrals SET assigned_to_id = ${actor.personId}::uuid, version = version + 1,
          updated_at = ${now.toISOString()}::timestamptz WHERE id = ${referralId}::uuid`);
        const [person] = await queryRows<{ name: string }>(tx, sql`SELECT name FROM people WHERE id = ${actor.personId}::uuid`);
        await addEvent(tx, { referralId, status: row.status, reason: `Toegewezen aan ${person?.name ?? ''}`.trim(), actor, at: now, isStatusChange: false });
        return { referral: await viewFor(tx, referralId, actor, now), step: 'assign' };
      }

      // The state found decides first: if somebody already did it, say so (not "reload").
      const next = transition(current, domainEvent(input), role);
      if (!next.ok) raise(next.error);
      if (row.version !== input.version) throw new AppError('stale_version', { message: STALE_MESSAGE });

      const state = next.value;
      const isResponse = input.event === 'accept' || input.event === 'reject';
      const updated = await queryRows<{ id: string }>(
        tx,
        sql`UPDATE referrals SET status = ${state.status},
            status_reason = ${reasonOf(state)},
            status_before_hold = ${state.status === 'on-hold' ? state.resumeTo : null},
            outcome = ${state.status === 'completed' ? state.outcome : null},
            responded_at = ${isResponse ? sql`${now.toISOString()}::timestamptz` : sql`responded_at`},
            assigned_to_id = ${input.event === 'accept' ? sql`coalesce(assigned_to_id, ${actor.personId}::uuid)` : sql`assigned_to_id`},
            version = version + 1, updated_at = ${now.toISOString()}::timestamptz
          WHERE id = ${referralId}::uuid AND version = ${input.version}
          RETURNING id::text`,
      );
      if (updated.length === 0) throw new AppError('stale_version', { message: STALE_MESSAGE });
      if (input.event === 'accept') {
        await tx.insert(careRelationships).values({
          familyId: row.family_id,
          organisationId: row.receiver_organisation_id,
          basis: 'referral',
          referralId,
          consentId: row.consent_id,
          legalGround: row.legal_ground,
          startedAt: now,
        });
      }
      await addEvent(tx, {
        referralId,
        status: state.status,
        outcome: state.status === 'completed' ? state.outcome : null,
        reason: reasonOf(state),
        actor,
        at: now,
      });
      // The sender sees the loop close: a step of the receiver is told to her (not her own steps).
      if (role === 'receiver') await notifyReferralStepForSender(tx, { referralId, senderPersonId: row.sender_person_id, version: row.version + 1 }, now);
      return { referral: await viewFor(tx, referralId, actor, now), step: input.event };
    },
    details: (result) => ({ step: result.step, status: result.referral.status }),
  }).then((result) => result.referral);
}

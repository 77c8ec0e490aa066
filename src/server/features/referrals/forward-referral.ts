// SPDX-License-Identifier: EUPL-1.2
// The receiver forwards a referral to another organisation: the current one is completed as
// "referred elsewhere" and a new one, sent by the forwarding organisation, is linked to it both ways,
// so the history stays whole and the first sender can still follow it. The new receiver needs its own
// consent (or a legal ground): consent is per receiving organisation.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Referral, ReferralForward } from '../../../contracts/referrals.js';
import { AppError } from '../../platform/errors.js';
import { queryRows } from '../../platform/db/connection.js';
import { unwrap } from '../../platform/domain/result.js';
import { forwardReferral as forwardInDomain } from './domain/referral-state.js';
import { notifyReferralReceived } from './notify-referral.js';
import { responseDeadline } from './domain/deadline.js';
import { referrals } from './schema.js';
import { STALE_MESSAGE } from './transition-referral.js';
import {
  activeOrganisation,
  actOnReferral,
  addEvent,
  findReferral,
  responseWorkingDays,
  roleOf,
  sharingBasis,
  stateOf,
  viewFor,
  type UseCaseContext,
} from './store.js';

export interface ForwardedReferral {
  closed: Referral;
  forwarded: Referral;
}

export async function forwardReferral(ctx: UseCaseContext, referralId: string, input: ReferralForward): Promise<ForwardedReferral> {
  const actor = ctx.store.actor;
  return actOnReferral(ctx, referralId, {
    action: 'update',
    perform: async (tx) => {
      const now = ctx.now();
      const row = (await findReferral(tx, referralId, now, true))!;
      const newId = randomUUID();
      const result = unwrap(
        forwardInDomain(
          {
            id: row.id,
            senderOrganisationId: row.sender_organisation_id,
            receiverOrganisationId: row.receiver_organisation_id,
            state: stateOf(row),
            forwardedFrom: [],
          },
          { newReferralId: newId, toOrganisationId: input.toOrganisationId, reason: input.reason, at: now },
          roleOf(row, actor),
        ),
      );
      if (row.version !== input.version) throw new AppError('stale_version', { message: STALE_MESSAGE });
      const receiver = await activeOrganisation(tx, input.toOrganisationId, 'toOrganisationId');
      const basis = await sharingBasis(tx, { familyId: row.family_id, receiverOrganisationId: receiver.id, ...input }, now);
      const closed = result.closed.state;
      const note = closed.status === 'completed' ? (closed.note ?? null) : null;
      const updated = await queryRows<{ id: string }>(
        tx,
        sql`UPDATE referrals SET status = 'completed', outcome = 'referred_elsewhere', status_reason = ${note},
            status_before_hold = NULL, forwarded_to_id = ${newId}::uuid, version = version + 1, updated_at = ${now.toISOString()}::timestamptz
          WHERE id = ${referralId}::uuid AND version = ${input.version} RETURNING id::text`,
      );
      if (updated.length === 0) throw new AppError('stale_version', { message: STALE_MESSAGE });
      await addEvent(tx, { referralId, status: 'completed', outcome: 'referred_elsewhere', reason: note, actor, at: now });
      const deadline = responseDeadline(now, await responseWorkingDays(tx, receiver.id));
      await tx.insert(referrals).values({
        id: newId,
        familyId: row.family_id,
        senderOrganisationId: actor.organisationId!,
        senderPersonId: actor.personId,
        receiverOrganisationId: receiver.id,
        municipalityCode: row.municipality_code,
        status: result.forwarded.state.status,
        consentId: basis.consentId,
        legalGround: basis.legalGround,
        justification: basis.justification,
        reason: input.reason.trim(),
        factorKeys: row.factor_keys,
        screeningId: row.screening_id,
        requestedAt: now,
        respondBy: deadline.overdueFrom,
        forwardedFromId: referralId,
        createdAt: now,
        updatedAt: now,
      });
      await addEvent(tx, {
        referralId: newId,
        status: 'requested',
        reason: `Doorgestuurd door ${row.receiver_organisation_name}${basis.legalGround ? `; zonder toestemming, op wettelijke grond: ${basis.legalGround}` : ''}`,
        actor,
        at: now,
      });
      await notifyReferralReceived(tx, { referralId: newId, receiverOrganisationId: receiver.id }, now);
      return {
        closed: await viewFor(tx, referralId, actor, now),
        forwarded: await viewFor(tx, newId, actor, now),
        legalGround: basis.legalGround,
      };
    },
    details: (result) => ({
      step: 'forward',
      forwardedToReferralId: result.forwarded.id,
      toOrganisationId: result.forwarded.receiver.organisationId,
      ...(result.legalGround ? { legalGround: result.legalGround, withoutConsent: true, flaggedForReview: true } : {}),
    }),
  }).then(({ closed, forwarded }) => ({ closed, forwarded }));
}

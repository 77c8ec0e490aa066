// SPDX-License-Identifier: EUPL-1.2
// Sends a referral. No referral leaves without a valid consent for that receiver and purpose, or an
// explicitly chosen legal ground with its justification (flagged for review) — or it does not leave yet:
// asked to wait for the client's own consent, it is stored as a draft the receiver cannot see, and her
// consent in Mijn Kansrijke Start sends it (my-start/give-my-consent.ts). Sending is an act on the
// family (the sender must see it); the referral and its first history row are written in that same
// transaction. The same idempotency key from the same person returns the referral already made.
import { and, eq, sql } from 'drizzle-orm';
import type { Referral, ReferralCreate } from '../../../contracts/referrals.js';
import { AppError } from '../../platform/errors.js';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import { unwrap } from '../../platform/domain/result.js';
import { actOnFamily } from '../families/care-access.js';
import { isKnownFactorKey } from '../../../contracts/screening/factor-catalogue.js';
import { INITIAL_REFERRAL_STATE, MIN_REASON_LENGTH, transition } from './domain/referral-state.js';
import { responseDeadline } from './domain/deadline.js';
import { referrals } from './schema.js';
import { notifyReferralReceived } from './notify-referral.js';
import {
  activeOrganisation,
  addEvent,
  responseWorkingDays,
  sharingBasis,
  viewFor,
  type UseCaseContext,
} from './store.js';

/** In the referral's history: prepared, waiting for the client's own consent. */
export const AWAITING_CLIENT_CONSENT_REASON = 'wacht op toestemming van de cliënt';

function invalid(path: string, message: string): never {
  throw new AppError('validation_failed', { message, errors: [{ path, message }] });
}

export function checkReason(reason: string, field = 'reason'): string {
  const trimmed = reason.trim();
  if (trimmed.length < MIN_REASON_LENGTH) {
    invalid(field, `Geef de reden van de verwijzing (minstens ${MIN_REASON_LENGTH} tekens); de ontvangende organisatie leest deze.`);
  }
  return trimmed;
}

export function checkFactorKeys(keys: readonly string[]): string[] {
  const unique = [...new Set(keys)];
  const unknown = unique.filter((key) => !isKnownFactorKey(key));
  if (unknown.length > 0) invalid('factorKeys', `Onbekende factor: ${unknown.slice(0, 3).join(', ')}.`);
  return unique;
}

export interface CreatedReferral {
  referral: Referral;
  /** False when the idempotency key had been used already: the earlier referral is returned. */
  isNew: boolean;
}

async function existingByKey(tx: Executor, personId: string, key: string): Promise<{ id: string; familyId: string } | null> {
  const [row] = await tx
    .select({ id: referrals.id, familyId: referrals.familyId })
    .from(referrals)
    .where(and(eq(referrals.senderPersonId, personId), eq(referrals.idempotencyKey, key)));
  return row ?? null;
}

export async function createReferral(ctx: UseCaseContext, input: ReferralCreate): Promise<CreatedReferral> {
  const actor = ctx.store.actor;
  const reason = checkReason(input.reason);
  const factorKeys = checkFactorKeys(input.factorKeys ?? []);
  if (input.receiverOrganisationId === actor.organisationId) {
    invalid('receiverOrganisationId', 'U kunt niet naar uw eigen organisatie verwijzen; kies een andere organisatie.');
  }
  const awaitsConsent = input.awaitClientConsent === true;
  if (awaitsConsent && (input.consentId || input.legalGround)) {
    invalid('awaitClientConsent', 'Kies óf wachten op toestemming van de cliënt, óf een toestemming of wettelijke grond; niet allebei.');
  }
  const now = ctx.now();

  /** The same key again: the referral made the first time, if it is about this family. */
  const replay = async (tx: Executor, earlier: { id: string; familyId: string }) => {
    if (earlier.familyId !== input.familyId) {
      throw new AppError('conflict', { message: 'Deze idempotentiesleutel is al gebruikt voor een verwijzing van een andere cliënt.' });
    }
    return { referral: await viewFor(tx, earlier.id, actor, now), isNew: false, legalGround: null as string | null };
  };

  const result = await actOnFamily(ctx.store, ctx.now, {
    familyId: input.familyId,
    action: 'update',
    objectType: 'referral',
    perform: async (tx) => {
      const earlier = await existingByKey(tx, actor.personId, input.idempotencyKey);
      if (earlier) return replay(tx, earlier);

      const receiver = await activeOrganisation(tx, input.receiverOrganisationId, 'receiverOrganisationId');
      const basis = awaitsConsent
        ? { consentId: null, legalGround: null, justification: null }
        : await sharingBasis(tx, { ...input, receiverOrganisationId: receiver.id }, now);
      if (input.screeningId) {
        const [screening] = await queryRows<{ id: string }>(
          tx,
          sql`SELECT id::text FROM screenings WHERE id = ${input.screeningId}::uuid AND family_id = ${input.familyId}::uuid`,
        );
        if (!screening) invalid('screeningId', 'Deze screening hoort niet bij deze cliënt.');
      }
      const [family] = await queryRows<{ municipality_code: string }>(tx, sql`SELECT municipality_code FROM families WHERE id = ${input.familyId}::uuid`);
      const sent = awaitsConsent ? INITIAL_REFERRAL_STATE : unwrap(transition(INITIAL_REFERRAL_STATE, { type: 'send' }, 'sender'));
      const deadline = responseDeadline(now, await responseWorkingDays(tx, receiver.id));
      // Two identical submits racing: the unique index (sender person, key) lets one insert through;
      // the other waits for it, inserts nothing, and returns the first one's referral.
      const [inserted] = await tx
        .insert(referrals)
        .values({
          familyId: input.familyId,
          senderOrganisationId: actor.organisationId!,
          senderPersonId: actor.personId,
          receiverOrganisationId: receiver.id,
          municipalityCode: family!.municipality_code,
          status: sent.status,
          consentId: basis.consentId,
          legalGround: basis.legalGround,
          justification: basis.justification,
          reason,
          factorKeys,
          screeningId: input.screeningId ?? null,
          requestedAt: awaitsConsent ? null : now,
          respondBy: awaitsConsent ? null : deadline.overdueFrom,
          idempotencyKey: input.idempotencyKey,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing({ target: [referrals.senderPersonId, referrals.idempotencyKey] })
        .returning({ id: referrals.id });
      if (!inserted) {
        const first = await existingByKey(tx, actor.personId, input.idempotencyKey);
        if (!first) throw new AppError('conflict');
        return replay(tx, first);
      }
      await addEvent(tx, {
        referralId: inserted.id,
        status: sent.status,
        reason: basis.legalGround ? `Zonder toestemming, op wettelijke grond: ${basis.legalGround}` : awaitsConsent ? AWAITING_CLIENT_CONSENT_REASON : null,
        actor,
        at: now,
        // A draft is nobody's news yet: the receiver hears of it once the client's consent sends it.
        ...(awaitsConsent ? { isStatusChange: false } : {}),
      });
      if (!awaitsConsent) await notifyReferralReceived(tx, { referralId: inserted.id, receiverOrganisationId: receiver.id }, now);
      return { referral: await viewFor(tx, inserted.id, actor, now), isNew: true, legalGround: basis.legalGround };
    },
    details: (created) => ({
      referralId: created.referral.id,
      receiverOrganisationId: input.receiverOrganisationId,
      ...(created.isNew ? {} : { idempotentReplay: true }),
      ...(awaitsConsent && created.isNew ? { awaitingClientConsent: true } : {}),
      ...(created.legalGround ? { legalGround: created.legalGround, withoutConsent: true, flaggedForReview: true } : {}),
    }),
  });

  return { referral: result.referral, isNew: result.isNew };
}

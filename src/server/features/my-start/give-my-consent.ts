// SPDX-License-Identifier: EUPL-1.2
// The parent gives consent for a referral that waits for it (issue 15 item 4): in one transaction the
// consent engine's table gets a consent given by the client herself (for the referral's receiver, for
// the purpose 'referral', naming the data the receiver gets, for one year), the referral links to it
// and is sent (draft → requested, through the one state table), with its response deadline, its history
// row and the receiver's notification. Audited with the parent as actor. Giving it again returns the
// same consent (one consent, no error); a referral that does not wait for her consent, or whose consent
// she already withdrew, is refused with a clear message and nothing changes.
import { sql } from 'drizzle-orm';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { MyConsentGiven } from '../../../contracts/my-start.js';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import { unwrap } from '../../platform/domain/result.js';
import { AppError } from '../../platform/errors.js';
import { responseDeadline } from '../referrals/domain/deadline.js';
import { transition, type ReferralStatus } from '../referrals/domain/referral-state.js';
import { notifyReferralReceived } from '../referrals/notify-referral.js';
import { consents } from '../referrals/schema.js';
import { addEvent, findConsents, responseWorkingDays, toConsent } from '../referrals/store.js';
import { CLIENT_CONSENT_EVENT_REASON, dataCategoriesOf, validUntilOf } from './domain/awaiting-consent.js';
import { actAsParent, type ParentContext } from './parent-access.js';

interface ReferralRow {
  id: string;
  status: ReferralStatus;
  consent_id: string | null;
  legal_ground: string | null;
  sender_organisation_id: string;
  sender_person_id: string;
  receiver_organisation_id: string;
  factor_keys: string[];
  screening_id: string | null;
}

type Given = MyConsentGiven & { isReplay: boolean };

async function applyGivenConsent(tx: Executor, input: { familyId: string; referralId: string; now: Date }): Promise<Given> {
  const { familyId, referralId, now } = input;
  // Locked: two submits at once wait for each other, and the second finds the first one's consent.
  const [referral] = await queryRows<ReferralRow>(
    tx,
    sql`SELECT id::text, status, consent_id::text, legal_ground, sender_organisation_id::text, sender_person_id::text,
        receiver_organisation_id::text, factor_keys, screening_id::text
      FROM referrals WHERE id = ${referralId}::uuid AND family_id = ${familyId}::uuid FOR UPDATE`,
  );
  if (!referral) throw new AppError('not_found');

  if (referral.consent_id !== null) {
    const given = await queryRows<{ id: string }>(
      tx,
      sql`SELECT id::text FROM referral_events WHERE referral_id = ${referralId}::uuid AND reason = ${CLIENT_CONSENT_EVENT_REASON} LIMIT 1`,
    );
    if (given.length === 0) throw new AppError('already_processed', { message: nl.myStart.notAwaiting });
    const [consent] = await findConsents(tx, sql`c.id = ${referral.consent_id}::uuid`);
    if (consent!.withdrawn_at !== null) throw new AppError('already_processed', { message: nl.myStart.givenWithdrawn });
    return { consent: toConsent(consent!, now), referralId, referralStatus: referral.status, isReplay: true };
  }
  if (referral.status !== 'draft' || referral.legal_ground !== null) throw new AppError('already_processed', { message: nl.myStart.notAwaiting });

  const today = amsterdamDate(now);
  const [inserted] = await tx
    .insert(consents)
    .values({
      familyId,
      givenBy: 'client',
      representativeName: null,
      receiverOrganisationId: referral.receiver_organisation_id,
      purposes: ['referral'],
      dataCategories: dataCategoriesOf({ factorKeys: referral.factor_keys, hasScreening: referral.screening_id !== null }),
      // Given in writing: the parent's own act in her logged-in file (DigiD substantieel).
      form: 'written',
      givenOn: today,
      validUntil: validUntilOf(today),
      // Recorded under the professional who prepared the referral and asked for this consent (the
      // table names staff); given_by 'client' and the audit row (the parent as actor) say who gave it.
      recordedById: referral.sender_person_id,
      recordedByOrganisationId: referral.sender_organisation_id,
      createdAt: now,
    })
    .returning({ id: consents.id });
  const sent = unwrap(transition({ status: 'draft' }, { type: 'send' }, 'sender'));
  const deadline = responseDeadline(now, await responseWorkingDays(tx, referral.receiver_organisation_id));
  await tx.execute(sql`UPDATE referrals SET consent_id = ${inserted!.id}::uuid, status = ${sent.status}, requested_at = ${now.toISOString()}::timestamptz,
      respond_by = ${deadline.overdueFrom.toISOString()}::timestamptz, version = version + 1, updated_at = ${now.toISOString()}::timestamptz
    WHERE id = ${referralId}::uuid`);
  await addEvent(tx, { referralId, status: sent.status, reason: CLIENT_CONSENT_EVENT_REASON, actor: null, at: now });
  await notifyReferralReceived(tx, { referralId, receiverOrganisationId: referral.receiver_organisation_id }, now);
  const [consent] = await findConsents(tx, sql`c.id = ${inserted!.id}::uuid`);
  return { consent: toConsent(consent!, now), referralId, referralStatus: sent.status, isReplay: false };
}

export async function giveMyConsent(ctx: ParentContext, familyId: string, referralId: string): Promise<MyConsentGiven> {
  const { isReplay: _isReplay, ...given } = await actAsParent(ctx, {
    resource: 'family',
    action: 'update',
    familyId,
    objectType: 'referral',
    objectId: referralId,
    perform: (tx) => applyGivenConsent(tx, { familyId, referralId, now: ctx.now }),
    details: (result) => ({
      referralId,
      consentId: result.consent.id,
      change: 'given',
      receiverOrganisationId: result.consent.receiverOrganisationId,
      ...(result.isReplay ? { idempotentReplay: true } : {}),
    }),
  });
  return given;
}

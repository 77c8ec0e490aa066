// SPDX-License-Identifier: EUPL-1.2
// The client withdraws a consent: effective at once and for good. In one transaction: the consent is
// marked withdrawn, every care relationship under it ends, and every open referral sent under it is
// cancelled ("toestemming ingetrokken"), so the receiver can no longer read the referral or the
// family; the receiver's running interventions for the family end with that reason (the inbox says
// why the file disappeared: list-consent-withdrawal-notices.ts). The sender still follows the referral's status.
import { sql } from 'drizzle-orm';
import type { ConsentWithdrawal } from '../../../contracts/referrals.js';
import { AppError } from '../../platform/errors.js';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import type { Actor } from '../../platform/access/policy.js';
import { withdrawConsent as withdrawDomainConsent } from './domain/consent.js';
import { TERMINAL_STATUSES, type ReferralStatus } from './domain/referral-state.js';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { organisationCaresFor } from '../families/care-access.js';
import { CONSENT_WITHDRAWN_ENROLMENT_REASON } from '../../../contracts/care.js';
import { actOnFamilyOf, addEvent, CONSENT_WITHDRAWN_REASON, findConsents, toConsent, toDomainConsent, type UseCaseContext } from './store.js';

export async function withdrawConsent(ctx: UseCaseContext, consentId: string): Promise<ConsentWithdrawal> {
  return actOnFamilyOf(ctx, {
    objectId: consentId,
    familyIdOf: (tx) => familyOfConsent(tx, consentId),
    action: 'update',
    objectType: 'consent',
    perform: (tx, familyId) => applyConsentWithdrawal(tx, { consentId, familyId, actor: ctx.store.actor, now: ctx.now() }),
    details: (result) => withdrawalDetails(consentId, result),
  });
}

/** The family whose file holds the consent; null when there is no such consent. */
export async function familyOfConsent(tx: Executor, consentId: string): Promise<string | null> {
  return (await queryRows<{ family_id: string }>(tx, sql`SELECT family_id::text FROM consents WHERE id = ${consentId}::uuid`))[0]?.family_id ?? null;
}

/** What the audit row of a withdrawal records (counts only). */
export function withdrawalDetails(consentId: string, result: AppliedWithdrawal): Record<string, unknown> {
  return {
    consentId,
    change: 'withdrawn',
    cancelledReferralCount: result.cancelledReferralCount,
    endedCareRelationshipCount: result.endedCareRelationshipCount,
    endedEnrolmentCount: result.endedEnrolmentCount,
  };
}

/** The withdrawal as answered, and how many running interventions it ended (for the audit row). */
export type AppliedWithdrawal = ConsentWithdrawal & { endedEnrolmentCount: number };

/**
 * The withdrawal itself, in the caller's transaction once access is decided: by a professional in the
 * file, or by the client (the parent, `actor` null: the referral's history names no staff member).
 * A consent withdrawn before is refused (already_processed) and nothing changes.
 */
export async function applyConsentWithdrawal(
  tx: Executor,
  input: { consentId: string; familyId: string; actor: Actor | null; now: Date },
): Promise<AppliedWithdrawal> {
  const { consentId, familyId, actor, now } = input;
  const [row] = await findConsents(tx, sql`c.id = ${consentId}::uuid AND c.family_id = ${familyId}::uuid`, true);
  if (!row) throw new AppError('not_found');
  if (row.withdrawn_at !== null) {
    throw new AppError('already_processed', { message: 'Deze toestemming is al ingetrokken.' });
  }
  const withdrawn = withdrawDomainConsent(toDomainConsent(row, 'referral'), now);
  await tx.execute(sql`UPDATE consents SET withdrawn_at = ${withdrawn.withdrawnAt!.toISOString()}::timestamptz WHERE id = ${consentId}::uuid`);
  const ended = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE care_relationships SET ended_at = ${now.toISOString()}::timestamptz
      WHERE consent_id = ${consentId}::uuid AND ended_at IS NULL RETURNING id::text`,
  );
  const terminal = sql.join(
    (TERMINAL_STATUSES as readonly ReferralStatus[]).map((status) => sql`${status}`),
    sql`, `,
  );
  const cancelled = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE referrals SET status = 'cancelled', status_reason = ${CONSENT_WITHDRAWN_REASON}, status_before_hold = NULL,
        version = version + 1, updated_at = ${now.toISOString()}::timestamptz
      WHERE consent_id = ${consentId}::uuid AND status NOT IN (${terminal}) RETURNING id::text`,
  );
  for (const referral of cancelled) {
    await addEvent(tx, { referralId: referral.id, status: 'cancelled', reason: CONSENT_WITHDRAWN_REASON, actor, at: now });
  }
  // The receiver's running interventions for this family end with the same reason, unless it still
  // sees the family on another basis (its own registration, another consent, a legal ground).
  const endedEnrolments = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE enrolments SET status = 'dropped_out', drop_out_reason = ${CONSENT_WITHDRAWN_ENROLMENT_REASON},
        ended_on = ${amsterdamDate(now)}::date, version = version + 1, updated_at = ${now.toISOString()}::timestamptz
      WHERE family_id = ${familyId}::uuid AND organisation_id = ${row.receiver_organisation_id}::uuid AND status = 'active'
        AND NOT ${organisationCaresFor(sql`${familyId}::uuid`, row.receiver_organisation_id, now)}
      RETURNING id::text`,
  );
  const [updated] = await findConsents(tx, sql`c.id = ${consentId}::uuid`);
  return {
    consent: toConsent(updated!, now),
    cancelledReferralCount: cancelled.length,
    endedCareRelationshipCount: ended.length,
    endedEnrolmentCount: endedEnrolments.length,
  };
}

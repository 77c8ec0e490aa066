// SPDX-License-Identifier: EUPL-1.2
// Why a referral disappeared from the inbox: the referrals the actor's organisation received whose
// consent the client withdrew in the last 30 days, with the date and the sending organisation. The
// client's name only while the organisation still sees the family on another basis (never otherwise).
import { sql } from 'drizzle-orm';
import type { ConsentWithdrawalNotice } from '../../../contracts/referrals.js';
import { queryRows } from '../../platform/db/connection.js';
import { familyVisibleTo } from '../families/care-access.js';
import { REFERRAL_CLIENT_NAME, type UseCaseContext } from './store.js';

export const NOTICE_DAYS = 30;

export async function listConsentWithdrawalNotices(ctx: UseCaseContext): Promise<{ items: ConsentWithdrawalNotice[] }> {
  const actor = ctx.store.actor;
  const now = ctx.now();
  const since = new Date(now.getTime() - NOTICE_DAYS * 86_400_000);
  const rows = await ctx.store.search({
    resource: 'referral',
    objectType: 'consent_withdrawal_notice',
    perform: async (tx) => {
      // The working list of the own organisation only, whatever else the role may reach.
      if (!actor.organisationId) return [];
      return queryRows<{ family_id: string; withdrawn_at: Date | string; sender_name: string; client_name: string | null }>(
        tx,
        sql`SELECT r.family_id, c.withdrawn_at, so.name AS sender_name,
            CASE WHEN ${familyVisibleTo(sql`r.family_id`, actor, now)} THEN ${REFERRAL_CLIENT_NAME} END AS client_name
          FROM referrals r
          JOIN consents c ON c.id = r.consent_id
          JOIN organisations so ON so.id = r.sender_organisation_id
          WHERE r.receiver_organisation_id = ${actor.organisationId}::uuid AND r.status <> 'draft'
            AND c.withdrawn_at IS NOT NULL AND c.withdrawn_at >= ${since.toISOString()}::timestamptz
          ORDER BY c.withdrawn_at DESC, r.id
          LIMIT 50`,
      );
    },
    details: (result) => ({ resultCount: result.length }),
    // Only a notice that names its client shows that client's data.
    clientIds: (result) => result.filter((row) => row.client_name !== null).map((row) => row.family_id),
  });
  return {
    items: rows.map((row) => ({ withdrawnAt: new Date(row.withdrawn_at).toISOString(), senderOrganisationName: row.sender_name, clientName: row.client_name })),
  };
}

// SPDX-License-Identifier: EUPL-1.2
// The referrals in a family's file that the actor's organisation sent or receives, newest first.
import { sql } from 'drizzle-orm';
import type { ReferralListItem } from '../../../contracts/referrals.js';
import { queryRows } from '../../platform/db/connection.js';
import { actOnFamily } from '../families/care-access.js';
import { clientNameSql, receiverMaySee, REFERRAL_JOINS, referralColumns, toListItem, type ListRow, type UseCaseContext } from './store.js';

export async function listFamilyReferrals(ctx: UseCaseContext, familyId: string): Promise<ReferralListItem[]> {
  const actor = ctx.store.actor;
  return actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'read',
    objectType: 'referral',
    perform: async (tx) => {
      const now = ctx.now();
      const rows = await queryRows<ListRow>(
        tx,
        sql`SELECT ${referralColumns(now)}, ${clientNameSql(actor, now)} AS client_name
          FROM referrals r ${REFERRAL_JOINS}
          WHERE r.family_id = ${familyId}::uuid
            AND (r.sender_organisation_id = ${actor.organisationId}::uuid
              OR (r.receiver_organisation_id = ${actor.organisationId}::uuid AND ${receiverMaySee(now)}))
          ORDER BY r.created_at DESC, r.id`,
      );
      return rows.map((row) => toListItem(row, actor));
    },
    details: (items) => ({ resultCount: items.length }),
  });
}

// SPDX-License-Identifier: EUPL-1.2
// The referral inbox (incoming) or outbox (outgoing) of the actor's organisation, as a paged working list.
import type { Page } from '../../platform/http/listing.js';
import { windowOf } from '../../platform/http/listing.js';
import type { ReferralListItem, ReferralQuery } from '../../../contracts/referrals.js';
import { findWorkingList } from './referral-query.js';
import { toListItem, type UseCaseContext } from './store.js';

export async function listReferrals(ctx: UseCaseContext, query: ReferralQuery): Promise<Page<ReferralListItem>> {
  const { page, pageSize, ...filters } = query;
  const actor = ctx.store.actor;
  const found = await ctx.store.search({
    resource: 'referral',
    perform: (tx, scope) => findWorkingList(tx, scope, actor, filters, windowOf({ page, pageSize }), ctx.now()),
    details: (result) => ({ box: filters.box, filter: filters.filter ?? null, resultCount: result.rows.length, total: result.total }),
    clientIds: (result) => result.rows.map((row) => row.family_id),
  });
  return { items: found.rows.map((row) => toListItem(row, actor)), total: found.total, page, pageSize };
}

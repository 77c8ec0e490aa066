// SPDX-License-Identifier: EUPL-1.2
// The working-list query shared by the inbox page and its CSV export: incoming (receiver, only while
// the consent holds) or outgoing (sender), with the filters new / overdue / assigned to me / municipality.
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/policy.js';
import type { Scope } from '../../platform/access/policy.js';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import { orderByOf, type RowWindow } from '../../platform/http/listing.js';
import type { REFERRAL_SORT_FIELDS, ReferralQuery } from '../../../contracts/referrals.js';
import { NOT_OPEN_STATUSES } from './domain/referral-state.js';
import { clientNameSql, overdueSql, receiverMaySee, REFERRAL_JOINS, referralColumns, type ListRow } from './store.js';

export type ReferralFilters = Omit<ReferralQuery, 'page' | 'pageSize'>;

export async function findWorkingList(
  tx: Executor,
  scope: Exclude<Scope, { kind: 'none' }>,
  actor: Actor,
  filters: ReferralFilters,
  window: RowWindow,
  now: Date,
): Promise<{ rows: ListRow[]; total: number }> {
  // A working list is always the actor's own organisation's, also for a role that may reach any.
  if (!actor.organisationId) return { rows: [], total: 0 };
  void scope;
  const conditions: SQL[] =
    filters.box === 'incoming'
      ? [sql`r.receiver_organisation_id = ${actor.organisationId}::uuid`, receiverMaySee(now), sql`r.status <> 'draft'`]
      : [sql`r.sender_organisation_id = ${actor.organisationId}::uuid`];
  if (filters.filter === 'new') conditions.push(sql`r.status = 'requested'`);
  if (filters.filter === 'overdue') conditions.push(overdueSql(now));
  if (filters.filter === 'assigned_to_me') conditions.push(sql`r.assigned_to_id = ${actor.personId}::uuid`);
  if (filters.filter === 'open') conditions.push(sql`r.status NOT IN (${sql.join(NOT_OPEN_STATUSES.map((status) => sql`${status}`), sql`, `)})`);
  if (filters.municipality) conditions.push(sql`r.municipality_code = ${filters.municipality}`);
  const where = sql.join(conditions, sql` AND `);
  const order = sql.join(workingListOrder(filters.sorteer, now), sql`, `);
  // Count and sort the narrow referral rows first; the joins and the client's name only for the page
  // (joining every row of an inbox with thousands of referrals before the count took most of the time).
  const rows = await queryRows<ListRow & { total: number }>(
    tx,
    sql`WITH page AS (
        SELECT r.id, count(*) OVER ()::int AS total, row_number() OVER (ORDER BY ${order}) AS position
        FROM referrals r WHERE ${where}
        ORDER BY position LIMIT ${window.limit} OFFSET ${window.offset})
      SELECT ${referralColumns(now)}, ${clientNameSql(actor, now)} AS client_name, page.total
      FROM page JOIN referrals r ON r.id = page.id ${REFERRAL_JOINS}
      ORDER BY page.position`,
  );
  const total = rows[0]?.total ?? (window.offset > 0 ? await countOnly(tx, where) : 0);
  return { rows, total };
}

/**
 * `sorteer` on the narrow referral rows (the names through a subquery, as the page is joined only
 * afterwards); by default overdue first (they need an answer), then the oldest waiting, then the latest change.
 */
function workingListOrder(sort: string | undefined, now: Date): SQL[] {
  const columns: Record<(typeof REFERRAL_SORT_FIELDS)[number], SQL> = {
    respondBy: sql`r.respond_by`,
    requestedAt: sql`r.requested_at`,
    updatedAt: sql`r.updated_at`,
    status: sql`r.status`,
    municipalityName: sql`(SELECT m.name FROM municipalities m WHERE m.code = r.municipality_code)`,
    senderOrganisationName: sql`(SELECT o.name FROM organisations o WHERE o.id = r.sender_organisation_id)`,
    receiverOrganisationName: sql`(SELECT o.name FROM organisations o WHERE o.id = r.receiver_organisation_id)`,
  };
  const defaults = [sql`${overdueSql(now)} DESC`, sql`(r.status IN ('requested', 'received')) DESC`, sql`r.respond_by ASC NULLS LAST`, sql`r.updated_at DESC`];
  return orderByOf(sort, columns, defaults, sql`r.id`);
}

async function countOnly(tx: Executor, where: SQL): Promise<number> {
  const [row] = await queryRows<{ total: number }>(tx, sql`SELECT count(*)::int AS total FROM referrals r WHERE ${where}`);
  return row?.total ?? 0;
}

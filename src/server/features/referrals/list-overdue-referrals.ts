// SPDX-License-Identifier: EUPL-1.2
// For the coalition coordinator: the referrals past their response deadline in the municipalities
// their organisation serves — which organisation sent it, which has to answer, where, how late. No
// client data at all, so this is an aggregate-like read (only a refusal is audited).
import { sql, type SQL } from 'drizzle-orm';
import { scopeFor } from '../../platform/access/policy.js';
import { queryRows } from '../../platform/db/connection.js';
import { windowOf, type Page } from '../../platform/http/listing.js';
import type { OverdueReferral } from '../../../contracts/referrals.js';
import type { z } from 'zod';
import type { overdueQuerySchema } from '../../../contracts/referrals.js';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { overdueSql, type UseCaseContext } from './store.js';

const DAY_MS = 86_400_000;

function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  return Math.round((Date.parse(`${toIsoDate}T00:00:00Z`) - Date.parse(`${fromIsoDate}T00:00:00Z`)) / DAY_MS);
}

export async function listOverdueReferrals(ctx: UseCaseContext, query: z.infer<typeof overdueQuerySchema>): Promise<Page<OverdueReferral>> {
  const { scope } = scopeFor(ctx.store.actor, 'referral_overview', 'list');
  return ctx.store.readAggregates({
    resource: 'referral_overview',
    action: 'list',
    perform: async (db) => {
      const now = ctx.now();
      const conditions: SQL[] = [overdueSql(now)];
      if (scope.kind === 'organisations') {
        conditions.push(sql`r.municipality_code IN (SELECT om.municipality_code FROM organisation_municipalities om
          WHERE om.organisation_id IN (${sql.join(scope.organisationIds.map((id) => sql`${id}::uuid`), sql`, `)}))`);
      }
      if (query.municipality) conditions.push(sql`r.municipality_code = ${query.municipality}`);
      const window = windowOf(query);
      const rows = await queryRows<{
        sender_name: string;
        receiver_name: string;
        municipality_code: string;
        municipality_name: string;
        respond_by: Date | string;
        total: number;
      }>(
        db,
        sql`SELECT so.name AS sender_name, ro.name AS receiver_name, r.municipality_code, m.name AS municipality_name, r.respond_by,
            count(*) OVER ()::int AS total
          FROM referrals r
          JOIN organisations so ON so.id = r.sender_organisation_id
          JOIN organisations ro ON ro.id = r.receiver_organisation_id
          JOIN municipalities m ON m.code = r.municipality_code
          WHERE ${sql.join(conditions, sql` AND `)}
          ORDER BY r.respond_by ASC, r.id
          LIMIT ${window.limit} OFFSET ${window.offset}`,
      );
      const today = amsterdamDate(now);
      const items = rows.map((row) => {
        // respond_by is 00:00 after the last day to respond on.
        const dueDate = amsterdamDate(new Date(new Date(row.respond_by).getTime() - 1));
        return {
          senderOrganisationName: row.sender_name,
          receiverOrganisationName: row.receiver_name,
          municipalityCode: row.municipality_code,
          municipalityName: row.municipality_name,
          dueDate,
          daysOverdue: daysBetween(dueDate, today),
        };
      });
      return { items, total: rows[0]?.total ?? 0, page: query.page, pageSize: query.pageSize };
    },
  });
}

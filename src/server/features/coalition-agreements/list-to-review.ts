// SPDX-License-Identifier: EUPL-1.2
// "Te herzien": agreements in force (agreed, under review) whose review date has passed (issue 10
// item 3). By default the coalitions the person may edit (a coordinator: their own, from the policy's
// reach on 'coalition' update); everyone may read every coalition, so `scope=all` (and the default for
// anyone without coalitions to edit, such as an analyst) lists them all.
import { amsterdamDate } from '../../../contracts/calendar.js';
import { and, asc, inArray, isNull, lt, sql, eq } from 'drizzle-orm';
import type { ToReviewItem, ToReviewList } from '../../../contracts/coalition-agreements.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { scopeFor } from '../../platform/access/policy.js';
import { toCsv, type CsvColumn } from '../../platform/http/listing.js';
import { coalitions } from '../coalitions/schema.js';
import { type UseCaseContext } from '../coalition-partners/store.js';
import { coalitionAgreements } from './schema.js';

const DAY_MS = 86_400_000;

async function select(ctx: UseCaseContext, requested: 'mine' | 'all' | undefined, action: 'list' | 'export'): Promise<ToReviewList> {
  const editable = scopeFor(ctx.store.actor, 'coalition', 'update').scope;
  const scope = requested ?? (editable.kind === 'none' ? 'all' : 'mine');
  const today = amsterdamDate(ctx.now());
  const operation = {
    resource: 'coalition' as const,
    objectType: 'coalition_agreement' as const,
    perform: async (tx: Parameters<Parameters<typeof ctx.store.search>[0]['perform']>[0]) => {
      const mine = scope === 'mine' ? (editable.kind === 'all' ? null : editable.kind === 'coalitions' ? editable.coalitionIds : []) : null;
      const rows = await tx
        .select({
          coalitionCode: coalitions.code,
          coalitionName: coalitions.name,
          agreementId: coalitionAgreements.id,
          topic: coalitionAgreements.topic,
          title: coalitionAgreements.title,
          level: coalitionAgreements.level,
          status: coalitionAgreements.status,
          reviewDue: coalitionAgreements.reviewDue,
        })
        .from(coalitionAgreements)
        .innerJoin(coalitions, eq(coalitions.id, coalitionAgreements.coalitionId))
        .where(
          and(
            isNull(coalitionAgreements.noAgreementReason),
            inArray(coalitionAgreements.status, ['agreed', 'under_review']),
            lt(coalitionAgreements.reviewDue, today),
            mine === null ? undefined : mine.length === 0 ? sql`false` : inArray(coalitionAgreements.coalitionId, mine),
          ),
        )
        .orderBy(asc(coalitionAgreements.reviewDue), asc(coalitions.code), asc(coalitionAgreements.id))
        .limit(10_000);
      const items: ToReviewItem[] = rows.map((row) => ({
        ...row,
        level: row.level!,
        status: row.status!,
        reviewDue: row.reviewDue!,
        daysOverdue: Math.round((Date.parse(today) - Date.parse(row.reviewDue!)) / DAY_MS),
      }));
      return { scope, items };
    },
    details: (result: ToReviewList) => ({ scope: result.scope, resultCount: result.items.length }),
  };
  return action === 'export' ? ctx.store.export(operation) : ctx.store.search(operation);
}

export function listToReview(ctx: UseCaseContext, query: { scope?: 'mine' | 'all' }): Promise<ToReviewList> {
  return select(ctx, query.scope, 'list');
}

const text = nl.coalitionAgreements;
const COLUMNS: CsvColumn<ToReviewItem>[] = [
  { header: text.columnCoalitionCode, value: (row) => row.coalitionCode },
  { header: text.columnCoalition, value: (row) => row.coalitionName },
  { header: text.columnTopic, value: (row) => nl.coalitionAgreementTopics[row.topic] },
  { header: text.columnTitle, value: (row) => row.title },
  { header: text.columnLevel, value: (row) => nl.coalitionAgreementLevels[row.level] },
  { header: text.columnStatus, value: (row) => nl.coalitionAgreementStatuses[row.status] },
  { header: text.columnReviewDue, value: (row) => row.reviewDue },
  { header: text.columnDaysOverdue, value: (row) => row.daysOverdue },
];

export async function exportToReview(ctx: UseCaseContext, query: { scope?: 'mine' | 'all' }): Promise<string> {
  return toCsv(COLUMNS, (await select(ctx, query.scope, 'export')).items);
}

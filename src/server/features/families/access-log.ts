// SPDX-License-Identifier: EUPL-1.2
// Who looked at this file: every audit row about the family (and registrations merged into it) —
// who, for which organisation, in which role, what, when, from where, and whether it was emergency
// access. Clients have the right to see this (AVG art. 15, Wabvpz); looking at it is itself audited.
import { auditLabels } from '../../../contracts/i18n/audit-labels.js';
import { and, desc, eq, lte, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AccessLogEntry, accessLogQuerySchema } from '../../../contracts/families.js';
import type { Executor } from '../../platform/db/connection.js';
import { auditLog } from '../../platform/audit/schema.js';
import { EXPORT_WINDOW, toCsv, windowOf, type CsvColumn, type Page, type RowWindow } from '../../platform/http/listing.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { organisations, people } from '../organisations/schema.js';
import { actOnFamily } from './care-access.js';
import type { UseCaseContext } from './store.js';

/** SQL condition: the audit row is about this family (or a registration merged into it). */
export function aboutFamily(familyId: string): SQL {
  const ids = sql`(SELECT ${familyId}::uuid UNION SELECT f.id FROM families f WHERE f.merged_into_id = ${familyId}::uuid)`;
  return or(
    sql`${auditLog.clientId} IN ${ids}`,
    // Lists, searches and exports name every client they returned (GIN index on client_ids).
    sql`${auditLog.clientIds} && ARRAY${ids}`,
    sql`(${auditLog.objectType} = 'family' AND ${auditLog.objectId} IN (SELECT id::text FROM ${ids} AS merged(id)))`,
  )!;
}

async function findAccessLog(tx: Executor, familyId: string, window: RowWindow, untilSequence: number | null = null): Promise<{ rows: AccessLogEntry[]; total: number }> {
  const rows = await tx
    .select({
      at: auditLog.occurredAt,
      personName: people.name,
      organisationName: organisations.name,
      role: auditLog.role,
      action: auditLog.action,
      objectType: auditLog.objectType,
      outcome: auditLog.outcome,
      emergency: sql<boolean>`coalesce(${auditLog.objectType} = 'emergency_access' OR ${auditLog.details} ? 'emergencyAccessId', false)`,
      sourceIp: auditLog.sourceIp,
      total: sql<number>`count(*) OVER ()`.mapWith(Number),
    })
    .from(auditLog)
    .leftJoin(people, eq(people.id, auditLog.actorId))
    .leftJoin(organisations, eq(organisations.id, auditLog.organisationId))
    .where(untilSequence === null ? aboutFamily(familyId) : and(aboutFamily(familyId), lte(auditLog.sequence, untilSequence)))
    .orderBy(desc(auditLog.sequence))
    .limit(window.limit)
    .offset(window.offset);
  return { rows: rows.map(({ total: _total, ...row }) => ({ ...row, at: row.at.toISOString() })), total: rows[0]?.total ?? 0 };
}

export async function listAccessLog(ctx: UseCaseContext, familyId: string, query: z.infer<typeof accessLogQuerySchema>): Promise<Page<AccessLogEntry>> {
  const found = await actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'read',
    objectType: 'access_log',
    perform: (tx) => findAccessLog(tx, familyId, windowOf(query)),
  });
  return { items: found.rows, total: found.total, page: query.page, pageSize: query.pageSize };
}

/**
 * The access log as it stood at one moment (`snapshot`: the last audit sequence then), so that paging
 * through it is stable although every look at it adds an entry. Without `untilSequence` the snapshot
 * is taken now; the next pages pass it back.
 */
export async function listAccessLogSnapshot(
  ctx: UseCaseContext,
  familyId: string,
  query: z.infer<typeof accessLogQuerySchema>,
  untilSequence: number | null,
): Promise<Page<AccessLogEntry> & { snapshot: number }> {
  const found = await actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'read',
    objectType: 'access_log',
    perform: async (tx) => {
      const [head] = await tx.select({ sequence: sql<number>`coalesce(max(${auditLog.sequence}), 0)`.mapWith(Number) }).from(auditLog);
      const snapshot = untilSequence ?? head!.sequence;
      return { ...(await findAccessLog(tx, familyId, windowOf(query), snapshot)), snapshot };
    },
  });
  return { items: found.rows, total: found.total, page: query.page, pageSize: query.pageSize, snapshot: found.snapshot };
}

const text = nl.accessLog;
// The client's own export: the same words as the page, not the log's codes.
const labels = auditLabels(nl);
const COLUMNS: CsvColumn<AccessLogEntry>[] = [
  { header: text.columnAt, value: (row) => row.at },
  { header: text.columnPerson, value: (row) => row.personName },
  { header: text.columnOrganisation, value: (row) => row.organisationName },
  { header: text.columnRole, value: (row) => labels.roles(row.role) },
  { header: text.columnAction, value: (row) => labels.action(row.action) },
  { header: text.columnObject, value: (row) => labels.objectType(row.objectType) },
  { header: text.columnOutcome, value: (row) => labels.outcome(row.outcome) },
  { header: text.columnEmergency, value: (row) => row.emergency },
  { header: text.columnSourceIp, value: (row) => row.sourceIp },
];

export async function exportAccessLog(ctx: UseCaseContext, familyId: string): Promise<string> {
  const found = await actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'read',
    objectType: 'access_log_export',
    perform: (tx) => findAccessLog(tx, familyId, EXPORT_WINDOW),
  });
  return toCsv(COLUMNS, found.rows);
}

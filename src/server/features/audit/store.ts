// SPDX-License-Identifier: EUPL-1.2
// Search over the NEN 7513 audit log, with the names of actor and organisation. Only called from
// inside a ScopedStore operation, with the scope the policy gives (an organisation admin: events
// recorded for their own organisation).
import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../platform/db/connection.js';
import type { Scope } from '../../platform/access/policy.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { AppError } from '../../platform/errors.js';
import { auditLog, organisations, people } from '../../platform/db/schema.js';
import type { AuditEventView, auditQuerySchema } from '../../../contracts/audit.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { RowWindow } from '../../platform/http/listing.js';

export type UseCaseContext = Pick<RequestContext, 'store' | 'now'>;
export type AuditFilters = Omit<z.infer<typeof auditQuerySchema>, 'page' | 'pageSize'>;

/** Dates in the query are calendar days in the Netherlands, whatever the server's time zone. */
const TIME_ZONE = 'Europe/Amsterdam';

export interface AuditEventRow extends Omit<AuditEventView, 'occurredAt' | 'outcome'> {
  occurredAt: Date;
  outcome: string;
}

export function toAuditEvent(row: AuditEventRow): AuditEventView {
  return { ...row, occurredAt: row.occurredAt.toISOString(), outcome: row.outcome as AuditEventView['outcome'] };
}

/** 400 when the period ends before it starts (ISO dates compare as text). */
export function checkPeriod(filters: Pick<AuditFilters, 'from' | 'to'>): void {
  if (filters.from && filters.to && filters.from > filters.to) {
    throw new AppError('validation_failed', { errors: [{ path: 'querystring.from', message: nl.audit.dateRangeReversed }] });
  }
}

function auditConditions(scope: Exclude<Scope, { kind: 'none' }>, filters: AuditFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (scope.kind === 'organisations') conditions.push(inArray(auditLog.organisationId, scope.organisationIds));
  if (filters.from) conditions.push(sql`${auditLog.occurredAt} >= (${filters.from}::date::timestamp AT TIME ZONE ${TIME_ZONE})`);
  // 'to' includes the whole day.
  if (filters.to) conditions.push(sql`${auditLog.occurredAt} < ((${filters.to}::date + 1)::timestamp AT TIME ZONE ${TIME_ZONE})`);
  if (filters.actorId) conditions.push(eq(auditLog.actorId, filters.actorId));
  // The client named alone (a read, a denial) or among the clients a list, search or export returned.
  if (filters.clientId) conditions.push(or(eq(auditLog.clientId, filters.clientId), sql`${auditLog.clientIds} @> ARRAY[${filters.clientId}::uuid]`)!);
  if (filters.objectId) conditions.push(eq(auditLog.objectId, filters.objectId));
  if (filters.action) conditions.push(eq(auditLog.action, filters.action));
  if (filters.objectType) conditions.push(eq(auditLog.objectType, filters.objectType));
  if (filters.outcome) conditions.push(eq(auditLog.outcome, filters.outcome));
  return conditions.length ? and(...conditions) : undefined;
}

/** Newest first. */
export async function findAuditEvents(
  tx: Executor,
  scope: Exclude<Scope, { kind: 'none' }>,
  filters: AuditFilters,
  window: RowWindow,
): Promise<{ rows: AuditEventRow[]; total: number }> {
  const where = auditConditions(scope, filters);
  const [counted] = await tx.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(where);
  const rows = await tx
    .select({
      sequence: auditLog.sequence,
      occurredAt: auditLog.occurredAt,
      actorId: auditLog.actorId,
      actorName: people.name,
      onBehalfOfId: auditLog.onBehalfOfId,
      organisationId: auditLog.organisationId,
      organisationName: organisations.name,
      role: auditLog.role,
      action: auditLog.action,
      objectType: auditLog.objectType,
      objectId: auditLog.objectId,
      clientId: auditLog.clientId,
      outcome: auditLog.outcome,
      sourceIp: auditLog.sourceIp,
      userAgent: auditLog.userAgent,
      reason: auditLog.reason,
    })
    .from(auditLog)
    .leftJoin(people, eq(people.id, auditLog.actorId))
    .leftJoin(organisations, eq(organisations.id, auditLog.organisationId))
    .where(where)
    .orderBy(desc(auditLog.sequence))
    .limit(window.limit)
    .offset(window.offset);
  return { rows, total: counted?.total ?? 0 };
}

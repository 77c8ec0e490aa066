// SPDX-License-Identifier: EUPL-1.2
// "Wie heeft mijn dossier bekeken" (Wabvpz art. 15e, NEN 7513 §5): every audit row about the parent's
// file — when, which organisation, in which role, what, with what outcome — and access by breaking
// the glass marked with whether it has been reviewed. Never a professional's name, address or the
// row's details (which could name other clients); looking is itself audited.
import { desc, sql } from 'drizzle-orm';
import type { MyAccessLog } from '../../../contracts/my-start.js';
import { auditLog } from '../../platform/audit/schema.js';
import type { Executor } from '../../platform/db/connection.js';
import { aboutFamily } from '../families/access-log.js';
import { actAsParent, type ParentContext } from './parent-access.js';

/** The newest rows shown; older ones are in the copy of the data on request at the organisation. */
export const MY_ACCESS_LOG_LIMIT = 500;

/** The rows about the file, newest first (also in the copy of my data). */
export async function findMyAccessLog(tx: Executor, familyId: string, memberId: string): Promise<MyAccessLog> {
  const rows = await tx
    .select({
      at: auditLog.occurredAt,
      organisationName: sql<string | null>`(SELECT o.name FROM organisations o WHERE o.id = ${auditLog.organisationId})`,
      role: auditLog.role,
      action: auditLog.action,
      objectType: auditLog.objectType,
      outcome: auditLog.outcome,
      isOwnAction: sql<boolean>`coalesce(${auditLog.actorId} = ${memberId}::uuid, false)`,
      emergencyReviewedAt: sql<string | null>`(SELECT ea.reviewed_at::text FROM emergency_accesses ea
        WHERE ea.id::text = coalesce(${auditLog.details} ->> 'emergencyAccessId', CASE WHEN ${auditLog.objectType} = 'emergency_access' THEN ${auditLog.objectId} END))`,
      isEmergency: sql<boolean>`coalesce(${auditLog.objectType} = 'emergency_access' OR ${auditLog.details} ? 'emergencyAccessId', false)`,
    })
    .from(auditLog)
    .where(aboutFamily(familyId))
    .orderBy(desc(auditLog.sequence))
    .limit(MY_ACCESS_LOG_LIMIT);
  return {
    items: rows.map((row) => ({
      at: row.at.toISOString(),
      organisationName: row.organisationName,
      role: row.role,
      action: row.action,
      // A closure flag on a child is shown to the parent as a change to the file, no more: that a child
      // was closed to them (and by whom) is exactly what the flag keeps from them.
      objectType: row.objectType === 'child_closure' ? 'family' : row.objectType,
      outcome: row.outcome,
      isOwnAction: row.isOwnAction,
      emergency: row.isEmergency ? (row.emergencyReviewedAt ? 'reviewed' : 'pending_review') : null,
    })),
  };
}

export function listMyAccessLog(ctx: ParentContext, familyId: string): Promise<MyAccessLog> {
  return actAsParent(ctx, {
    resource: 'audit_event',
    action: 'list',
    familyId,
    objectType: 'access_log',
    perform: (tx) => findMyAccessLog(tx, familyId, ctx.parent.memberId),
    details: (log) => ({ resultCount: log.items.length }),
  });
}

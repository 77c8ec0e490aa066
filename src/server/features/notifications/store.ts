// SPDX-License-Identifier: EUPL-1.2
// What the notification use-cases share: the notice as the API shows it, and finding one of the actor's own.
import { and, eq } from 'drizzle-orm';
import type { Notification } from '../../../contracts/notifications.js';
import type { Executor } from '../../platform/db/connection.js';
import type { Target } from '../../platform/access/policy.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { notifications } from './schema.js';

export type UseCaseContext = Pick<RequestContext, 'store' | 'now' | 'actor'>;
type NotificationRow = typeof notifications.$inferSelect;

export function toNotification(row: NotificationRow): Notification {
  return { id: row.id, kind: row.kind, linkPath: row.linkPath, createdAt: row.createdAt.toISOString(), readAt: row.readAt?.toISOString() ?? null };
}

/** Only the actor's own notice is found: another person's is as good as absent (not_found). */
export async function locateOwnNotification(tx: Executor, personId: string, id: string): Promise<Target | null> {
  const [row] = await tx
    .select({ organisationId: notifications.organisationId })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.personId, personId)));
  return row ? { organisationIds: row.organisationId ? [row.organisationId] : [] } : null;
}

// SPDX-License-Identifier: EUPL-1.2
// Marks one of the actor's own notices read (when she opens it). Marking it again keeps the first
// moment (idempotent). Another person's notice is not found.
import { and, eq, isNull } from 'drizzle-orm';
import type { Notification } from '../../../contracts/notifications.js';
import { notifications } from './schema.js';
import { locateOwnNotification, toNotification, type UseCaseContext } from './store.js';

export async function markNotificationRead(ctx: UseCaseContext, id: string): Promise<Notification> {
  const personId = ctx.actor.personId;
  return ctx.store.act({
    resource: 'notification',
    action: 'update',
    objectId: id,
    locate: (tx) => locateOwnNotification(tx, personId, id),
    perform: async (tx) => {
      await tx
        .update(notifications)
        .set({ readAt: ctx.now() })
        .where(and(eq(notifications.id, id), eq(notifications.personId, personId), isNull(notifications.readAt)));
      const [row] = await tx.select().from(notifications).where(eq(notifications.id, id));
      return toNotification(row!);
    },
    details: () => ({ change: 'read' }),
  });
}

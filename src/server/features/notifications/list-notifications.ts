// SPDX-License-Identifier: EUPL-1.2
// The actor's own notices, newest first (paged, optionally only the unread ones). No personal data in
// them, so reading is not audited (only a refusal is).
import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { NotificationPage, notificationQuerySchema } from '../../../contracts/notifications.js';
import { windowOf } from '../../platform/http/listing.js';
import { notifications } from './schema.js';
import { toNotification, type UseCaseContext } from './store.js';

export async function listNotifications(ctx: UseCaseContext, query: z.infer<typeof notificationQuerySchema>): Promise<NotificationPage> {
  return ctx.store.readAggregates({
    resource: 'notification',
    action: 'list',
    perform: async (db) => {
      const conditions: SQL[] = [eq(notifications.personId, ctx.actor.personId)];
      if (query.unread === 'true') conditions.push(isNull(notifications.readAt));
      const window = windowOf(query);
      const rows = await db
        .select()
        .from(notifications)
        .where(and(...conditions))
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(window.limit)
        .offset(window.offset);
      const [total] = await db.select({ value: count() }).from(notifications).where(and(...conditions));
      return { items: rows.map(toNotification), total: total?.value ?? 0, page: query.page, pageSize: query.pageSize };
    },
  });
}

/** How many of the actor's notices are unread (the badge in the header). */
export async function countUnread(ctx: UseCaseContext): Promise<{ unread: number }> {
  return ctx.store.readAggregates({
    resource: 'notification',
    action: 'read',
    perform: async (db) => {
      const [total] = await db
        .select({ value: count() })
        .from(notifications)
        .where(and(eq(notifications.personId, ctx.actor.personId), isNull(notifications.readAt)));
      return { unread: total?.value ?? 0 };
    },
  });
}

// SPDX-License-Identifier: EUPL-1.2
// The subscriptions the actor may see (those of their own organisation), each with how its deliveries fared.
import { and, count, desc, inArray, isNull, type SQL } from 'drizzle-orm';
import { organisationIdsOf } from '../../platform/access/policy.js';
import { fhirSubscriptions } from './schema.js';
import { deliverySummaries, toSubscription, type SubscriptionWithDeliveries, type UseCaseContext } from './store.js';

export async function listSubscriptions(ctx: UseCaseContext, window: { page: number; pageSize: number }): Promise<{ items: SubscriptionWithDeliveries[]; total: number }> {
  return ctx.store.search({
    resource: 'subscription',
    perform: async (tx, scope) => {
      const organisationIds = organisationIdsOf(scope);
      if (organisationIds !== null && organisationIds.length === 0) return { items: [], total: 0 };
      const conditions: SQL[] = [isNull(fhirSubscriptions.deletedAt)];
      if (organisationIds !== null) conditions.push(inArray(fhirSubscriptions.organisationId, organisationIds));
      const where = and(...conditions);
      const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(fhirSubscriptions).where(where);
      const rows = await tx
        .select()
        .from(fhirSubscriptions)
        .where(where)
        .orderBy(desc(fhirSubscriptions.createdAt), desc(fhirSubscriptions.id))
        .limit(window.pageSize)
        .offset((window.page - 1) * window.pageSize);
      const deliveries = await deliverySummaries(tx, rows.map((row) => row.id));
      return { items: rows.map((row) => ({ ...toSubscription(row), deliveries: deliveries.get(row.id)! })), total: Number(total) };
    },
    details: (result) => ({ count: result.items.length }),
  });
}

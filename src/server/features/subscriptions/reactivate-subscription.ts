// SPDX-License-Identifier: EUPL-1.2
// The organisation admin switches a subscription in 'error' on again (after the receiving system was
// mended): it is active once more, and the notifications that were given up are sent again from the
// start of the back-off, together with those that waited meanwhile.
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import { mayReactivate } from './domain/subscription-rules.js';
import { fhirSubscriptionNotifications, fhirSubscriptions } from './schema.js';
import { deliverySummaries, findSubscription, locateSubscription, type SubscriptionWithDeliveries, type UseCaseContext } from './store.js';

export async function reactivateSubscription(ctx: UseCaseContext, id: string): Promise<SubscriptionWithDeliveries> {
  return ctx.store.act({
    resource: 'subscription',
    action: 'update',
    objectId: id,
    locate: (tx) => locateSubscription(tx, id),
    perform: async (tx) => {
      const current = (await findSubscription(tx, id))!;
      if (!mayReactivate(current.status)) throw new AppError('subscription_not_in_error');
      const now = ctx.now();
      await tx.update(fhirSubscriptions).set({ status: 'active', error: null, updatedAt: now }).where(eq(fhirSubscriptions.id, id));
      await tx
        .update(fhirSubscriptionNotifications)
        .set({ status: 'pending', attempts: 0, nextAttemptAt: now })
        .where(and(eq(fhirSubscriptionNotifications.subscriptionId, id), eq(fhirSubscriptionNotifications.status, 'failed')));
      const deliveries = await deliverySummaries(tx, [id]);
      return { ...current, status: 'active', error: null, updatedAt: now, deliveries: deliveries.get(id)! };
    },
    details: () => ({ status: 'active' }),
  });
}

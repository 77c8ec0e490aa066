// SPDX-License-Identifier: EUPL-1.2
// Ends a subscription (FHIR delete): status 'off', no longer readable, and the notifications still
// waiting for it are dropped. The row stays: the outbox and the audit log refer to it.
import { and, eq } from 'drizzle-orm';
import { fhirSubscriptionNotifications, fhirSubscriptions } from './schema.js';
import { locateSubscription, type UseCaseContext } from './store.js';

export async function deleteSubscription(ctx: UseCaseContext, id: string): Promise<void> {
  await ctx.store.act({
    resource: 'subscription',
    action: 'deactivate',
    objectId: id,
    locate: (tx) => locateSubscription(tx, id),
    perform: async (tx) => {
      const now = ctx.now();
      await tx.update(fhirSubscriptions).set({ status: 'off', deletedAt: now, updatedAt: now }).where(eq(fhirSubscriptions.id, id));
      await tx
        .update(fhirSubscriptionNotifications)
        .set({ status: 'dropped' })
        .where(and(eq(fhirSubscriptionNotifications.subscriptionId, id), eq(fhirSubscriptionNotifications.status, 'pending')));
      return null;
    },
  });
}

// SPDX-License-Identifier: EUPL-1.2
// One subscription of the actor's organisation, with its status and (after failed deliveries) its error.
import { findSubscription, locateSubscription, type Subscription, type UseCaseContext } from './store.js';

export async function getSubscription(ctx: UseCaseContext, id: string): Promise<Subscription> {
  return ctx.store.act({
    resource: 'subscription',
    action: 'read',
    objectId: id,
    locate: (tx) => locateSubscription(tx, id),
    perform: async (tx) => (await findSubscription(tx, id))!,
  });
}

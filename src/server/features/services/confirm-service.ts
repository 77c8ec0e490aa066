// SPDX-License-Identifier: EUPL-1.2
// The organisation admin confirms that a service of their own organisation is still correct: the six
// months start again from now (the injected clock). Audited as 'update' with kind 'confirmation'.
import { eq } from 'drizzle-orm';
import type { Service } from '../../../contracts/services.js';
import { directoryServices } from './schema.js';
import { confirmationDueAt } from './domain/verification.js';
import { locateService, toService, withOrganisationNames, type UseCaseContext } from './store.js';

export async function confirmService(ctx: UseCaseContext, id: string): Promise<Service & { previousDueAt: string }> {
  return ctx.store.act({
    resource: 'service',
    action: 'update',
    objectId: id,
    locate: (tx) => locateService(tx, id),
    perform: async (tx) => {
      const now = ctx.now();
      const [previous] = await tx.select({ lastConfirmedAt: directoryServices.lastConfirmedAt }).from(directoryServices).where(eq(directoryServices.id, id));
      const [row] = await tx
        .update(directoryServices)
        .set({ lastConfirmedAt: now, lastConfirmedById: ctx.actor.kind === 'system' ? null : ctx.actor.personId, updatedAt: now })
        .where(eq(directoryServices.id, id))
        .returning();
      const [named] = await withOrganisationNames(tx, [row!]);
      return { ...toService(named!.row, named!.organisationName, ctx.actor, now), previousDueAt: confirmationDueAt(previous!.lastConfirmedAt).toISOString() };
    },
    details: (result) => ({ kind: 'confirmation', previousDueAt: result.previousDueAt, confirmationDueAt: result.confirmationDueAt }),
  });
}

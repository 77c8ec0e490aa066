// SPDX-License-Identifier: EUPL-1.2
// Edits an offer (every field at once; ending it is an end date) or removes one recorded by mistake.
// `version` is the version the person saw: an older one is refused. The coalition's coordinators only.
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { LocalOffer, localOfferUpdateSchema } from '../../../contracts/local-offer.js';
import { AppError } from '../../platform/errors.js';
import type { Executor } from '../../platform/db/connection.js';
import type { UseCaseContext } from '../coalition-partners/store.js';
import { coalitionTarget, findCoalitionRef, type CoalitionRef } from '../coalitions/coalition-target.js';
import { localOffers } from './schema.js';
import { checkOffer, findOffers, offerValues, toLocalOffer } from './store.js';

type OfferRecord = typeof localOffers.$inferSelect;

/**
 * For `locate`: the coalition (null → not_found when there is none). The policy is decided on the
 * coalition before the offer is looked for, so someone who may not edit it learns nothing of which
 * offers exist.
 */
async function locateCoalitionOf(tx: Executor, code: string, into: { ref?: CoalitionRef }) {
  const ref = await findCoalitionRef(tx, code);
  if (!ref) return null;
  into.ref = ref;
  return coalitionTarget(ref);
}

/** The coalition's offer, locked for the change; not_found when it has none with this id. */
async function lockedOffer(tx: Executor, coalitionId: string, id: string): Promise<OfferRecord> {
  const [row] = await tx
    .select()
    .from(localOffers)
    .where(and(eq(localOffers.id, id), eq(localOffers.coalitionId, coalitionId)))
    .for('update');
  if (!row) throw new AppError('not_found');
  return row;
}

const FIELDS = ['interventionKey', 'activityName', 'serviceId', 'municipalityCode', 'capacityPerYear', 'waitingWeeks', 'fundingRoute', 'since', 'until', 'note'] as const;

export async function updateOffer(ctx: UseCaseContext, code: string, id: string, input: z.output<typeof localOfferUpdateSchema>): Promise<LocalOffer> {
  const located: { ref?: CoalitionRef } = {};
  const result = await ctx.store.act({
    resource: 'coalition',
    action: 'update',
    objectId: id,
    objectType: 'local_offer',
    locate: (tx) => locateCoalitionOf(tx, code, located),
    perform: async (tx) => {
      const { version, ...fields } = input;
      const current = await lockedOffer(tx, located.ref!.id, id);
      if (current.version !== version) throw new AppError('stale_version');
      await checkOffer(tx, located.ref!, fields);
      const values = offerValues(fields);
      const changes = FIELDS.filter((field) => current[field] !== values[field]);
      await tx
        .update(localOffers)
        .set({ ...values, version: sql`${localOffers.version} + 1`, updatedAt: ctx.now() })
        .where(eq(localOffers.id, id));
      const [row] = await findOffers(tx, eq(localOffers.id, id));
      return { offer: toLocalOffer(row!, ctx.store.actor, ctx.now(), located.ref!.municipalityCodes), changes };
    },
    details: (outcome) => ({ changes: outcome.changes }),
  });
  return result.offer;
}

export async function deleteOffer(ctx: UseCaseContext, code: string, id: string): Promise<void> {
  const located: { ref?: CoalitionRef } = {};
  await ctx.store.act({
    resource: 'coalition',
    action: 'update',
    objectId: id,
    objectType: 'local_offer',
    locate: (tx) => locateCoalitionOf(tx, code, located),
    perform: async (tx) => {
      const current = await lockedOffer(tx, located.ref!.id, id);
      await tx.delete(localOffers).where(eq(localOffers.id, id));
      return { interventionKey: current.interventionKey };
    },
    details: (outcome) => ({ change: 'delete', interventionKey: outcome.interventionKey }),
  });
}

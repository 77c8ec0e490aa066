// SPDX-License-Identifier: EUPL-1.2
// Records an offer of a coalition (the whole coalition or a member municipality): an intervention of
// the menu or a local activity, by a service of the directory. The coalition's coordinators only;
// the same idempotency key again returns the offer made the first time.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { LocalOffer, localOfferCreateSchema } from '../../../contracts/local-offer.js';
import { createOnceInCoalition, type UseCaseContext } from '../coalition-partners/store.js';
import { findCoalitionRef } from '../coalitions/coalition-target.js';
import { localOffers } from './schema.js';
import { checkOffer, findOffers, offerValues, toLocalOffer } from './store.js';

export async function createOffer(ctx: UseCaseContext, code: string, input: z.output<typeof localOfferCreateSchema>): Promise<{ offer: LocalOffer; isNew: boolean }> {
  const { idempotencyKey, ...fields } = input;
  const { item, isNew } = await createOnceInCoalition<LocalOffer>(ctx, code, 'local_offer', {
    findExisting: async (tx, coalitionId) => {
      if (!idempotencyKey) return undefined;
      const [existing] = await tx
        .select({ id: localOffers.id })
        .from(localOffers)
        .where(and(eq(localOffers.coalitionId, coalitionId), eq(localOffers.idempotencyKey, idempotencyKey)));
      return existing?.id;
    },
    insert: async (tx, coalitionId, id) => {
      await checkOffer(tx, (await findCoalitionRef(tx, code))!, fields);
      await tx.insert(localOffers).values({ id, coalitionId, ...offerValues(fields), idempotencyKey: idempotencyKey ?? null, createdAt: ctx.now(), updatedAt: ctx.now() });
    },
    load: async (tx, _coalitionId, id, target) => {
      const [row] = await findOffers(tx, eq(localOffers.id, id));
      return toLocalOffer(row!, ctx.store.actor, ctx.now(), target.municipalityCodes ?? []);
    },
    details: (offer) => ({ offerId: offer.id, interventionKey: offer.intervention?.key ?? null, municipalityCode: offer.municipalityCode }),
  });
  return { offer: item, isNew };
}

// SPDX-License-Identifier: EUPL-1.2
// Records a collaboration agreement of a coalition: topic, level, status, dates and the parties (each a
// partner of this coalition, with its role). The coalition's coordinators only (update on the
// coalition). The same idempotency key again returns the agreement made the first time.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Agreement, agreementCreateSchema } from '../../../contracts/coalition-agreements.js';
import { dutchToday, locateCoalition, type LocatedCoalition, type UseCaseContext } from '../coalition-partners/store.js';
import { coalitionAgreements } from './schema.js';
import { checkParties, clearNoAgreementReason, findAgreements, replaceParties } from './store.js';

export async function createAgreement(
  ctx: UseCaseContext,
  code: string,
  input: z.output<typeof agreementCreateSchema>,
): Promise<{ agreement: Agreement; isNew: boolean }> {
  const located: { found?: LocatedCoalition } = {};
  const newId = randomUUID();
  return ctx.store.act({
    resource: 'coalition',
    action: 'update',
    objectId: newId,
    objectType: 'coalition_agreement',
    locate: (tx) => locateCoalition(tx, code, located),
    perform: async (tx, target) => {
      const coalitionId = located.found!.ref.id;
      const { parties, idempotencyKey, ...fields } = input;
      let id: string = newId;
      let isNew = true;
      const [existing] = idempotencyKey
        ? await tx
            .select({ id: coalitionAgreements.id })
            .from(coalitionAgreements)
            .where(and(eq(coalitionAgreements.coalitionId, coalitionId), eq(coalitionAgreements.idempotencyKey, idempotencyKey)))
        : [];
      if (existing) {
        id = existing.id;
        isNew = false;
      } else {
        await checkParties(tx, coalitionId, parties);
        await clearNoAgreementReason(tx, coalitionId, input.topic);
        await tx.insert(coalitionAgreements).values({ id, coalitionId, ...fields, idempotencyKey: idempotencyKey ?? null, createdAt: ctx.now(), updatedAt: ctx.now() });
        await replaceParties(tx, id, parties);
      }
      const [agreement] = await findAgreements(tx, coalitionId, ctx.store.actor, target, dutchToday(ctx.now()), id);
      return { agreement: agreement!, isNew };
    },
    details: (result) => ({ change: result.isNew ? 'create' : 'repeated', agreementId: result.agreement.id, topic: result.agreement.topic, status: result.agreement.status }),
  });
}

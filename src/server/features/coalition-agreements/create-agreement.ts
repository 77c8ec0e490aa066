// SPDX-License-Identifier: EUPL-1.2
// Records a collaboration agreement of a coalition: topic, level, status, dates and the parties (each a
// partner of this coalition, with its role). The coalition's coordinators only (update on the
// coalition). The same idempotency key again returns the agreement made the first time.
import { amsterdamDate } from '../../../contracts/calendar.js';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Agreement, agreementCreateSchema } from '../../../contracts/coalition-agreements.js';
import { createOnceInCoalition, type UseCaseContext } from '../coalition-partners/store.js';
import { coalitionAgreements } from './schema.js';
import { checkParties, clearNoAgreementReason, findAgreements, replaceParties } from './store.js';

export async function createAgreement(
  ctx: UseCaseContext,
  code: string,
  input: z.output<typeof agreementCreateSchema>,
): Promise<{ agreement: Agreement; isNew: boolean }> {
  const { parties, idempotencyKey, ...fields } = input;
  const { item, isNew } = await createOnceInCoalition<Agreement>(ctx, code, 'coalition_agreement', {
    findExisting: async (tx, coalitionId) => {
      if (!idempotencyKey) return undefined;
      const [existing] = await tx
        .select({ id: coalitionAgreements.id })
        .from(coalitionAgreements)
        .where(and(eq(coalitionAgreements.coalitionId, coalitionId), eq(coalitionAgreements.idempotencyKey, idempotencyKey)));
      return existing?.id;
    },
    insert: async (tx, coalitionId, id) => {
      await checkParties(tx, coalitionId, parties);
      await clearNoAgreementReason(tx, coalitionId, input.topic);
      await tx.insert(coalitionAgreements).values({ id, coalitionId, ...fields, idempotencyKey: idempotencyKey ?? null, createdAt: ctx.now(), updatedAt: ctx.now() });
      await replaceParties(tx, id, parties);
    },
    load: async (tx, coalitionId, id, target) => (await findAgreements(tx, coalitionId, ctx.store.actor, target, amsterdamDate(ctx.now()), id))[0]!,
    details: (agreement) => ({ agreementId: agreement.id, topic: agreement.topic, status: agreement.status }),
  });
  return { agreement: item, isNew };
}

// SPDX-License-Identifier: EUPL-1.2
// A coalition's funding (issue 10 item 7; domain reference §10): per source a period, an amount in
// euro cents and the mandaathouder municipality. The same row twice changes nothing; removing is by id.
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { z } from 'zod';
import { and, eq, isNull } from 'drizzle-orm';
import type { Coalition, fundingCreateSchema } from '../../../contracts/coalitions.js';
import { AppError } from '../../platform/errors.js';
import { coalitionFunding } from './schema.js';
import { coalitionTarget } from './coalition-target.js';
import { changeCoalition, currentYearOf, loadCoalition, municipalityNames, type UseCaseContext } from './register-store.js';

export async function addFunding(ctx: UseCaseContext, code: string, input: z.infer<typeof fundingCreateSchema>): Promise<Coalition> {
  return changeCoalition(
    ctx,
    code,
    'funding_added',
    async (tx, ref) => {
      const mandateHolderCode = input.mandateHolderCode ?? null;
      if (mandateHolderCode) await municipalityNames(tx, [mandateHolderCode], () => 'body.mandateHolderCode');
      const [same] = await tx
        .select({ id: coalitionFunding.id })
        .from(coalitionFunding)
        .where(
          and(
            eq(coalitionFunding.coalitionId, ref.id),
            eq(coalitionFunding.source, input.source),
            eq(coalitionFunding.periodStart, input.periodStart),
            eq(coalitionFunding.periodEnd, input.periodEnd),
            eq(coalitionFunding.amountCents, input.amountCents),
            mandateHolderCode ? eq(coalitionFunding.mandateHolderCode, mandateHolderCode) : isNull(coalitionFunding.mandateHolderCode),
          ),
        );
      if (!same) {
        await tx.insert(coalitionFunding).values({
          coalitionId: ref.id,
          source: input.source,
          periodStart: input.periodStart,
          periodEnd: input.periodEnd,
          amountCents: input.amountCents,
          mandateHolderCode,
          createdAt: ctx.now(),
        });
      }
      return loadCoalition(tx, ref.id, { year: currentYearOf(ctx), today: amsterdamDate(ctx.now()), actor: ctx.store.actor, target: coalitionTarget(ref) });
    },
    { details: () => ({ source: input.source }) },
  );
}

export async function removeFunding(ctx: UseCaseContext, code: string, id: string): Promise<Coalition> {
  return changeCoalition(
    ctx,
    code,
    'funding_removed',
    async (tx, ref) => {
      const removed = await tx
        .delete(coalitionFunding)
        .where(and(eq(coalitionFunding.coalitionId, ref.id), eq(coalitionFunding.id, id)))
        .returning({ id: coalitionFunding.id });
      if (removed.length === 0) throw new AppError('not_found');
      return loadCoalition(tx, ref.id, { year: currentYearOf(ctx), today: amsterdamDate(ctx.now()), actor: ctx.store.actor, target: coalitionTarget(ref) });
    },
    { details: () => ({ fundingId: id }) },
  );
}

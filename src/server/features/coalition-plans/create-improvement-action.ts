// SPDX-License-Identifier: EUPL-1.2
// An improvement action in the plan's review ("bijsturen", seed 001): typed by the coordinator, or made
// with one click from a weak statement of a self-analysis round (the briefing's contract: the same
// origin twice gives the existing action, 200 instead of 201).
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { improvementActionCreateSchema } from '../../../contracts/coalition-plans.js';
import type { Executor } from '../../platform/db/connection.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { coalitionTarget } from '../coalitions/coalition-target.js';
import { lockCoalition, requireCoalition } from './plan-store.js';
import { improvementActions } from './schema.js';

export async function createImprovementAction(
  ctx: RequestContext,
  db: Executor,
  code: string,
  input: z.infer<typeof improvementActionCreateSchema>,
): Promise<{ id: string; isNew: boolean }> {
  const coalition = await requireCoalition(db, code);
  return ctx.store.create({
    resource: 'coalition_plan',
    target: coalitionTarget(coalition),
    perform: async (tx) => {
      if (input.origin) {
        // Two clicks at once: the second waits here and then finds the first.
        await lockCoalition(tx, coalition.id);
        const [existing] = await tx
          .select({ id: improvementActions.id })
          .from(improvementActions)
          .where(
            and(
              eq(improvementActions.coalitionId, coalition.id),
              eq(improvementActions.originRoundId, input.origin.roundId),
              eq(improvementActions.originStatementKey, input.origin.statementKey),
            ),
          );
        if (existing) return { id: existing.id, isNew: false };
      }
      const now = ctx.now();
      const [row] = await tx
        .insert(improvementActions)
        .values({
          coalitionId: coalition.id,
          title: input.title,
          originRoundId: input.origin?.roundId ?? null,
          originStatementKey: input.origin?.statementKey ?? null,
          createdBy: ctx.actor.personId,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: improvementActions.id });
      return { id: row!.id, isNew: true };
    },
  });
}

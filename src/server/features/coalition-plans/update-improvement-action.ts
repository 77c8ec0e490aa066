// SPDX-License-Identifier: EUPL-1.2
// Moves an improvement action between open, in progress and done: from the version last seen (409
// otherwise); setting the status it already has changes nothing (a repeated submit).
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ImprovementAction, improvementActionUpdateSchema } from '../../../contracts/coalition-plans.js';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { AppError } from '../../platform/errors.js';
import { coalitionTarget } from '../coalitions/coalition-target.js';
import { requireCoalition, toImprovementAction } from './plan-store.js';
import { improvementActions } from './schema.js';

export async function updateImprovementAction(
  ctx: RequestContext,
  db: Executor,
  code: string,
  id: string,
  input: z.infer<typeof improvementActionUpdateSchema>,
): Promise<ImprovementAction> {
  const coalition = await requireCoalition(db, code);
  const target = coalitionTarget(coalition);
  const mine = and(eq(improvementActions.id, id), eq(improvementActions.coalitionId, coalition.id));
  return ctx.store.act({
    resource: 'coalition_plan',
    action: 'update',
    objectId: id,
    locate: async (tx) => ((await tx.select({ id: improvementActions.id }).from(improvementActions).where(mine)).length > 0 ? target : null),
    perform: async (tx) => {
      await queryRows(tx, sql`SELECT id FROM improvement_actions WHERE id = ${id}::uuid FOR UPDATE`);
      const [current] = await tx.select().from(improvementActions).where(mine);
      if (current!.status === input.status) return toImprovementAction(current!);
      if (current!.version !== input.version) throw new AppError('stale_version');
      const [row] = await tx
        .update(improvementActions)
        .set({ status: input.status, version: current!.version + 1, updatedAt: ctx.now() })
        .where(mine)
        .returning();
      return toImprovementAction(row!);
    },
    details: (action) => ({ coalition: coalition.code, record: 'improvement_action', status: action.status }),
  });
}

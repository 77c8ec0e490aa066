// SPDX-License-Identifier: EUPL-1.2
// The improvement actions of a coalition's review, oldest first (the coalition's readers).
import type { ImprovementAction } from '../../../contracts/coalition-plans.js';
import type { Executor } from '../../platform/db/connection.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { coalitionTarget } from '../coalitions/coalition-target.js';
import { listImprovementActionRows, requireCoalition, toImprovementAction } from './plan-store.js';

export async function listImprovementActions(ctx: RequestContext, db: Executor, code: string): Promise<{ items: ImprovementAction[] }> {
  const coalition = await requireCoalition(db, code);
  const target = coalitionTarget(coalition);
  return ctx.store.act({
    resource: 'coalition_plan',
    action: 'read',
    objectId: coalition.id,
    locate: async () => target,
    perform: async (tx) => ({ items: (await listImprovementActionRows(tx, coalition.id)).map(toImprovementAction) }),
    details: (result) => ({ coalition: coalition.code, improvementActions: result.items.length }),
  });
}

// SPDX-License-Identifier: EUPL-1.2
// The rounds of one coalition, newest first: read as the coalition's self-analysis (COALITION_READERS).
import { desc, eq } from 'drizzle-orm';
import { decide } from '../../platform/access/policy.js';
import { coalitionTarget } from '../coalitions/coalition-target.js';
import type { RoundList } from '../../../contracts/coalition-analysis.js';
import { analysisRounds } from './schema.js';
import { requireCoalition, summariesOf, type UseCaseContext } from './store.js';

export async function listRounds(ctx: UseCaseContext, code: string): Promise<RoundList> {
  const coalition = await requireCoalition(ctx.db, code);
  return ctx.store.act({
    resource: 'analysis_round',
    action: 'read',
    objectId: coalition.id,
    locate: async () => coalitionTarget(coalition),
    perform: async (tx, target) => {
      const rounds = await tx.select().from(analysisRounds).where(eq(analysisRounds.coalitionId, coalition.id)).orderBy(desc(analysisRounds.openedAt));
      return {
        coalition: { code: coalition.code, name: coalition.name },
        items: await summariesOf(tx, rounds),
        allowedActions: decide(ctx.actor, 'analysis_round', 'create', target).isAllowed ? ['create' as const] : [],
      };
    },
    details: (result) => ({ rounds: result.items.length }),
  });
}

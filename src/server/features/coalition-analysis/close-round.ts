// SPDX-License-Identifier: EUPL-1.2
// Closing a round: no more answers, and every personal link of it stops working. Closing a closed
// round changes nothing (a repeated submit).
import { and, eq } from 'drizzle-orm';
import { analysisRounds } from './schema.js';
import { locateRound } from './round-target.js';
import { requireCoalition, type RoundRow, type UseCaseContext } from './store.js';

export async function closeRound(ctx: UseCaseContext, code: string, roundId: string): Promise<{ id: string; status: 'closed' }> {
  const coalition = await requireCoalition(ctx.db, code);
  const found: { round?: RoundRow } = {};
  return ctx.store.act({
    resource: 'analysis_round',
    action: 'update',
    objectId: roundId,
    locate: locateRound(coalition, roundId, found),
    perform: async (tx) => {
      await tx
        .update(analysisRounds)
        .set({ status: 'closed', closedAt: ctx.now(), closedBy: ctx.actor.personId })
        .where(and(eq(analysisRounds.id, roundId), eq(analysisRounds.status, 'open')));
      return { id: roundId, status: 'closed' as const };
    },
    details: () => ({ change: 'close', wasOpen: found.round?.status === 'open' }),
  });
}

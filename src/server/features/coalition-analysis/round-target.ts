// SPDX-License-Identifier: EUPL-1.2
// The policy target of a round: its coalition's (the round must belong to the coalition in the URL).
import type { Executor } from '../../platform/db/connection.js';
import type { Target } from '../../platform/access/policy.js';
import { coalitionTarget, type CoalitionRef } from '../coalitions/coalition-target.js';
import { findRound, type RoundRow } from './store.js';

/** Locates the round for `ctx.store.act`; null (→ 404) when it is not this coalition's. */
export function locateRound(coalition: CoalitionRef, roundId: string, found: { round?: RoundRow }) {
  return async (tx: Executor): Promise<Target | null> => {
    const round = await findRound(tx, coalition.id, roundId);
    if (!round) return null;
    found.round = round;
    return coalitionTarget(coalition);
  };
}

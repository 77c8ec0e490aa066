// SPDX-License-Identifier: EUPL-1.2
// Two versions side by side: per step both texts and whether it changed, and the goals paired by
// their id (added, removed, changed, the same).
import type { PlanComparison, PlanGoal } from '../../../contracts/coalition-plans.js';
import { PLAN_STEPS } from '../../../contracts/coalition-plans.js';
import type { Executor } from '../../platform/db/connection.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { readVersions } from './plan-access.js';
import { canonical, requireCoalition, toSummary, type PlanVersionRow } from './plan-store.js';

export async function comparePlanVersions(ctx: RequestContext, db: Executor, code: string, from: number, to: number): Promise<PlanComparison> {
  const coalition = await requireCoalition(db, code);
  const { rows } = await readVersions(ctx, coalition, [from, to]);
  return compareRows(rows[0]!, rows[1]!);
}

export function compareRows(from: PlanVersionRow, to: PlanVersionRow): PlanComparison {
  const goalsFrom = new Map(from.content.goals.map((goal) => [goal.id, goal]));
  const goalsTo = new Map(to.content.goals.map((goal) => [goal.id, goal]));
  const ids = [...new Set([...goalsFrom.keys(), ...goalsTo.keys()])];
  const changeOf = (a: PlanGoal | null, b: PlanGoal | null) => (!a ? 'added' : !b ? 'removed' : canonical(a) === canonical(b) ? 'same' : 'changed');
  return {
    from: toSummary(from),
    to: toSummary(to),
    steps: PLAN_STEPS.map((step) => {
      const fromText = from.content.texts[step] ?? '';
      const toText = to.content.texts[step] ?? '';
      // Step 4 also changes when its goal rows do.
      const goalsChanged = step === 'goals' && canonical(from.content.goals) !== canonical(to.content.goals);
      return { step, fromText, toText, isChanged: fromText !== toText || goalsChanged };
    }),
    goals: ids.map((goalId) => {
      const a = goalsFrom.get(goalId) ?? null;
      const b = goalsTo.get(goalId) ?? null;
      return { goalId, from: a, to: b, change: changeOf(a, b) };
    }),
  };
}

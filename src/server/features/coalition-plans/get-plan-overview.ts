// SPDX-License-Identifier: EUPL-1.2
// The plan page of a coalition: the versions the actor may read, the newest of them in full, step 1's
// figures of the coalition from the monitor (its own use-case and policy, so its suppression holds),
// the progress of goals that name an indicator, and the improvement actions of the review.
import type { GoalProgress, PlanContent, PlanOverview } from '../../../contracts/coalition-plans.js';
import type { AreaProfile } from '../../../contracts/monitor.js';
import { asc, inArray } from 'drizzle-orm';
import { hasAnyGrant, allowedActions } from '../../platform/access/policy.js';
import { municipalities } from '../reference/schema.js';
import type { Executor } from '../../platform/db/connection.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { AppError } from '../../platform/errors.js';
import { coalitionTarget } from '../coalitions/coalition-target.js';
import { computeAreaProfile } from '../monitor/get-area-profile.js';
import { indicatorByKey } from '../monitor/definitions/indicators.js';
import { mayReadDrafts, versionActions } from './plan-access.js';
import { listImprovementActionRows, listVersionRows, requireCoalition, toImprovementAction, toSummary, toVersion } from './plan-store.js';

export async function getPlanOverview(ctx: RequestContext, db: Executor, code: string): Promise<PlanOverview> {
  const coalition = await requireCoalition(db, code);
  const target = coalitionTarget(coalition);
  const readsDrafts = mayReadDrafts(ctx.actor, target);
  const { rows, actions, hasDraft, isEmpty, members } = await ctx.store.search({
    resource: 'coalition_plan',
    perform: async (tx) => {
      const all = await listVersionRows(tx, coalition.id);
      return {
        rows: readsDrafts ? all : all.filter((row) => row.status === 'approved'),
        hasDraft: all.some((row) => row.status === 'draft'),
        isEmpty: all.length === 0,
        actions: readsDrafts ? await listImprovementActionRows(tx, coalition.id) : null,
        members:
          coalition.municipalityCodes.length === 0
            ? []
            : await tx
                .select({ code: municipalities.code, name: municipalities.name })
                .from(municipalities)
                .where(inArray(municipalities.code, coalition.municipalityCodes))
                .orderBy(asc(municipalities.name)),
      };
    },
    details: (result) => ({ coalition: coalition.code, versions: result.rows.length, drafts: readsDrafts }),
  });
  const newest = rows[0] ?? null;
  const current = newest ? toVersion(newest, versionActions(ctx.actor, target, newest, hasDraft)) : null;
  const facts = await coalitionFacts(ctx, coalition.code);
  const mayEdit = (action: 'create' | 'update') => [{ resource: 'coalition_plan' as const, action, target }];
  return {
    coalition: { code: coalition.code, name: coalition.name, kind: coalition.kind, municipalities: members },
    versions: rows.map(toSummary),
    current,
    facts,
    progress: current ? goalProgress(current.content, facts) : [],
    improvementActions: actions ? actions.map(toImprovementAction) : null,
    allowedActions: allowedActions(ctx.actor, {
      start_plan: [...mayEdit('create'), isEmpty],
      create_improvement_action: mayEdit('create'),
      update_improvement_action: mayEdit('update'),
    }),
  };
}

/**
 * Seed 001 stap 1 (feiten en cijfers, "een vergelijking met andere gemeenten"): the coalition's area
 * profile from the monitor, read as the monitor reads it (its policy; published cells only). Null
 * when the monitor has no such area (a regional collaboration, an inactive coalition).
 */
export async function coalitionFacts(ctx: RequestContext, code: string): Promise<AreaProfile | null> {
  if (!hasAnyGrant(ctx.actor, 'indicator_figure', 'read') && !hasAnyGrant(ctx.actor, 'indicator_figure', 'list')) return null;
  try {
    return await ctx.store.readAggregates({ resource: 'indicator_figure', action: 'list', perform: (db) => computeAreaProfile(db, code, { decimal: 'point' }) });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

/** Each goal with an indicator: the latest published figure of the coalition against its target. */
export function goalProgress(content: PlanContent, facts: AreaProfile | null): GoalProgress[] {
  return content.goals.flatMap((goal): GoalProgress[] => {
    if (!goal.indicatorKey) return [];
    const definition = indicatorByKey(goal.indicatorKey);
    if (!definition) return [];
    const figure = facts?.items.find((item) => item.indicator.key === goal.indicatorKey)?.figure ?? null;
    const base = {
      goalId: goal.id,
      indicatorKey: definition.key,
      indicatorName: definition.name,
      unit: definition.unit,
      desiredDirection: definition.desiredDirection,
      targetValue: goal.targetValue,
      targetYear: goal.targetYear,
    };
    if (!figure) return [{ ...base, state: 'no_figure' as const, value: null, lower: null, upper: null, period: null }];
    if (figure.isSuppressed || figure.value === null) {
      return [{ ...base, state: figure.isSuppressed ? ('suppressed' as const) : ('no_figure' as const), value: null, lower: null, upper: null, period: figure.period }];
    }
    const isReached =
      goal.targetValue === null ? false : definition.desiredDirection === 'lower' ? figure.value <= goal.targetValue : figure.value >= goal.targetValue;
    return [{ ...base, state: isReached ? ('reached' as const) : ('not_reached' as const), value: figure.value, lower: figure.lower, upper: figure.upper, period: figure.period }];
  });
}

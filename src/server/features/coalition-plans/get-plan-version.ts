// SPDX-License-Identifier: EUPL-1.2
// One version of a coalition's plan in full (an approved one for everyone; a draft for the coalition's readers).
import type { PlanVersion } from '../../../contracts/coalition-plans.js';
import type { Executor } from '../../platform/db/connection.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { coalitionTarget } from '../coalitions/coalition-target.js';
import { readVersions, versionActions } from './plan-access.js';
import { requireCoalition, toVersion } from './plan-store.js';

export async function getPlanVersion(ctx: RequestContext, db: Executor, code: string, version: number): Promise<PlanVersion> {
  const coalition = await requireCoalition(db, code);
  const { rows, hasDraft } = await readVersions(ctx, coalition, [version]);
  return toVersion(rows[0]!, versionActions(ctx.actor, coalitionTarget(coalition), rows[0]!, hasDraft));
}

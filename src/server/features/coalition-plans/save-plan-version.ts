// SPDX-License-Identifier: EUPL-1.2
// Saves a draft's text per step and its goals. Only a draft (an approved version is frozen: start a
// new version), only from the revision the coordinator started from (else 409 stale_version), and
// idempotent: saving what is stored already changes nothing, whatever revision it names.
import type { z } from 'zod';
import type { PlanVersion, planVersionSaveSchema } from '../../../contracts/coalition-plans.js';
import type { Executor } from '../../platform/db/connection.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { AppError } from '../../platform/errors.js';
import { unwrap } from '../../platform/domain/result.js';
import { eq } from 'drizzle-orm';
import { coalitionTarget } from '../coalitions/coalition-target.js';
import { indicatorByKey } from '../monitor/definitions/indicators.js';
import { goalProblems, normaliseContent, transition } from './domain/plan-rules.js';
import { versionActions } from './plan-access.js';
import { canonical, findVersionRow, listVersionRows, lockVersionRow, requireCoalition, toVersion } from './plan-store.js';
import { coalitionPlanVersions } from './schema.js';

export async function savePlanVersion(
  ctx: RequestContext,
  db: Executor,
  code: string,
  version: number,
  input: z.infer<typeof planVersionSaveSchema>,
): Promise<PlanVersion> {
  const coalition = await requireCoalition(db, code);
  const target = coalitionTarget(coalition);
  const located = await findVersionRow(db, coalition.id, version);
  if (!located) throw new AppError('not_found');
  const content = normaliseContent(input.content);
  return ctx.store.act({
    resource: 'coalition_plan',
    action: 'update',
    objectId: located.id,
    locate: async () => target,
    perform: async (tx) => {
      const current = await lockVersionRow(tx, located.id);
      unwrap(transition(current.status, 'save'));
      const hasDraft = (await listVersionRows(tx, coalition.id)).some((row) => row.status === 'draft');
      if (canonical(current.content) === canonical(content)) return toVersion(current, versionActions(ctx.actor, target, current, hasDraft));
      if (current.revision !== input.revision) throw new AppError('stale_version');
      const problems = goalProblems(content, indicatorByKey);
      if (problems.length > 0) throw new AppError('validation_failed', { message: problems[0]!.message, errors: problems });
      const [row] = await tx
        .update(coalitionPlanVersions)
        .set({ content, revision: current.revision + 1, updatedBy: ctx.actor.personId, updatedAt: ctx.now() })
        .where(eq(coalitionPlanVersions.id, current.id))
        .returning();
      return toVersion(row!, versionActions(ctx.actor, target, row!, hasDraft));
    },
    details: (saved) => ({ coalition: coalition.code, version: saved.version, revision: saved.revision, goals: saved.content.goals.length }),
  });
}

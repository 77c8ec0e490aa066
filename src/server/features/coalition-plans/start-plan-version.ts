// SPDX-License-Identifier: EUPL-1.2
// "Plan beginnen" / "Nieuwe versie": a new draft, copied from the version asked for (default the
// newest), after the approved one was kept as it is (seed 001: bijstellen en sturen is cyclisch).
// While a draft is open, starting again returns that draft: a repeated click makes no second one.
import type { z } from 'zod';
import type { PlanVersion, planVersionCreateSchema } from '../../../contracts/coalition-plans.js';
import type { Executor } from '../../platform/db/connection.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { unwrap } from '../../platform/domain/result.js';
import { coalitionTarget } from '../coalitions/coalition-target.js';
import { emptyContent, startVersion } from './domain/plan-rules.js';
import { versionActions } from './plan-access.js';
import { findVersionRow, listVersionRows, lockCoalition, requireCoalition, toVersion } from './plan-store.js';
import { coalitionPlanVersions } from './schema.js';

export async function startPlanVersion(
  ctx: RequestContext,
  db: Executor,
  code: string,
  input: z.infer<typeof planVersionCreateSchema>,
): Promise<{ isNew: boolean; version: PlanVersion }> {
  const coalition = await requireCoalition(db, code);
  const target = coalitionTarget(coalition);
  const result = await ctx.store.create({
    resource: 'coalition_plan',
    target,
    perform: async (tx) => {
      await lockCoalition(tx, coalition.id);
      const versions = await listVersionRows(tx, coalition.id);
      const outcome = unwrap(startVersion(versions, input.fromVersion ?? null));
      if (outcome.kind === 'existing_draft') {
        const draft = (await findVersionRow(tx, coalition.id, outcome.version))!;
        return { id: draft.id, isNew: false, row: draft };
      }
      const source = outcome.copyFrom === null ? null : versions.find((row) => row.version === outcome.copyFrom)!;
      const now = ctx.now();
      const [row] = await tx
        .insert(coalitionPlanVersions)
        .values({
          coalitionId: coalition.id,
          version: outcome.version,
          status: 'draft',
          basedOnVersion: source?.version ?? null,
          content: source?.content ?? emptyContent(),
          createdBy: ctx.actor.personId,
          updatedBy: ctx.actor.personId,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      return { id: row!.id, isNew: true, row: row! };
    },
  });
  return { isNew: result.isNew, version: toVersion(result.row, versionActions(ctx.actor, target, result.row, true)) };
}

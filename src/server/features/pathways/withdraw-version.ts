// SPDX-License-Identifier: EUPL-1.2
// Withdraws the published version of a pathway: from now on the chain falls back to the coalition's
// pathway (or shows the gap). The version stays readable as withdrawn. Withdrawing it again changes
// nothing; a draft or archived version cannot be withdrawn.
import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { PathwayStatus, PathwayVersion } from '../../../contracts/pathways.js';
import { transition } from './domain/pathway-version.js';
import { findPathwayScope, findVersion, lockScope, toVersion, versionRows, type EditorContext, type PathwayScopeRef } from './editor-store.js';
import { carePathways } from './schema.js';

export async function withdrawVersion(ctx: EditorContext, scopeCode: string, factorKey: string, version: number): Promise<PathwayVersion> {
  const located: { scope?: PathwayScopeRef } = {};
  const outcome = await ctx.store.act({
    resource: 'care_pathway',
    action: 'deactivate',
    objectId: `${scopeCode}/${factorKey}/${version}`,
    locate: async (tx) => {
      located.scope = (await findPathwayScope(tx, scopeCode)) ?? undefined;
      return located.scope?.target ?? null;
    },
    perform: async (tx) => {
      const scope = located.scope!;
      await lockScope(tx, scope);
      const current = findVersion(await versionRows(tx, scope, factorKey), version);
      const step = transition(current.status as PathwayStatus, 'withdraw');
      if (step.kind === 'refused') throw new AppError(step.code);
      if (step.kind === 'unchanged') return { version: toVersion(current), changed: false };
      const now = ctx.now();
      await tx.update(carePathways).set({ status: 'withdrawn', updatedBy: ctx.actor.personId, updatedAt: now }).where(eq(carePathways.id, current.id));
      return { version: toVersion(findVersion(await versionRows(tx, scope, factorKey), version)), changed: true };
    },
    details: (result) => ({ version: result.version.version, ...(result.changed ? { statusFrom: 'published', statusTo: 'withdrawn' } : { unchanged: true }) }),
  });
  return outcome.version;
}

// SPDX-License-Identifier: EUPL-1.2
// Withdraws the published version of a pathway: from now on the chain falls back to the coalition's
// pathway (or shows the gap). The version stays readable as withdrawn. Withdrawing it again changes
// nothing; a draft or archived version cannot be withdrawn.
import { eq } from 'drizzle-orm';
import type { PathwayVersion } from '../../../contracts/pathways.js';
import { changeVersion, findVersion, toVersion, versionRows, type EditorContext } from './editor-store.js';
import { carePathways } from './schema.js';

export async function withdrawVersion(ctx: EditorContext, scopeCode: string, factorKey: string, version: number): Promise<PathwayVersion> {
  const outcome = await changeVersion(ctx, { scopeCode, factorKey, version }, {
    action: 'deactivate',
    move: 'withdraw',
    perform: async (tx, { scope, current, step }) => {
      if (step.kind === 'unchanged') return { version: toVersion(current), changed: false };
      const now = ctx.now();
      await tx.update(carePathways).set({ status: 'withdrawn', updatedBy: ctx.actor.personId, updatedAt: now }).where(eq(carePathways.id, current.id));
      return { version: toVersion(findVersion(await versionRows(tx, scope, factorKey), version)), changed: true };
    },
    details: (result) => ({ version: result.version.version, ...(result.changed ? { statusFrom: 'published', statusTo: 'withdrawn' } : { unchanged: true }) }),
  });
  return outcome.version;
}

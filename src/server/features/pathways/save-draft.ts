// SPDX-License-Identifier: EUPL-1.2
// Saves the draft of a pathway: title, local agreements (with the coalition's collaboration agreements
// they rest on), steps with their services, review date — all at once. Only a draft changes; a
// published, archived or withdrawn version is refused (pathway_version_not_draft). Saving the same
// content twice gives the same draft.
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { PathwayVersion, pathwayDraftInputSchema } from '../../../contracts/pathways.js';
import { coalitionAgreements } from '../coalition-agreements/schema.js';
import type { Executor } from '../../platform/db/connection.js';
import { changeVersion, findVersion, toVersion, versionRows, type EditorContext, type PathwayScopeRef, type StoredContent } from './editor-store.js';
import { carePathways } from './schema.js';
import { chooseServices, showVersions } from './directory-services.js';

/** Every linked agreement must be one of the pathway's coalition. */
async function checkAgreements(tx: Executor, scope: PathwayScopeRef, ids: readonly string[]) {
  if (ids.length === 0) return;
  if (!scope.coalition) throw new AppError('pathway_agreement_unknown');
  const found = await tx
    .select({ id: coalitionAgreements.id })
    .from(coalitionAgreements)
    .where(and(eq(coalitionAgreements.coalitionId, scope.coalition.id), inArray(coalitionAgreements.id, [...new Set(ids)])));
  if (found.length !== new Set(ids).size) throw new AppError('pathway_agreement_unknown');
}

export async function saveDraft(
  ctx: EditorContext,
  scopeCode: string,
  factorKey: string,
  version: number,
  input: z.output<typeof pathwayDraftInputSchema>,
): Promise<PathwayVersion> {
  return changeVersion(ctx, { scopeCode, factorKey, version }, {
    action: 'update',
    move: 'edit',
    perform: async (tx, { scope, current }) => {
      await checkAgreements(tx, scope, input.agreementIds);
      // Every service is chosen from the directory (a hand-typed one was refused by the input schema).
      const steps = await chooseServices(tx, scope, input.steps);
      const { reviewDue, ...rest } = input;
      const content = { ...rest, steps };
      const now = ctx.now();
      const stored: StoredContent = {
        ...(current.content as StoredContent),
        ...content,
        version,
        updatedAt: now.toISOString(),
      };
      await tx
        .update(carePathways)
        .set({ content: stored, reviewDue, updatedBy: ctx.actor.personId, updatedAt: now })
        .where(eq(carePathways.id, current.id));
      const [saved] = await showVersions(tx, [toVersion(findVersion(await versionRows(tx, scope, factorKey), version))], now);
      return saved!;
    },
    details: (saved) => ({ version: saved.version, steps: saved.steps.length, agreements: saved.agreementIds.length }),
  });
}

// SPDX-License-Identifier: EUPL-1.2
// "Wijzigen": starts the next version of a pathway as a draft, a copy of the newest version (a
// published version itself never changes). There is at most one draft: asking again returns the
// draft that is there (200 instead of 201). A pathway that has no version yet starts from a title.
import type { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { PathwayVersion, pathwayDraftStartSchema } from '../../../contracts/pathways.js';
import { findVersion, lockScope, requirePathwayScope, toVersion, versionRows, type EditorContext, type StoredContent } from './editor-store.js';
import { carePathways } from './schema.js';

export async function startDraft(
  ctx: EditorContext,
  scopeCode: string,
  factorKey: string,
  input: z.infer<typeof pathwayDraftStartSchema>,
): Promise<{ draft: PathwayVersion; isNew: boolean }> {
  const scope = await requirePathwayScope(ctx.db, scopeCode);
  const result = await ctx.store.create({
    resource: 'care_pathway',
    target: scope.target,
    perform: async (tx) => {
      await lockScope(tx, scope);
      const rows = await versionRows(tx, scope, factorKey);
      const existing = rows.find((row) => row.status === 'draft');
      if (existing) return { id: existing.id, version: existing.version, isNew: false };
      const latest = rows[0];
      if (!latest && !input.title) throw new AppError('pathway_title_required');
      const base: StoredContent = latest
        ? (latest.content as StoredContent)
        : { title: input.title!, localAgreements: '', steps: [] };
      const version = (latest?.version ?? 0) + 1;
      const now = ctx.now();
      const [row] = await tx
        .insert(carePathways)
        .values({
          scopeKind: scope.kind,
          scopeCode: scope.code,
          factorKey,
          version,
          status: 'draft',
          ownerCode: latest?.ownerCode ?? scope.code,
          reviewDue: latest?.reviewDue ?? null,
          content: {
            ...base,
            factorKey,
            scope: scope.kind === 'municipality' ? { municipalityCode: scope.code } : { coalitionCode: scope.code },
            version,
            updatedAt: now.toISOString(),
          },
          updatedBy: ctx.actor.personId,
          updatedAt: now,
        })
        .returning({ id: carePathways.id });
      return { id: row!.id, version, isNew: true };
    },
  });
  const rows = await versionRows(ctx.db, scope, factorKey);
  const draft = findVersion(rows, result.version);
  return { draft: toVersion(draft), isNew: result.isNew };
}

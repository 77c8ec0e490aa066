// SPDX-License-Identifier: EUPL-1.2
// Publishes the draft of a pathway: from now on the chain, FHIR and the questionnaire prefill read it.
// The version published before is archived ("vervangen door versie N") and stays readable. A draft
// whose steps do not all name a service is refused, and nothing changes. Publishing the published
// version again changes nothing (a double click); an archived or withdrawn version is refused.
import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { PathwayVersion } from '../../../contracts/pathways.js';
import { pathwaySchema } from './domain/pathway.js';
import { publishProblems } from './domain/pathway-version.js';
import { changeVersion, findVersion, toVersion, versionRows, type EditorContext, type StoredContent } from './editor-store.js';
import { carePathways } from './schema.js';
import { publishServiceProblem, showVersions } from './directory-services.js';

export async function publishVersion(ctx: EditorContext, scopeCode: string, factorKey: string, version: number): Promise<PathwayVersion> {
  const outcome = await changeVersion(ctx, { scopeCode, factorKey, version }, {
    action: 'approve',
    move: 'publish',
    perform: async (tx, { scope, rows, current: draft, step }) => {
      if (step.kind === 'unchanged') return { version: toVersion(draft), archived: null as number | null, changed: false };
      const content = draft.content as StoredContent;
      const problem = publishProblems(content);
      if (problem) throw new AppError(problem);
      const now = ctx.now();
      // Only services from the directory that are active and recently checked are published.
      const serviceProblem = await publishServiceProblem(tx, content.steps, now);
      if (serviceProblem) throw serviceProblem;
      // What is published must satisfy the same schema as every reader expects.
      const published = pathwaySchema.safeParse({ ...content, version, updatedAt: now.toISOString() });
      if (!published.success) throw new AppError('pathway_incomplete');
      const previous = rows.find((row) => row.status === 'published');
      if (previous) {
        await tx.update(carePathways).set({ status: 'archived', replacedByVersion: version }).where(eq(carePathways.id, previous.id));
      }
      await tx
        .update(carePathways)
        .set({ status: 'published', content: published.data, publishedAt: now, updatedBy: ctx.actor.personId, updatedAt: now })
        .where(eq(carePathways.id, draft.id));
      const saved = findVersion(await versionRows(tx, scope, factorKey), version);
      return { version: toVersion(saved), archived: previous?.version ?? null, changed: true };
    },
    details: (result) => ({ version: result.version.version, ...(result.changed ? { statusFrom: 'draft', statusTo: 'published', archivedVersion: result.archived } : { unchanged: true }) }),
  });
  const [shown] = await showVersions(ctx.db, [outcome.version], ctx.now());
  return shown!;
}

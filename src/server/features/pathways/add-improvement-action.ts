// SPDX-License-Identifier: EUPL-1.2
// "Improvement actions found while making a pathway go to the coalition plan": adds an improvement
// action to the plan of approach of the coalition that keeps this pathway (coalition-plans decides
// who may, and audits it). A pathway of a municipality without a coalition has no plan to add to.
import type { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { pathwayImprovementActionSchema } from '../../../contracts/pathways.js';
import { createImprovementAction } from '../coalition-plans/create-improvement-action.js';
import { factorLabelOf, requirePathwayScope, type EditorContext } from './editor-store.js';

export async function addImprovementAction(
  ctx: EditorContext,
  scopeCode: string,
  factorKey: string,
  input: z.infer<typeof pathwayImprovementActionSchema>,
): Promise<{ id: string; coalitionCode: string }> {
  const scope = await requirePathwayScope(ctx.db, scopeCode);
  if (!scope.coalition) throw new AppError('pathway_without_coalition');
  const title = `Zorgpad ${factorLabelOf(factorKey)} (${scope.name}): ${input.title}`.slice(0, 300);
  const created = await createImprovementAction(ctx, ctx.db, scope.coalition.code, { title, origin: null });
  return { id: created.id, coalitionCode: scope.coalition.code };
}

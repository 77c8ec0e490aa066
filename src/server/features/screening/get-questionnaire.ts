// SPDX-License-Identifier: EUPL-1.2
// One instrument version as its FHIR R4 Questionnaire (what the form is built from).
import type { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { questionnaireResourceSchema } from '../../../contracts/screening.js';
import { findQuestionnaire, type UseCaseContext } from './store.js';

export async function getQuestionnaire(ctx: UseCaseContext, id: string): Promise<z.infer<typeof questionnaireResourceSchema>> {
  const row = await ctx.store.readAggregates({ resource: 'screening_instrument', action: 'read', perform: (db) => findQuestionnaire(db, id) });
  if (!row) throw new AppError('not_found');
  return { ...(row.resource as z.infer<typeof questionnaireResourceSchema>), id: row.id };
}

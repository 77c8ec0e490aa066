// SPDX-License-Identifier: EUPL-1.2
// One screening of a family: answers, factor profile, and the FHIR QuestionnaireResponse.
import { AppError } from '../../platform/errors.js';
import type { Screening } from '../../../contracts/screening.js';
import { actOnFamily } from '../families/care-access.js';
import { familyOfScreening, loadScreening, toScreening, type UseCaseContext } from './store.js';

export async function getScreening(ctx: UseCaseContext, screeningId: string): Promise<Screening> {
  const familyId = await familyOfScreening(ctx.db, screeningId);
  if (!familyId) throw new AppError('not_found');
  const row = await actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'read',
    objectType: 'screening',
    perform: (tx) => loadScreening(tx, screeningId),
    details: (screening) => ({ screeningId: screening.id }),
  });
  return toScreening(row);
}

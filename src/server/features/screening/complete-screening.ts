// SPDX-License-Identifier: EUPL-1.2
// Completes a screening: the answers must fit the instrument (required questions, enableWhen), then
// the factor profile and the suggested support tier are stored with it. Completing again returns
// the completed screening unchanged.
import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { Screening, ScreeningAnswers } from '../../../contracts/screening.js';
import { actOnFamily } from '../families/care-access.js';
import { screenings } from './schema.js';
import { validateResponse, type Answers } from '../../../contracts/screening/questionnaire-response.js';
import { computeFactorProfile, suggestedSupportTier } from './factor-profile.js';
import { familyOfScreening, instrumentOfScreening, loadScreening, toScreening, type UseCaseContext } from './store.js';

export async function completeScreening(
  ctx: UseCaseContext,
  screeningId: string,
  input: { answers?: ScreeningAnswers | undefined; version?: number | undefined },
): Promise<Screening> {
  const familyId = await familyOfScreening(ctx.db, screeningId);
  if (!familyId) throw new AppError('not_found');
  const row = await actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'update',
    objectType: 'screening',
    perform: async (tx) => {
      const current = await loadScreening(tx, screeningId, { forUpdate: true });
      if (current.status === 'completed') return { row: current, wasCompleted: true };
      if (input.answers !== undefined && input.version !== current.version) throw new AppError('stale_version');
      const instrument = instrumentOfScreening(current);
      const answers = (input.answers ?? current.answers) as Answers;
      const checked = validateResponse(instrument, answers, 'completed');
      if (!checked.isValid) {
        throw new AppError('validation_failed', {
          message: `De screening is niet afgerond: ${checked.errors.length === 1 ? '1 vraag moet' : `${checked.errors.length} vragen moeten`} nog worden ingevuld of verbeterd.`,
          errors: checked.errors,
        });
      }
      const profile = computeFactorProfile(instrument, checked.value);
      const now = ctx.now();
      await tx
        .update(screenings)
        .set({
          answers: checked.value,
          status: 'completed',
          profile,
          supportTier: suggestedSupportTier(profile),
          version: current.version + 1,
          updatedAt: now,
          completedAt: now,
        })
        .where(eq(screenings.id, screeningId));
      return { row: await loadScreening(tx, screeningId), wasCompleted: false };
    },
    details: ({ row, wasCompleted }) => ({ screeningId: row.id, change: wasCompleted ? 'completion_repeated' : 'completion' }),
  });
  return toScreening(row.row);
}

// SPDX-License-Identifier: EUPL-1.2
// Saves the draft answers as the professional goes. Optimistic locking: answers based on an older
// version are refused (stale_version), so two tabs never silently overwrite each other.
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { Screening, ScreeningAnswers } from '../../../contracts/screening.js';
import { actOnFamily } from '../families/care-access.js';
import { screenings } from './schema.js';
import { validateResponse, type Answers } from '../../../contracts/screening/questionnaire-response.js';
import { familyOfScreening, instrumentOfScreening, loadScreening, toScreening, type UseCaseContext } from './store.js';

export async function saveAnswers(ctx: UseCaseContext, screeningId: string, input: { answers: ScreeningAnswers; version: number }): Promise<Screening> {
  const familyId = await familyOfScreening(ctx.db, screeningId);
  if (!familyId) throw new AppError('not_found');
  const row = await actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'update',
    objectType: 'screening',
    perform: async (tx) => {
      const current = await loadScreening(tx, screeningId, { forUpdate: true });
      if (current.status === 'completed') {
        throw new AppError('already_processed', { message: 'Deze screening is al afgerond; de antwoorden kunnen niet meer veranderen.' });
      }
      if (current.version !== input.version) throw new AppError('stale_version');
      const checked = validateResponse(instrumentOfScreening(current), input.answers as Answers, 'in-progress');
      if (!checked.isValid) {
        throw new AppError('validation_failed', { message: 'Niet alle antwoorden passen bij de vragenlijst.', errors: checked.errors });
      }
      const updated = await tx
        .update(screenings)
        .set({ answers: checked.value, version: current.version + 1, updatedAt: ctx.now() })
        .where(and(eq(screenings.id, screeningId), eq(screenings.version, input.version)))
        .returning({ id: screenings.id });
      if (updated.length === 0) throw new AppError('stale_version');
      return loadScreening(tx, screeningId);
    },
    details: (screening) => ({ screeningId: screening.id, change: 'answers', version: screening.version }),
  });
  return toScreening(row);
}

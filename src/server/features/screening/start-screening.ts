// SPDX-License-Identifier: EUPL-1.2
// Starts a screening of a family as a draft, with the newest active instrument version (or a chosen one).
import { AppError } from '../../platform/errors.js';
import type { Screening } from '../../../contracts/screening.js';
import { actOnFamily } from '../families/care-access.js';
import { screenings } from './schema.js';
import { DEFAULT_INSTRUMENT_URL } from './instruments/load-shipped-instruments.js';
import { activeInstrument, findQuestionnaire, loadScreening, toScreening, type UseCaseContext } from './store.js';

export async function startScreening(ctx: UseCaseContext, familyId: string, input: { questionnaireId?: string | undefined }): Promise<Screening> {
  const row = await actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'update',
    objectType: 'screening',
    perform: async (tx) => {
      const instrument = input.questionnaireId ? await findQuestionnaire(tx, input.questionnaireId) : await activeInstrument(tx, DEFAULT_INSTRUMENT_URL);
      if (!instrument) {
        throw new AppError('validation_failed', {
          message: 'Er is geen vragenlijst om mee te screenen.',
          errors: [{ path: 'questionnaireId', message: 'Deze vragenlijst bestaat niet' }],
        });
      }
      if (instrument.status === 'retired') {
        throw new AppError('validation_failed', {
          message: 'Deze versie van de vragenlijst is ingetrokken; kies een nieuwere.',
          errors: [{ path: 'questionnaireId', message: 'Deze versie is ingetrokken' }],
        });
      }
      const now = ctx.now();
      const [created] = await tx
        .insert(screenings)
        .values({
          familyId,
          questionnaireId: instrument.id,
          organisationId: ctx.store.actor.organisationId!,
          authorId: ctx.store.actor.personId,
          status: 'in-progress',
          answers: {},
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: screenings.id });
      return loadScreening(tx, created!.id);
    },
    details: (screening) => ({ screeningId: screening.id, change: 'start', questionnaire: screening.questionnaireId }),
  });
  return toScreening(row);
}

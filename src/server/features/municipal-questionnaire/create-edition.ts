// SPDX-License-Identifier: EUPL-1.2
// An analyst or the platform admin sends out the questionnaire of a year: reference date (peildatum,
// seed 003: 16 November 2023), opening date and deadline. One edition per year.
import { amsterdamDate } from '../../../contracts/calendar.js';
import { eq } from 'drizzle-orm';
import type { Edition, EditionCreate } from '../../../contracts/municipal-questionnaire.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { AppError } from '../../platform/errors.js';
import { municipalQuestionnaireEditions } from './schema.js';
import { editionView } from './store.js';

export async function createEdition(ctx: RequestContext, input: EditionCreate): Promise<Edition> {
  const created = await ctx.store.create({
    resource: 'municipal_questionnaire',
    target: { organisationIds: [] },
    perform: async (tx) => {
      const [existing] = await tx.select({ id: municipalQuestionnaireEditions.id }).from(municipalQuestionnaireEditions).where(eq(municipalQuestionnaireEditions.year, input.year));
      if (existing) throw new AppError('questionnaire_edition_exists');
      const [row] = await tx
        .insert(municipalQuestionnaireEditions)
        .values({ year: input.year, referenceDate: input.referenceDate, opensOn: input.opensOn, deadline: input.deadline, createdBy: ctx.actor.personId })
        .returning();
      return row!;
    },
  });
  return editionView(created, amsterdamDate(ctx.now()));
}

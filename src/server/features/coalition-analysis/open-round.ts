// SPDX-License-Identifier: EUPL-1.2
// The coordinator opens a self-analysis round for their coalition, choosing how answers are shown.
import type { OpenRoundRequest } from '../../../contracts/coalition-analysis.js';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { AppError } from '../../platform/errors.js';
import { coalitionTarget } from '../coalitions/coalition-target.js';
import { CURRENT_INSTRUMENT } from './instruments/analysis-instrument.js';
import { analysisRounds } from './schema.js';
import { requireCoalition, type UseCaseContext } from './store.js';

export async function openRound(ctx: UseCaseContext, code: string, request: OpenRoundRequest): Promise<{ id: string }> {
  const coalition = await requireCoalition(ctx.db, code);
  const closesOn = request.closesOn ?? null;
  if (closesOn !== null && closesOn < amsterdamDate(ctx.now())) {
    throw new AppError('validation_failed', { errors: [{ path: 'body.closesOn', message: 'De sluitdatum ligt in het verleden. Kies vandaag of een latere dag.' }] });
  }
  return ctx.store.create({
    resource: 'analysis_round',
    target: coalitionTarget(coalition),
    perform: async (tx) => {
      const [row] = await tx
        .insert(analysisRounds)
        .values({
          coalitionId: coalition.id,
          title: request.title,
          anonymity: request.anonymity,
          instrumentCanonical: CURRENT_INSTRUMENT.canonical,
          openedAt: ctx.now(),
          closesOn,
          openedBy: ctx.actor.personId,
        })
        .returning({ id: analysisRounds.id });
      return { id: row!.id };
    },
  });
}

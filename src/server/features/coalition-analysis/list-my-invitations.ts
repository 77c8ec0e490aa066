// SPDX-License-Identifier: EUPL-1.2
// The rounds a logged-in person is invited to answer (their own invitations only), newest first.
import { count, desc, eq } from 'drizzle-orm';
import { coalitions } from '../coalitions/schema.js';
import type { MyInvitationList } from '../../../contracts/coalition-analysis.js';
import { instrumentOf } from './instruments/analysis-instrument.js';
import { analysisAnswers, analysisRespondents, analysisRounds } from './schema.js';
import type { UseCaseContext } from './store.js';

export async function listMyInvitations(ctx: UseCaseContext): Promise<MyInvitationList> {
  const rows = await ctx.db
    .select({
      respondentId: analysisRespondents.id,
      roundTitle: analysisRounds.title,
      status: analysisRounds.status,
      instrumentCanonical: analysisRounds.instrumentCanonical,
      code: coalitions.code,
      name: coalitions.name,
      answered: count(analysisAnswers.statementKey),
    })
    .from(analysisRespondents)
    .innerJoin(analysisRounds, eq(analysisRounds.id, analysisRespondents.roundId))
    .innerJoin(coalitions, eq(coalitions.id, analysisRounds.coalitionId))
    .leftJoin(analysisAnswers, eq(analysisAnswers.respondentId, analysisRespondents.id))
    .where(eq(analysisRespondents.personId, ctx.actor.personId))
    .groupBy(analysisRespondents.id, analysisRounds.id, coalitions.id)
    .orderBy(desc(analysisRounds.openedAt));
  return {
    items: rows.map((row) => ({
      respondentId: row.respondentId,
      roundTitle: row.roundTitle,
      coalition: { code: row.code, name: row.name },
      status: row.status,
      answeredCount: Number(row.answered),
      statementCount: instrumentOf(row.instrumentCanonical).statements.length,
    })),
  };
}

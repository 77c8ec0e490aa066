// SPDX-License-Identifier: EUPL-1.2
// One round for the coalition's readers: its invited respondents (how far each is only when answers
// are not anonymous) and what the actor may still do with it.
import { asc, count, eq } from 'drizzle-orm';
import { decide } from '../../platform/access/policy.js';
import { organisations } from '../organisations/schema.js';
import type { RoundDetail } from '../../../contracts/coalition-analysis.js';
import { instrumentOf } from './instruments/analysis-instrument.js';
import { analysisAnswers, analysisRespondents } from './schema.js';
import { locateRound } from './round-target.js';
import { requireCoalition, summariesOf, type RoundRow, type UseCaseContext } from './store.js';

export async function getRound(ctx: UseCaseContext, code: string, roundId: string): Promise<RoundDetail> {
  const coalition = await requireCoalition(ctx.db, code);
  const found: { round?: RoundRow } = {};
  return ctx.store.act({
    resource: 'analysis_round',
    action: 'read',
    objectId: roundId,
    locate: locateRound(coalition, roundId, found),
    perform: async (tx, target) => {
      const round = found.round!;
      const rows = await tx
        .select({
          id: analysisRespondents.id,
          name: analysisRespondents.name,
          personId: analysisRespondents.personId,
          organisationName: organisations.name,
          answered: count(analysisAnswers.statementKey),
        })
        .from(analysisRespondents)
        .leftJoin(organisations, eq(organisations.id, analysisRespondents.organisationId))
        .leftJoin(analysisAnswers, eq(analysisAnswers.respondentId, analysisRespondents.id))
        .where(eq(analysisRespondents.roundId, roundId))
        .groupBy(analysisRespondents.id, organisations.name)
        .orderBy(asc(analysisRespondents.invitedAt), asc(analysisRespondents.name));
      const [summary] = await summariesOf(tx, [round]);
      const isOpen = round.status === 'open';
      return {
        coalition: { code: coalition.code, name: coalition.name },
        round: summary!,
        statementCount: instrumentOf(round.instrumentCanonical).statements.length,
        respondents: rows.map((row) => ({
          id: row.id,
          name: row.name,
          kind: row.personId ? ('account' as const) : ('link' as const),
          organisationName: row.organisationName,
          answeredCount: round.anonymity === 'anonymous' ? null : Number(row.answered),
        })),
        allowedActions: isOpen && decide(ctx.actor, 'analysis_round', 'update', target).isAllowed ? ['update' as const] : [],
      };
    },
  });
}

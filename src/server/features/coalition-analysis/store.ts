// SPDX-License-Identifier: EUPL-1.2
// What the self-analysis use-cases share: their context, finding a coalition and a round, the round
// summaries, and the audit row of an answer submission (which the policy does not decide: answering
// goes by invitation — a person's own invitation, or a personal link — see contracts/roles.ts).
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import type { RequestContext, } from '../../platform/http/request-context.js';
import type { RequestOrigin } from '../../platform/access/scoped-store.js';
import { appendAuditEvent, type AuditOutcome } from '../../platform/audit/audit-log.js';
import { AppError } from '../../platform/errors.js';
import { findCoalitionRef, type CoalitionRef } from '../coalitions/coalition-target.js';
import type { RoundSummary } from '../../../contracts/coalition-analysis.js';
import { instrumentOf } from './instruments/analysis-instrument.js';
import { analysisAnswers, analysisRespondents, analysisRounds } from './schema.js';

export type UseCaseContext = Pick<RequestContext, 'store' | 'now' | 'actor' | 'origin'> & { db: Executor; publicUrl: string };
/** For the public respondent page: no session, no actor. */
export interface PublicContext {
  db: Executor;
  now: () => Date;
  origin: RequestOrigin;
}

export type RoundRow = typeof analysisRounds.$inferSelect;

/** The coalition with this code; 404 (`not_found`) when there is none. */
export async function requireCoalition(db: Executor, code: string): Promise<CoalitionRef> {
  const coalition = await findCoalitionRef(db, code);
  if (!coalition) throw new AppError('not_found');
  return coalition;
}

/** The round, only when it belongs to this coalition. */
export async function findRound(db: Executor, coalitionId: string, roundId: string): Promise<RoundRow | null> {
  const [row] = await db
    .select()
    .from(analysisRounds)
    .where(and(eq(analysisRounds.id, roundId), eq(analysisRounds.coalitionId, coalitionId)));
  return row ?? null;
}

/** The round opened just before this one in the same coalition (for the change per statement). */
export async function previousRoundOf(db: Executor, round: RoundRow): Promise<RoundRow | null> {
  const [row] = await db
    .select()
    .from(analysisRounds)
    .where(and(eq(analysisRounds.coalitionId, round.coalitionId), lt(analysisRounds.openedAt, round.openedAt)))
    .orderBy(desc(analysisRounds.openedAt))
    .limit(1);
  return row ?? null;
}

export async function summariesOf(db: Executor, rounds: readonly RoundRow[]): Promise<RoundSummary[]> {
  if (rounds.length === 0) return [];
  const ids = rounds.map((round) => round.id);
  // One round trip: invited respondents, and those of them who answered at least one statement.
  const counted = await db
    .select({
      roundId: analysisRespondents.roundId,
      invited: sql<number>`count(*)::int`,
      answered: sql<number>`(count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ${analysisAnswers} WHERE ${analysisAnswers.respondentId} = ${analysisRespondents.id})))::int`,
    })
    .from(analysisRespondents)
    .where(inArray(analysisRespondents.roundId, ids))
    .groupBy(analysisRespondents.roundId);
  const invitedOf = new Map(counted.map((row) => [row.roundId, Number(row.invited)]));
  const answeredOf = new Map(counted.map((row) => [row.roundId, Number(row.answered)]));
  return rounds.map((round) => ({
    id: round.id,
    title: round.title,
    anonymity: round.anonymity,
    status: round.status,
    openedAt: round.openedAt.toISOString(),
    closedAt: round.closedAt?.toISOString() ?? null,
    closesOn: round.closesOn,
    respondentCount: invitedOf.get(round.id) ?? 0,
    answeredCount: answeredOf.get(round.id) ?? 0,
    instrumentVersion: instrumentOf(round.instrumentCanonical).version,
  }));
}

/**
 * The audit row of an answer submission (or of a refused one): which round, how many statements —
 * never the scores themselves. `actor` is null for someone answering through a personal link.
 */
export async function auditAnswers(
  tx: Executor,
  event: {
    actor: { personId: string; organisationId: string | null } | null;
    origin: RequestOrigin;
    roundId: string;
    outcome: AuditOutcome;
    details: Record<string, unknown>;
  },
  now: Date,
): Promise<void> {
  await appendAuditEvent(
    tx,
    {
      actorId: event.actor?.personId ?? null,
      organisationId: event.actor?.organisationId ?? null,
      // Not a role's grant but the invitation itself (details.via says which: 'person' or 'link').
      role: null,
      ...event.origin,
      action: 'update',
      outcome: event.outcome,
      objectType: 'analysis_round',
      objectId: event.roundId,
      details: event.details,
    },
    now,
  );
}

// SPDX-License-Identifier: EUPL-1.2
// Answering a round: by a person through their own invitation, or by someone without an account
// through a personal link. Part or all of the statements, as often as they like while the round is
// open; a closed round or an unknown link saves nothing and says why. The respondent sees only the
// statements and their own scores — no other answers, no list of respondents. Every submission is
// audited with the number of statements, never the scores.
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import { hashToken } from '../../platform/auth/tokens.js';
import { AppError } from '../../platform/errors.js';
import type { RequestOrigin } from '../../platform/access/scoped-store.js';
import { coalitions } from '../coalitions/schema.js';
import type { AnalysisForm, SaveAnswersRequest, SaveAnswersResult } from '../../../contracts/coalition-analysis.js';
import { instrumentOf } from './instruments/analysis-instrument.js';
import { analysisAnswers, analysisRespondents, analysisRounds } from './schema.js';
import { auditAnswers, type PublicContext, type UseCaseContext } from './store.js';

interface Invitation {
  respondentId: string;
  respondentName: string;
  roundId: string;
  roundTitle: string;
  status: 'open' | 'closed';
  anonymity: AnalysisForm['anonymity'];
  instrumentCanonical: string;
  coalitionName: string;
}

type Finder = { kind: 'person'; respondentId: string; personId: string } | { kind: 'link'; token: string };

async function findInvitation(db: Executor, finder: Finder): Promise<Invitation | null> {
  const condition =
    finder.kind === 'person'
      ? and(eq(analysisRespondents.id, finder.respondentId), eq(analysisRespondents.personId, finder.personId))
      : eq(analysisRespondents.tokenHash, hashToken(finder.token));
  const [row] = await db
    .select({
      respondentId: analysisRespondents.id,
      respondentName: analysisRespondents.name,
      roundId: analysisRounds.id,
      roundTitle: analysisRounds.title,
      status: analysisRounds.status,
      anonymity: analysisRounds.anonymity,
      instrumentCanonical: analysisRounds.instrumentCanonical,
      coalitionName: coalitions.name,
    })
    .from(analysisRespondents)
    .innerJoin(analysisRounds, eq(analysisRounds.id, analysisRespondents.roundId))
    .innerJoin(coalitions, eq(coalitions.id, analysisRounds.coalitionId))
    .where(condition);
  return row ?? null;
}

/** The personal link works while its round is open: after closing it has expired. */
function refusalOf(finder: Finder, invitation: Invitation | null): AppError | null {
  if (!invitation) return new AppError(finder.kind === 'link' ? 'analysis_link_invalid' : 'not_found');
  return null;
}

async function formOf(db: Executor, invitation: Invitation): Promise<AnalysisForm> {
  const instrument = instrumentOf(invitation.instrumentCanonical);
  const answers = await db
    .select({ statementKey: analysisAnswers.statementKey, score: analysisAnswers.score })
    .from(analysisAnswers)
    .where(eq(analysisAnswers.respondentId, invitation.respondentId));
  return {
    roundTitle: invitation.roundTitle,
    coalitionName: invitation.coalitionName,
    respondentName: invitation.respondentName,
    status: invitation.status,
    anonymity: invitation.anonymity,
    scaleLabels: instrument.scaleLabels,
    parts: instrument.parts.map((part) => ({
      key: part.key,
      title: part.title,
      statements: part.statements.map(({ key, number, text }) => ({ key, number, text })),
    })),
    answers: Object.fromEntries(answers.map((answer) => [answer.statementKey, answer.score])),
  };
}

async function showForm(db: Executor, finder: Finder): Promise<AnalysisForm> {
  const invitation = await findInvitation(db, finder);
  const refusal = refusalOf(finder, invitation);
  if (refusal) throw refusal;
  // A closed round's link has expired: it shows nothing any more.
  if (finder.kind === 'link' && invitation!.status === 'closed') throw new AppError('analysis_round_closed');
  return formOf(db, invitation!);
}

async function saveAnswers(
  db: Executor,
  finder: Finder,
  request: SaveAnswersRequest,
  audit: { actor: { personId: string; organisationId: string | null } | null; origin: RequestOrigin; now: Date },
): Promise<SaveAnswersResult> {
  const invitation = await findInvitation(db, finder);
  const refusal = refusalOf(finder, invitation);
  if (refusal) throw refusal;
  const instrument = instrumentOf(invitation!.instrumentCanonical);
  const errors: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  request.answers.forEach((answer, index) => {
    if (!instrument.statementByKey.has(answer.statementKey)) errors.push({ path: `body.answers.${index}.statementKey`, message: 'Deze stelling bestaat niet in deze zelfanalyse.' });
    else if (seen.has(answer.statementKey)) errors.push({ path: `body.answers.${index}.statementKey`, message: 'Deze stelling staat er twee keer in.' });
    seen.add(answer.statementKey);
  });
  if (errors.length > 0) throw new AppError('validation_failed', { errors });
  const outcome = await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Executor;
    // Locked, so closing the round and an answer arriving at the same moment cannot both succeed.
    const [round] = await tx.select({ status: analysisRounds.status }).from(analysisRounds).where(eq(analysisRounds.id, invitation!.roundId)).for('update');
    if (round!.status !== 'open') return { kind: 'closed' as const };
    await tx
      .insert(analysisAnswers)
      .values(request.answers.map((answer) => ({ respondentId: invitation!.respondentId, statementKey: answer.statementKey, score: answer.score, answeredAt: audit.now })))
      .onConflictDoUpdate({
        target: [analysisAnswers.respondentId, analysisAnswers.statementKey],
        set: { score: sql`excluded.score`, answeredAt: sql`excluded.answered_at` },
      });
    const [{ answered } = { answered: 0 }] = await tx
      .select({ answered: sql<number>`count(*)::int` })
      .from(analysisAnswers)
      .where(eq(analysisAnswers.respondentId, invitation!.respondentId));
    await auditAnswers(
      tx,
      { actor: audit.actor, origin: audit.origin, roundId: invitation!.roundId, outcome: 'success', details: { change: 'answers', via: finder.kind, statements: request.answers.length } },
      audit.now,
    );
    return { kind: 'saved' as const, answered: Number(answered) };
  });
  if (outcome.kind === 'closed') {
    await auditAnswers(
      db,
      { actor: audit.actor, origin: audit.origin, roundId: invitation!.roundId, outcome: 'failure', details: { change: 'answers', via: finder.kind, failure: 'round_closed' } },
      audit.now,
    );
    throw new AppError('analysis_round_closed');
  }
  return { savedCount: request.answers.length, answeredCount: outcome.answered, statementCount: instrument.statements.length };
}

export function showOwnForm(ctx: UseCaseContext, respondentId: string): Promise<AnalysisForm> {
  return showForm(ctx.db, { kind: 'person', respondentId, personId: ctx.actor.personId });
}

export function saveOwnAnswers(ctx: UseCaseContext, respondentId: string, request: SaveAnswersRequest): Promise<SaveAnswersResult> {
  return saveAnswers(ctx.db, { kind: 'person', respondentId, personId: ctx.actor.personId }, request, {
    actor: { personId: ctx.actor.personId, organisationId: ctx.actor.organisationId },
    origin: ctx.origin,
    now: ctx.now(),
  });
}

export function showLinkForm(ctx: PublicContext, token: string): Promise<AnalysisForm> {
  return showForm(ctx.db, { kind: 'link', token });
}

export function saveLinkAnswers(ctx: PublicContext, token: string, request: SaveAnswersRequest): Promise<SaveAnswersResult> {
  return saveAnswers(ctx.db, { kind: 'link', token }, request, { actor: null, origin: ctx.origin, now: ctx.now() });
}

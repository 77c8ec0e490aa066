// SPDX-License-Identifier: EUPL-1.2
// The report of a round for the coalition's readers: per part and per statement the mean, the spread
// (standard deviation and the distribution of 1–5), the disagreement flag (domain/score-statistics.ts),
// the weakest statements and the change since the previous round. Anonymity: in an 'anonymous' round
// nothing per respondent leaves the server, and a statement with fewer than 3 answers (a part answered
// by fewer than 3 people) shows no figures at all.
import { eq, inArray, sql } from 'drizzle-orm';
import { decide } from '../../platform/access/policy.js';
import type { Executor } from '../../platform/db/connection.js';
import { organisations } from '../organisations/schema.js';
import type { AnalysisReport } from '../../../contracts/coalition-analysis.js';
import { instrumentOf, type AnalysisInstrument } from './instruments/analysis-instrument.js';
import { MIN_ANSWERS_FOR_DISTRIBUTION, changeOf, summariseScores, type ScoreSummary } from './domain/score-statistics.js';
import { analysisAnswers, analysisRespondents } from './schema.js';
import { locateRound } from './round-target.js';
import { previousRoundOf, requireCoalition, summariesOf, type RoundRow, type UseCaseContext } from './store.js';

/** How many weakest statements the report names. */
export const WEAKEST_COUNT = 5;

/** How many gave each score to each statement: at most 56 × 5 rows, whatever the number of respondents. */
interface ScoreCount {
  statementKey: string;
  score: number;
  count: number;
}

/** The part of a statement key: keys are `<part>.<nn>` (checked when the instrument loads). */
const PART_OF_KEY = sql<string>`split_part(${analysisAnswers.statementKey}, '.', 1)`;

/** The score counts of these rounds (the round and the one before it), per round: one query. */
async function scoreCountsOf(db: Executor, roundIds: readonly string[]): Promise<Map<string, ScoreCount[]>> {
  const rows = await db
    .select({ roundId: analysisRespondents.roundId, statementKey: analysisAnswers.statementKey, score: analysisAnswers.score, count: sql<number>`count(*)::int` })
    .from(analysisAnswers)
    .innerJoin(analysisRespondents, eq(analysisRespondents.id, analysisAnswers.respondentId))
    .where(inArray(analysisRespondents.roundId, [...roundIds]))
    .groupBy(analysisRespondents.roundId, analysisAnswers.statementKey, analysisAnswers.score);
  const byRound = new Map<string, ScoreCount[]>(roundIds.map((id) => [id, []]));
  for (const row of rows) byRound.get(row.roundId)!.push({ statementKey: row.statementKey, score: row.score, count: Number(row.count) });
  return byRound;
}

/** How many people answered at least one statement of each part, per round: one query. */
async function peoplePerPartOf(db: Executor, roundIds: readonly string[]): Promise<Map<string, Map<string, number>>> {
  const byRound = new Map<string, Map<string, number>>(roundIds.map((id) => [id, new Map()]));
  if (roundIds.length === 0) return byRound;
  const rows = await db
    .select({ roundId: analysisRespondents.roundId, partKey: PART_OF_KEY, people: sql<number>`count(distinct ${analysisAnswers.respondentId})::int` })
    .from(analysisAnswers)
    .innerJoin(analysisRespondents, eq(analysisRespondents.id, analysisAnswers.respondentId))
    .where(inArray(analysisRespondents.roundId, [...roundIds]))
    .groupBy(analysisRespondents.roundId, PART_OF_KEY);
  for (const row of rows) byRound.get(row.roundId)!.set(row.partKey, Number(row.people));
  return byRound;
}

interface Figures {
  summary: ScoreSummary;
  isSuppressed: boolean;
}

/** `people`: how many respondents gave these scores (a part's scores come from fewer people than scores). */
function figuresOf(scores: readonly number[], round: RoundRow, people = scores.length): Figures {
  const isSuppressed = round.anonymity === 'anonymous' && people < MIN_ANSWERS_FOR_DISTRIBUTION && scores.length > 0;
  return { summary: summariseScores(isSuppressed ? [] : scores), isSuppressed };
}

/** Figures per statement and per part of one round, from its score counts (and, when anonymous, its people per part). */
function computeFigures(instrument: AnalysisInstrument, round: RoundRow, counts: readonly ScoreCount[], peoplePerPart: Map<string, number> | null) {
  const scoresByStatement = new Map<string, number[]>();
  for (const row of counts) {
    const list = scoresByStatement.get(row.statementKey) ?? [];
    for (let index = 0; index < row.count; index++) list.push(row.score);
    scoresByStatement.set(row.statementKey, list);
  }
  const statements = new Map(instrument.statements.map((statement) => [statement.key, figuresOf(scoresByStatement.get(statement.key) ?? [], round)]));
  const parts = new Map(
    instrument.parts.map((part) => {
      const scores = part.statements.flatMap((statement) => scoresByStatement.get(statement.key) ?? []);
      return [part.key, figuresOf(scores, round, peoplePerPart ? (peoplePerPart.get(part.key) ?? 0) : scores.length)];
    }),
  );
  return { statements, parts };
}

/** Figures of the round and of the previous round (when comparable): the score counts of both in one query. */
async function figuresOfRounds(db: Executor, instrument: AnalysisInstrument, round: RoundRow, previousRound: RoundRow | null) {
  const rounds = previousRound ? [round, previousRound] : [round];
  const counts = await scoreCountsOf(db, rounds.map((each) => each.id));
  const people = await peoplePerPartOf(db, rounds.filter((each) => each.anonymity === 'anonymous').map((each) => each.id));
  const figuresOfRound = (each: RoundRow) => computeFigures(instrument, each, counts.get(each.id)!, people.get(each.id) ?? null);
  return { current: figuresOfRound(round), previous: previousRound ? figuresOfRound(previousRound) : null };
}

/** Means per part per respondent ('named') or per partner organisation ('per_partner'); none when anonymous. */
async function groupsOf(db: Executor, instrument: AnalysisInstrument, round: RoundRow): Promise<AnalysisReport['groups']> {
  if (round.anonymity === 'anonymous') return null;
  const rows = await db
    .select({
      respondentId: analysisRespondents.id,
      name: analysisRespondents.name,
      organisationName: organisations.name,
      partKey: PART_OF_KEY,
      sum: sql<number>`sum(${analysisAnswers.score})::int`,
      count: sql<number>`count(*)::int`,
    })
    .from(analysisAnswers)
    .innerJoin(analysisRespondents, eq(analysisRespondents.id, analysisAnswers.respondentId))
    .leftJoin(organisations, eq(organisations.id, analysisRespondents.organisationId))
    .where(eq(analysisRespondents.roundId, round.id))
    .groupBy(analysisRespondents.id, organisations.name, PART_OF_KEY);
  const groups = new Map<string, { label: string; respondents: Set<string>; sums: Map<string, { sum: number; count: number }> }>();
  for (const row of rows) {
    const key = round.anonymity === 'named' ? row.respondentId : (row.organisationName ?? '');
    const label = round.anonymity === 'named' ? row.name : (row.organisationName ?? '');
    const group = groups.get(key) ?? { label, respondents: new Set(), sums: new Map() };
    group.respondents.add(row.respondentId);
    const total = group.sums.get(row.partKey) ?? { sum: 0, count: 0 };
    group.sums.set(row.partKey, { sum: total.sum + Number(row.sum), count: total.count + Number(row.count) });
    groups.set(key, group);
  }
  const meanOf = (total: { sum: number; count: number } | undefined) => (total && total.count > 0 ? Math.round((total.sum / total.count) * 100) / 100 : null);
  return {
    kind: round.anonymity,
    rows: [...groups.values()]
      .sort((a, b) => a.label.localeCompare(b.label, 'nl'))
      .map((group) => ({
        label: group.label,
        count: group.respondents.size,
        partMeans: Object.fromEntries(instrument.parts.map((part) => [part.key, meanOf(group.sums.get(part.key))])),
      })),
  };
}

export async function getReport(ctx: UseCaseContext, code: string, roundId: string): Promise<AnalysisReport> {
  const coalition = await requireCoalition(ctx.db, code);
  const found: { round?: RoundRow } = {};
  return ctx.store.act({
    resource: 'analysis_round',
    action: 'read',
    objectId: roundId,
    locate: locateRound(coalition, roundId, found),
    perform: async (tx, target) => {
      const round = found.round!;
      const instrument = instrumentOf(round.instrumentCanonical);
      const previousRound = await previousRoundOf(tx, round);
      // The change is per statement key: comparable only within the same instrument version.
      const { current, previous } = await figuresOfRounds(
        tx,
        instrument,
        round,
        previousRound && previousRound.instrumentCanonical === round.instrumentCanonical ? previousRound : null,
      );
      const statements = instrument.statements.map((statement) => {
        const { summary, isSuppressed } = current.statements.get(statement.key)!;
        return {
          key: statement.key,
          number: statement.number,
          text: statement.text,
          partKey: statement.partKey,
          count: isSuppressed ? 0 : summary.count,
          mean: summary.mean,
          standardDeviation: summary.standardDeviation,
          change: changeOf(summary.mean, previous?.statements.get(statement.key)?.summary.mean),
          distribution: isSuppressed ? null : [...summary.distribution],
          isDisagreement: summary.isDisagreement,
          isSuppressed,
        };
      });
      const weakest = statements
        .filter((statement) => statement.mean !== null)
        .sort((a, b) => a.mean! - b.mean! || a.key.localeCompare(b.key))
        .slice(0, WEAKEST_COUNT)
        .map((statement) => statement.key);
      const [summary] = await summariesOf(tx, [round]);
      return {
        coalition: { code: coalition.code, name: coalition.name },
        round: summary!,
        previousRound: previousRound ? { id: previousRound.id, title: previousRound.title } : null,
        scaleLabels: instrument.scaleLabels,
        parts: instrument.parts.map((part) => {
          const { summary: figures, isSuppressed } = current.parts.get(part.key)!;
          return {
            key: part.key,
            title: part.title,
            count: isSuppressed ? 0 : figures.count,
            mean: figures.mean,
            standardDeviation: figures.standardDeviation,
            change: changeOf(figures.mean, previous?.parts.get(part.key)?.summary.mean),
            disagreementCount: statements.filter((statement) => statement.partKey === part.key && statement.isDisagreement).length,
          };
        }),
        statements,
        weakest,
        groups: await groupsOf(tx, instrument, round),
        allowedActions: decide(ctx.actor, 'coalition_plan', 'create', target).isAllowed ? ['improve' as const] : [],
      };
    },
  });
}

// SPDX-License-Identifier: EUPL-1.2
// The report of a round for the coalition's readers: per part and per statement the mean, the spread
// (standard deviation and the distribution of 1–5), the disagreement flag (domain/score-statistics.ts),
// the weakest statements and the change since the previous round. Anonymity: in an 'anonymous' round
// nothing per respondent leaves the server, and a statement with fewer than 3 answers (a part answered
// by fewer than 3 people) shows no figures at all.
import { eq, inArray } from 'drizzle-orm';
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

interface AnswerRow {
  respondentId: string;
  respondentName: string;
  organisationName: string | null;
  statementKey: string;
  score: number;
}

async function answersOf(db: Executor, roundId: string): Promise<AnswerRow[]> {
  return db
    .select({
      respondentId: analysisRespondents.id,
      respondentName: analysisRespondents.name,
      organisationName: organisations.name,
      statementKey: analysisAnswers.statementKey,
      score: analysisAnswers.score,
    })
    .from(analysisAnswers)
    .innerJoin(analysisRespondents, eq(analysisRespondents.id, analysisAnswers.respondentId))
    .leftJoin(organisations, eq(organisations.id, analysisRespondents.organisationId))
    .where(inArray(analysisRespondents.roundId, [roundId]));
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

/** Figures per statement and per part of one round. */
function computeFigures(instrument: AnalysisInstrument, answers: readonly AnswerRow[], round: RoundRow) {
  const scoresByStatement = new Map<string, number[]>();
  const peopleByPart = new Map<string, Set<string>>();
  for (const answer of answers) {
    const list = scoresByStatement.get(answer.statementKey) ?? [];
    list.push(answer.score);
    scoresByStatement.set(answer.statementKey, list);
    const partKey = instrument.statementByKey.get(answer.statementKey)?.partKey;
    if (partKey) peopleByPart.set(partKey, (peopleByPart.get(partKey) ?? new Set()).add(answer.respondentId));
  }
  const statements = new Map(instrument.statements.map((statement) => [statement.key, figuresOf(scoresByStatement.get(statement.key) ?? [], round)]));
  const parts = new Map(
    instrument.parts.map((part) => [
      part.key,
      figuresOf(part.statements.flatMap((statement) => scoresByStatement.get(statement.key) ?? []), round, peopleByPart.get(part.key)?.size ?? 0),
    ]),
  );
  return { statements, parts };
}

function groupsOf(instrument: AnalysisInstrument, answers: readonly AnswerRow[], round: RoundRow): AnalysisReport['groups'] {
  if (round.anonymity === 'anonymous') return null;
  const partOf = new Map(instrument.statements.map((statement) => [statement.key, statement.partKey]));
  const groups = new Map<string, { label: string; respondents: Set<string>; scores: Map<string, number[]> }>();
  for (const answer of answers) {
    const key = round.anonymity === 'named' ? answer.respondentId : (answer.organisationName ?? '');
    const label = round.anonymity === 'named' ? answer.respondentName : (answer.organisationName ?? '');
    const group = groups.get(key) ?? { label, respondents: new Set(), scores: new Map() };
    group.respondents.add(answer.respondentId);
    const partKey = partOf.get(answer.statementKey);
    if (partKey) group.scores.set(partKey, [...(group.scores.get(partKey) ?? []), answer.score]);
    groups.set(key, group);
  }
  return {
    kind: round.anonymity,
    rows: [...groups.values()]
      .sort((a, b) => a.label.localeCompare(b.label, 'nl'))
      .map((group) => ({
        label: group.label,
        count: group.respondents.size,
        partMeans: Object.fromEntries(instrument.parts.map((part) => [part.key, summariseScores(group.scores.get(part.key) ?? []).mean])),
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
      const answers = await answersOf(tx, round.id);
      const current = computeFigures(instrument, answers, round);
      const previousRound = await previousRoundOf(tx, round);
      // The change is per statement key: comparable only within the same instrument version.
      const previous =
        previousRound && previousRound.instrumentCanonical === round.instrumentCanonical
          ? computeFigures(instrument, await answersOf(tx, previousRound.id), previousRound)
          : null;
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
        groups: groupsOf(instrument, answers, round),
        allowedActions: decide(ctx.actor, 'coalition_plan', 'create', target).isAllowed ? ['improve' as const] : [],
      };
    },
  });
}

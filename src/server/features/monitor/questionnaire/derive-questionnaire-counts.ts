// SPDX-License-Identifier: EUPL-1.2
// Source (c): derives the questionnaire indicators from the municipal questionnaire answers. Per
// municipality and year an indicator counts 1 of 1 when the municipality answered its question with
// yes, 0 of 1 when it answered no, nothing when it did not answer; GGD regions, provinces, (active)
// local coalitions and regional collaborations (current members) and the Netherlands are the sums over their municipalities that answered. These count municipalities, not
// persons (countsPersons = false), so they are not suppressed. Runs inside the recompute's
// transaction (register/recompute-indicator-counts.ts), which first deletes every 'questionnaire' count.
import { sql } from 'drizzle-orm';
import { NATION_CODE } from '../../../../contracts/monitor.js';
import { queryRows, type Executor } from '../../../platform/db/connection.js';
import type { IndicatorDefinition } from '../definitions/types.js';
import { COALITION_LEVELS, MEMBERSHIP_SQL } from '../register/coalition-membership-sql.js';
import { INDICATORS } from '../definitions/indicators.js';
import { STATUS_CATEGORIES } from '../../../../contracts/municipal-questionnaire.js';

/** The advisory lock of register/recompute-indicator-counts.ts (same key): a questionnaire recompute and a full one never interleave. */
export const RECOMPUTE_LOCK_KEY = 4_2026_0001;

const stringLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The yes/no indicators derived from the questionnaire, with their question. */
export function questionnaireIndicators(indicators: readonly IndicatorDefinition[]): { key: string; questionKey: string }[] {
  return indicators.flatMap((definition) =>
    definition.sourceKind === 'questionnaire' && definition.questionnaire && definition.questionnaire.answerKind !== 'status'
      ? [{ key: definition.key, questionKey: definition.questionnaire.questionKey }]
      : [],
  );
}

/** The indicators that count the coalition status per municipality (indicator 1). */
export function statusIndicators(indicators: readonly IndicatorDefinition[]): string[] {
  return indicators.flatMap((definition) => (definition.sourceKind === 'questionnaire' && definition.questionnaire?.answerKind === 'status' ? [definition.key] : []));
}

/**
 * The split under which a status indicator's count of one category is stored (seed 003: formed /
 * in development / none / not answered); split 'all' holds 'formed', the indicator's numerator.
 */
export const STATUS_SPLIT_PREFIX = 'status_';

const AREA_LEVELS: [string, string, string?][] = [
  ['municipality', 'municipality_code'],
  ['ggd_region', 'ggd_region_code'],
  ['province', 'province_code'],
  ['nation', stringLiteral(NATION_CODE)],
  ...COALITION_LEVELS,
];

/**
 * Indicator 1 from the statuses: for every year with any status, every municipality counts — with its
 * status, or 'not_answered' without one — so the denominator is all municipalities of the area (seed
 * 003: 212 of 342). Rows per area × year: split 'all' (formed of all) and one split per category.
 */
export function buildStatusCountsSql(indicators: readonly IndicatorDefinition[]): string | null {
  const keys = statusIndicators(indicators);
  if (keys.length === 0) return null;
  const levels = AREA_LEVELS.map(
    ([level, code, where]) => `SELECT ${stringLiteral(level)} AS area_level, ${code} AS area_code, year, status, is_synthetic FROM status_of${where ?? ''}`,
  ).join('\n  UNION ALL ');
  const splits = ['all', ...STATUS_CATEGORIES.map((category) => `${STATUS_SPLIT_PREFIX}${category}`)].map((split) => `(${stringLiteral(split)})`).join(', ');
  return `WITH status_indicators (indicator_key) AS (VALUES ${keys.map((key) => `(${stringLiteral(key)})`).join(', ')}
), status_years AS (
  -- A year is published once the questionnaire (or the synthetic national data) has answered it: the
  -- statuses coordinators record in the register cover only their own members, and alone would make
  -- a national figure of a handful of municipalities.
  SELECT DISTINCT year FROM municipality_coalition_statuses WHERE source IN ('questionnaire', 'synthetic')
), membership AS (
  ${MEMBERSHIP_SQL}
), status_of AS (
  SELECT municipalities.code AS municipality_code, municipalities.ggd_region_code, municipalities.province_code, membership.coalition_code, membership.regional_code,
    status_years.year, COALESCE(statuses.status, 'not_answered') AS status, COALESCE(statuses.source = 'synthetic', false) AS is_synthetic
  FROM municipalities CROSS JOIN status_years
  LEFT JOIN municipality_coalition_statuses AS statuses ON statuses.municipality_code = municipalities.code AND statuses.year = status_years.year
  LEFT JOIN membership ON membership.municipality_code = municipalities.code
), by_area AS (
  ${levels}
), splits (split) AS (VALUES ${splits})
SELECT status_indicators.indicator_key, area_level, area_code, CAST(year AS INTEGER) AS year, splits.split,
  CAST(COUNT(*) FILTER (WHERE (splits.split = 'all' AND status = 'formed') OR splits.split = '${STATUS_SPLIT_PREFIX}' || status) AS INTEGER) AS numerator,
  CAST(COUNT(*) AS INTEGER) AS denominator, bool_or(is_synthetic) AS is_synthetic
FROM by_area CROSS JOIN splits CROSS JOIN status_indicators
GROUP BY status_indicators.indicator_key, area_level, area_code, year, splits.split`;
}

/**
 * SELECT indicator_key, area_level, area_code, year, split, numerator, denominator, is_synthetic for
 * every questionnaire indicator × area × year with at least one answer. Null when there is none.
 */
export function buildQuestionnaireCountsSql(indicators: readonly IndicatorDefinition[]): string | null {
  const derived = questionnaireIndicators(indicators);
  if (derived.length === 0) return null;
  const questions = derived.map(({ key, questionKey }) => `(${stringLiteral(key)}, ${stringLiteral(questionKey)})`).join(', ');
  const levels = AREA_LEVELS
    .map(
      ([level, code, where]) =>
        `SELECT indicator_key, ${stringLiteral(level!)} AS area_level, ${code} AS area_code, year, answer, is_synthetic FROM answered${where ?? ''}`,
    )
    .join('\n  UNION ALL ');
  return `WITH questions (indicator_key, question_key) AS (VALUES ${questions}
), membership AS (
  ${MEMBERSHIP_SQL}
), answered AS (
  SELECT questions.indicator_key, answers.municipality_code, municipalities.ggd_region_code, municipalities.province_code,
    membership.coalition_code, membership.regional_code, answers.year, answers.answer, answers.source = 'synthetic' AS is_synthetic
  FROM municipal_questionnaire_answers AS answers
  JOIN questions ON questions.question_key = answers.question_key
  JOIN municipalities ON municipalities.code = answers.municipality_code
  LEFT JOIN membership ON membership.municipality_code = answers.municipality_code
), by_area AS (
  ${levels}
)
SELECT indicator_key, area_level, area_code, CAST(year AS INTEGER) AS year, 'all' AS split,
  CAST(COUNT(*) FILTER (WHERE answer) AS INTEGER) AS numerator, CAST(COUNT(*) AS INTEGER) AS denominator, bool_or(is_synthetic) AS is_synthetic
FROM by_area
GROUP BY indicator_key, area_level, area_code, year`;
}

/** Inserts the derived counts (the caller deleted the old ones in the same transaction). */
export async function insertQuestionnaireCounts(tx: Executor, indicators: readonly IndicatorDefinition[]): Promise<number> {
  let inserted = 0;
  for (const derivation of [buildQuestionnaireCountsSql(indicators), buildStatusCountsSql(indicators)]) {
    if (derivation) inserted += await insertDerived(tx, derivation);
  }
  return inserted;
}

/**
 * Only the questionnaire's counts, anew (after a submitted response): in the caller's transaction,
 * serialised with the full recompute by its advisory lock.
 */
export async function recomputeQuestionnaireCounts(tx: Executor, indicators: readonly IndicatorDefinition[] = INDICATORS): Promise<number> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${RECOMPUTE_LOCK_KEY})`);
  await tx.execute(sql`DELETE FROM indicator_counts WHERE source = 'questionnaire'`);
  return insertQuestionnaireCounts(tx, indicators);
}

async function insertDerived(tx: Executor, derivation: string): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    tx,
    sql`WITH inserted AS (
          INSERT INTO indicator_counts (indicator_key, area_level, area_code, year, split, source, numerator, denominator, is_synthetic)
          SELECT indicator_key, area_level, area_code, year, split, 'questionnaire', numerator, denominator, is_synthetic
          FROM (${sql.raw(derivation)}) AS derived
          RETURNING 1
        )
        SELECT count(*)::int AS count FROM inserted`,
  );
  return row?.count ?? 0;
}

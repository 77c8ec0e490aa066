// SPDX-License-Identifier: EUPL-1.2
// Compiles the 'records' indicators (conditions as data, definitions/types.ts) into ONE aggregation
// over birth_register: one pass grouped by municipality × year × vulnerability with a filtered
// aggregate per numerator and denominator, then rolled up to GGD region, province and nation and to the
// split 'all', and to the (active) coalition of each municipality that has one. Plain SQL that
// PostgreSQL, PGlite and DuckDB all run, so the benchmark compares the very same query. Values in conditions are numbers or booleans checked here, so inlining them as
// literals is safe (and keeps the text identical for every engine).
import { NATION_CODE } from '../../../../contracts/monitor.js';
import type { Condition, IndicatorDefinition, RegisterField, Tally } from '../definitions/types.js';
import { COALITION_LEVELS, MEMBERSHIP_SQL } from './coalition-membership-sql.js';

const COLUMN_OF: Record<RegisterField, string> = {
  isVulnerable: 'is_vulnerable',
  gestationalAgeDays: 'gestational_age_days',
  birthWeightGrams: 'birth_weight_grams',
  isLiveBorn: 'is_live_born',
  isMultiple: 'is_multiple',
  birthOrder: 'birth_order',
  isPreterm: 'is_preterm',
  isSmallForGestationalAge: 'is_small_for_gestational_age',
  firstAntenatalVisitDay: 'first_antenatal_visit_day',
  hadKraamzorg: 'had_kraamzorg',
  parentCount: 'parent_count',
  parentsWithProblematicDebt: 'parents_with_problematic_debt',
  hasNegativeSpeechLanguageScore: 'has_negative_speech_language_score',
  isOverweightAtTwo: 'is_overweight_at_two',
  wasPlacedOutOfHomeBeforeTwo: 'was_placed_out_of_home_before_two',
};

const COMPARISON: Record<'eq' | 'gt' | 'gte' | 'lt' | 'lte', string> = { eq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' };

function columnOf(field: RegisterField): string {
  const column = COLUMN_OF[field];
  if (!column) throw new Error(`unknown register field: ${String(field)}`);
  return column;
}

function literal(value: number | boolean): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new Error(`condition value must be a finite number or a boolean, got ${String(value)}`);
}

/**
 * A condition as a SQL boolean expression. NULL compares as unknown, which CASE WHEN treats as not
 * matching: the same semantics as definitions/evaluate.ts (conditions have no NOT).
 */
export function conditionSql(condition: Condition): string {
  if ('all' in condition) return condition.all.length === 0 ? 'TRUE' : `(${condition.all.map(conditionSql).join(' AND ')})`;
  if ('any' in condition) return condition.any.length === 0 ? 'FALSE' : `(${condition.any.map(conditionSql).join(' OR ')})`;
  const column = columnOf(condition.field);
  switch (condition.op) {
    case 'is_null':
      return `${column} IS NULL`;
    case 'is_not_null':
      return `${column} IS NOT NULL`;
    default: {
      const operator = COMPARISON[condition.op];
      if (!operator) throw new Error(`unknown operator: ${String(condition.op)}`);
      return `${column} ${operator} ${literal(condition.value)}`;
    }
  }
}

/** FILTER rather than SUM(CASE …): measurably cheaper per row on PostgreSQL, and DuckDB has it too. */
function aggregateSql(tally: Tally, condition: string): string {
  if (tally.kind === 'rows') return `COUNT(*) FILTER (WHERE ${condition})`;
  // SUM skips NULLs and gives NULL over no rows; a count is 0 then.
  return `COALESCE(SUM(CAST(${columnOf(tally.field)} AS INTEGER)) FILTER (WHERE ${condition}), 0)`;
}

const stringLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The 'records' indicators that the aggregation computes, in a stable order. */
export function recordsIndicators(indicators: readonly IndicatorDefinition[]): (IndicatorDefinition & { records: NonNullable<IndicatorDefinition['records']> })[] {
  return indicators.filter((definition): definition is IndicatorDefinition & { records: NonNullable<IndicatorDefinition['records']> } =>
    Boolean(definition.sourceKind === 'records' && definition.records),
  );
}

/**
 * SELECT indicator_key, area_level, area_code, year, split, numerator, denominator, is_synthetic —
 * every indicator × area × year × split with a non-empty denominator. Reads the tables
 * birth_register, municipalities (code, ggd_region_code, province_code), coalitions (id, code,
 * is_active) and coalition_municipalities (coalition_id, kind, municipality_code, until; a current
 * membership of each kind is unique per municipality, so neither coalition level counts a birth twice
 * — coalition-membership-sql.ts).
 */
export function buildIndicatorCountsSql(indicators: readonly IndicatorDefinition[]): string {
  const computed = recordsIndicators(indicators);
  if (computed.length === 0) throw new Error('no records indicators to compute');
  const sums = computed.flatMap(({ records }, index) => {
    const denominator = conditionSql(records.denominator.where);
    const numerator = conditionSql(records.numerator.where);
    return [
      // The numerator counts only within the denominator's rows.
      // Integers from here on: PostgreSQL sums integers into a bigint, but bigints into a (slow) numeric.
      `CAST(${aggregateSql(records.numerator.tally, `${denominator} AND ${numerator}`)} AS INTEGER) AS numerator_${index}`,
      `CAST(${aggregateSql(records.denominator.tally, denominator)} AS INTEGER) AS denominator_${index}`,
    ];
  });
  const tallies = computed.flatMap((_, index) => [`numerator_${index}`, `denominator_${index}`]);
  const levels = [
    ['municipality', 'municipality_code', ''],
    ['ggd_region', 'ggd_region_code', ''],
    ['province', 'province_code', ''],
    // Only members: municipalities without a local coalition (regional collaboration) add to no such row.
    ...COALITION_LEVELS,
    ['nation', stringLiteral(NATION_CODE), ''],
  ].map(([level, code, where]) => `SELECT ${stringLiteral(level!)} AS area_level, ${code} AS area_code, birth_year, split, is_synthetic, ${tallies.join(', ')} FROM by_split${where}`);
  // Unpivoted only at the end: one row per indicator of each area × year × split, 'all' only for an
  // indicator without the vulnerability split, and only with a non-empty denominator.
  const perIndicator = computed.map(
    (definition, index) =>
      `SELECT ${stringLiteral(definition.key)} AS indicator_key, area_level, area_code, CAST(birth_year AS INTEGER) AS year, split, ` +
      `CAST(numerator_${index} AS INTEGER) AS numerator, CAST(denominator_${index} AS INTEGER) AS denominator, is_synthetic FROM by_area ` +
      `WHERE denominator_${index} > 0${definition.hasVulnerabilitySplit ? '' : ` AND split = 'all'`}`,
  );
  // Every indicator stays a column of the same rows until the last step: the roll-up groups a few
  // thousand wide rows instead of one narrow row per indicator (measured: the narrow form spent four
  // fifths of the recompute sorting on PostgreSQL).
  return `WITH per_municipality AS (
  SELECT municipality_code, birth_year, is_vulnerable, bool_or(is_synthetic) AS is_synthetic,
    ${sums.join(',\n    ')}
  FROM birth_register
  GROUP BY municipality_code, birth_year, is_vulnerable
), membership AS (
  ${MEMBERSHIP_SQL}
), located AS (
  SELECT per_municipality.*, municipalities.ggd_region_code, municipalities.province_code, membership.coalition_code, membership.regional_code
  FROM per_municipality JOIN municipalities ON municipalities.code = per_municipality.municipality_code
  LEFT JOIN membership ON membership.municipality_code = per_municipality.municipality_code
), by_split AS (
  SELECT *, 'all' AS split FROM located
  UNION ALL
  SELECT *, CASE WHEN is_vulnerable THEN 'vulnerable' ELSE 'not_vulnerable' END FROM located
), by_area AS (
  SELECT area_level, area_code, birth_year, split, bool_or(is_synthetic) AS is_synthetic,
    ${tallies.map((tally) => `SUM(${tally}) AS ${tally}`).join(', ')}
  FROM (
    ${levels.join('\n    UNION ALL ')}
  ) AS leveled
  GROUP BY area_level, area_code, birth_year, split
)
${perIndicator.join('\nUNION ALL ')}`;
}

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

const stringLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The indicators derived from the questionnaire, with their question. */
export function questionnaireIndicators(indicators: readonly IndicatorDefinition[]): { key: string; questionKey: string }[] {
  return indicators.flatMap((definition) =>
    definition.sourceKind === 'questionnaire' && definition.questionnaire ? [{ key: definition.key, questionKey: definition.questionnaire.questionKey }] : [],
  );
}

/**
 * SELECT indicator_key, area_level, area_code, year, split, numerator, denominator, is_synthetic for
 * every questionnaire indicator × area × year with at least one answer. Null when there is none.
 */
export function buildQuestionnaireCountsSql(indicators: readonly IndicatorDefinition[]): string | null {
  const derived = questionnaireIndicators(indicators);
  if (derived.length === 0) return null;
  const questions = derived.map(({ key, questionKey }) => `(${stringLiteral(key)}, ${stringLiteral(questionKey)})`).join(', ');
  const levels = [
    ['municipality', 'municipality_code'],
    ['ggd_region', 'ggd_region_code'],
    ['province', 'province_code'],
    ['nation', stringLiteral(NATION_CODE)],
    ...COALITION_LEVELS,
  ]
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
  const derivation = buildQuestionnaireCountsSql(indicators);
  if (!derivation) return 0;
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

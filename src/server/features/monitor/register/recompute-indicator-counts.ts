// SPDX-License-Identifier: EUPL-1.2
// Recomputes every 'records' count (indicator × area × year × split) from the birth register, and
// every 'questionnaire' count from the municipal questionnaire answers, in one transaction: the old
// rows go and the new ones arrive together, so readers never see a half-done recompute (and the
// triggers raise the monitor's data version in the same transaction). Imported counts are not touched.
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../platform/db/connection.js';
import { INDICATORS } from '../definitions/indicators.js';
import type { IndicatorDefinition } from '../definitions/types.js';
import { buildIndicatorCountsSql } from './compile-indicator-sql.js';
import { insertQuestionnaireCounts } from '../questionnaire/derive-questionnaire-counts.js';

/** Serialises concurrent recomputes (the second would otherwise collide on the primary key). */
const RECOMPUTE_LOCK_KEY = 4_2026_0001;

export interface RecomputeResult {
  rowCount: number;
  durationMs: number;
}

export async function recomputeIndicatorCounts(
  db: Executor,
  options: { indicators?: readonly IndicatorDefinition[] } = {},
): Promise<RecomputeResult> {
  const started = performance.now();
  const indicators = options.indicators ?? INDICATORS;
  const aggregation = buildIndicatorCountsSql(indicators);
  const rowCount = await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Executor;
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${RECOMPUTE_LOCK_KEY})`);
    // Computed into a temporary table first: PostgreSQL runs a SELECT that feeds an INSERT without
    // parallel workers, but CREATE TABLE AS with them. Then only what changed is written: a count
    // that went away is deleted, a new or changed one upserted, an unchanged one left alone.
    // (Deleting every count and inserting them again cost more than the aggregation: each insert
    // checked the primary key against the row it had just deleted.)
    await tx.execute(sql`CREATE TEMPORARY TABLE recomputed_counts ON COMMIT DROP AS ${sql.raw(aggregation)}`);
    await tx.execute(sql`DELETE FROM indicator_counts AS current WHERE current.source = 'records' AND NOT EXISTS (
          SELECT 1 FROM recomputed_counts AS computed
          WHERE computed.indicator_key = current.indicator_key AND computed.area_level = current.area_level
            AND computed.area_code = current.area_code AND computed.year = current.year AND computed.split = current.split)`);
    // The changed and new counts found by one join (cheaper than letting the upsert probe the primary
    // key for every count, most of which a recompute leaves as they were).
    await tx.execute(sql`INSERT INTO indicator_counts (indicator_key, area_level, area_code, year, split, source, numerator, denominator, is_synthetic)
          SELECT computed.indicator_key, computed.area_level, computed.area_code, computed.year, computed.split, 'records',
            computed.numerator, computed.denominator, computed.is_synthetic
          FROM recomputed_counts AS computed
          LEFT JOIN indicator_counts AS current ON current.source = 'records' AND current.indicator_key = computed.indicator_key
            AND current.area_level = computed.area_level AND current.area_code = computed.area_code
            AND current.year = computed.year AND current.split = computed.split
          WHERE current.indicator_key IS NULL
            OR (current.numerator, current.denominator, current.is_synthetic) IS DISTINCT FROM (computed.numerator, computed.denominator, computed.is_synthetic)
          ON CONFLICT (indicator_key, area_level, area_code, year, split, source) DO UPDATE
            SET numerator = excluded.numerator, denominator = excluded.denominator, is_synthetic = excluded.is_synthetic, computed_at = now()`);
    const [row] = await queryRows<{ count: number }>(tx, sql`SELECT count(*)::int AS count FROM recomputed_counts`);
    await tx.execute(sql`DELETE FROM indicator_counts WHERE source = 'questionnaire'`);
    return (row?.count ?? 0) + (await insertQuestionnaireCounts(tx, indicators));
  });
  return { rowCount, durationMs: performance.now() - started };
}

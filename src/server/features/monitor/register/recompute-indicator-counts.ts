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
    await tx.execute(sql`DELETE FROM indicator_counts WHERE source = 'records'`);
    const [row] = await queryRows<{ count: number }>(
      tx,
      sql`WITH inserted AS (
            INSERT INTO indicator_counts (indicator_key, area_level, area_code, year, split, source, numerator, denominator, is_synthetic)
            SELECT indicator_key, area_level, area_code, year, split, 'records', numerator, denominator, is_synthetic
            FROM (${sql.raw(aggregation)}) AS computed
            RETURNING 1
          )
          SELECT count(*)::int AS count FROM inserted`,
    );
    await tx.execute(sql`DELETE FROM indicator_counts WHERE source = 'questionnaire'`);
    return (row?.count ?? 0) + (await insertQuestionnaireCounts(tx, indicators));
  });
  return { rowCount, durationMs: performance.now() - started };
}

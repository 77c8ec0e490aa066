// SPDX-License-Identifier: EUPL-1.2
// The coalition levels in the monitor's aggregations (issue 10 item 8): per municipality its CURRENT
// local coalition and its CURRENT regional collaboration (coalition_municipalities rows with until IS
// NULL of an active coalition). The register allows at most one current membership of each kind per
// municipality (a unique index; seed 003 "Lokale en regionale coalities": 140 municipalities work in a
// (sub)regional coalition as well as a local one), so each level sums disjoint sets of municipalities
// and the join never counts a municipality twice. Shared by the register aggregation
// (compile-indicator-sql.ts) and the questionnaire derivation; plain SQL that PostgreSQL, PGlite and
// DuckDB all run.
import { COALITION_LEVEL_OF_KIND } from '../../../../contracts/monitor.js';

/**
 * A CTE body: one row per member municipality with coalition_code (local) and regional_code
 * (regional), each null when it has none of that kind.
 */
export const MEMBERSHIP_SQL = `SELECT coalition_municipalities.municipality_code,
    MAX(coalitions.code) FILTER (WHERE coalition_municipalities.kind = 'local') AS coalition_code,
    MAX(coalitions.code) FILTER (WHERE coalition_municipalities.kind = 'regional') AS regional_code
  FROM coalition_municipalities JOIN coalitions ON coalitions.id = coalition_municipalities.coalition_id
  WHERE coalitions.is_active AND coalition_municipalities.until IS NULL
  GROUP BY coalition_municipalities.municipality_code`;

/** [area level, code column, filter] of the two coalition levels: only members add to a coalition's row. */
export const COALITION_LEVELS: [level: string, column: string, where: string][] = [
  [COALITION_LEVEL_OF_KIND.local, 'coalition_code', ' WHERE coalition_code IS NOT NULL'],
  [COALITION_LEVEL_OF_KIND.regional, 'regional_code', ' WHERE regional_code IS NOT NULL'],
];

// SPDX-License-Identifier: EUPL-1.2
// The monitor's queries: reference areas, counts before suppression, and imports. Only use-cases in
// this feature call these, always through the scoped store (which asks the policy first). None of
// them reads the birth register: the monitor publishes from indicator_counts only.
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import { ggdRegions, municipalities, provinces } from '../reference/schema.js';
import { COALITION_LEVEL_OF_KIND, NATION_CODE, type AreaLevel, type Split } from '../../../contracts/monitor.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { listActiveCoalitions } from '../coalitions/coalition-store.js';
import { indicatorCounts, monitorDataVersion, monitorImports } from './schema.js';

export interface Area {
  code: string;
  name: string;
  level: AreaLevel;
  /** Municipalities only. */
  population: number | null;
  ggdRegionCode: string | null;
  provinceCode: string | null;
  /** Municipalities only: the active local coalition it belongs to now, if any (at most one). */
  coalitionCode?: string | null;
  /** Municipalities only: the active regional collaboration it belongs to now, if any (at most one). */
  regionalCode?: string | null;
}

export interface AreaIndex {
  byCode: Map<string, Area>;
  municipalities: Area[];
}

export async function loadAreas(db: Executor): Promise<AreaIndex> {
  const [municipalityRows, regionRows, provinceRows, coalitionRows] = await Promise.all([
    db
      .select({
        code: municipalities.code,
        name: municipalities.name,
        population: municipalities.population,
        ggdRegionCode: municipalities.ggdRegionCode,
        provinceCode: municipalities.provinceCode,
      })
      .from(municipalities)
      // In code order: the publication's protection must not depend on the order rows are stored in.
      .orderBy(municipalities.code),
    db.select({ code: ggdRegions.code, name: ggdRegions.name, provinceCode: ggdRegions.provinceCode }).from(ggdRegions).orderBy(ggdRegions.code),
    db.select({ code: provinces.code, name: provinces.name }).from(provinces).orderBy(provinces.code),
    listActiveCoalitions(db),
  ]);
  // Per kind, municipality → coalition: each a partition of (some of) the municipalities.
  const memberOf = (kind: 'local' | 'regional') =>
    new Map(coalitionRows.filter((row) => row.kind === kind).flatMap((coalition) => coalition.municipalityCodes.map((code) => [code, coalition.code] as const)));
  const coalitionOf = memberOf('local');
  const regionalOf = memberOf('regional');
  const areas: Area[] = [
    { code: NATION_CODE, name: nl.monitor.nationName, level: 'nation', population: null, ggdRegionCode: null, provinceCode: null },
    ...provinceRows.map((row) => ({ ...row, level: 'province' as const, population: null, ggdRegionCode: null, provinceCode: null })),
    ...regionRows.map((row) => ({ ...row, level: 'ggd_region' as const, population: null, ggdRegionCode: null })),
    ...coalitionRows.map((row) => ({ code: row.code, name: row.name, level: COALITION_LEVEL_OF_KIND[row.kind], population: null, ggdRegionCode: null, provinceCode: null })),
    ...municipalityRows.map((row) => ({
      ...row,
      level: 'municipality' as const,
      coalitionCode: coalitionOf.get(row.code) ?? null,
      regionalCode: regionalOf.get(row.code) ?? null,
    })),
  ];
  return {
    byCode: new Map(areas.map((area) => [area.code, area])),
    municipalities: areas.filter((area) => area.level === 'municipality'),
  };
}


export interface CountRow {
  indicatorKey: string;
  areaLevel: AreaLevel;
  areaCode: string;
  year: number;
  split: Split;
  source: 'records' | 'import' | 'questionnaire';
  numerator: number;
  denominator: number;
  isSynthetic: boolean;
  importFileName: string | null;
  importedAt: Date | null;
}

export async function loadCounts(db: Executor, indicatorKeys: readonly string[], years: { first: number; last: number }): Promise<CountRow[]> {
  if (indicatorKeys.length === 0) return [];
  const rows = await db
    .select({
      indicatorKey: indicatorCounts.indicatorKey,
      areaLevel: indicatorCounts.areaLevel,
      areaCode: indicatorCounts.areaCode,
      year: indicatorCounts.year,
      split: indicatorCounts.split,
      source: indicatorCounts.source,
      numerator: indicatorCounts.numerator,
      denominator: indicatorCounts.denominator,
      isSynthetic: indicatorCounts.isSynthetic,
      importFileName: monitorImports.fileName,
      importedAt: monitorImports.importedAt,
    })
    .from(indicatorCounts)
    .leftJoin(monitorImports, eq(monitorImports.id, indicatorCounts.importId))
    .where(
      and(
        inArray(indicatorCounts.indicatorKey, [...indicatorKeys]),
        gte(indicatorCounts.year, years.first),
        lte(indicatorCounts.year, years.last),
      ),
    );
  return rows as CountRow[];
}

/**
 * The monitor's data version: raised by triggers in the same transaction as every write to
 * indicator_counts and the area tables (migration 0005). One primary-key read; the published tables
 * are cached under it, so a recompute or an import shows at once.
 */
export async function loadDataVersion(db: Executor): Promise<number> {
  const [row] = await db.select({ version: monitorDataVersion.version }).from(monitorDataVersion).where(eq(monitorDataVersion.id, 1));
  return row?.version ?? 0;
}

/** Per indicator, the years that have any count (ascending); only read when the data version changed. */
export async function loadYears(db: Executor): Promise<Map<string, number[]>> {
  const rows = await db
    .selectDistinct({ indicatorKey: indicatorCounts.indicatorKey, year: indicatorCounts.year })
    .from(indicatorCounts)
    .orderBy(indicatorCounts.indicatorKey, indicatorCounts.year);
  const years = new Map<string, number[]>();
  for (const row of rows) {
    const list = years.get(row.indicatorKey);
    if (list) list.push(row.year);
    else years.set(row.indicatorKey, [row.year]);
  }
  return years;
}

export interface StoredImport {
  id: string;
  fileName: string;
  contentHash: string;
  rowCount: number;
  importedAt: Date;
}

const importColumns = {
  id: monitorImports.id,
  fileName: monitorImports.fileName,
  contentHash: monitorImports.contentHash,
  rowCount: monitorImports.rowCount,
  importedAt: monitorImports.importedAt,
};

export async function findImportByHash(db: Executor, contentHash: string): Promise<StoredImport | null> {
  const [row] = await db.select(importColumns).from(monitorImports).where(eq(monitorImports.contentHash, contentHash));
  return row ?? null;
}

export interface NewCount {
  indicatorKey: string;
  areaLevel: AreaLevel;
  areaCode: string;
  year: number;
  split: Split;
  numerator: number;
  denominator: number;
}

/** Rows per INSERT: stays well below PostgreSQL's 65,535 parameters. */
const INSERT_BATCH = 2_000;

/**
 * Stores one import and its counts (the caller runs this in one transaction). A later import of the
 * same cell replaces the earlier imported count: it is the correction of that figure.
 */
export async function insertImport(
  tx: Executor,
  file: { fileName: string; contentHash: string; importedBy: string; importedAt: Date },
  counts: readonly NewCount[],
): Promise<StoredImport> {
  const [stored] = await tx
    .insert(monitorImports)
    .values({ ...file, rowCount: counts.length })
    .returning(importColumns);
  for (let start = 0; start < counts.length; start += INSERT_BATCH) {
    const batch = counts.slice(start, start + INSERT_BATCH).map((count) => ({
      ...count,
      source: 'import',
      isSynthetic: false,
      importId: stored!.id,
      computedAt: file.importedAt,
    }));
    await tx
      .insert(indicatorCounts)
      .values(batch)
      .onConflictDoUpdate({
        target: [
          indicatorCounts.indicatorKey,
          indicatorCounts.areaLevel,
          indicatorCounts.areaCode,
          indicatorCounts.year,
          indicatorCounts.split,
          indicatorCounts.source,
        ],
        set: {
          numerator: sql`excluded.numerator`,
          denominator: sql`excluded.denominator`,
          isSynthetic: sql`excluded.is_synthetic`,
          importId: sql`excluded.import_id`,
          computedAt: sql`excluded.computed_at`,
        },
      });
  }
  return stored!;
}

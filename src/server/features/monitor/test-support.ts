// SPDX-License-Identifier: EUPL-1.2
// Hand-made, deterministic counts for the monitor's HTTP tests: every municipality, with GGD regions,
// provinces, coalitions (from the coalition register) and the Netherlands as exact sums (as the
// recompute makes them), so the hierarchy holds.
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import { COALITION_LEVEL_OF_KIND, NATION_CODE, type AreaLevel, type Split } from '../../../contracts/monitor.js';
import { municipalities } from '../reference/schema.js';
import { listActiveCoalitions } from '../coalitions/coalition-store.js';
import { coalitionMunicipalities, coalitions } from '../coalitions/schema.js';
import { indicatorCounts } from './schema.js';

export const TEST_YEARS = [2019, 2020, 2021, 2022, 2023] as const;

/** A small hash for jitter that is the same on every run. */
function jitter(text: string): number {
  let hash = 2166136261;
  for (const character of text) hash = Math.imul(hash ^ character.charCodeAt(0), 16777619);
  return ((hash >>> 0) % 1000) / 1000;
}

export interface SeededCount {
  areaLevel: AreaLevel;
  areaCode: string;
  year: number;
  split: Split;
  numerator: number;
  denominator: number;
}

/**
 * Big2-like counts: about one birth per 100 inhabitants, 7% in a vulnerable situation, 21% vs 14%
 * with the outcome, and two points higher in the last year (a significant national rise).
 */
export interface SeedOptions {
  /** Shares with the outcome (vulnerable, not vulnerable); Big2-like by default. */
  rates?: { vulnerable: number; notVulnerable: number };
  /** Leave out rows without any births, as the register's recompute does (no row is not zero). */
  omitEmpty?: boolean;
}

export async function seedIndicatorCounts(db: Executor, indicatorKey = 'big2', options: SeedOptions = {}): Promise<SeededCount[]> {
  const rates = options.rates ?? { vulnerable: 0.21, notVulnerable: 0.14 };
  const places = await db
    .select({ code: municipalities.code, population: municipalities.population, ggd: municipalities.ggdRegionCode, province: municipalities.provinceCode })
    .from(municipalities);
  // Per municipality, its current local coalition and its current regional collaboration (both levels).
  const memberships = (await listActiveCoalitions(db)).flatMap((coalition) =>
    coalition.municipalityCodes.map((code) => ({ code, level: COALITION_LEVEL_OF_KIND[coalition.kind], coalition: coalition.code })),
  );
  const rows: SeededCount[] = [];
  const totals = new Map<string, SeededCount>();
  const addTo = (areaLevel: SeededCount['areaLevel'], areaCode: string, cell: SeededCount) => {
    const key = `${areaLevel}|${areaCode}|${cell.year}|${cell.split}`;
    const total = totals.get(key) ?? { ...cell, areaLevel, areaCode, numerator: 0, denominator: 0 };
    total.numerator += cell.numerator;
    total.denominator += cell.denominator;
    totals.set(key, total);
  };
  for (const place of places) {
    for (const year of TEST_YEARS) {
      const births = Math.max(4, Math.round((place.population / 100) * (0.9 + 0.2 * jitter(`${place.code}${year}`))));
      const vulnerableBirths = Math.round(births * 0.07);
      const rise = year === 2023 ? 0.02 : 0;
      const vulnerable = { denominator: vulnerableBirths, numerator: Math.round(vulnerableBirths * (rates.vulnerable + rise)) };
      const notVulnerable = { denominator: births - vulnerableBirths, numerator: Math.round((births - vulnerableBirths) * (rates.notVulnerable + rise + 0.02 * jitter(place.code))) };
      const cells: SeededCount[] = [
        { areaLevel: 'municipality', areaCode: place.code, year, split: 'vulnerable', ...vulnerable },
        { areaLevel: 'municipality', areaCode: place.code, year, split: 'not_vulnerable', ...notVulnerable },
        {
          areaLevel: 'municipality',
          areaCode: place.code,
          year,
          split: 'all',
          numerator: vulnerable.numerator + notVulnerable.numerator,
          denominator: births,
        },
      ];
      for (const cell of cells) {
        rows.push(cell);
        addTo('ggd_region', place.ggd, cell);
        addTo('province', place.province, cell);
        for (const membership of memberships) if (membership.code === place.code) addTo(membership.level, membership.coalition, cell);
        addTo('nation', NATION_CODE, cell);
      }
    }
  }
  rows.push(...totals.values());
  if (options.omitEmpty) rows.splice(0, rows.length, ...rows.filter((row) => row.denominator > 0));
  for (let start = 0; start < rows.length; start += 1000) {
    await db.insert(indicatorCounts).values(
      rows.slice(start, start + 1000).map((row) => ({ ...row, indicatorKey, source: 'records', isSynthetic: true })),
    );
  }
  return rows;
}

export async function countImportedRows(db: Executor): Promise<number> {
  const [row] = await queryRows<{ count: number }>(db, sql`SELECT count(*)::int AS count FROM indicator_counts WHERE source = 'import'`);
  return row!.count;
}

/**
 * A regional collaboration in the test database (before seedIndicatorCounts, which sums its members
 * at the level 'regional'): members may overlap local coalitions (issue 10 item 8).
 */
export async function addRegionalCollaboration(db: Executor, code: string, name: string, municipalityCodes: readonly string[]): Promise<void> {
  const [row] = await db.insert(coalitions).values({ code, name, kind: 'regional' }).returning({ id: coalitions.id });
  await db.insert(coalitionMunicipalities).values(municipalityCodes.map((municipalityCode) => ({ coalitionId: row!.id, kind: 'regional' as const, municipalityCode })));
}

// SPDX-License-Identifier: EUPL-1.2
// Seeding the synthetic national register and recomputing the counts, shared by
// `npm run seed:national` and the demo database, plus a national summary to print.
import { sql } from 'drizzle-orm';
import { NATION_CODE } from '../../../../contracts/monitor.js';
import { queryRows, type Executor } from '../../../platform/db/connection.js';
import { INDICATORS } from '../definitions/indicators.js';
import { generateSyntheticBirths, type SyntheticBirthOptions } from './generate-synthetic-births.js';
import { recomputeIndicatorCounts } from './recompute-indicator-counts.js';
import { seedSyntheticRegionalCollaborations } from './synthetic-regional-collaborations.js';
import { seedSyntheticAnswers, seedSyntheticStatuses } from '../questionnaire/synthetic-answers.js';

export const NATIONAL_YEARS = [2019, 2020, 2021, 2022, 2023, 2024];

/** "2019-2024" or "2021" → the years in between, inclusive. */
export function parseYearRange(text: string): number[] {
  const match = /^(\d{4})(?:-(\d{4}))?$/.exec(text.trim());
  if (!match) throw new Error(`years must look like 2019-2024 or 2021, got "${text}"`);
  const first = Number(match[1]);
  const last = Number(match[2] ?? match[1]);
  if (last < first || last - first > 30) throw new Error(`invalid year range: ${text}`);
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

/**
 * `replace`: first delete every synthetic row, so a register made by an earlier generator (e.g. with
 * the Fenton-derived weekly table before Hoftiezer 2019 became the default, ADR 0012) is made anew.
 * Rows recorded through the chain (not synthetic) are kept.
 */
export async function seedNationalRegister(db: Executor, options: SyntheticBirthOptions & { replace?: boolean }) {
  let started = performance.now();
  if (options.replace) await db.execute(sql`DELETE FROM birth_register WHERE is_synthetic`);
  const { generated, inserted } = await generateSyntheticBirths(db, options);
  // Source (c): the synthetic municipal questionnaire answers for the same years.
  await seedSyntheticAnswers(db, options.years);
  // Regional collaborations, so the monitor's regional level has figures too (issue 10 item 8).
  await seedSyntheticRegionalCollaborations(db);
  // Indicator 1: the coalition status of every municipality per year (seed 003: 212 / 66 / 31 in 2023).
  await seedSyntheticStatuses(db, options.years);
  const generateMs = performance.now() - started;
  started = performance.now();
  const { rowCount } = await recomputeIndicatorCounts(db);
  return { generated, inserted, generateMs, countRows: rowCount, recomputeMs: performance.now() - started };
}

/** One line per records or questionnaire indicator and year: the national value, overall and by split. */
export async function nationalSummary(db: Executor): Promise<string[]> {
  const rows = await queryRows<{ indicator_key: string; year: number; split: string; numerator: number; denominator: number }>(
    db,
    sql`SELECT indicator_key, year, split, numerator, denominator FROM indicator_counts
        WHERE source IN ('records', 'questionnaire') AND area_level = 'nation' AND area_code = ${NATION_CODE}
        ORDER BY indicator_key, year, split`,
  );
  const lines: string[] = [];
  for (const definition of INDICATORS) {
    const own = rows.filter((row) => row.indicator_key === definition.key);
    if (own.length === 0) continue;
    const format = (row: (typeof own)[number] | undefined) => {
      if (!row) return '–';
      const value = (row.numerator / row.denominator) * (definition.unit === 'per_1000' ? 1000 : 100);
      return `${value.toFixed(definition.unit === 'per_1000' ? 2 : 1)}${definition.unit === 'per_1000' ? '‰' : '%'}`;
    };
    const target = definition.seedValue ? ` (seed ${definition.seedValue.value} in ${definition.seedValue.year})` : '';
    lines.push(`${definition.key}${target}:`);
    for (const year of [...new Set(own.map((row) => row.year))]) {
      const of = (split: string) => own.find((row) => row.year === year && row.split === split);
      const all = of('all');
      const splitText = definition.hasVulnerabilitySplit ? `  kwetsbaar ${format(of('vulnerable'))}, niet kwetsbaar ${format(of('not_vulnerable'))}` : '';
      lines.push(`  ${year}: ${format(all)} (${all?.numerator ?? 0}/${all?.denominator ?? 0})${splitText}`);
    }
  }
  return lines;
}

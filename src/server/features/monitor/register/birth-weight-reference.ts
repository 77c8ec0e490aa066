// SPDX-License-Identifier: EUPL-1.2
// Birth weight for gestational age: the references that decide "small for gestational age" (SGA,
// below the 10th percentile for gestational age and sex), which Big2 needs. See
// docs/adr/0008-birth-weight-reference.md and 0012-hoftiezer-2019-default-reference.md.
//
// 1. HOFTIEZER 2019 — the default, as RIVM and Perined use it. Hoftiezer L, Hof MHP, Dijs-Elsinga J,
//    Hogeveen M, Hukkelhoven CWPM, van Lingen RA. "From population reference to national standard:
//    new and improved birthweight charts." Am J Obstet Gynecol 2019;220(4):383.e1–e17. The table is
//    shipped as data/hoftiezer-2019-birthweight-percentiles.csv (p3–p97 per sex and per DAY from 23+0
//    to 42+0; transcribed unchanged from the public repository sodascience/kansenkaart_preprocessing,
//    Apache-2.0; see data/README.md). SGA is decided per exact day (a birth at 40+6 is compared with
//    the 40+6 value, not with 40+0). Beyond 42+0 the table has no rows: the 42+0 value is used.
//
// 2. FENTON 2013 DERIVED — the monitor's former table: approximate weekly p10/p50 values READ FROM the
//    Fenton preterm growth chart (Fenton & Kim 2013, BMC Pediatrics 13:59), rounded to 10 g and
//    smoothed, per COMPLETED week from 24 to 42. An approximation of a non-Dutch reference; kept
//    selectable (under its honest name) because births recorded before Hoftiezer became the default
//    carry its key.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { z } from 'zod';

export type Sex = 'female' | 'male';

export interface BirthWeightReference {
  /** Stable key, stored on every recorded birth as `reference_key`. */
  readonly name: string;
  readonly source: string;
  /** Grams on this exact gestational age in days (a weekly table answers for the completed week). */
  p10Grams(gestationalAgeDays: number, sex: Sex): number;
  p50Grams(gestationalAgeDays: number, sex: Sex): number;
}

/** Big2 and SGA are defined for births from 24 completed weeks (168 days). */
export const MINIMUM_GESTATIONAL_AGE_DAYS = 168;
/** Preterm: born before 37 completed weeks (259 days). */
export const TERM_GESTATIONAL_AGE_DAYS = 259;

type WeekTable = Record<Sex, { p50: readonly number[]; p10: readonly number[] }>;

/** Weeks 24 … 42, index 0 = week 24. */
const FENTON_2013_DERIVED: WeekTable = {
  male: {
    p50: [700, 800, 910, 1030, 1160, 1310, 1470, 1640, 1820, 2020, 2230, 2460, 2690, 2920, 3150, 3360, 3530, 3660, 3750],
    p10: [540, 620, 710, 800, 900, 1020, 1150, 1290, 1440, 1600, 1780, 1970, 2170, 2390, 2620, 2830, 2990, 3110, 3190],
  },
  female: {
    p50: [660, 760, 860, 980, 1100, 1240, 1390, 1560, 1740, 1930, 2140, 2370, 2590, 2810, 3030, 3230, 3390, 3520, 3600],
    p10: [510, 590, 670, 760, 850, 960, 1090, 1230, 1380, 1540, 1720, 1900, 2090, 2300, 2520, 2710, 2870, 2980, 3060],
  },
};

/** A table per completed week (index 0 = `firstWeek`); weeks outside are clamped to the table. */
export function tableReference(name: string, source: string, firstWeek: number, table: WeekTable): BirthWeightReference {
  const lastWeek = firstWeek + table.male.p10.length - 1;
  const lookup = (column: 'p10' | 'p50', days: number, sex: Sex) =>
    table[sex][column][Math.min(Math.max(completedWeeks(days), firstWeek), lastWeek) - firstWeek]!;
  return {
    name,
    source,
    p10Grams: (days, sex) => lookup('p10', days, sex),
    p50Grams: (days, sex) => lookup('p50', days, sex),
  };
}

/** One row of a daily percentile table (grams). */
export interface DailyPercentiles {
  readonly p3: number;
  readonly p5: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  readonly p97: number;
}

/** A table per day of gestation, consecutive from `firstDay`; days outside are clamped to the table. */
export function dailyTableReference(name: string, source: string, firstDay: number, table: Record<Sex, readonly DailyPercentiles[]>): BirthWeightReference {
  const lastDay = firstDay + table.male.length - 1;
  const row = (days: number, sex: Sex) => table[sex][Math.min(Math.max(Math.floor(days), firstDay), lastDay) - firstDay]!;
  return {
    name,
    source,
    p10Grams: (days, sex) => row(days, sex).p10,
    p50Grams: (days, sex) => row(days, sex).p50,
  };
}

export const HOFTIEZER_2019_FILE = 'hoftiezer-2019-birthweight-percentiles.csv';
const SHIPPED_DATA_FOLDER = fileURLToPath(new URL('../../../../../data', import.meta.url));
const grams = z.coerce.number().int().positive();
const hoftiezerRow = z.object({
  sex: z.enum(['female', 'male']),
  gestational_age_days: z.coerce.number().int(),
  gestational_age: z.string().regex(/^\d{2}\+[0-6]$/),
  p3: grams,
  p5: grams,
  p10: grams,
  p50: grams,
  p90: grams,
  p95: grams,
  p97: grams,
});

/**
 * Reads the shipped Hoftiezer 2019 table and checks it: both sexes, every day from 23+0 to 42+0
 * exactly once and in order, "weeks+days" matching the day number, percentiles rising p3 < … < p97.
 */
export function readHoftiezer2019(file = `${SHIPPED_DATA_FOLDER}/${HOFTIEZER_2019_FILE}`): { firstDay: number; table: Record<Sex, DailyPercentiles[]> } {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${HOFTIEZER_2019_FILE}: ${parsed.errors[0]?.message}`);
  const table: Record<Sex, DailyPercentiles[]> = { female: [], male: [] };
  const firstDay = 23 * 7;
  for (const raw of parsed.data) {
    const row = hoftiezerRow.parse(raw);
    const own = table[row.sex];
    const expectedDay = firstDay + own.length;
    if (row.gestational_age_days !== expectedDay || row.gestational_age !== `${Math.floor(expectedDay / 7)}+${expectedDay % 7}`) {
      throw new Error(`${HOFTIEZER_2019_FILE}: ${row.sex} day ${row.gestational_age_days} (${row.gestational_age}) where day ${expectedDay} was expected`);
    }
    const { p3, p5, p10, p50, p90, p95, p97 } = row;
    if (!(p3 < p5 && p5 < p10 && p10 < p50 && p50 < p90 && p90 < p95 && p95 < p97)) throw new Error(`${HOFTIEZER_2019_FILE}: percentiles not rising on ${row.sex} day ${expectedDay}`);
    own.push({ p3, p5, p10, p50, p90, p95, p97 });
  }
  const lastDay = 42 * 7;
  for (const sex of ['female', 'male'] as const) {
    if (table[sex].length !== lastDay - firstDay + 1) throw new Error(`${HOFTIEZER_2019_FILE}: ${sex} has ${table[sex].length} days, expected ${lastDay - firstDay + 1}`);
  }
  return { firstDay, table };
}

const hoftiezer = readHoftiezer2019();
export const HOFTIEZER_2019_REFERENCE = dailyTableReference(
  'hoftiezer-2019',
  'Hoftiezer et al. 2019, Am J Obstet Gynecol 220(4):383.e1-e17 (Perined/RIVM); per day 23+0 to 42+0',
  hoftiezer.firstDay,
  hoftiezer.table,
);

/** The reference Big2 is computed with, in the chain and in the synthetic register (as RIVM does). */
export const DEFAULT_BIRTH_WEIGHT_REFERENCE = HOFTIEZER_2019_REFERENCE;

export const FENTON_2013_DERIVED_REFERENCE = tableReference(
  'fenton-2013-derived',
  'Derived from Fenton & Kim 2013 (BMC Pediatrics 13:59) birth-weight curves; approximate, not Hoftiezer 2019',
  24,
  FENTON_2013_DERIVED,
);

export function completedWeeks(gestationalAgeDays: number): number {
  return Math.floor(gestationalAgeDays / 7);
}

export function isPreterm(gestationalAgeDays: number): boolean {
  return gestationalAgeDays < TERM_GESTATIONAL_AGE_DAYS;
}

/** Below the reference's 10th percentile for gestational age and sex; never for births before 24 weeks. */
export function isSmallForGestationalAge(
  birthWeightGrams: number,
  gestationalAgeDays: number,
  sex: Sex,
  reference: BirthWeightReference = DEFAULT_BIRTH_WEIGHT_REFERENCE,
): boolean {
  if (gestationalAgeDays < MINIMUM_GESTATIONAL_AGE_DAYS) return false;
  return birthWeightGrams < reference.p10Grams(gestationalAgeDays, sex);
}

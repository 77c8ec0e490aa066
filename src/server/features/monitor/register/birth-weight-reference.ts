// SPDX-License-Identifier: EUPL-1.2
// Birth weight for gestational age: the reference that decides "small for gestational age" (SGA,
// below the 10th percentile for completed week and sex), which Big2 needs.
//
// SOURCE AND STATUS — read before using this with real data.
// RIVM and Perined classify SGA with the Dutch reference curves of Hoftiezer et al. (2019), "From
// population reference to national standard: new and improved birthweight charts", Am J Obstet
// Gynecol 220(4):383.e1–e17. Those tables are not reproduced here. Instead this table is DERIVED
// FROM the Fenton preterm growth chart (Fenton & Kim 2013, "A systematic review and meta-analysis to
// revise the Fenton growth chart for preterm infants", BMC Pediatrics 13:59), whose birth-weight
// curves span 22–50 weeks by sex: the 50th and 10th percentiles at each completed week from 24 to
// 42 weeks, rounded to 10 g and smoothed so that both rise monotonically. They are approximations
// read from the published chart, not the authors' data files, so differences of tens of grams from
// the exact Fenton values are possible. That is fine for the synthetic register (the generator
// draws weights relative to this same table, so the SGA rate it produces does not depend on the
// exact values). Before classifying REAL births, plug in the Hoftiezer 2019 table (licensed
// through Perined) as another BirthWeightReference.

export type Sex = 'female' | 'male';

export interface BirthWeightReference {
  readonly name: string;
  readonly source: string;
  /** First and last completed week the table covers; weeks outside are clamped to these. */
  readonly firstWeek: number;
  readonly lastWeek: number;
  /** Grams; `week` is the completed gestational week (days / 7, rounded down). */
  p10Grams(week: number, sex: Sex): number;
  p50Grams(week: number, sex: Sex): number;
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

export function tableReference(name: string, source: string, firstWeek: number, table: WeekTable): BirthWeightReference {
  const lastWeek = firstWeek + table.male.p10.length - 1;
  const lookup = (column: 'p10' | 'p50', week: number, sex: Sex) =>
    table[sex][column][Math.min(Math.max(Math.floor(week), firstWeek), lastWeek) - firstWeek]!;
  return {
    name,
    source,
    firstWeek,
    lastWeek,
    p10Grams: (week, sex) => lookup('p10', week, sex),
    p50Grams: (week, sex) => lookup('p50', week, sex),
  };
}

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

/** Below the reference's 10th percentile for completed week and sex; never for births before 24 weeks. */
export function isSmallForGestationalAge(
  birthWeightGrams: number,
  gestationalAgeDays: number,
  sex: Sex,
  reference: BirthWeightReference = FENTON_2013_DERIVED_REFERENCE,
): boolean {
  if (gestationalAgeDays < MINIMUM_GESTATIONAL_AGE_DAYS) return false;
  return birthWeightGrams < reference.p10Grams(completedWeeks(gestationalAgeDays), sex);
}

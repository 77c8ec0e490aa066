// SPDX-License-Identifier: EUPL-1.2
// The birth-weight references that can decide "small for gestational age" (SGA: below the 10th
// percentile for gestational age and sex), as a registry keyed by the `reference_key` stored on every
// birth_outcomes row — so a recorded birth always says which table classified it, and a new table
// can be plugged in without touching stored rows. See docs/adr/0008-birth-weight-reference.md.
//
// 1. 'hoftiezer-2019' (CURRENT, the default): the Dutch birth-weight curves of Hoftiezer et al. 2019
//    that RIVM and Perined use, per sex and per DAY of gestation (data/hoftiezer-2019-birthweight-
//    percentiles.csv, loaded in monitor/register/birth-weight-reference.ts). The monitor's synthetic
//    register classifies with the same table, so the chain and the register agree (ADR 0012).
//
// 2. 'fenton-2013-derived': approximate weekly p10/p50 values read from the Fenton & Kim 2013
//    preterm growth chart (BMC Pediatrics 13:59), per completed week — NOT a Dutch reference. The
//    default until Hoftiezer 2019 was shipped; births recorded then keep this key.
//
// 3. 'intergrowth-21st-newborn': the INTERGROWTH-21st international newborn size standards,
//    birth weight for gestational age by sex, 10th and 50th centiles per day:
//      24+0 to 32+6 weeks: Villar J et al., "INTERGROWTH-21st very preterm size at birth reference
//        charts", Lancet 2016;387:844–5 (a reference, not a standard, for the very preterm);
//      33+0 to 42+6 weeks: Villar J et al., "International standards for newborn weight, length,
//        and head circumference by gestational age and sex: the Newborn Cross-Sectional Study of the
//        INTERGROWTH-21st Project", Lancet 2014;384:857–68.
//    HOW THE VALUES WERE OBTAINED: not from the Oxford PDFs themselves (not available offline), but
//    from the centile tables the rOpenSci package `gigs` (LSHTM, data-raw/tables/ig_nbs/
//    ig_nbs_weight_{male,female}_percentiles.csv) transcribed from those published tables (kg,
//    2 decimals; columns p3 p5 p10 p50 p90 p95 p97). As a check, an independent transcription of
//    the same tables (the 5th and 95th centiles in the open-source app carilucas/scorebebe) agrees
//    with it on every value compared (e.g. boys 40+0 p5 2.73 kg, p95 4.11 kg; girls 33+0 p5 1.29
//    kg, p95 2.51 kg). The p10 column itself was compared with no second source. Values are grams
//    (kg × 1000, so multiples of 10 g). The step down at 33+0 (boys p10 1500 g at 32+6, 1430 g at
//    33+0) is in the published tables: there the very-preterm reference hands over to the newborn
//    standard. Outside 24+0–42+6 the nearest day is used (SGA is not defined before 24 weeks).
//    Before relying on it for real births, check a sample against the official tables at
//    intergrowth21.com.
import {
  FENTON_2013_DERIVED_REFERENCE,
  HOFTIEZER_2019_REFERENCE,
  MINIMUM_GESTATIONAL_AGE_DAYS,
  type BirthWeightReference,
  type Sex,
} from '../../monitor/register/birth-weight-reference.js';

export interface BirthWeightReferenceEntry {
  /** Stored on every birth as `reference_key`. */
  readonly key: string;
  /** Shown to the professional with the outcome. */
  readonly name: string;
  readonly source: string;
  /** The table validateBirth classifies with (per day; a weekly table answers for the completed week). */
  readonly table: BirthWeightReference;
  /** The 10th percentile (grams) on this exact gestational age (days) for this sex. */
  p10GramsOn(gestationalAgeDays: number, sex: Sex): number;
}

function entry(key: string, name: string, table: BirthWeightReference): BirthWeightReferenceEntry {
  return { key, name, source: table.source, table, p10GramsOn: (days, sex) => table.p10Grams(days, sex) };
}

const HOFTIEZER = entry(HOFTIEZER_2019_REFERENCE.name, 'Hoftiezer 2019 (Nederlandse geboortegewichtcurven, per dag; Perined en RIVM)', HOFTIEZER_2019_REFERENCE);
const FENTON = entry(FENTON_2013_DERIVED_REFERENCE.name, 'Afgeleid van Fenton 2013 (benadering per week, niet Hoftiezer 2019)', FENTON_2013_DERIVED_REFERENCE);

const FIRST_DAY = MINIMUM_GESTATIONAL_AGE_DAYS; // 24+0
/** Tens of grams per day from 24+0 (index 0) to 42+6 (index 132); seven days to a line. */
const INTERGROWTH_TENS_OF_GRAMS: Record<Sex, { p10: readonly number[]; p50: readonly number[] }> = {
  male: {
    p10: [
      50, 51, 52, 53, 54, 55, 56,
      57, 58, 59, 60, 61, 63, 64,
      65, 66, 67, 69, 70, 71, 72,
      74, 75, 77, 78, 79, 81, 82,
      84, 85, 87, 88, 90, 92, 93,
      95, 97, 98, 100, 102, 103, 105,
      107, 109, 111, 113, 115, 117, 119,
      121, 123, 125, 127, 129, 131, 134,
      136, 138, 141, 143, 145, 148, 150,
      143, 147, 151, 155, 159, 163, 167,
      171, 174, 178, 182, 185, 189, 192,
      195, 199, 202, 205, 209, 212, 215,
      218, 221, 224, 227, 230, 233, 236,
      238, 241, 244, 247, 249, 252, 254,
      257, 259, 262, 264, 267, 269, 271,
      273, 276, 278, 280, 282, 284, 286,
      288, 290, 292, 294, 296, 298, 299,
      301, 303, 305, 306, 308, 309, 311,
      312, 314, 315, 317, 318, 320, 321,
    ],
    p50: [
      64, 65, 66, 68, 69, 70, 72,
      73, 74, 76, 77, 79, 80, 82,
      83, 85, 86, 88, 89, 91, 93,
      95, 96, 98, 100, 102, 103, 105,
      107, 109, 111, 113, 115, 117, 119,
      121, 124, 126, 128, 130, 133, 135,
      137, 140, 142, 145, 147, 150, 152,
      155, 157, 160, 163, 166, 168, 171,
      174, 177, 180, 183, 186, 189, 192,
      195, 199, 203, 207, 211, 215, 218,
      222, 226, 229, 233, 236, 240, 243,
      247, 250, 253, 256, 260, 263, 266,
      269, 272, 275, 278, 281, 284, 286,
      289, 292, 295, 297, 300, 302, 305,
      307, 310, 312, 315, 317, 319, 322,
      324, 326, 328, 330, 332, 334, 336,
      338, 340, 342, 344, 346, 348, 349,
      351, 353, 355, 356, 358, 359, 361,
      362, 364, 365, 367, 368, 369, 371,
    ],
  },
  female: {
    p10: [
      47, 48, 49, 50, 51, 52, 53,
      54, 55, 56, 57, 58, 59, 60,
      61, 62, 64, 65, 66, 67, 68,
      70, 71, 72, 74, 75, 76, 78,
      79, 81, 82, 83, 85, 86, 88,
      90, 91, 93, 94, 96, 98, 99,
      101, 103, 105, 107, 108, 110, 112,
      114, 116, 118, 120, 122, 124, 126,
      128, 131, 133, 135, 137, 140, 142,
      141, 145, 149, 153, 157, 161, 165,
      168, 172, 175, 179, 182, 186, 189,
      192, 196, 199, 202, 205, 208, 211,
      214, 217, 220, 223, 225, 228, 231,
      233, 236, 238, 241, 243, 246, 248,
      250, 253, 255, 257, 259, 261, 263,
      265, 267, 269, 271, 273, 274, 276,
      278, 280, 281, 283, 284, 286, 287,
      289, 290, 291, 293, 294, 295, 296,
      298, 299, 300, 301, 302, 303, 304,
    ],
    p50: [
      60, 61, 63, 64, 65, 66, 68,
      69, 70, 71, 73, 74, 76, 77,
      78, 80, 81, 83, 85, 86, 88,
      89, 91, 93, 94, 96, 98, 100,
      101, 103, 105, 107, 109, 111, 113,
      115, 117, 119, 121, 123, 125, 127,
      130, 132, 134, 136, 139, 141, 144,
      146, 149, 151, 154, 156, 159, 162,
      164, 167, 170, 173, 176, 179, 182,
      186, 190, 194, 198, 202, 206, 209,
      213, 217, 220, 224, 228, 231, 235,
      238, 241, 245, 248, 251, 254, 257,
      260, 263, 266, 269, 272, 275, 277,
      280, 283, 285, 288, 290, 293, 295,
      297, 300, 302, 304, 306, 309, 311,
      313, 315, 317, 319, 321, 322, 324,
      326, 328, 329, 331, 333, 334, 336,
      337, 339, 340, 341, 343, 344, 345,
      346, 348, 349, 350, 351, 352, 353,
    ],
  },
};
const LAST_DAY = FIRST_DAY + INTERGROWTH_TENS_OF_GRAMS.male.p10.length - 1; // 42+6

function intergrowthGrams(column: 'p10' | 'p50', days: number, sex: Sex): number {
  const index = Math.min(Math.max(Math.floor(days), FIRST_DAY), LAST_DAY) - FIRST_DAY;
  return INTERGROWTH_TENS_OF_GRAMS[sex][column][index]! * 10;
}

const INTERGROWTH_SOURCE =
  'INTERGROWTH-21st: Villar et al. 2014 (Lancet 384:857, newborn standards 33–42 weeks) and Villar et al. 2016 (Lancet 387:844, very preterm 24–32 weeks); ' +
  'values as transcribed in the gigs R package (LSHTM)';

const INTERGROWTH = entry('intergrowth-21st-newborn', 'INTERGROWTH-21st (internationale standaard pasgeborenen, per dag)', {
  name: 'intergrowth-21st-newborn',
  source: INTERGROWTH_SOURCE,
  p10Grams: (days, sex) => intergrowthGrams('p10', days, sex),
  p50Grams: (days, sex) => intergrowthGrams('p50', days, sex),
});

export const BIRTH_WEIGHT_REFERENCES: ReadonlyMap<string, BirthWeightReferenceEntry> = new Map(
  [HOFTIEZER, FENTON, INTERGROWTH].map((reference) => [reference.key, reference]),
);

/** The reference new births are classified with: Hoftiezer 2019, as RIVM and Perined (ADR 0012). */
export const CURRENT_BIRTH_WEIGHT_REFERENCE_KEY = HOFTIEZER.key;

export function birthWeightReference(key: string): BirthWeightReferenceEntry {
  const entry = BIRTH_WEIGHT_REFERENCES.get(key);
  if (!entry) throw new Error(`unknown birth-weight reference ${key}`);
  return entry;
}

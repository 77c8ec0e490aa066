// SPDX-License-Identifier: EUPL-1.2
// A birth as the chain records it, and the derived outcomes the monitor counts (preterm, SGA, Big2).
// SGA reuses the monitor's pluggable birth-weight reference, so the chain and the monitor can never
// disagree on who is small for gestational age.
import {
  DEFAULT_BIRTH_WEIGHT_REFERENCE,
  isPreterm,
  isSmallForGestationalAge,
  MINIMUM_GESTATIONAL_AGE_DAYS,
  type BirthWeightReference,
  type Sex,
} from '../../monitor/register/birth-weight-reference.js';
import { fail, ok, type Result } from '../../../platform/domain/result.js';
import type { BirthRegisterRow } from '../../monitor/schema.js';

export const MIN_GESTATIONAL_AGE_DAYS = 22 * 7;
export const MAX_GESTATIONAL_AGE_DAYS = 44 * 7;
export const MIN_BIRTH_WEIGHT_GRAMS = 300;
export const MAX_BIRTH_WEIGHT_GRAMS = 6500;
/**
 * Plausibility against the reference median for the gestational age: from 0.3× to 2× p50. Wide on
 * purpose — it catches typing errors (a digit too many, kilograms for grams, weeks swapped), not
 * rare but real growth restriction or macrosomia.
 */
export const PLAUSIBLE_FRACTION_OF_MEDIAN = { min: 0.3, max: 2 } as const;

export interface BirthRecord {
  /** ISO date YYYY-MM-DD. */
  readonly birthDate: string;
  readonly gestationalAge: { readonly weeks: number; readonly days: number };
  readonly birthWeightGrams: number;
  readonly sex: Sex;
  readonly isMultiple: boolean;
  readonly isLiveBorn: boolean;
}

export interface BirthOutcome extends BirthRecord {
  readonly gestationalAgeDays: number;
  readonly isPreterm: boolean;
  readonly isSmallForGestationalAge: boolean;
  /** Preterm and/or SGA; null before 24+0 weeks, where Big2 is not defined (RIVM counts from 24 weeks). */
  readonly isBig2: boolean | null;
}

const formatWeeks = (totalDays: number) => `${Math.floor(totalDays / 7)}+${totalDays % 7}`;

export function validateBirth(record: BirthRecord, reference: BirthWeightReference = DEFAULT_BIRTH_WEIGHT_REFERENCE): Result<BirthOutcome> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(record.birthDate) || Number.isNaN(Date.parse(`${record.birthDate}T00:00:00Z`))) {
    return fail('validation_failed', 'birth_date_invalid', 'Vul een geldige geboortedatum in.', 'birthDate');
  }
  const { weeks, days } = record.gestationalAge;
  if (!Number.isInteger(weeks) || !Number.isInteger(days) || days < 0 || days > 6) {
    return fail('validation_failed', 'gestational_age_invalid', 'Vul de zwangerschapsduur in als hele weken en 0 tot 6 dagen.', 'gestationalAge');
  }
  const totalDays = weeks * 7 + days;
  if (totalDays < MIN_GESTATIONAL_AGE_DAYS || totalDays > MAX_GESTATIONAL_AGE_DAYS) {
    return fail('validation_failed', 'gestational_age_out_of_range', 'De zwangerschapsduur moet tussen 22+0 en 44+0 weken liggen.', 'gestationalAge');
  }
  const weight = record.birthWeightGrams;
  if (!Number.isInteger(weight) || weight < MIN_BIRTH_WEIGHT_GRAMS || weight > MAX_BIRTH_WEIGHT_GRAMS) {
    return fail(
      'validation_failed',
      'birth_weight_out_of_range',
      `Het geboortegewicht moet tussen ${MIN_BIRTH_WEIGHT_GRAMS} en ${MAX_BIRTH_WEIGHT_GRAMS} gram liggen (hele grammen).`,
      'birthWeightGrams',
    );
  }
  if (record.sex !== 'female' && record.sex !== 'male') {
    return fail('validation_failed', 'sex_invalid', 'Kies het geslacht van het kind.', 'sex');
  }
  const median = reference.p50Grams(totalDays, record.sex);
  if (weight < median * PLAUSIBLE_FRACTION_OF_MEDIAN.min || weight > median * PLAUSIBLE_FRACTION_OF_MEDIAN.max) {
    return fail(
      'validation_failed',
      'birth_weight_implausible',
      `Een geboortegewicht van ${weight} gram past niet bij een zwangerschapsduur van ${formatWeeks(totalDays)} weken. Controleer gewicht en zwangerschapsduur.`,
      'birthWeightGrams',
    );
  }
  const preterm = isPreterm(totalDays);
  const sga = isSmallForGestationalAge(weight, totalDays, record.sex, reference);
  return ok({
    ...record,
    gestationalAgeDays: totalDays,
    isPreterm: preterm,
    isSmallForGestationalAge: sga,
    isBig2: totalDays < MINIMUM_GESTATIONAL_AGE_DAYS ? null : preterm || sga,
  });
}

/** The columns of the monitor's birth_register, minus its id (one type, derived from the table). */
export type { BirthRegisterRow };

export interface RegisterContext {
  /** Idempotency key in the register, e.g. "chain:<birth id>". */
  readonly sourceKey: string;
  readonly municipalityCode: string;
  readonly isVulnerable: boolean;
  readonly firstAntenatalVisitDay: number | null;
  readonly hadKraamzorg: boolean | null;
  readonly parentCount: number;
  readonly parentsWithProblematicDebt: number;
  /** Place among the children of this pregnancy (1 unless a sibling of a multiple birth was recorded before). */
  readonly birthOrder?: number;
  readonly hasNegativeSpeechLanguageScore?: boolean | null;
  readonly isOverweightAtTwo?: boolean | null;
  readonly wasPlacedOutOfHomeBeforeTwo?: boolean | null;
}

export function toRegisterRow(birth: BirthOutcome, context: RegisterContext): BirthRegisterRow {
  return {
    sourceKey: context.sourceKey,
    isSynthetic: false,
    municipalityCode: context.municipalityCode,
    birthYear: Number(birth.birthDate.slice(0, 4)),
    isVulnerable: context.isVulnerable,
    gestationalAgeDays: birth.gestationalAgeDays,
    birthWeightGrams: birth.birthWeightGrams,
    sex: birth.sex,
    isLiveBorn: birth.isLiveBorn,
    isMultiple: birth.isMultiple,
    birthOrder: context.birthOrder ?? 1,
    isPreterm: birth.isPreterm,
    isSmallForGestationalAge: birth.isSmallForGestationalAge,
    firstAntenatalVisitDay: context.firstAntenatalVisitDay,
    // The register only asks this for live births.
    hadKraamzorg: birth.isLiveBorn ? context.hadKraamzorg : null,
    parentCount: context.parentCount,
    parentsWithProblematicDebt: context.parentsWithProblematicDebt,
    hasNegativeSpeechLanguageScore: context.hasNegativeSpeechLanguageScore ?? null,
    isOverweightAtTwo: context.isOverweightAtTwo ?? null,
    wasPlacedOutOfHomeBeforeTwo: context.wasPlacedOutOfHomeBeforeTwo ?? null,
  };
}

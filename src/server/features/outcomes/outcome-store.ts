// SPDX-License-Identifier: EUPL-1.2
// Reading a family's outcomes (births, measurements around age two) as the file shows them.
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import type { BirthOutcome, TwoYearOutcome } from '../../../contracts/care.js';
import { MINIMUM_GESTATIONAL_AGE_DAYS } from '../monitor/register/birth-weight-reference.js';
import { formatGestationalAge, gestationalAgeFromDays } from '../families/domain/pregnancy.js';
import { BIRTH_WEIGHT_REFERENCES } from './domain/birth-weight-references.js';
import { IOTF_SOURCE } from './domain/two-years.js';

interface BirthRow {
  id: string;
  family_id: string;
  child_id: string | null;
  birth_date: string;
  gestational_age_days: number;
  birth_weight_grams: number;
  sex: 'female' | 'male';
  multiple_birth: boolean;
  live_born: boolean;
  preterm: boolean;
  small_for_gestational_age: boolean;
  big2: boolean;
  reference_key: string;
  maternity_care_received: boolean | null;
  maternity_care_hours: number | null;
  organisation_name: string;
  created_at: Date | string;
}

function toBirthOutcome(row: BirthRow): BirthOutcome {
  const reference = BIRTH_WEIGHT_REFERENCES.get(row.reference_key);
  const isDefined = row.gestational_age_days >= MINIMUM_GESTATIONAL_AGE_DAYS;
  return {
    id: row.id,
    familyId: row.family_id,
    childId: row.child_id,
    birthDate: row.birth_date,
    gestationalAgeDays: row.gestational_age_days,
    gestationalAge: formatGestationalAge(gestationalAgeFromDays(row.gestational_age_days)),
    birthWeightGrams: row.birth_weight_grams,
    sex: row.sex,
    multipleBirth: row.multiple_birth,
    liveBorn: row.live_born,
    preterm: row.preterm,
    smallForGestationalAge: row.small_for_gestational_age,
    // Stored as false before 24+0 weeks (the column is not nullable); Big2 is not defined there.
    big2: isDefined ? row.big2 : null,
    referenceKey: row.reference_key,
    referenceName: reference?.name ?? row.reference_key,
    p10Grams: reference && isDefined ? reference.p10GramsOn(row.gestational_age_days, row.sex) : null,
    maternityCareReceived: row.maternity_care_received,
    maternityCareHours: row.maternity_care_hours,
    organisationName: row.organisation_name,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

const BIRTHS = sql`
  SELECT b.id, b.family_id, b.child_id, b.birth_date::text AS birth_date, b.gestational_age_days, b.birth_weight_grams, b.sex, b.multiple_birth,
    b.live_born, b.preterm, b.small_for_gestational_age, b.big2, b.reference_key, b.maternity_care_received, b.maternity_care_hours,
    o.name AS organisation_name, b.created_at
  FROM birth_outcomes b JOIN organisations o ON o.id = b.organisation_id`;

export async function findBirthOutcome(tx: Executor, id: string): Promise<BirthOutcome> {
  const [row] = await queryRows<BirthRow>(tx, sql`${BIRTHS} WHERE b.id = ${id}::uuid`);
  return toBirthOutcome(row!);
}

interface TwoYearRow {
  id: string;
  family_id: string;
  child_id: string | null;
  measured_on: string;
  age_months: number | null;
  speech_language_result: TwoYearOutcome['speechLanguageResult'];
  weight_grams: number | null;
  length_cm: string | null;
  bmi: string | null;
  overweight: boolean | null;
  obesity: boolean | null;
  child_protection_measure: string | null;
  child_protection_from: string | null;
  child_protection_until: string | null;
  out_of_home_placement_from: string | null;
  out_of_home_placement_until: string | null;
  organisation_name: string;
  created_at: Date | string;
}

function toTwoYearOutcome(row: TwoYearRow): TwoYearOutcome {
  return {
    id: row.id,
    familyId: row.family_id,
    childId: row.child_id,
    measuredOn: row.measured_on,
    ageMonths: row.age_months,
    speechLanguageResult: row.speech_language_result,
    weightKg: row.weight_grams === null ? null : row.weight_grams / 1000,
    lengthCm: row.length_cm === null ? null : Number(row.length_cm),
    bmi: row.bmi === null ? null : Number(row.bmi),
    overweight: row.overweight,
    obesity: row.obesity,
    bmiReference: row.bmi === null ? null : IOTF_SOURCE,
    childProtectionMeasure: row.child_protection_measure,
    childProtectionFrom: row.child_protection_from,
    childProtectionUntil: row.child_protection_until,
    outOfHomePlacementFrom: row.out_of_home_placement_from,
    outOfHomePlacementUntil: row.out_of_home_placement_until,
    organisationName: row.organisation_name,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

const TWO_YEARS = sql`
  SELECT t.id, t.family_id, t.child_id, t.measured_on::text AS measured_on, t.age_months, t.speech_language_result, t.weight_grams,
    t.length_cm::text AS length_cm, t.bmi::text AS bmi, t.overweight, t.obesity, t.child_protection_measure,
    t.child_protection_from::text AS child_protection_from, t.child_protection_until::text AS child_protection_until,
    t.out_of_home_placement_from::text AS out_of_home_placement_from, t.out_of_home_placement_until::text AS out_of_home_placement_until,
    o.name AS organisation_name, t.created_at
  FROM two_year_outcomes t JOIN organisations o ON o.id = t.organisation_id`;

export async function findTwoYearOutcome(tx: Executor, id: string): Promise<TwoYearOutcome> {
  const [row] = await queryRows<TwoYearRow>(tx, sql`${TWO_YEARS} WHERE t.id = ${id}::uuid`);
  return toTwoYearOutcome(row!);
}

export async function findOutcomes(tx: Executor, familyId: string): Promise<{ births: BirthOutcome[]; twoYears: TwoYearOutcome[] }> {
  const births = await queryRows<BirthRow>(tx, sql`${BIRTHS} WHERE b.family_id = ${familyId}::uuid ORDER BY b.birth_date DESC, b.created_at DESC`);
  const twoYears = await queryRows<TwoYearRow>(tx, sql`${TWO_YEARS} WHERE t.family_id = ${familyId}::uuid ORDER BY t.measured_on DESC, t.created_at DESC`);
  return { births: births.map(toBirthOutcome), twoYears: twoYears.map(toTwoYearOutcome) };
}

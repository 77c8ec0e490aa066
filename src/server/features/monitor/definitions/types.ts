// SPDX-License-Identifier: EUPL-1.2
// The shape of an indicator definition (data, validated by zod in indicators.ts). Record-based
// indicators say, as data, which register rows count: the aggregation compiles this to SQL, the same
// for PostgreSQL and for the DuckDB baseline in the benchmark.
import type { Indicator, YEAR_BASES } from '../../../../contracts/monitor.js';
import type { MonitorNoteKey } from '../../../../contracts/i18n/sections/monitor-notes.js';

/** Columns of birth_register that conditions may use (camelCase, as in the Drizzle schema). */
export const REGISTER_FIELDS = [
  'isVulnerable',
  'gestationalAgeDays',
  'birthWeightGrams',
  'isLiveBorn',
  'isMultiple',
  'birthOrder',
  'isPreterm',
  'isSmallForGestationalAge',
  'firstAntenatalVisitDay',
  'hadKraamzorg',
  'parentCount',
  'parentsWithProblematicDebt',
  'hasNegativeSpeechLanguageScore',
  'isOverweightAtTwo',
  'wasPlacedOutOfHomeBeforeTwo',
] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

export type Condition =
  | { field: RegisterField; op: 'eq' | 'gt' | 'gte' | 'lt' | 'lte'; value: number | boolean }
  | { field: RegisterField; op: 'is_null' | 'is_not_null' }
  | { all: Condition[] }
  | { any: Condition[] };

/** What one qualifying row adds: 1 (a child), or the value of a field (e.g. the number of parents). */
export type Tally = { kind: 'rows' } | { kind: 'sum'; field: RegisterField };

export interface RecordsComputation {
  denominator: { where: Condition; tally: Tally };
  /** Evaluated within the denominator's rows. */
  numerator: { where: Condition; tally: Tally };
}

export interface IndicatorDefinition extends Omit<Indicator, 'notes' | 'yearBasis'> {
  /** Present for sourceKind 'records'. */
  records?: RecordsComputation;
  /**
   * Present for sourceKind 'questionnaire': the question of the yearly municipal questionnaire
   * (municipal_questionnaire_answers.question_key) whose yes-answers make the numerator.
   */
  questionnaire?: {
    questionKey: string;
    /**
     * 'yes_no' (default): the yes-answers of municipal_questionnaire_answers make the numerator.
     * 'status': the municipality's coalition status per year (municipality_coalition_statuses, written by
     * the submitted questionnaire) — a breakdown formed / in development / none / not answered over every
     * municipality of the area (seed 003: 212 / 66 / 31 of 342); the numerator is 'formed'.
     */
    answerKind?: 'yes_no' | 'status';
  };
  /** The latest national value the seed (monitor 2023, Table 1) reports, for calibration and comparison. */
  seedValue?: { value: number; year: number };
  /**
   * Every way Kansrijk's definition differs from RIVM's, as keys of the catalogue's monitorNotes
   * (the API, the indicator page and every export carry the sentence).
   */
  notes?: MonitorNoteKey[];
  /** What the year of a figure means; calendar_year unless said otherwise. */
  yearBasis?: (typeof YEAR_BASES)[number];
}

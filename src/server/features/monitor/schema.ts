// SPDX-License-Identifier: EUPL-1.2
import { bigint, bigserial, boolean, check, index, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { municipalities } from '../reference/schema.js';
import { people } from '../organisations/schema.js';

export * from './questionnaire/schema.js';

/**
 * The statistical birth register: one pseudonymised row per child, the way Perined and CBS hold it
 * for RIVM. No names, no BSN, no dates beyond the year: only what the indicators need. The monitor
 * aggregates from here and never from case files; the chain adds a row when a birth is recorded,
 * the national synthetic data set fills it for the demo.
 */
export const birthRegister = pgTable(
  'birth_register',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Idempotency: where the row came from (e.g. "synthetic:2021:GM0505:17" or a chain birth id). */
    sourceKey: text('source_key').notNull().unique(),
    isSynthetic: boolean('is_synthetic').notNull(),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    birthYear: smallint('birth_year').notNull(),
    isVulnerable: boolean('is_vulnerable').notNull(),
    gestationalAgeDays: smallint('gestational_age_days').notNull(),
    birthWeightGrams: smallint('birth_weight_grams').notNull(),
    sex: text('sex').$type<'female' | 'male'>().notNull(),
    isLiveBorn: boolean('is_live_born').notNull(),
    isMultiple: boolean('is_multiple').notNull(),
    /**
     * The child's place among the children of one pregnancy (Perined "rangnummer"): 1 for a
     * singleton and for the first-born of a multiple birth. Per-pregnancy indicators count order 1.
     */
    birthOrder: smallint('birth_order').notNull().default(1),
    isPreterm: boolean('is_preterm').notNull(),
    isSmallForGestationalAge: boolean('is_small_for_gestational_age').notNull(),
    /** Day of pregnancy of the first antenatal visit; null when unknown. */
    firstAntenatalVisitDay: smallint('first_antenatal_visit_day'),
    /** Live births only: whether the mother had kraamzorg. */
    hadKraamzorg: boolean('had_kraamzorg'),
    /** Parents (pregnant person and partner) registered, and how many of them had problematic debts. */
    parentCount: smallint('parent_count').notNull(),
    parentsWithProblematicDebt: smallint('parents_with_problematic_debt').notNull(),
    /** Outcomes around age two; null when not (yet) known. */
    hasNegativeSpeechLanguageScore: boolean('has_negative_speech_language_score'),
    isOverweightAtTwo: boolean('is_overweight_at_two'),
    wasPlacedOutOfHomeBeforeTwo: boolean('was_placed_out_of_home_before_two'),
  },
  (table) => [index('birth_register_year_municipality_idx').on(table.birthYear, table.municipalityCode)],
);

/** One register row as the chain and the synthetic generator produce it (everything but the id). */
export type BirthRegisterRow = Omit<typeof birthRegister.$inferSelect, 'id'>;

/**
 * Every count the monitor publishes from, per indicator × area × year × split, before suppression:
 * recomputed from the register, imported from aggregate files, or (later) from the municipal questionnaire.
 */
export const indicatorCounts = pgTable(
  'indicator_counts',
  {
    indicatorKey: text('indicator_key').notNull(),
    areaLevel: text('area_level').notNull(),
    areaCode: text('area_code').notNull(),
    year: smallint('year').notNull(),
    split: text('split').notNull(),
    source: text('source').notNull(),
    numerator: integer('numerator').notNull(),
    denominator: integer('denominator').notNull(),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
    importId: uuid('import_id').references(() => monitorImports.id),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.indicatorKey, table.areaLevel, table.areaCode, table.year, table.split, table.source] }),
    index('indicator_counts_area_idx').on(table.areaLevel, table.areaCode),
  ],
);

/** One imported aggregate file: validated in full before any of its rows is stored. */
export const monitorImports = pgTable('monitor_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  fileName: text('file_name').notNull(),
  /** SHA-256 of the file: importing the same file twice is refused (idempotent). */
  contentHash: text('content_hash').notNull().unique(),
  rowCount: integer('row_count').notNull(),
  importedBy: uuid('imported_by').references(() => people.id),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row: a number that every write to indicator_counts (recompute, import, questionnaire
 * derivation, anything else) and to the area reference tables raises, in the same transaction, by
 * statement triggers (migration 0005_questionnaire_answers). The API caches published tables under this number, so the
 * check whether they are still valid is one primary-key read instead of an aggregate over the counts.
 */
export const monitorDataVersion = pgTable(
  'monitor_data_version',
  {
    id: smallint('id').primaryKey().default(1),
    version: bigint('version', { mode: 'number' }).notNull().default(1),
  },
  (table) => [check('monitor_data_version_single_row', sql`${table.id} = 1`)],
);

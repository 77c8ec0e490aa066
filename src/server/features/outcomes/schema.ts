// SPDX-License-Identifier: EUPL-1.2
// Outcomes: the birth (→ preterm, SGA, Big2; fed pseudonymised into the monitor's birth register) and
// the measurements around age two.
import { boolean, date, index, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, people } from '../organisations/schema.js';
import { families, familyMembers, pregnancies } from '../families/schema.js';

export const birthOutcomes = pgTable(
  'birth_outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    pregnancyId: uuid('pregnancy_id').references(() => pregnancies.id),
    childId: uuid('child_id').references(() => familyMembers.id),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    gestationalAgeDays: integer('gestational_age_days').notNull(),
    birthWeightGrams: integer('birth_weight_grams').notNull(),
    /** 'female' | 'male' */
    sex: text('sex').notNull(),
    multipleBirth: boolean('multiple_birth').notNull().default(false),
    liveBorn: boolean('live_born').notNull().default(true),
    preterm: boolean('preterm').notNull(),
    smallForGestationalAge: boolean('small_for_gestational_age').notNull(),
    big2: boolean('big2').notNull(),
    /** Which birth-weight reference decided SGA. */
    referenceKey: text('reference_key').notNull(),
    maternityCareReceived: boolean('maternity_care_received'),
    maternityCareHours: integer('maternity_care_hours'),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    recordedById: uuid('recorded_by_id')
      .notNull()
      .references(() => people.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('birth_outcomes_family_idx').on(table.familyId)],
);

export const twoYearOutcomes = pgTable(
  'two_year_outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    childId: uuid('child_id').references(() => familyMembers.id),
    measuredOn: date('measured_on', { mode: 'string' }).notNull(),
    ageMonths: integer('age_months'),
    /** Speech-language screening (e.g. VTO taal/spraak): 'normal' | 'concern' | 'delayed' | 'not_done' */
    speechLanguageResult: text('speech_language_result'),
    weightGrams: integer('weight_grams'),
    lengthCm: numeric('length_cm', { precision: 5, scale: 1 }),
    bmi: numeric('bmi', { precision: 5, scale: 2 }),
    overweight: boolean('overweight'),
    obesity: boolean('obesity'),
    childProtectionMeasure: text('child_protection_measure'),
    childProtectionFrom: date('child_protection_from', { mode: 'string' }),
    childProtectionUntil: date('child_protection_until', { mode: 'string' }),
    outOfHomePlacementFrom: date('out_of_home_placement_from', { mode: 'string' }),
    outOfHomePlacementUntil: date('out_of_home_placement_until', { mode: 'string' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    recordedById: uuid('recorded_by_id')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('two_year_outcomes_family_idx').on(table.familyId)],
);

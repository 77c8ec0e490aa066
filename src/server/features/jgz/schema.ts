// SPDX-License-Identifier: EUPL-1.2
// Youth health care (JGZ): the prenatal home visit and the caseload by support tier (klantroutes)
// with planned contact moments.
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, people } from '../organisations/schema.js';
import { families } from '../families/schema.js';

export const homeVisits = pgTable(
  'home_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    referralId: uuid('referral_id'),
    nurseId: uuid('nurse_id')
      .notNull()
      .references(() => people.id),
    plannedOn: date('planned_on', { mode: 'string' }).notNull(),
    /** 'planned' | 'held' | 'not_held' */
    status: text('status').notNull().default('planned'),
    reasonNotHeld: text('reason_not_held'),
    heldOn: date('held_on', { mode: 'string' }),
    gestationalWeek: integer('gestational_week'),
    /** Life domain → what was found. */
    findings: jsonb('findings'),
    followUp: text('follow_up'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('home_visits_family_idx').on(table.familyId)],
);

/** A family on a JGZ organisation's caseload, in a support tier, with its nurse. */
export const caseloadEntries = pgTable(
  'caseload_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    nurseId: uuid('nurse_id').references(() => people.id),
    /** 'universal' | 'extra' | 'intensive' */
    tier: text('tier').notNull(),
    /** The tier the factor profile suggested, kept beside the nurse's choice. */
    suggestedTier: text('suggested_tier'),
    judgement: text('judgement'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('caseload_entries_organisation_idx').on(table.organisationId, table.nurseId), index('caseload_entries_family_idx').on(table.familyId)],
);

export const contactMoments = pgTable(
  'contact_moments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    nurseId: uuid('nurse_id').references(() => people.id),
    /** What kind of contact, e.g. 'home_visit', 'consultation', 'phone'. */
    kind: text('kind').notNull(),
    plannedOn: date('planned_on', { mode: 'string' }).notNull(),
    /** 'planned' | 'done' | 'cancelled' */
    status: text('status').notNull().default('planned'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('contact_moments_family_idx').on(table.familyId), index('contact_moments_nurse_idx').on(table.organisationId, table.nurseId, table.plannedOn)],
);

// SPDX-License-Identifier: EUPL-1.2
// Screening instruments (versioned FHIR R4 Questionnaires) and the screenings done with them
// (QuestionnaireResponses: a draft saved as you go, then completed with its factor profile).
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, people } from '../organisations/schema.js';
import { families } from '../families/schema.js';

export const questionnaires = pgTable(
  'questionnaires',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    url: text('url').notNull(),
    version: text('version').notNull(),
    title: text('title').notNull(),
    /** FHIR publication status: 'draft' | 'active' | 'retired' */
    status: text('status').notNull(),
    /** The whole Questionnaire resource as uploaded (validated). */
    resource: jsonb('resource').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('questionnaires_url_version_unique').on(table.url, table.version)],
);

export const screenings = pgTable(
  'screenings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    /** The instrument version answered; old responses keep theirs. */
    questionnaireId: uuid('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => people.id),
    /** 'in-progress' (draft) | 'completed' */
    status: text('status').notNull(),
    /** linkId → answers. */
    answers: jsonb('answers').notNull(),
    /** The factor profile, once completed. */
    profile: jsonb('profile'),
    supportTier: text('support_tier'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (table) => [index('screenings_family_idx').on(table.familyId)],
);

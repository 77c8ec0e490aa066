// SPDX-License-Identifier: EUPL-1.2
// The yearly municipal questionnaire (issue 10 item 6; seed 003 "Coalities" and "Samenwerking": the
// vragenlijst onder gemeenten, peildatum 16 november 2023). An edition per year; per municipality one
// response with its answers, each answer carrying where its value came from (a register prefill with
// source label and date, or the respondent).
import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from '../reference/schema.js';
import { people } from '../organisations/schema.js';

export const municipalQuestionnaireEditions = pgTable(
  'municipal_questionnaire_editions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The year the answers are about (the status written to municipality_coalition_statuses). */
    year: smallint('year').notNull(),
    /** The peildatum: the day the answers describe (seed 003: 16 November 2023). */
    referenceDate: date('reference_date', { mode: 'string' }).notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    /** Last day on which a response may be submitted; from the next day the form is locked. */
    deadline: date('deadline', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('municipal_questionnaire_editions_year_idx').on(table.year),
    check('municipal_questionnaire_editions_year_check', sql`${table.year} BETWEEN 2018 AND 2100`),
    check('municipal_questionnaire_editions_dates_check', sql`${table.opensOn} <= ${table.deadline}`),
  ],
);

export const RESPONSE_STATES = ['draft', 'submitted', 'reopened'] as const;
export type StoredResponseState = (typeof RESPONSE_STATES)[number];

export const municipalQuestionnaireResponses = pgTable(
  'municipal_questionnaire_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => municipalQuestionnaireEditions.id),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    /** Stored state; 'locked' is derived (after the deadline, unless reopened). */
    state: text('state').$type<StoredResponseState>().notNull(),
    /** Raised on every save: the answers a submit is based on. */
    version: smallint('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => people.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => people.id),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    reopenedBy: uuid('reopened_by').references(() => people.id),
    reopenReason: text('reopen_reason'),
  },
  (table) => [
    uniqueIndex('municipal_questionnaire_responses_edition_municipality_idx').on(table.editionId, table.municipalityCode),
    index('municipal_questionnaire_responses_municipality_idx').on(table.municipalityCode),
    check('municipal_questionnaire_responses_state_check', sql`${table.state} IN ('draft', 'submitted', 'reopened')`),
  ],
);

/** One answer of a response: its value (validated by the question's zod schema) and where it came from. */
export const municipalQuestionnaireResponseAnswers = pgTable(
  'municipal_questionnaire_response_answers',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => municipalQuestionnaireResponses.id, { onDelete: 'cascade' }),
    questionKey: text('question_key').notNull(),
    value: jsonb('value').notNull(),
    /** 'prefill': taken unchanged from a register source; 'respondent': given or corrected by the municipality. */
    origin: text('origin').$type<'prefill' | 'respondent'>().notNull(),
    sourceLabel: text('source_label'),
    sourceDate: date('source_date', { mode: 'string' }),
  },
  (table) => [
    primaryKey({ columns: [table.responseId, table.questionKey] }),
    check('municipal_questionnaire_response_answers_origin_check', sql`${table.origin} IN ('prefill', 'respondent')`),
  ],
);

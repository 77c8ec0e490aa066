// SPDX-License-Identifier: EUPL-1.2
import { boolean, check, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { municipalities } from '../../reference/schema.js';

/**
 * Source (c): the yearly municipal questionnaire, one yes/no answer per municipality × year ×
 * question. The recompute derives the questionnaire indicators from here (questionnaire/derive-
 * questionnaire-counts.ts); the questionnaire workspace (a later issue) writes rows with source
 * 'questionnaire', the national demo seed writes rows with source 'synthetic'. A real answer and a
 * synthetic one for the same question never coexist: the primary key has no source.
 */
export const municipalQuestionnaireAnswers = pgTable(
  'municipal_questionnaire_answers',
  {
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    year: smallint('year').notNull(),
    /** A stable question key, e.g. 'has_coalition' (see questionnaire/questions.ts). */
    questionKey: text('question_key').notNull(),
    answer: boolean('answer').notNull(),
    source: text('source').$type<'synthetic' | 'questionnaire'>().notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.municipalityCode, table.year, table.questionKey] }),
    check('municipal_questionnaire_answers_source_check', sql`${table.source} IN ('synthetic', 'questionnaire')`),
  ],
);

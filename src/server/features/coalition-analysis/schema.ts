// SPDX-License-Identifier: EUPL-1.2
// Self-analysis rounds of a coalition (issue 10 item 5; the frame of seed 002's analysetool): a round,
// the people invited to answer it, and their scores per statement. No client data.
import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { coalitions } from '../coalitions/schema.js';
import { organisations, people } from '../organisations/schema.js';
import type { AnonymityMode, ROUND_STATUSES } from '../../../contracts/coalition-analysis.js';

/** How answers may be reported (contracts): per person, per partner organisation, or only all together. */
export type { AnonymityMode };
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const analysisRounds = pgTable(
  'analysis_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    coalitionId: uuid('coalition_id')
      .notNull()
      .references(() => coalitions.id),
    title: text('title').notNull(),
    /** The instrument version answered (`url|version`): its statement keys never change. */
    instrumentCanonical: text('instrument_canonical').notNull(),
    anonymity: text('anonymity').$type<AnonymityMode>().notNull(),
    status: text('status').$type<RoundStatus>().notNull().default('open'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    /** The day the coordinator plans to close the round (shown, and respondents who have not answered are reminded before it); null: not set. */
    closesOn: date('closes_on', { mode: 'string' }),
    openedBy: uuid('opened_by')
      .notNull()
      .references(() => people.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => people.id),
  },
  (table) => [
    index('analysis_rounds_coalition_idx').on(table.coalitionId, table.openedAt),
    check('analysis_rounds_anonymity_check', sql`${table.anonymity} IN ('named', 'per_partner', 'anonymous')`),
    check('analysis_rounds_status_check', sql`${table.status} IN ('open', 'closed')`),
    check('analysis_rounds_closed_check', sql`(${table.status} = 'closed') = (${table.closedAt} IS NOT NULL)`),
  ],
);

/**
 * Someone invited to answer a round: a person with an account, or someone without one (name and
 * e-mail) who answers through a personal link. The link's token is stored only as its SHA-256 and
 * works while the round is open (it "expires when the round closes").
 */
export const analysisRespondents = pgTable(
  'analysis_respondents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => analysisRounds.id),
    personId: uuid('person_id').references(() => people.id),
    /** For someone without an account; for a person, their name at the time of the invitation. */
    name: text('name').notNull(),
    /** Lower-case; only for someone without an account. */
    email: text('email'),
    /** The partner organisation answered for (grouping of a 'per_partner' round); null: none known. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    tokenHash: text('token_hash'),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull(),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => people.id),
  },
  (table) => [
    index('analysis_respondents_round_idx').on(table.roundId),
    uniqueIndex('analysis_respondents_person_idx').on(table.roundId, table.personId).where(sql`${table.personId} IS NOT NULL`),
    uniqueIndex('analysis_respondents_email_idx').on(table.roundId, table.email).where(sql`${table.email} IS NOT NULL`),
    uniqueIndex('analysis_respondents_token_idx').on(table.tokenHash),
    check('analysis_respondents_kind_check', sql`(${table.personId} IS NULL) = (${table.tokenHash} IS NOT NULL AND ${table.email} IS NOT NULL)`),
  ],
);

export const analysisAnswers = pgTable(
  'analysis_answers',
  {
    respondentId: uuid('respondent_id')
      .notNull()
      .references(() => analysisRespondents.id),
    statementKey: text('statement_key').notNull(),
    score: smallint('score').notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.respondentId, table.statementKey] }),
    check('analysis_answers_score_check', sql`${table.score} BETWEEN 1 AND 5`),
  ],
);

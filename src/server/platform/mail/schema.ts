// SPDX-License-Identifier: EUPL-1.2
// The mail outbox (issue 16 item 1): a mail is written here in the transaction of the action that
// causes it and sent later by the mail worker, so sending never blocks or fails that action. A row
// holds the recipient's address, the template and the link — never the text, and never client data:
// a mail says *that* something waits and links to it.
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    template: text('template').notNull(),
    locale: text('locale').notNull().default('nl'),
    toAddress: text('to_address').notNull(),
    /** The person it is for, when it is for a person (not a functional address). */
    toPersonId: uuid('to_person_id'),
    /** A path within Kansrijk (behind login), e.g. /verwijzingen/…; null when the mail has no link, and once it is sent. */
    linkPath: text('link_path'),
    /** 'pending' | 'sent' | 'dead' (no more attempts: on the platform admin's dead-letter list). */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    /** What went wrong at the last attempt, as a kind and a code (never the mail). */
    lastError: text('last_error'),
    /** The same event twice (a repeated submit) queues one mail. */
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    index('mail_outbox_due_idx').on(table.status, table.nextAttemptAt),
    uniqueIndex('mail_outbox_dedupe_idx').on(table.dedupeKey),
  ],
);

// SPDX-License-Identifier: EUPL-1.2
import { integer, pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';
import { organisations, people } from '../organisations/schema.js';

/** Server-side sessions. The cookie carries a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    /** The organisation the person is acting for in this session. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** 'second_factor' (password ok, TOTP pending), 'enrolment' (must enrol TOTP), 'active'. */
    stage: text('stage').$type<'second_factor' | 'enrolment' | 'active'>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    sourceIp: text('source_ip'),
    userAgent: text('user_agent'),
    /**
     * A TOTP secret being enrolled, bound to this session until its first code is confirmed, so an
     * unfinished enrolment never replaces a working second factor and ends with the session.
     */
    pendingTotpSecret: text('pending_totp_secret'),
  },
  (table) => [index('sessions_person_idx').on(table.personId)],
);

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [index('recovery_codes_person_idx').on(table.personId)],
);

/**
 * Failed-login throttle per login name (hashed), whether or not an account exists, so that a
 * lockout message reveals nothing about which accounts exist.
 */
export const loginThrottle = pgTable('login_throttle', {
  keyHash: text('key_hash').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

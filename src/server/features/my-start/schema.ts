// SPDX-License-Identifier: EUPL-1.2
// Parents' sessions (Mijn Kansrijke Start). Separate from staff sessions: another cookie, another
// table, no person and no organisation — a parent's session can never be, or become, a staff session.
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { familyMembers } from '../families/schema.js';

export const parentSessions = pgTable(
  'parent_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The cookie carries a random token; only its SHA-256 is stored. */
    tokenHash: text('token_hash').notNull().unique(),
    /** The family member the login was matched to by BSN (the client, else a partner). The BSN itself is not kept here. */
    memberId: uuid('member_id')
      .notNull()
      .references(() => familyMembers.id),
    /** The parent's own files at login (every family in which their BSN is the client; a partner: none). */
    familyIds: uuid('family_ids').array().notNull(),
    /** The level of assurance the broker reported (normalised: 'substantieel' or 'hoog'). */
    levelOfAssurance: text('level_of_assurance').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    sourceIp: text('source_ip'),
    userAgent: text('user_agent'),
  },
  (table) => [index('parent_sessions_member_idx').on(table.memberId)],
);

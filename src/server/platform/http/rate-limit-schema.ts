// SPDX-License-Identifier: EUPL-1.2
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Request counters shared by every instance (ADR 0015): one row per limited key (route and session
 * or IP address, hashed), counting the hits of its current window. UNLOGGED in the migration: a lost
 * counter after a crash or failover only means a fresh window. No index besides the key, so the
 * upsert on every request stays a HOT update.
 */
export const rateLimitCounters = pgTable('rate_limit_counters', {
  keyHash: text('key_hash').primaryKey(),
  hits: integer('hits').notNull(),
  windowEndsAt: timestamp('window_ends_at', { withTimezone: true, precision: 3 }).notNull(),
});

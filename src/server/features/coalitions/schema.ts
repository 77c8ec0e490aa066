// SPDX-License-Identifier: EUPL-1.2
// The coalition register: the local coalitions Kansrijke Start and the municipalities each covers.
// Minimal for now (the monitor aggregates over it); the coalition workspace builds on these tables.
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from '../reference/schema.js';
import { people } from '../organisations/schema.js';

export const coalitions = pgTable('coalitions', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stable public code, as the monitor shows it: "KS" and four digits (e.g. KS0001). */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** An inactive coalition keeps its history but gets no figures and no members in the monitor. */
  isActive: boolean('is_active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const coalitionMunicipalities = pgTable(
  'coalition_municipalities',
  {
    coalitionId: uuid('coalition_id')
      .notNull()
      .references(() => coalitions.id),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
  },
  (table) => [
    primaryKey({ columns: [table.coalitionId, table.municipalityCode] }),
    // A municipality belongs to at most one coalition at a time: the monitor's coalition totals are
    // then sums over disjoint sets of municipalities (the additive relations suppression relies on,
    // and no birth counted in two coalitions). Moving a municipality means deleting the old row first.
    uniqueIndex('coalition_municipalities_municipality_idx').on(table.municipalityCode),
  ],
);

/**
 * Who coordinates a coalition (seed 001 step 2: a kartrekker, with a deputy). The access policy's
 * reach 'own_coalition' is the set of coalitions a person coordinates today (platform/auth/session.ts).
 */
export const coalitionCoordinators = pgTable(
  'coalition_coordinators',
  {
    coalitionId: uuid('coalition_id')
      .notNull()
      .references(() => coalitions.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role').$type<'coordinator' | 'deputy'>().notNull(),
    since: date('since', { mode: 'string' }).notNull(),
    /** Last day in the role; null while it lasts. */
    until: date('until', { mode: 'string' }),
  },
  (table) => [
    primaryKey({ columns: [table.coalitionId, table.personId] }),
    index('coalition_coordinators_person_idx').on(table.personId),
    check('coalition_coordinators_role_check', sql`${table.role} IN ('coordinator', 'deputy')`),
    check('coalition_coordinators_period_check', sql`${table.until} IS NULL OR ${table.until} >= ${table.since}`),
  ],
);

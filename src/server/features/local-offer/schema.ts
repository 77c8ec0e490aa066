// SPDX-License-Identifier: EUPL-1.2
// The local offer (issue 13 item 3): per coalition — for the whole coalition or one member
// municipality — an intervention of the national menu (by key) or a local activity (by name), the
// directory service that offers it, capacity, waiting time, funding route and period. No personal data.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { FundingRoute } from '../../../contracts/intervention-menu.js';
import { coalitions } from '../coalitions/schema.js';
import { municipalities } from '../reference/schema.js';
import { directoryServices } from '../services/schema.js';

export const localOffers = pgTable(
  'local_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    coalitionId: uuid('coalition_id')
      .notNull()
      .references(() => coalitions.id),
    /** A member municipality; null: the whole coalition. */
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    /** A key of the national intervention menu, or null for a local activity (then activity_name). */
    interventionKey: text('intervention_key'),
    activityName: text('activity_name'),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => directoryServices.id),
    capacityPerYear: integer('capacity_per_year'),
    waitingWeeks: integer('waiting_weeks'),
    fundingRoute: text('funding_route').$type<FundingRoute>().notNull(),
    since: date('since', { mode: 'string' }).notNull(),
    until: date('until', { mode: 'string' }),
    note: text('note'),
    /** A repeated create with the same key returns this row. */
    idempotencyKey: uuid('idempotency_key'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('local_offers_coalition_idx').on(table.coalitionId),
    index('local_offers_intervention_idx').on(table.interventionKey),
    uniqueIndex('local_offers_idempotency_idx').on(table.coalitionId, table.idempotencyKey),
    check('local_offers_kind_check', sql`(${table.interventionKey} IS NULL) <> (${table.activityName} IS NULL)`),
    check('local_offers_period_check', sql`${table.until} IS NULL OR ${table.until} >= ${table.since}`),
    check('local_offers_numbers_check', sql`coalesce(${table.capacityPerYear}, 0) >= 0 AND coalesce(${table.waitingWeeks}, 0) >= 0`),
  ],
);

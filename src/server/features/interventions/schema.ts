// SPDX-License-Identifier: EUPL-1.2
// A family's enrolment in an intervention of the menukaart (catalogue in domain/catalogue.ts).
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, people } from '../organisations/schema.js';
import { families } from '../families/schema.js';

export const enrolments = pgTable(
  'enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    interventionKey: text('intervention_key').notNull(),
    /** The organisation offering the intervention. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    enrolledById: uuid('enrolled_by_id')
      .notNull()
      .references(() => people.id),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    /** 'active' | 'completed' | 'dropped_out' */
    status: text('status').notNull().default('active'),
    dropOutReason: text('drop_out_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('enrolments_family_idx').on(table.familyId)],
);

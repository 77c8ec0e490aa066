// SPDX-License-Identifier: EUPL-1.2
// A coalition's plan of approach (seed 001, the six steps and "bijstellen en sturen") as numbered
// versions, and the improvement actions of its review. Every version is kept: an approved
// (vastgestelde) version is never changed again; the next change starts a new draft.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ImprovementActionStatus, PlanContent, PlanStatus } from '../../../contracts/coalition-plans.js';
import { coalitions } from '../coalitions/schema.js';
import { people } from '../organisations/schema.js';

export const coalitionPlanVersions = pgTable(
  'coalition_plan_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    coalitionId: uuid('coalition_id')
      .notNull()
      .references(() => coalitions.id),
    /** 1, 2, 3 … per coalition. */
    version: integer('version').notNull(),
    status: text('status').$type<PlanStatus>().notNull().default('draft'),
    /** The version this draft was copied from ("nieuwe versie"); null for the first. */
    basedOnVersion: integer('based_on_version'),
    /** Text per step and the goal rows (contracts/coalition-plans.ts planContentSchema). */
    content: jsonb('content').$type<PlanContent>().notNull(),
    /** Date of the vaststelling and the body that approved it (steering group, council). */
    approvedOn: date('approved_on', { mode: 'string' }),
    approvedBy: text('approved_by'),
    /** Who recorded the approval. */
    approvalRecordedBy: uuid('approval_recorded_by').references(() => people.id),
    /** Optimistic concurrency: raised by every save. */
    revision: integer('revision').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => people.id),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('coalition_plan_versions_number_unique').on(table.coalitionId, table.version),
    // One draft at a time per coalition: "nieuwe versie" continues the open draft.
    uniqueIndex('coalition_plan_versions_one_draft_idx').on(table.coalitionId).where(sql`${table.status} = 'draft'`),
    check('coalition_plan_versions_status_check', sql`${table.status} IN ('draft', 'approved')`),
    check('coalition_plan_versions_version_check', sql`${table.version} >= 1`),
    check(
      'coalition_plan_versions_approval_check',
      sql`(${table.status} = 'approved') = (${table.approvedOn} IS NOT NULL AND ${table.approvedBy} IS NOT NULL)`,
    ),
  ],
);

export const improvementActions = pgTable(
  'improvement_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    coalitionId: uuid('coalition_id')
      .notNull()
      .references(() => coalitions.id),
    title: text('title').notNull(),
    status: text('status').$type<ImprovementActionStatus>().notNull().default('open'),
    /** Where it came from: a weak statement of a self-analysis round (no FK: the round lives in another part). */
    originRoundId: uuid('origin_round_id'),
    originStatementKey: text('origin_statement_key'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('improvement_actions_coalition_idx').on(table.coalitionId),
    // The same origin twice is the same action (the "Maak verbeteractie" button is idempotent).
    uniqueIndex('improvement_actions_origin_idx')
      .on(table.coalitionId, table.originRoundId, table.originStatementKey)
      .where(sql`${table.originRoundId} IS NOT NULL`),
    check('improvement_actions_status_check', sql`${table.status} IN ('open', 'in_progress', 'done')`),
    check('improvement_actions_origin_check', sql`(${table.originRoundId} IS NULL) = (${table.originStatementKey} IS NULL)`),
  ],
);

// SPDX-License-Identifier: EUPL-1.2
// Care pathways (zorgpaden): one per risk factor per municipality or coalition, in versions. Each row
// is one version of a pathway (scope × factor) with its content in the shape of the zod
// `pathwaySchema` (domain/pathway.ts). A version is a draft, published, archived (replaced by a later
// published version) or withdrawn (domain/pathway-version.ts). At most one published version and at
// most one draft per scope × factor: the partial unique indexes keep that even under two editors at once.
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { people } from '../organisations/schema.js';

export const carePathways = pgTable(
  'care_pathways',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 'municipality' | 'coalition' */
    scopeKind: text('scope_kind').notNull(),
    /** GM code or coalition code. */
    scopeCode: text('scope_code').notNull(),
    factorKey: text('factor_key').notNull(),
    /** 1, 2, … per scope × factor. */
    version: integer('version').notNull().default(1),
    /** 'draft' | 'published' | 'archived' | 'withdrawn' (domain/pathway-version.ts). */
    status: text('status').notNull().default('published'),
    /** Who keeps the pathway: a GM or KS code (the scope itself unless a coalition keeps a member's pathway). */
    ownerCode: text('owner_code').notNull(),
    /** When the owner means to look at it again. */
    reviewDue: date('review_due', { mode: 'string' }),
    /** The pathway as `pathwaySchema` describes it. */
    content: jsonb('content').notNull(),
    /** Who changed this version last (null for seeded and migrated versions). */
    updatedBy: uuid('updated_by').references(() => people.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Set when a later version was published: "vervangen door versie N". */
    replacedByVersion: integer('replaced_by_version'),
  },
  (table) => [
    uniqueIndex('care_pathways_scope_factor_version_unique').on(table.scopeKind, table.scopeCode, table.factorKey, table.version),
    uniqueIndex('care_pathways_one_published').on(table.scopeKind, table.scopeCode, table.factorKey).where(sql`status = 'published'`),
    // What the coverage matrix reads of every published pathway, answered from the index alone (no 1 kB content per row).
    index('care_pathways_published_cover').on(table.scopeKind, table.scopeCode, table.factorKey, table.id, table.reviewDue).where(sql`status = 'published'`),
    uniqueIndex('care_pathways_one_draft').on(table.scopeKind, table.scopeCode, table.factorKey).where(sql`status = 'draft'`),
  ],
);

// SPDX-License-Identifier: EUPL-1.2
// Care pathways (zorgpaden): one per risk factor per municipality or coalition, in the shape the
// pathway editor will edit (the zod `pathwaySchema` in domain/pathway.ts).
import { jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const carePathways = pgTable(
  'care_pathways',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 'municipality' | 'coalition' */
    scopeKind: text('scope_kind').notNull(),
    /** GM code or coalition code. */
    scopeCode: text('scope_code').notNull(),
    factorKey: text('factor_key').notNull(),
    /** The pathway as `pathwaySchema` describes it. */
    content: jsonb('content').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('care_pathways_scope_factor_unique').on(table.scopeKind, table.scopeCode, table.factorKey)],
);

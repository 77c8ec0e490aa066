// SPDX-License-Identifier: EUPL-1.2
// The parents' public pages of a coalition (issue 15 item 1): its own texts per phase and language,
// links to national sites, what its offers cost a parent, with the date a person last checked them.
// No personal data.
import { date, integer, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ParentContent } from '../../../contracts/parents-public.js';
import { coalitions } from '../coalitions/schema.js';

export const parentPages = pgTable('parent_pages', {
  coalitionId: uuid('coalition_id')
    .primaryKey()
    .references(() => coalitions.id),
  /** Checked against contracts/parents-public.ts parentContentSchema before every write. */
  content: jsonb('content').$type<ParentContent>().notNull(),
  reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

// SPDX-License-Identifier: EUPL-1.2
import { sql } from 'drizzle-orm';
import { bigint, check, pgTable, smallint } from 'drizzle-orm/pg-core';

/**
 * The version of everything the national coverage matrix is judged from: published pathways, the
 * directory's services, coalitions and their municipalities, and the municipalities. Every statement
 * that writes to one of those tables raises it, in the same transaction, by statement triggers
 * (migration 0030_offer_data_version). The judged pathways are cached under this number, so the check
 * whether they are still valid is one primary-key read.
 */
export const offerDataVersion = pgTable(
  'offer_data_version',
  {
    id: smallint('id').primaryKey().default(1),
    version: bigint('version', { mode: 'number' }).notNull().default(1),
  },
  (table) => [check('offer_data_version_single_row', sql`${table.id} = 1`)],
);

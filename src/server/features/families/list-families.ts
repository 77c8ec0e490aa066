// SPDX-License-Identifier: EUPL-1.2
// Searches the families the professional's organisation has a care relationship with (or that they
// hold emergency access to). Audited as a search: the number of results, never the search terms.
import type { z } from 'zod';
import type { FamilySummary, familyQuerySchema } from '../../../contracts/families.js';
import { windowOf, type Page } from '../../platform/http/listing.js';
import { findFamilies, type UseCaseContext } from './store.js';

export async function listFamilies(ctx: UseCaseContext, query: z.infer<typeof familyQuerySchema>): Promise<Page<FamilySummary>> {
  const { page, pageSize, ...filters } = query;
  const found = await ctx.store.search({
    resource: 'family',
    perform: (tx) => findFamilies(tx, ctx.store.actor, ctx.now(), filters, windowOf({ page, pageSize })),
    details: (result) => ({ resultCount: result.rows.length, total: result.total }),
    clientIds: (result) => result.rows.map((row) => row.id),
  });
  return { items: found.rows, total: found.total, page, pageSize };
}

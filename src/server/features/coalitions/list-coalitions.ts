// SPDX-License-Identifier: EUPL-1.2
// The register, filtered and paged: every logged-in person reads it (issue 10 item 9).
import type { z } from 'zod';
import type { CoalitionListItem, coalitionQuerySchema } from '../../../contracts/coalitions.js';
import { windowOf, type Page } from '../../platform/http/listing.js';
import { findCoalitions, type UseCaseContext } from './register-store.js';

export async function listCoalitions(ctx: UseCaseContext, query: z.infer<typeof coalitionQuerySchema>): Promise<Page<CoalitionListItem>> {
  const { page, pageSize, ...filters } = query;
  const found = await ctx.store.search({
    resource: 'coalition',
    perform: (tx) => findCoalitions(tx, filters, windowOf({ page, pageSize })),
    details: (result) => ({ resultCount: result.rows.length, total: result.total }),
  });
  return { items: found.rows, total: found.total, page, pageSize };
}

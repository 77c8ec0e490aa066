// SPDX-License-Identifier: EUPL-1.2
// Staff accounts, searchable and paged. An organisation admin sees only people who work for their
// organisation, and of them only that membership.
import { organisationIdsOf } from '../../platform/access/policy.js';
import type { z } from 'zod';
import type { Person, personQuerySchema } from '../../../contracts/organisations.js';
import { windowOf, type Page } from '../../platform/http/listing.js';
import { findPeople, toPerson } from './people-store.js';
import type { UseCaseContext } from './store.js';

export async function listPeople(ctx: UseCaseContext, query: z.infer<typeof personQuerySchema>): Promise<Page<Person>> {
  const { page, pageSize, ...filters } = query;
  const found = await ctx.store.search({
    resource: 'person',
    perform: (tx, scope) =>
      findPeople(tx, organisationIdsOf(scope), filters, windowOf({ page, pageSize })),
    details: (result) => ({ resultCount: result.rows.length, total: result.total }),
  });
  return { items: found.rows.map((row) => toPerson(row, ctx.store.actor)), total: found.total, page, pageSize };
}

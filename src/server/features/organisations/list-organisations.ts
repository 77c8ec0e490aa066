// SPDX-License-Identifier: EUPL-1.2
// The organisation directory, searchable and paged (everyone logged in may look organisations up).
import type { z } from 'zod';
import type { Organisation, organisationQuerySchema } from '../../../contracts/organisations.js';
import type { OrganisationFilters } from './store.js';
import { windowOf, type Page } from '../../platform/http/listing.js';
import { findOrganisations, toOrganisation, type UseCaseContext } from './store.js';

export async function listOrganisations(
  ctx: UseCaseContext,
  query: z.infer<typeof organisationQuerySchema> & Pick<OrganisationFilters, 'anyCode'>,
): Promise<Page<Organisation>> {
  const { page, pageSize, ...filters } = query;
  const found = await ctx.store.search({
    resource: 'organisation',
    perform: (tx, scope) => findOrganisations(tx, scope, filters, windowOf({ page, pageSize })),
    details: (result) => ({ resultCount: result.rows.length, total: result.total }),
  });
  return { items: found.rows.map((row) => toOrganisation(row, ctx.store.actor)), total: found.total, page, pageSize };
}

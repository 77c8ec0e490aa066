// SPDX-License-Identifier: EUPL-1.2
import type { Organisation } from '../../../contracts/organisations.js';
import { findOrganisation, locateOrganisation, toOrganisation, type UseCaseContext } from './store.js';

export async function getOrganisation(ctx: UseCaseContext, id: string): Promise<Organisation> {
  const row = await ctx.store.act({
    resource: 'organisation',
    action: 'read',
    objectId: id,
    locate: (tx) => locateOrganisation(tx, id),
    perform: async (tx) => (await findOrganisation(tx, id))!,
  });
  return toOrganisation(row, ctx.store.actor);
}

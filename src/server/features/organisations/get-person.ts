// SPDX-License-Identifier: EUPL-1.2
import type { Person } from '../../../contracts/organisations.js';
import { findPerson, locatePerson, toPerson, visibleOrganisationsFor } from './people-store.js';
import type { UseCaseContext } from './store.js';

export async function getPerson(ctx: UseCaseContext, id: string): Promise<Person> {
  const row = await ctx.store.act({
    resource: 'person',
    action: 'read',
    objectId: id,
    locate: (tx) => locatePerson(tx, id),
    perform: async (tx) => (await findPerson(tx, id, visibleOrganisationsFor(ctx.store.actor, 'read')))!,
  });
  return toPerson(row, ctx.store.actor);
}

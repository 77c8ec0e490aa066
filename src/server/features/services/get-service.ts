// SPDX-License-Identifier: EUPL-1.2
// One service of the directory, with how current it is and what the actor may do with it.
import type { Service } from '../../../contracts/services.js';
import { findServiceRow, locateService, toService, withOrganisationNames, type UseCaseContext } from './store.js';

export async function getService(ctx: UseCaseContext, id: string): Promise<Service> {
  return ctx.store.act({
    resource: 'service',
    action: 'read',
    objectId: id,
    locate: (tx) => locateService(tx, id),
    perform: async (tx) => {
      const [named] = await withOrganisationNames(tx, [(await findServiceRow(tx, id))!]);
      return toService(named!.row, named!.organisationName, ctx.actor, ctx.now());
    },
  });
}

// SPDX-License-Identifier: EUPL-1.2
// Opens a family's file (the overview): audited as a read of this client.
import type { Family } from '../../../contracts/families.js';
import { actOnFamily } from './care-access.js';
import { findFamilyFile, type UseCaseContext } from './store.js';

export async function getFamily(ctx: UseCaseContext, familyId: string): Promise<Family> {
  return actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'read',
    objectType: 'family',
    perform: async (tx) => (await findFamilyFile(tx, familyId, ctx.store.actor, ctx.now()))!,
  });
}

// SPDX-License-Identifier: EUPL-1.2
// Other registrations (among the families the professional may see) that may be the same client.
import { and, eq } from 'drizzle-orm';
import { actOnFamily } from './care-access.js';
import { families, familyMembers } from './schema.js';
import { findDuplicates, type UseCaseContext } from './store.js';

export async function findFamilyDuplicates(ctx: UseCaseContext, familyId: string) {
  const candidates = await actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'read',
    objectType: 'duplicates',
    perform: async (tx) => {
      const [client] = await tx
        .select({ givenName: familyMembers.givenName, familyName: familyMembers.familyName, birthDate: familyMembers.birthDate, bsn: familyMembers.bsn, postcode: families.postcode })
        .from(familyMembers)
        .innerJoin(families, eq(families.id, familyMembers.familyId))
        .where(and(eq(familyMembers.familyId, familyId), eq(familyMembers.role, 'client')));
      if (!client?.birthDate) return [];
      return findDuplicates(tx, ctx.store.actor, ctx.now(), { ...client, birthDate: client.birthDate, excludeFamilyId: familyId });
    },
    details: (result) => ({ resultCount: result.length }),
    clientIds: (result) => result.map((candidate) => candidate.familyId),
  });
  return { candidates };
}

// SPDX-License-Identifier: EUPL-1.2
// Registers an organisation with the municipalities it serves (platform admin).
import type { z } from 'zod';
import type { Organisation, organisationCreateSchema } from '../../../contracts/organisations.js';
import { organisations } from './schema.js';
import { assertCodesFree, checkMunicipalityCodes, findOrganisation, replaceMunicipalities, toOrganisation, type UseCaseContext } from './store.js';

export async function createOrganisation(
  ctx: UseCaseContext,
  input: z.infer<typeof organisationCreateSchema>,
): Promise<Organisation> {
  const row = await ctx.store.create({
    resource: 'organisation',
    // A new organisation belongs to no organisation yet: only an 'any' reach may create one.
    target: { organisationIds: [] },
    perform: async (tx) => {
      const codes = await checkMunicipalityCodes(tx, input.municipalityCodes);
      await assertCodesFree(tx, null, input);
      const now = ctx.now();
      const [created] = await tx
        .insert(organisations)
        .values({
          name: input.name,
          type: input.type,
          identifier: input.identifier || null,
          agbCode: input.agbCode || null,
          uraCode: input.uraCode || null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: organisations.id });
      await replaceMunicipalities(tx, created!.id, codes);
      return (await findOrganisation(tx, created!.id))!;
    },
  });
  return toOrganisation(row, ctx.store.actor);
}

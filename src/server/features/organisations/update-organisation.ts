// SPDX-License-Identifier: EUPL-1.2
// Edits an organisation. The update grant covers name, identifier and service area (an organisation
// admin: their own organisation only); switching it off or on and changing its type need their own
// grants. Only what differs is written, so repeating the same PATCH changes nothing.
import type { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Organisation, organisationUpdateSchema } from '../../../contracts/organisations.js';
import { decide } from '../../platform/access/policy.js';
import { PolicyDenied } from '../../platform/access/scoped-store.js';
import { organisations } from './schema.js';
import {
  assertCodesFree,
  checkMunicipalityCodes,
  findOrganisation,
  locateOrganisation,
  replaceMunicipalities,
  toOrganisation,
  type UseCaseContext,
} from './store.js';

type OrganisationField = 'name' | 'type' | 'identifier' | 'agbCode' | 'uraCode' | 'municipalityCodes' | 'isActive';

export async function updateOrganisation(
  ctx: UseCaseContext,
  id: string,
  input: z.infer<typeof organisationUpdateSchema>,
): Promise<Organisation> {
  const outcome = await ctx.store.act({
    resource: 'organisation',
    action: 'update',
    objectId: id,
    locate: (tx) => locateOrganisation(tx, id),
    perform: async (tx) => {
      const current = (await findOrganisation(tx, id))!;
      const changes: OrganisationField[] = [];
      const target = { organisationIds: [id] };
      if (input.type !== undefined && input.type !== current.type) {
        const decision = decide(ctx.store.actor, 'organisation', 'change_type', target);
        if (!decision.isAllowed) throw new PolicyDenied('change_type', decision.reason);
        changes.push('type');
      }
      if (input.isActive !== undefined && input.isActive !== current.isActive) {
        const decision = decide(ctx.store.actor, 'organisation', 'deactivate', target);
        if (!decision.isAllowed) throw new PolicyDenied('deactivate', decision.reason);
        changes.push('isActive');
      }
      if (input.name !== undefined && input.name !== current.name) changes.push('name');
      const identifier = input.identifier === undefined ? undefined : input.identifier || null;
      if (identifier !== undefined && identifier !== current.identifier) changes.push('identifier');
      const agbCode = input.agbCode === undefined ? undefined : input.agbCode || null;
      if (agbCode !== undefined && agbCode !== current.agbCode) changes.push('agbCode');
      const uraCode = input.uraCode === undefined ? undefined : input.uraCode || null;
      if (uraCode !== undefined && uraCode !== current.uraCode) changes.push('uraCode');
      await assertCodesFree(tx, id, { agbCode, uraCode });
      if (input.municipalityCodes !== undefined) {
        const codes = (await checkMunicipalityCodes(tx, input.municipalityCodes)).sort();
        if (codes.join() !== current.municipalityCodes.join()) {
          await replaceMunicipalities(tx, id, codes);
          changes.push('municipalityCodes');
        }
      }
      if (changes.length > 0) {
        await tx
          .update(organisations)
          .set({
            ...(changes.includes('name') ? { name: input.name } : {}),
            ...(changes.includes('type') ? { type: input.type } : {}),
            ...(changes.includes('identifier') ? { identifier } : {}),
            ...(changes.includes('agbCode') ? { agbCode } : {}),
            ...(changes.includes('uraCode') ? { uraCode } : {}),
            ...(changes.includes('isActive') ? { isActive: input.isActive } : {}),
            updatedAt: ctx.now(),
          })
          .where(eq(organisations.id, id));
      }
      return { organisation: (await findOrganisation(tx, id))!, changes };
    },
    // Which fields changed, never their values.
    details: (result) => ({ changes: result.changes }),
  });
  return toOrganisation(outcome.organisation, ctx.store.actor);
}

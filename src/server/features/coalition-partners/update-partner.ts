// SPDX-License-Identifier: EUPL-1.2
// Edits a coalition's partner: every field at once (PUT). Ending a partnership is setting `until`; a
// wanted partner that joins gets isWanted false. Audited with the names of the fields that changed.
import { amsterdamDate } from '../../../contracts/calendar.js';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Partner, partnerInputSchema } from '../../../contracts/coalition-partners.js';
import { coalitionPartners } from './schema.js';
import { checkOrganisation, findPartner, toPartner, type LocatedCoalition, type PartnerRow, type UseCaseContext } from './store.js';
import { findCoalitionRef, coalitionTarget } from '../coalitions/coalition-target.js';

const FIELDS = ['organisationId', 'externalName', 'domain', 'level', 'role', 'since', 'until', 'isWanted', 'contactName', 'contactEmail'] as const;

export async function updatePartner(ctx: UseCaseContext, code: string, id: string, input: z.output<typeof partnerInputSchema>): Promise<Partner> {
  const located: { found?: LocatedCoalition; partner?: PartnerRow } = {};
  const result = await ctx.store.act({
    resource: 'coalition',
    action: 'update',
    objectId: id,
    objectType: 'coalition_partner',
    locate: async (tx) => {
      const ref = await findCoalitionRef(tx, code);
      const partner = ref ? await findPartner(tx, ref.id, id) : null;
      if (!ref || !partner) return null;
      located.found = { ref, target: coalitionTarget(ref) };
      located.partner = partner;
      return located.found.target;
    },
    perform: async (tx, target) => {
      const current = located.partner!;
      await checkOrganisation(tx, input.organisationId);
      const changes = FIELDS.filter((field) => current[field] !== input[field]);
      if (changes.length > 0) await tx.update(coalitionPartners).set({ ...input, updatedAt: ctx.now() }).where(eq(coalitionPartners.id, id));
      const row = (await findPartner(tx, located.found!.ref.id, id))!;
      return { partner: toPartner(row, ctx.store.actor, target, amsterdamDate(ctx.now())), changes };
    },
    details: (outcome) => ({ changes: outcome.changes }),
  });
  return result.partner;
}

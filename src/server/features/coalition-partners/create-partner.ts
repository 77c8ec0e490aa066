// SPDX-License-Identifier: EUPL-1.2
// Adds a partner (or a wanted partner) to a coalition. Adding one changes the coalition's register, so
// the policy question is 'update' on the coalition (its coordinators: reach own_coalition); the audit
// row names the new partner (object type coalition_partner, change 'create'). The same partner sent
// again while it is on the list (same organisation or external name, domain, level, role and
// wanted-ness, not ended) returns the existing one: a repeated submit does not make a second. The same
// organisation at another level (bestuurlijk and uitvoerend, seed 001 stap 2) is a second partner row.
import { amsterdamDate } from '../../../contracts/calendar.js';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Partner, partnerInputSchema } from '../../../contracts/coalition-partners.js';
import { coalitionPartners } from './schema.js';
import { checkOrganisation, createOnceInCoalition, findPartner, toPartner, type UseCaseContext } from './store.js';

export async function createPartner(
  ctx: UseCaseContext,
  code: string,
  input: z.output<typeof partnerInputSchema>,
): Promise<{ partner: Partner; isNew: boolean }> {
  const { item, isNew } = await createOnceInCoalition<Partner>(ctx, code, 'coalition_partner', {
    findExisting: async (tx, coalitionId) => {
      await checkOrganisation(tx, input.organisationId);
      const same = input.organisationId
        ? eq(coalitionPartners.organisationId, input.organisationId)
        : sql`lower(${coalitionPartners.externalName}) = lower(${input.externalName})`;
      const [existing] = await tx
        .select({ id: coalitionPartners.id })
        .from(coalitionPartners)
        .where(
          and(
            eq(coalitionPartners.coalitionId, coalitionId),
            same,
            eq(coalitionPartners.domain, input.domain),
            eq(coalitionPartners.level, input.level),
            sql`${coalitionPartners.role} IS NOT DISTINCT FROM ${input.role}`,
            eq(coalitionPartners.isWanted, input.isWanted),
            isNull(coalitionPartners.until),
          ),
        )
        .for('update');
      return existing?.id;
    },
    insert: async (tx, coalitionId, id) => {
      await tx.insert(coalitionPartners).values({ id, coalitionId, ...input, createdAt: ctx.now(), updatedAt: ctx.now() });
    },
    load: async (tx, coalitionId, id, target) => toPartner((await findPartner(tx, coalitionId, id))!, ctx.store.actor, target, amsterdamDate(ctx.now())),
    details: (partner) => ({ partnerId: partner.id, domain: partner.domain, isWanted: partner.isWanted }),
  });
  return { partner: item, isNew };
}

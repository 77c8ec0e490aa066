// SPDX-License-Identifier: EUPL-1.2
// Founds a coalition (a coordinator, or the platform admin): a new KSnnnn code, its first members from
// the start date (the membership rule of seed 003 checked for each, all or nothing), and the founding
// coordinator as its coordinator (seed 001 step 2: the kartrekker). Submitting the same coalition again
// (same name and kind, still active) is refused with the existing code, so nothing is founded twice.
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import type { Coalition, coalitionCreateSchema } from '../../../contracts/coalitions.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { AppError } from '../../platform/errors.js';
import { coalitionCoordinators, coalitions } from './schema.js';
import { addMemberships, currentYearOf, fill, loadCoalition, municipalityNames, nextCoalitionCode, type UseCaseContext } from './register-store.js';
import { coalitionTarget } from './coalition-target.js';

export async function createCoalition(ctx: UseCaseContext, input: z.infer<typeof coalitionCreateSchema>): Promise<Coalition> {
  const actor = ctx.store.actor;
  const created = await ctx.store.create({
    resource: 'coalition',
    // A new coalition belongs to nobody yet: the create grant of coordinators and the admin is 'any'.
    target: { organisationIds: [] },
    perform: async (tx) => {
      const [same] = await tx
        .select({ code: coalitions.code })
        .from(coalitions)
        .where(and(eq(coalitions.name, input.name), eq(coalitions.kind, input.kind), eq(coalitions.isActive, true)));
      if (same) {
        const message = fill(nl.coalitions.duplicateName, { kind: nl.coalitionKindsLower[input.kind], name: input.name, code: same.code });
        throw new AppError('conflict', { message, errors: [{ path: 'body.name', message }] });
      }
      if (input.mandateHolderCode) await municipalityNames(tx, [input.mandateHolderCode], () => 'body.mandateHolderCode');
      const code = await nextCoalitionCode(tx);
      const [row] = await tx
        .insert(coalitions)
        .values({
          code,
          name: input.name,
          kind: input.kind,
          startDate: input.startDate,
          impulseTranche: input.impulseTranche ?? null,
          mandateHolderCode: input.mandateHolderCode ?? null,
          createdAt: ctx.now(),
        })
        .returning({ id: coalitions.id });
      const coalition = { id: row!.id, code, name: input.name, kind: input.kind };
      await addMemberships(
        tx,
        coalition,
        input.municipalityCodes.map((municipalityCode) => ({ municipalityCode, since: input.startDate, until: null })),
        (index) => `body.municipalityCodes.${index}`,
      );
      const isFounder = actor.roles.includes('coalition_coordinator');
      if (isFounder) {
        // From today (not from a start date in the past): coordination is recorded as it happens.
        await tx.insert(coalitionCoordinators).values({ coalitionId: row!.id, personId: actor.personId, role: 'coordinator', since: amsterdamDate(ctx.now()) });
      }
      // What the founder may do from now on: the session's coalitions are read again on the next request.
      const founder = isFounder ? { ...actor, coalitionIds: [...(actor.coalitionIds ?? []), row!.id] } : actor;
      const target = coalitionTarget({ id: row!.id, municipalityCodes: [...input.municipalityCodes].sort() });
      const page = await loadCoalition(tx, row!.id, { year: currentYearOf(ctx), today: amsterdamDate(ctx.now()), actor: founder, target });
      return { id: row!.id, page };
    },
  });
  return created.page;
}

// SPDX-License-Identifier: EUPL-1.2
// Adds a municipality to a coalition for a period. Seed 003: at most one local coalition and one
// regional collaboration at the same time — a municipality in a second local coalition is refused with
// a Dutch message naming the other coalition. The same membership twice changes nothing.
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { z } from 'zod';
import type { Coalition, membershipCreateSchema } from '../../../contracts/coalitions.js';
import { coalitionTarget, findCoalitionRef } from './coalition-target.js';
import { addMemberships, changeCoalition, currentYearOf, loadCoalition, type UseCaseContext } from './register-store.js';

export async function addMembership(ctx: UseCaseContext, code: string, input: z.infer<typeof membershipCreateSchema>): Promise<{ coalition: Coalition; isNew: boolean }> {
  return changeCoalition(
    ctx,
    code,
    'member_added',
    async (tx, ref) => {
      const added = await addMemberships(tx, ref, [{ municipalityCode: input.municipalityCode, since: input.since, until: input.until ?? null }], () => 'body.municipalityCode');
      const now = (await findCoalitionRef(tx, code))!;
      const coalition = await loadCoalition(tx, ref.id, { year: currentYearOf(ctx), today: amsterdamDate(ctx.now()), actor: ctx.store.actor, target: coalitionTarget(now) });
      return { coalition, isNew: added.length > 0 };
    },
    { details: (result) => ({ municipalityCode: input.municipalityCode, isNew: result.isNew }) },
  );
}

// SPDX-License-Identifier: EUPL-1.2
// The steering group (seed 001 step 2, the bestuurlijk level): people named by name, organisation and
// function — not accounts. Adding the same member twice changes nothing; removing is by id.
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import type { Coalition, steeringMemberCreateSchema } from '../../../contracts/coalitions.js';
import { AppError } from '../../platform/errors.js';
import { coalitionSteeringMembers } from './schema.js';
import { coalitionTarget } from './coalition-target.js';
import { changeCoalition, currentYearOf, loadCoalition, type UseCaseContext } from './register-store.js';

export async function addSteeringMember(ctx: UseCaseContext, code: string, input: z.infer<typeof steeringMemberCreateSchema>): Promise<Coalition> {
  return changeCoalition(ctx, code, 'steering_member_added', async (tx, ref) => {
    const [same] = await tx
      .select({ id: coalitionSteeringMembers.id })
      .from(coalitionSteeringMembers)
      .where(
        and(
          eq(coalitionSteeringMembers.coalitionId, ref.id),
          eq(coalitionSteeringMembers.name, input.name),
          eq(coalitionSteeringMembers.organisation, input.organisation),
          eq(coalitionSteeringMembers.function, input.function),
        ),
      );
    if (!same) await tx.insert(coalitionSteeringMembers).values({ coalitionId: ref.id, ...input, createdAt: ctx.now() });
    return loadCoalition(tx, ref.id, { year: currentYearOf(ctx), today: amsterdamDate(ctx.now()), actor: ctx.store.actor, target: coalitionTarget(ref) });
  });
}

export async function removeSteeringMember(ctx: UseCaseContext, code: string, id: string): Promise<Coalition> {
  return changeCoalition(
    ctx,
    code,
    'steering_member_removed',
    async (tx, ref) => {
      const removed = await tx
        .delete(coalitionSteeringMembers)
        .where(and(eq(coalitionSteeringMembers.coalitionId, ref.id), eq(coalitionSteeringMembers.id, id)))
        .returning({ id: coalitionSteeringMembers.id });
      if (removed.length === 0) throw new AppError('not_found');
      return loadCoalition(tx, ref.id, { year: currentYearOf(ctx), today: amsterdamDate(ctx.now()), actor: ctx.store.actor, target: coalitionTarget(ref) });
    },
    { details: () => ({ steeringMemberId: id }) },
  );
}

// SPDX-License-Identifier: EUPL-1.2
// Names a coordinator (kartrekker) or deputy of a coalition (seed 001 step 2), for a period. Only a
// person with an active account who holds the coalition coordinator role at an organisation: the
// role is what the policy's 'own_coalition' reach is granted to. The same naming twice changes nothing.
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { z } from 'zod';
import { and, eq, sql } from 'drizzle-orm';
import type { Coalition, coordinatorCreateSchema } from '../../../contracts/coalitions.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { AppError } from '../../platform/errors.js';
import { people } from '../organisations/schema.js';
import { coalitionCoordinators } from './schema.js';
import { coalitionTarget } from './coalition-target.js';
import { changeCoalition, currentYearOf, fill, loadCoalition, type UseCaseContext } from './register-store.js';

function refuse(message: string, path = 'body.email'): never {
  throw new AppError('validation_failed', { message, errors: [{ path, message }] });
}

export async function addCoordinator(ctx: UseCaseContext, code: string, input: z.infer<typeof coordinatorCreateSchema>): Promise<Coalition> {
  return changeCoalition(
    ctx,
    code,
    'coordinator_added',
    async (tx, ref) => {
      const [person] = await tx
        .select({
          id: people.id,
          name: people.name,
          isCoordinator: sql<boolean>`EXISTS (SELECT 1 FROM memberships ms WHERE ms.person_id = "people"."id" AND 'coalition_coordinator' = ANY(ms.roles))`,
        })
        .from(people)
        .where(and(eq(people.email, input.email), eq(people.isActive, true)));
      if (!person) refuse(nl.coalitions.noAccount);
      if (!person.isCoordinator) refuse(fill(nl.coalitions.notCoordinatorRole, { name: person.name }));
      const [existing] = await tx
        .select()
        .from(coalitionCoordinators)
        .where(and(eq(coalitionCoordinators.coalitionId, ref.id), eq(coalitionCoordinators.personId, person.id)));
      const until = input.until ?? null;
      if (existing && !(existing.role === input.role && existing.since === input.since && existing.until === until)) {
        const message = fill(nl.coalitions.alreadyCoordinator, { name: person.name });
        throw new AppError('conflict', { message, errors: [{ path: 'body.email', message }] });
      }
      if (!existing) await tx.insert(coalitionCoordinators).values({ coalitionId: ref.id, personId: person.id, role: input.role, since: input.since, until });
      return loadCoalition(tx, ref.id, { year: currentYearOf(ctx), today: amsterdamDate(ctx.now()), actor: ctx.store.actor, target: coalitionTarget(ref) });
    },
    { details: () => ({ role: input.role }) },
  );
}

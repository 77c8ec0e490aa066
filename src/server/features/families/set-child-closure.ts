// SPDX-License-Identifier: EUPL-1.2
// Sets a closure flag on a child of the family (afscherming): from now on a parent with authority sees
// a neutral message instead of the child (my-children), and the copy of the data leaves the child out.
// The policy decides on 'child_closure' with the organisations that have a care relationship (an
// emergency access does not count); one flag in force per child (409 child_closure_active). Audited as
// a change to the family's file naming the child, never the reason.
import type { z } from 'zod';
import type { ChildClosure, childClosureCreateSchema } from '../../../contracts/families.js';
import { AppError } from '../../platform/errors.js';
import { actOnChildClosure } from './care-access.js';
import { findActiveClosures, findClosure } from './child-closure-store.js';
import { childClosures } from './schema.js';
import type { UseCaseContext } from './store.js';

export async function setChildClosure(
  ctx: UseCaseContext,
  familyId: string,
  childId: string,
  input: z.infer<typeof childClosureCreateSchema>,
): Promise<ChildClosure> {
  const actor = ctx.store.actor;
  const now = ctx.now();
  return actOnChildClosure(ctx.store, ctx.now, { familyId, childId, decision: 'create', change: 'closure_set' }, async (tx) => {
    if ((await findActiveClosures(tx, familyId)).has(childId)) throw new AppError('child_closure_active');
    const [row] = await tx
      .insert(childClosures)
      .values({ childId, reason: input.reason, setById: actor.personId, setByOrganisationId: actor.organisationId, setAt: now })
      .returning({ id: childClosures.id });
    return (await findClosure(tx, childId, row!.id))!;
  });
}

// SPDX-License-Identifier: EUPL-1.2
// Lifts a child's closure flag: a parent with authority sees the child again. Decided like setting one
// (a care relationship, not an emergency access); a flag lifted before is not lifted twice (409
// child_closure_lifted). The row stays, with who lifted it and when. Audited as a change to the
// family's file naming the child.
import { and, eq, isNull } from 'drizzle-orm';
import type { ChildClosure } from '../../../contracts/families.js';
import { AppError } from '../../platform/errors.js';
import { actOnChildClosure } from './care-access.js';
import { findClosure } from './child-closure-store.js';
import { childClosures } from './schema.js';
import type { UseCaseContext } from './store.js';

export async function liftChildClosure(ctx: UseCaseContext, familyId: string, childId: string, closureId: string): Promise<ChildClosure> {
  const now = ctx.now();
  return actOnChildClosure(ctx.store, ctx.now, { familyId, childId, decision: 'update', change: 'closure_lifted' }, async (tx) => {
    const closure = await findClosure(tx, childId, closureId);
    if (!closure) throw new AppError('not_found');
    if (closure.liftedAt !== null) throw new AppError('child_closure_lifted');
    await tx
      .update(childClosures)
      .set({ liftedAt: now, liftedById: ctx.store.actor.personId })
      .where(and(eq(childClosures.id, closureId), isNull(childClosures.liftedAt)));
    return (await findClosure(tx, childId, closureId))!;
  });
}

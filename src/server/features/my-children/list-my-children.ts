// SPDX-License-Identifier: EUPL-1.2
// The tiles on Mijn Kansrijke Start: each child the parent may see (born, under 12, under their
// authority per the register), by given name and whether it is closed. Each child shown is audited as
// read by the parent, with the child's family as client.
import type { MyChildren } from '../../../contracts/my-start.js';
import { appendAuditEvent } from '../../platform/audit/audit-log.js';
import { parentActorFields } from '../my-start/parent-access.js';
import { childrenInView, type ChildContext } from './child-standing.js';

export async function listMyChildren(ctx: ChildContext): Promise<MyChildren> {
  const children = await childrenInView(ctx);
  if (children.length === 0) return { items: [] };
  return ctx.db.transaction(async (tx) => {
    for (const child of children) {
      await appendAuditEvent(
        tx,
        {
          ...parentActorFields(ctx.parent, ctx.origin),
          action: 'search',
          outcome: 'success',
          objectType: 'child',
          objectId: child.childId,
          clientId: child.familyId,
          details: { view: 'tile' },
        },
        ctx.now,
      );
    }
    return { items: children.map((child) => ({ childId: child.childId, givenName: child.givenName, isClosed: child.isClosed })) };
  });
}

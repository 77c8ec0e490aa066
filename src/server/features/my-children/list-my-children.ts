// SPDX-License-Identifier: EUPL-1.2
// The tiles on Mijn Kansrijke Start: each child the parent may see (born, under 12, under their
// authority per the register), by given name and whether it is closed. Audited as one search by the
// parent that names every child's family it showed.
import type { MyChildren } from '../../../contracts/my-start.js';
import { appendAuditEventAlone } from '../../platform/audit/audit-log.js';
import { parentActorFields } from '../my-start/parent-access.js';
import { childrenInView, type ChildContext } from './child-standing.js';

export async function listMyChildren(ctx: ChildContext): Promise<MyChildren> {
  const children = await childrenInView(ctx);
  if (children.length === 0) return { items: [] };
  // One row for the request, naming every child's family it showed (NEN 7513, as every list does).
  await appendAuditEventAlone(
    ctx.db,
    {
      ...parentActorFields(ctx.parent, ctx.origin),
      action: 'search',
      outcome: 'success',
      objectType: 'child',
      clientIds: children.map((child) => child.familyId),
      details: { view: 'tile', childIds: children.map((child) => child.childId) },
    },
    ctx.now,
  );
  return { items: children.map((child) => ({ childId: child.childId, givenName: child.givenName, isClosed: child.isClosed })) };
}

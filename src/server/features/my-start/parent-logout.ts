// SPDX-License-Identifier: EUPL-1.2
// A parent logs out here, or everywhere (every session of the same parent ends at once), like staff.
import { appendAuditEvent } from '../../platform/audit/audit-log.js';
import { parentActorFields, type ParentContext } from './parent-access.js';
import { revokeParentSessions } from './parent-session.js';

export function logoutParent(ctx: ParentContext, everywhere: boolean): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const scope = everywhere ? { memberId: ctx.parent.memberId } : { sessionId: ctx.parent.sessionId };
    const ended = await revokeParentSessions(tx, scope, ctx.now);
    await appendAuditEvent(
      tx,
      {
        ...parentActorFields(ctx.parent, ctx.origin),
        action: everywhere ? 'session_revoked' : 'logout',
        outcome: 'success',
        objectType: 'session',
        objectId: ctx.parent.sessionId,
        details: { method: 'parent_oidc', endedSessionCount: ended },
      },
      ctx.now,
    );
    return ended;
  });
}

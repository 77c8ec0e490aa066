// SPDX-License-Identifier: EUPL-1.2
import { and, eq, isNull } from 'drizzle-orm';
import type { ResolvedSession } from '../../platform/auth/session.js';
import { AppError } from '../../platform/errors.js';
import type { AuthContext } from './auth-context.js';
import { auditAuthEvent } from './auth-audit.js';
import { sessions } from './schema.js';
import { inTransaction } from './store.js';

/**
 * Ends one of the person's own sessions. Someone else's session answers exactly like a session that
 * does not exist (404), so ids cannot be probed. Returns whether it was the current session.
 */
export async function revokeOwnSession(ctx: AuthContext, session: ResolvedSession, sessionId: string): Promise<{ isCurrent: boolean }> {
  return inTransaction(ctx.db, async (tx) => {
    const revoked = await tx
      .update(sessions)
      .set({ revokedAt: ctx.now })
      .where(and(eq(sessions.id, sessionId), eq(sessions.personId, session.personId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    if (revoked.length === 0) throw new AppError('not_found');
    await auditAuthEvent(tx, ctx, {
      action: 'session_revoked',
      outcome: 'success',
      personId: session.personId,
      organisationId: session.organisationId,
      roles: session.roles,
      details: { isCurrent: sessionId === session.id },
    });
    return { isCurrent: sessionId === session.id };
  });
}

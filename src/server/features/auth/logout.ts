// SPDX-License-Identifier: EUPL-1.2
import { revokeSession, type ResolvedSession } from '../../platform/auth/session.js';
import type { AuthContext } from './auth-context.js';
import { auditAuthEvent } from './auth-audit.js';
import { inTransaction } from './store.js';

/** Ends the current session (at any stage). */
export async function logout(ctx: AuthContext, session: ResolvedSession): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    await revokeSession(tx, session.id, ctx.now);
    await auditAuthEvent(tx, ctx, {
      action: 'logout',
      outcome: 'success',
      personId: session.personId,
      organisationId: session.organisationId,
      roles: session.roles,
      details: { scope: 'this_session' },
    });
  });
}

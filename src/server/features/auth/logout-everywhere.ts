// SPDX-License-Identifier: EUPL-1.2
import { revokeAllSessions, type ResolvedSession } from '../../platform/auth/session.js';
import type { AuthContext } from './auth-context.js';
import { auditAuthEvent } from './auth-audit.js';
import { inTransaction } from './store.js';

/** Ends every session of the person, this one included (e.g. after losing a device). */
export async function logoutEverywhere(ctx: AuthContext, session: ResolvedSession): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const count = await revokeAllSessions(tx, session.personId, ctx.now);
    await auditAuthEvent(tx, ctx, {
      action: 'logout',
      outcome: 'success',
      personId: session.personId,
      organisationId: session.organisationId,
      roles: session.roles,
      details: { scope: 'everywhere', sessions: count },
    });
  });
}

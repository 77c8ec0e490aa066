// SPDX-License-Identifier: EUPL-1.2
// Second step of login: a TOTP or recovery code turns a pending session into an active one.
import { revokeSession, rotateSessionToken, type ResolvedSession } from '../../platform/auth/session.js';
import { accountLocked, clearLoginFailures, currentLockout, recordLoginFailure, throttleKeyFor } from '../../platform/auth/login-throttle.js';
import { AppError } from '../../platform/errors.js';
import type { AuthContext } from './auth-context.js';
import { auditAuthEvent, auditAuthEventAlone } from './auth-audit.js';
import { consumeSecondFactorCode } from './second-factor-code.js';
import type { SessionGrant } from './open-session.js';
import { loadSessionInfo } from './session-info.js';
import { findAccountById, inTransaction } from './store.js';

export async function verifySecondFactor(ctx: AuthContext, session: ResolvedSession, code: string): Promise<SessionGrant> {
  if (session.stage !== 'second_factor') throw new AppError('forbidden');
  const account = await findAccountById(ctx.db, session.personId);
  if (!account) throw new AppError('unauthenticated');
  const throttleKey = throttleKeyFor(account.email);
  const actor = { personId: account.id, organisationId: session.organisationId, roles: session.roles };
  const lockedUntil = await currentLockout(ctx.db, throttleKey, ctx.now);
  if (lockedUntil) {
    // A locked name has to start over with its password once the lockout ends.
    await revokeSession(ctx.db, session.id, ctx.now);
    throw accountLocked(lockedUntil, ctx.now);
  }
  const method = await consumeSecondFactorCode(ctx.db, account, code, ctx.now);
  if (!method) {
    const newLockout = await recordLoginFailure(ctx.db, throttleKey, ctx.config, ctx.now);
    await auditAuthEventAlone(ctx, { action: 'second_factor_failed', outcome: 'failure', ...actor });
    if (newLockout) {
      await revokeSession(ctx.db, session.id, ctx.now);
      throw accountLocked(newLockout, ctx.now);
    }
    throw new AppError('second_factor_invalid');
  }
  return inTransaction(ctx.db, async (tx) => {
    const issued = await rotateSessionToken(tx, session.id, { stage: 'active' }, ctx.now);
    await clearLoginFailures(tx, throttleKey);
    await auditAuthEvent(tx, ctx, { action: 'login', outcome: 'success', ...actor, details: { method, stage: 'active' } });
    return { token: issued.token, expiresAt: issued.expiresAt, info: await loadSessionInfo(tx, session.id, ctx.config) };
  });
}

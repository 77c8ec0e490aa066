// SPDX-License-Identifier: EUPL-1.2
// Password login: the first factor. Every way to fail gives the same answer, takes the same time
// (argon2 runs against a dummy hash for unknown names) and counts toward the same lockout.
import { verifyAgainstDummy, verifyPassword } from '../../platform/auth/password.js';
import { accountLocked, currentLockout, recordLoginFailure, throttleKeyFor } from '../../platform/auth/login-throttle.js';
import { AppError } from '../../platform/errors.js';
import type { AuthContext } from './auth-context.js';
import { auditAuthEventAlone, auditLogin } from './auth-audit.js';
import { openSession, type SessionGrant } from './open-session.js';
import { findAccountByEmail, inTransaction, type AccountRecord } from './store.js';

export interface LoginInput {
  email: string;
  password: string;
}

type FailureReason = 'unknown_account' | 'inactive' | 'no_password' | 'wrong_password';

export async function login(ctx: AuthContext, input: LoginInput): Promise<SessionGrant> {
  const throttleKey = throttleKeyFor(input.email);
  const account = await findAccountByEmail(ctx.db, input.email);
  const lockedUntil = await currentLockout(ctx.db, throttleKey, ctx.now);
  if (lockedUntil) {
    await auditAuthEventAlone(ctx, { action: 'login_failed', outcome: 'denied', personId: account?.id ?? null, details: { reason: 'locked' } });
    throw accountLocked(lockedUntil, ctx.now);
  }
  const failure = await checkPassword(account, input.password);
  if (failure || !account) {
    const newLockout = await recordLoginFailure(ctx.db, throttleKey, ctx.config, ctx.now);
    await auditAuthEventAlone(ctx, {
      action: 'login_failed',
      outcome: 'failure',
      personId: account?.id ?? null,
      details: { reason: failure ?? 'unknown_account', method: 'password' },
    });
    if (newLockout) throw accountLocked(newLockout, ctx.now);
    throw new AppError('invalid_credentials');
  }
  return inTransaction(ctx.db, async (tx) => {
    const session = await openSession(tx, ctx, account);
    await auditLogin(tx, ctx, account.id, session, 'password');
    return session;
  });
}

/** Null when the password is right for an active account; otherwise why not (for the audit only). */
async function checkPassword(account: AccountRecord | undefined, password: string): Promise<FailureReason | null> {
  if (!account?.passwordHash) {
    await verifyAgainstDummy(password);
    return account ? 'no_password' : 'unknown_account';
  }
  const isValid = await verifyPassword(account.passwordHash, password);
  if (!isValid) return 'wrong_password';
  return account.isActive ? null : 'inactive';
}

// SPDX-License-Identifier: EUPL-1.2
// Changing one's own password. The current password is asked again (a session left open must not
// be enough), and every other session ends, since a changed password often means a leaked one.
import { eq } from 'drizzle-orm';
import { hashPassword, verifyPassword } from '../../platform/auth/password.js';
import { revokeAllSessions, type ResolvedSession } from '../../platform/auth/session.js';
import { accountLocked, currentLockout, recordLoginFailure, throttleKeyFor } from '../../platform/auth/login-throttle.js';
import { AppError } from '../../platform/errors.js';
import { people } from '../organisations/schema.js';
import type { AuthContext } from './auth-context.js';
import { auditAuthEvent, auditAuthEventAlone } from './auth-audit.js';
import { assertPasswordPolicy } from './password-policy.js';
import { findAccountById, inTransaction } from './store.js';

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

export async function changePassword(ctx: AuthContext, session: ResolvedSession, change: PasswordChange): Promise<void> {
  const account = await findAccountById(ctx.db, session.personId);
  if (!account) throw new AppError('unauthenticated');
  const actor = { personId: account.id, organisationId: session.organisationId, roles: session.roles };
  // Guessing the current password from an open session counts toward the same lockout as login.
  const throttleKey = throttleKeyFor(account.email);
  const lockedUntil = await currentLockout(ctx.db, throttleKey, ctx.now);
  if (lockedUntil) throw accountLocked(lockedUntil, ctx.now);
  const isCurrentValid = account.passwordHash ? await verifyPassword(account.passwordHash, change.currentPassword) : false;
  if (!isCurrentValid) {
    const newLockout = await recordLoginFailure(ctx.db, throttleKey, ctx.config, ctx.now);
    await auditAuthEventAlone(ctx, { action: 'password_changed', outcome: 'failure', ...actor, details: { reason: 'wrong_password' } });
    if (newLockout) throw accountLocked(newLockout, ctx.now);
    throw new AppError('invalid_credentials');
  }
  assertPasswordPolicy(change.newPassword, account.email, 'newPassword');
  const passwordHash = await hashPassword(change.newPassword);
  await inTransaction(ctx.db, async (tx) => {
    await tx.update(people).set({ passwordHash, passwordChangedAt: ctx.now, updatedAt: ctx.now }).where(eq(people.id, account.id));
    const revoked = await revokeAllSessions(tx, account.id, ctx.now, session.id);
    await auditAuthEvent(tx, ctx, { action: 'password_changed', outcome: 'success', ...actor, details: { revokedSessions: revoked } });
  });
}

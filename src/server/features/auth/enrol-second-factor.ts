// SPDX-License-Identifier: EUPL-1.2
// Start (re-)enrolling TOTP: a new secret, kept on the session until a first code confirms it.
// Replacing an existing second factor needs more than an open session: the password AND a current
// code (or a recovery code), so a stolen session cookie cannot swap in the thief's authenticator.
import { eq } from 'drizzle-orm';
import type { ResolvedSession } from '../../platform/auth/session.js';
import { newTotpSecret, totpQrCode, totpUri } from '../../platform/auth/totp.js';
import { verifyPassword } from '../../platform/auth/password.js';
import { accountLocked, currentLockout, recordLoginFailure, throttleKeyFor } from '../../platform/auth/login-throttle.js';
import { AppError } from '../../platform/errors.js';
import type { AuthContext } from './auth-context.js';
import { auditAuthEventAlone } from './auth-audit.js';
import { consumeSecondFactorCode } from './second-factor-code.js';
import { sessions } from './schema.js';
import { findAccountById, type AccountRecord } from './store.js';

export interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrCodeDataUrl: string;
}

/** What proves the person is the account holder before their second factor is replaced. */
export interface EnrolmentProof {
  currentPassword?: string | undefined;
  code?: string | undefined;
}

export async function enrolSecondFactor(ctx: AuthContext, session: ResolvedSession, proof: EnrolmentProof = {}): Promise<Enrolment> {
  // Knowing only the password of someone with TOTP must never allow replacing their second factor.
  if (session.stage === 'second_factor') throw new AppError('forbidden');
  const account = await findAccountById(ctx.db, session.personId);
  if (!account) throw new AppError('unauthenticated');
  if (account.totpEnabledAt) await assertAccountHolder(ctx, session, account, proof);
  const secret = newTotpSecret();
  await ctx.db.update(sessions).set({ pendingTotpSecret: secret }).where(eq(sessions.id, session.id));
  const otpauthUri = totpUri(secret, session.email);
  return { secret, otpauthUri, qrCodeDataUrl: await totpQrCode(otpauthUri) };
}

/** Password and a current code (or a recovery code); failures count toward the login lockout and are audited. */
async function assertAccountHolder(ctx: AuthContext, session: ResolvedSession, account: AccountRecord, proof: EnrolmentProof) {
  const actor = { personId: account.id, organisationId: session.organisationId, roles: session.roles };
  const throttleKey = throttleKeyFor(account.email);
  const lockedUntil = await currentLockout(ctx.db, throttleKey, ctx.now);
  if (lockedUntil) throw accountLocked(lockedUntil, ctx.now);
  const isPasswordValid = Boolean(account.passwordHash && proof.currentPassword) && (await verifyPassword(account.passwordHash!, proof.currentPassword!));
  // The code is only consumed once the password is right, so a wrong password does not burn a recovery code.
  const method = isPasswordValid && proof.code ? await consumeSecondFactorCode(ctx.db, account, proof.code, ctx.now) : null;
  if (isPasswordValid && method) return;
  const reason = isPasswordValid ? 'wrong_code' : 'wrong_password';
  const newLockout = await recordLoginFailure(ctx.db, throttleKey, ctx.config, ctx.now);
  await auditAuthEventAlone(ctx, { action: 'second_factor_enrolled', outcome: 'failure', ...actor, details: { reenrolment: true, reason } });
  if (newLockout) throw accountLocked(newLockout, ctx.now);
  throw new AppError(isPasswordValid ? 'second_factor_invalid' : 'invalid_credentials');
}

// SPDX-License-Identifier: EUPL-1.2
// Finish enrolling TOTP: the first code proves the app has the secret; then the secret replaces any
// earlier one, fresh recovery codes are issued (shown once), every other session of the person ends
// and this one becomes active.
import { eq } from 'drizzle-orm';
import { revokeAllSessions, rotateSessionToken, type ResolvedSession } from '../../platform/auth/session.js';
import { newRecoveryCodes, verifyTotpCode } from '../../platform/auth/totp.js';
import { clearLoginFailures, throttleKeyFor } from '../../platform/auth/login-throttle.js';
import { AppError } from '../../platform/errors.js';
import { people } from '../organisations/schema.js';
import type { AuthContext } from './auth-context.js';
import { auditAuthEvent, auditAuthEventAlone } from './auth-audit.js';
import type { SessionGrant } from './open-session.js';
import { recoveryCodes, sessions } from './schema.js';
import { loadSessionInfo } from './session-info.js';
import { inTransaction } from './store.js';

export interface ConfirmedEnrolment {
  recoveryCodes: string[];
  grant: SessionGrant;
}

export async function confirmEnrolment(ctx: AuthContext, session: ResolvedSession, code: string): Promise<ConfirmedEnrolment> {
  if (session.stage === 'second_factor') throw new AppError('forbidden');
  const [row] = await ctx.db
    .select({ pendingTotpSecret: sessions.pendingTotpSecret })
    .from(sessions)
    .where(eq(sessions.id, session.id));
  const secret = row?.pendingTotpSecret;
  if (!secret) throw new AppError('conflict');
  const actor = { personId: session.personId, organisationId: session.organisationId, roles: session.roles };
  const step = await verifyTotpCode(secret, code.trim(), ctx.now, null);
  if (step === null) {
    await auditAuthEventAlone(ctx, { action: 'second_factor_failed', outcome: 'failure', ...actor, details: { during: 'enrolment' } });
    throw new AppError('second_factor_invalid');
  }
  const codes = newRecoveryCodes();
  return inTransaction(ctx.db, async (tx) => {
    await tx
      .update(people)
      .set({ totpSecret: secret, totpEnabledAt: ctx.now, totpLastStep: step, updatedAt: ctx.now })
      .where(eq(people.id, session.personId));
    // Codes of an earlier enrolment stop working: only the set shown now is valid.
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.personId, session.personId));
    await tx.insert(recoveryCodes).values(codes.hashes.map((codeHash) => ({ personId: session.personId, codeHash })));
    const issued = await rotateSessionToken(tx, session.id, { stage: 'active', pendingTotpSecret: null }, ctx.now);
    // A new second factor ends every other session: one opened with the old factor must not outlive it.
    const revokedSessions = await revokeAllSessions(tx, session.personId, ctx.now, session.id);
    await clearLoginFailures(tx, throttleKeyFor(session.email));
    await auditAuthEvent(tx, ctx, {
      action: 'second_factor_enrolled',
      outcome: 'success',
      ...actor,
      details: { reenrolment: session.stage === 'active', revokedSessions },
    });
    const info = await loadSessionInfo(tx, session.id, ctx.config);
    return { recoveryCodes: codes.codes, grant: { token: issued.token, expiresAt: issued.expiresAt, info } };
  });
}

// SPDX-License-Identifier: EUPL-1.2
// Start (re-)enrolling TOTP: a new secret, kept on the session until a first code confirms it.
import { eq } from 'drizzle-orm';
import type { ResolvedSession } from '../../platform/auth/session.js';
import { newTotpSecret, totpQrCode, totpUri } from '../../platform/auth/totp.js';
import { AppError } from '../../platform/errors.js';
import type { AuthContext } from './auth-context.js';
import { sessions } from './schema.js';

export interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrCodeDataUrl: string;
}

export async function enrolSecondFactor(ctx: AuthContext, session: ResolvedSession): Promise<Enrolment> {
  // Knowing only the password of someone with TOTP must never allow replacing their second factor.
  if (session.stage === 'second_factor') throw new AppError('forbidden');
  const secret = newTotpSecret();
  await ctx.db.update(sessions).set({ pendingTotpSecret: secret }).where(eq(sessions.id, session.id));
  const otpauthUri = totpUri(secret, session.email);
  return { secret, otpauthUri, qrCodeDataUrl: await totpQrCode(otpauthUri) };
}

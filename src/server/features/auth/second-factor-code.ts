// SPDX-License-Identifier: EUPL-1.2
// Accepting a second-factor code: a TOTP code (each time step once) or an unused recovery code.
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import { hashRecoveryCode, verifyTotpCode } from '../../platform/auth/totp.js';
import { people } from '../organisations/schema.js';
import { recoveryCodes } from './schema.js';
import type { AccountRecord } from './store.js';

export type SecondFactorMethod = 'totp' | 'recovery_code';

/** Consumes the code when it is valid and returns how it was accepted; null when refused. */
export async function consumeSecondFactorCode(
  db: Executor,
  account: AccountRecord,
  code: string,
  now: Date,
): Promise<SecondFactorMethod | null> {
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed)) {
    if (!account.totpSecret || !account.totpEnabledAt) return null;
    const step = await verifyTotpCode(account.totpSecret, trimmed, now, account.totpLastStep);
    if (step === null) return null;
    // Conditional on the stored step, so two requests racing with the same code cannot both pass.
    const accepted = await db
      .update(people)
      .set({ totpLastStep: step })
      .where(and(eq(people.id, account.id), or(isNull(people.totpLastStep), lt(people.totpLastStep, step))))
      .returning({ id: people.id });
    return accepted.length > 0 ? 'totp' : null;
  }
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.personId, account.id),
        eq(recoveryCodes.codeHash, hashRecoveryCode(trimmed)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length > 0 ? 'recovery_code' : null;
}

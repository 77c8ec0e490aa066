// SPDX-License-Identifier: EUPL-1.2
// Temporary lockout per login name after repeated failures (passwords and second-factor codes alike).
// Keyed by the hash of the name, whether or not an account exists, so a lockout reveals nothing
// about which accounts exist and the table holds no e-mail addresses.
import { eq, sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { queryRows, type Executor } from '../db/connection.js';
import { AppError } from '../errors.js';
import { loginThrottle } from '../../features/auth/schema.js';
import { hashToken } from './tokens.js';

export function throttleKeyFor(email: string): string {
  return hashToken(email.trim().toLowerCase());
}

/** The end of the current lockout of this login name, or null when it may try. */
export async function currentLockout(db: Executor, key: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(eq(loginThrottle.keyHash, key));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/**
 * Counts one failure within the lockout window (an older failure starts the count afresh) and locks
 * the name once the count reaches the maximum. One statement, so concurrent failures all count.
 * Returns the end of the lockout when this failure caused one.
 */
export async function recordLoginFailure(db: Executor, key: string, config: Config, now: Date): Promise<Date | null> {
  const windowMs = config.login.lockoutMinutes * 60_000;
  const nowText = now.toISOString();
  const windowStart = new Date(now.getTime() - windowMs).toISOString();
  const lockUntil = new Date(now.getTime() + windowMs).toISOString();
  const max = config.login.maxFailures;
  const [row] = await queryRows<{ failures: number; locked_until: string | Date | null }>(
    db,
    sql`INSERT INTO login_throttle AS throttle (key_hash, failures, last_failure_at, locked_until)
        VALUES (${key}, 1, ${nowText}::timestamptz, CASE WHEN 1 >= ${max}::int THEN ${lockUntil}::timestamptz END)
        ON CONFLICT (key_hash) DO UPDATE SET
          failures = CASE WHEN throttle.last_failure_at > ${windowStart}::timestamptz THEN throttle.failures + 1 ELSE 1 END,
          last_failure_at = ${nowText}::timestamptz,
          locked_until = CASE
            WHEN (CASE WHEN throttle.last_failure_at > ${windowStart}::timestamptz THEN throttle.failures + 1 ELSE 1 END) >= ${max}::int
            THEN ${lockUntil}::timestamptz
            ELSE throttle.locked_until END
        RETURNING failures, locked_until`,
  );
  if (!row || row.failures < max || !row.locked_until) return null;
  return new Date(row.locked_until);
}

/** A successful login forgets earlier failures. */
export async function clearLoginFailures(db: Executor, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.keyHash, key));
}

/** The one answer for a locked name, identical whether or not the account exists. */
export function accountLocked(lockedUntil: Date, now: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  return new AppError('account_locked', { retryAfterSeconds });
}

// SPDX-License-Identifier: EUPL-1.2
// `npm run account:unlock -- --email …`: the operator lifts the temporary lockout of a login name
// before its window ends (a colleague who mistyped five times and cannot wait). The lockout is kept
// per hashed name, whether or not an account exists (login-throttle.ts); lifting it is audited with
// the person's id when there is an account, and never with the e-mail address.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import { appendAuditEvent } from '../../platform/audit/audit-log.js';
import { throttleKeyFor } from '../../platform/auth/login-throttle.js';
import { loginThrottle } from './schema.js';
import { people } from '../organisations/schema.js';

export interface UnlockResult {
  /** The name was locked at this moment (not merely counting failures). */
  wasLocked: boolean;
  /** Failures counted against the name before they were forgotten. */
  failures: number;
  /** An account with this e-mail address exists. */
  hasAccount: boolean;
}

export async function unlockLogin(db: Executor, email: string, now: Date): Promise<UnlockResult> {
  const normalised = email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const executor = tx as unknown as Executor;
    const [removed] = await executor
      .delete(loginThrottle)
      .where(eq(loginThrottle.keyHash, throttleKeyFor(normalised)))
      .returning({ failures: loginThrottle.failures, lockedUntil: loginThrottle.lockedUntil });
    const [person] = await executor.select({ id: people.id }).from(people).where(eq(people.email, normalised)).limit(1);
    const result: UnlockResult = {
      wasLocked: Boolean(removed?.lockedUntil && removed.lockedUntil > now),
      failures: removed?.failures ?? 0,
      hasAccount: Boolean(person),
    };
    await appendAuditEvent(
      executor,
      {
        action: 'update',
        outcome: 'success',
        objectType: 'person',
        objectId: person?.id ?? null,
        reason: 'login lockout lifted from the command line',
        details: { wasLocked: result.wasLocked, failures: result.failures },
      },
      now,
    );
    return result;
  });
}

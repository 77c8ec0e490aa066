// SPDX-License-Identifier: EUPL-1.2
// Sending a dead letter again (the platform admin's "opnieuw versturen"): it is due now, with the whole
// back-off schedule ahead of it again. Only a dead mail changes: a pending or sent one stays as it is,
// so asking twice sends it once.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/connection.js';
import { mailOutbox } from './schema.js';

/** True when the mail was dead and is now pending again. */
export async function retryDeadMail(tx: Executor, id: string, now: Date): Promise<boolean> {
  const changed = await tx
    .update(mailOutbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now })
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'dead')))
    .returning({ id: mailOutbox.id });
  return changed.length > 0;
}

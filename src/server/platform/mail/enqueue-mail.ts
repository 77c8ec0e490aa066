// SPDX-License-Identifier: EUPL-1.2
// Queues a mail in the transaction of the action that causes it: the action never waits for a mail
// server, and when it rolls back no mail goes out. The same dedupe key twice queues one mail.
import type { Executor } from '../db/connection.js';
import { mailOutbox } from './schema.js';
import type { MailLocale, MailTemplate } from './templates.js';

export interface MailRequest {
  template: MailTemplate;
  toAddress: string;
  toPersonId?: string | null;
  /** A path within Kansrijk (starting with /): the mail links to it, behind login. */
  linkPath?: string | null;
  locale?: MailLocale;
  dedupeKey?: string | null;
}

/** True when the mail was queued; false when its dedupe key was queued before (nothing new). */
export async function enqueueMail(tx: Executor, request: MailRequest, now: Date): Promise<boolean> {
  if (request.linkPath && !request.linkPath.startsWith('/')) throw new Error('mail link must be a path within Kansrijk');
  const queued = await tx
    .insert(mailOutbox)
    .values({
      template: request.template,
      locale: request.locale ?? 'nl',
      toAddress: request.toAddress,
      toPersonId: request.toPersonId ?? null,
      linkPath: request.linkPath ?? null,
      dedupeKey: request.dedupeKey ?? null,
      nextAttemptAt: now,
      createdAt: now,
    })
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
    .returning({ id: mailOutbox.id });
  return queued.length > 0;
}

// SPDX-License-Identifier: EUPL-1.2
// Reading the mail outbox for the platform admin, and turning a row into the wire shape: the state of
// a mail, never its content, and the address only masked.
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import type { MailOutboxItem, MailStatus } from '../../../contracts/mail-admin.js';

export type MailRow = typeof mailOutbox.$inferSelect;

/** j***@example.nl: the first character of the mailbox and the domain, enough to tell mails apart. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '***';
  return `${address.slice(0, 1)}***${address.slice(at)}`;
}

export function toMailItem(row: MailRow): MailOutboxItem {
  const status = row.status as MailStatus;
  return {
    id: row.id,
    template: row.template,
    status,
    recipient: maskAddress(row.toAddress),
    attempts: row.attempts,
    nextAttemptAt: status === 'pending' ? row.nextAttemptAt.toISOString() : null,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

export async function findMail(tx: Executor, id: string): Promise<MailRow | null> {
  const [row] = await tx.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row ?? null;
}

/** A page of the outbox, newest first, optionally of one state. */
export async function findMails(tx: Executor, query: { status?: MailStatus | undefined; page: number; pageSize: number }): Promise<{ rows: MailRow[]; total: number }> {
  const where: SQL | undefined = query.status ? and(eq(mailOutbox.status, query.status)) : undefined;
  const rows = await tx
    .select()
    .from(mailOutbox)
    .where(where)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [counted] = await tx.select({ total: count() }).from(mailOutbox).where(where);
  return { rows, total: Number(counted?.total ?? 0) };
}

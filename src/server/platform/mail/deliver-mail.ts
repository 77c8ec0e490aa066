// SPDX-License-Identifier: EUPL-1.2
// The mail worker's pass: claims due mails from the outbox, renders each from its template, sends it,
// and records the attempt — sent; or retried later with back-off; or, after the last attempt, dead (on
// the platform admin's dead-letter list). Every attempt is audited: to whom (the person, or a
// functional address), which template, when, and how it went — never the content or the address.
import { sql } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import { queryRows, type Executor } from '../db/connection.js';
import { appendAuditEvent } from '../audit/audit-log.js';
import { periodicWorker, type PeriodicWorker } from '../jobs/periodic-worker.js';
import type { MailTransport } from './mail-transport.js';
import { MAIL_LOCALES, MAIL_TEMPLATES, renderMail, type MailLocale, type MailTemplate } from './templates.js';

/** Waits after the 1st, 2nd, … failed attempt; after the last one the mail is dead. */
export const MAIL_RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 4 * 60 * 60_000] as const;
export const MAX_MAIL_ATTEMPTS = MAIL_RETRY_DELAYS_MS.length + 1;
/** How long a claimed mail is left alone by other workers while its attempt runs. */
const CLAIM_MS = 5 * 60_000;
const BATCH_SIZE = 25;

export interface MailDeliveryOptions {
  db: Executor;
  clock: Clock;
  transport: MailTransport;
  /** Absolute base of the web app: links in mails are this plus the row's path. */
  publicUrl: string;
  onError?: (error: unknown) => void;
}

export interface MailRun {
  attempted: number;
  sent: number;
}

interface Claimed {
  id: string;
  template: string;
  locale: string;
  to_address: string;
  to_person_id: string | null;
  link_path: string | null;
  attempts: number;
}

async function claimDue(db: Executor, now: Date): Promise<Claimed[]> {
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Executor;
    return queryRows<Claimed>(
      tx,
      sql`WITH due AS (
          SELECT id FROM mail_outbox WHERE status = 'pending' AND next_attempt_at <= ${now.toISOString()}::timestamptz
           ORDER BY next_attempt_at, id LIMIT ${BATCH_SIZE} FOR UPDATE SKIP LOCKED)
        UPDATE mail_outbox m SET attempts = m.attempts + 1, next_attempt_at = ${new Date(now.getTime() + CLAIM_MS).toISOString()}::timestamptz
          FROM due WHERE m.id = due.id
        RETURNING m.id::text, m.template, m.locale, m.to_address, m.to_person_id::text, m.link_path, m.attempts`,
    );
  });
}

/** What went wrong, as a kind and a code: nodemailer's error code and the SMTP reply code, nothing else. */
function failureOf(error: unknown): string {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  const kind = typeof code === 'string' && /^[A-Z_]{2,20}$/.test(code) ? code : 'ERROR';
  return typeof responseCode === 'number' ? `${kind} ${responseCode}` : kind;
}

async function attempt(options: MailDeliveryOptions, mail: Claimed): Promise<string | null> {
  const template = MAIL_TEMPLATES.find((known) => known === mail.template) as MailTemplate | undefined;
  const locale = (MAIL_LOCALES.find((known) => known === mail.locale) ?? 'nl') as MailLocale;
  if (!template) return 'UNKNOWN_TEMPLATE';
  const link = mail.link_path ? `${options.publicUrl.replace(/\/$/, '')}${mail.link_path}` : null;
  try {
    await options.transport.send({ id: mail.id, to: mail.to_address, ...renderMail(template, locale, link) });
    return null;
  } catch (error) {
    return failureOf(error);
  }
}

async function record(db: Executor, mail: Claimed, failure: string | null, now: Date): Promise<void> {
  await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Executor;
    const at = now.toISOString();
    const delay = MAIL_RETRY_DELAYS_MS[mail.attempts - 1];
    if (failure === null) {
      // A sent mail keeps no link: an invitation's or a self-analysis link carries a secret token that the
      // outbox (and whoever reads it, the platform admin's page included) must not hold once it is sent.
      await tx.execute(sql`UPDATE mail_outbox SET status = 'sent', sent_at = ${at}::timestamptz, last_error = NULL, link_path = NULL WHERE id = ${mail.id}::uuid`);
    } else if (delay === undefined || failure === 'UNKNOWN_TEMPLATE') {
      await tx.execute(sql`UPDATE mail_outbox SET status = 'dead', last_error = ${failure} WHERE id = ${mail.id}::uuid`);
    } else {
      await tx.execute(sql`UPDATE mail_outbox SET last_error = ${failure}, next_attempt_at = ${new Date(now.getTime() + delay).toISOString()}::timestamptz WHERE id = ${mail.id}::uuid`);
    }
    await appendAuditEvent(
      tx,
      {
        actorId: null,
        role: 'system',
        action: 'notify',
        outcome: failure === null ? 'success' : 'failure',
        objectType: 'mail',
        objectId: mail.id,
        details: {
          template: mail.template,
          recipient: mail.to_person_id ? 'person' : 'functional_address',
          ...(mail.to_person_id ? { personId: mail.to_person_id } : {}),
          attempt: mail.attempts,
          ...(failure === null ? {} : { error: failure, final: delay === undefined }),
        },
      },
      now,
    );
  });
}

/** One pass over the outbox: every due mail gets one attempt. */
export async function deliverDueMail(options: MailDeliveryOptions): Promise<MailRun> {
  const claimed = await claimDue(options.db, options.clock.now());
  let sent = 0;
  for (const mail of claimed) {
    const failure = await attempt(options, mail);
    if (failure === null) sent += 1;
    await record(options.db, mail, failure, options.clock.now());
  }
  return { attempted: claimed.length, sent };
}

export type MailWorker = PeriodicWorker<MailRun>;

export function mailWorker(options: MailDeliveryOptions, intervalMs: number | null): MailWorker {
  return periodicWorker(() => deliverDueMail(options), intervalMs, options.onError);
}

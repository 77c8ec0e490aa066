// SPDX-License-Identifier: EUPL-1.2
// Review-date reminders (issue 16), the part every kind of record shares: a record whose review date
// comes within REVIEW_NEAR_DAYS days is 'near', once the date has passed 'passed'; each recipient gets
// one mail per record per stage and review date (a new review date starts again). Features find the
// records and their recipients; this queues the mails.
import type { Executor } from '../db/connection.js';
import { enqueueMail } from './enqueue-mail.js';
import type { MailTemplate } from './templates.js';

export const REVIEW_NEAR_DAYS = 30;

export interface ReviewDue {
  objectId: string;
  /** YYYY-MM-DD */
  reviewDue: string;
  personId: string;
  email: string;
  linkPath: string;
}

/** Queues the reminders of these records (due on or before today + REVIEW_NEAR_DAYS); returns how many were new. */
export async function queueReviewReminders(tx: Executor, template: MailTemplate, rows: readonly ReviewDue[], today: string, now: Date): Promise<number> {
  let queued = 0;
  for (const row of rows) {
    const stage = row.reviewDue < today ? 'passed' : 'near';
    const isNew = await enqueueMail(
      tx,
      { template, toAddress: row.email, toPersonId: row.personId, linkPath: row.linkPath, dedupeKey: `${template}:${row.objectId}:${row.reviewDue}:${stage}:${row.personId}` },
      now,
    );
    if (isNew) queued += 1;
  }
  return queued;
}

// SPDX-License-Identifier: EUPL-1.2
// Review-date reminders (issue 16), the part every kind of record shares: a record whose review date
// comes within REVIEW_NEAR_DAYS days is 'near', once the date has passed 'passed'; each recipient hears
// once per record per stage and review date (a new review date starts again), through notify(): an
// in-app notice and, as she chose, a mail. Features find the records and their recipients; this
// notifies them.
import type { Executor } from '../../platform/db/connection.js';
import { MAIL_TEMPLATE_OF } from './domain/delivery.js';
import { notify } from './notify.js';

export const REVIEW_NEAR_DAYS = 30;

export type ReviewReminderKind = 'agreement_review' | 'pathway_review' | 'service_verification';

export interface ReviewDue {
  objectId: string;
  /** YYYY-MM-DD */
  reviewDue: string;
  personId: string;
  /** The organisation the reminder is for, when the record belongs to one. */
  organisationId?: string | null;
  linkPath: string;
}

/** Notifies the reminders of these records (due on or before today + REVIEW_NEAR_DAYS); returns how many reached someone for the first time. */
export async function notifyReviewsDue(tx: Executor, kind: ReviewReminderKind, rows: readonly ReviewDue[], today: string, now: Date): Promise<number> {
  let notified = 0;
  for (const row of rows) {
    const stage = row.reviewDue < today ? 'passed' : 'near';
    // The once-key the reminder had as a mail only (template, record, date, stage, person): kept, so no reminder goes out twice.
    const onceKey = `${MAIL_TEMPLATE_OF[kind]}:${row.objectId}:${row.reviewDue}:${stage}:${row.personId}`;
    const result = await notify(tx, { kind, onceKey, personId: row.personId, organisationId: row.organisationId ?? null, linkPath: row.linkPath }, now);
    if (result.notified > 0) notified += 1;
  }
  return notified;
}

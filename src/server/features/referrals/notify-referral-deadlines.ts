// SPDX-License-Identifier: EUPL-1.2
// The deadline job (issue 16): a referral still waiting for its receiver's answer is, on the last day of
// its response deadline (domain/deadline.ts, stored as respond_by), told to the receiving organisation's
// people; once past it, escalated to the coordinators of its municipality — each stage at most once per
// referral (notify's event key). A referral on hold or answered is never flagged, as the deadline rules say.
import { sql } from 'drizzle-orm';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import { isNotifiedSql, notify } from '../notifications/notify.js';
import { OVERDUE_LIST_PATH, referralLinkPath } from './notify-referral.js';

/** How far ahead the job looks: the last day to respond begins at most a day (plus a DST hour) before respond_by. */
const LOOK_AHEAD_MS = 2 * 86_400_000;
const BATCH_SIZE = 500;

export type DeadlineStage = 'due' | 'overdue' | null;

/** Which stage a waiting referral is in: overdue from respond_by; due on the last day to respond (Amsterdam). */
export function deadlineStage(respondBy: Date, now: Date): DeadlineStage {
  if (now.getTime() >= respondBy.getTime()) return 'overdue';
  const lastDay = amsterdamDate(new Date(respondBy.getTime() - 1));
  return amsterdamDate(now) === lastDay ? 'due' : null;
}

export async function notifyReferralDeadlines(db: Executor, now: Date): Promise<{ due: number; overdue: number }> {
  const rows = await queryRows<{ id: string; receiver_organisation_id: string; municipality_code: string; respond_by: Date | string }>(
    db,
    sql`SELECT r.id::text, r.receiver_organisation_id::text, r.municipality_code, r.respond_by
      FROM referrals r
      WHERE r.status IN ('requested', 'received') AND r.respond_by IS NOT NULL
        AND r.respond_by <= ${new Date(now.getTime() + LOOK_AHEAD_MS).toISOString()}::timestamptz
        AND NOT ${isNotifiedSql('referral_overdue', sql`r.id::text`)}
      ORDER BY r.respond_by, r.id
      LIMIT ${BATCH_SIZE}`,
  );
  const counts = { due: 0, overdue: 0 };
  for (const row of rows) {
    const stage = deadlineStage(new Date(row.respond_by), now);
    if (stage === null) continue;
    const result = await db.transaction(async (transaction) => {
      const tx = transaction as unknown as Executor;
      return stage === 'overdue'
        ? notify(tx, { kind: 'referral_overdue', objectId: row.id, municipalityCode: row.municipality_code, linkPath: OVERDUE_LIST_PATH }, now)
        : notify(tx, { kind: 'referral_due', objectId: row.id, organisationId: row.receiver_organisation_id, linkPath: referralLinkPath(row.id) }, now);
    });
    if (result.isNew) counts[stage] += 1;
  }
  return counts;
}

// SPDX-License-Identifier: EUPL-1.2
// Review-date reminders of care pathways (issue 16): a published pathway whose review date is near or
// has passed (notifications/notify-reviews-due.ts) is a notice to the coordinator (today in the role;
// not the deputy; mailed as she chose, at once unless she chose otherwise) of the coalition that keeps it — the keeper's coalition code, or for a municipality the
// local coalition it belongs to today — linking to the pathway.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import { queryRows } from '../../platform/db/connection.js';
import type { Clock } from '../../platform/clock.js';
import { notifyReviewsDue, REVIEW_NEAR_DAYS } from '../notifications/notify-reviews-due.js';
import { addDays, amsterdamDate } from '../../../contracts/calendar.js';

interface DueRow {
  object_id: string;
  review_due: string;
  scope_code: string;
  factor_key: string;
  person_id: string;
}

/** One pass: the reminders that are due and not notified before; returns how many reached someone. */
export async function remindPathwayReviews(options: { db: Executor; clock: Clock }): Promise<{ queued: number }> {
  const now = options.clock.now();
  const today = amsterdamDate(now);
  return options.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Executor;
    const due = await queryRows<DueRow>(
      tx,
      sql`SELECT p.id::text AS object_id, p.review_due::text AS review_due, p.scope_code, p.factor_key, pe.id::text AS person_id
            FROM care_pathways p
            JOIN coalitions c ON c.code = p.owner_code
              OR c.id = (SELECT cm.coalition_id FROM coalition_municipalities cm WHERE cm.municipality_code = p.owner_code AND cm.kind = 'local' AND cm.until IS NULL)
            JOIN coalition_coordinators cc ON cc.coalition_id = c.id AND cc.role = 'coordinator'
              AND cc.since <= ${today}::date AND (cc.until IS NULL OR cc.until >= ${today}::date)
            JOIN people pe ON pe.id = cc.person_id AND pe.is_active
           WHERE p.status = 'published' AND p.review_due IS NOT NULL AND p.review_due <= ${addDays(today, REVIEW_NEAR_DAYS)}::date`,
    );
    const rows = due.map((row) => ({
      objectId: row.object_id,
      reviewDue: row.review_due,
      personId: row.person_id,
      linkPath: `/zorgpaden/${encodeURIComponent(row.scope_code)}/${encodeURIComponent(row.factor_key)}`,
    }));
    return { queued: await notifyReviewsDue(tx, 'pathway_review', rows, today, now) };
  });
}

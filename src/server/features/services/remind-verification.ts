// SPDX-License-Identifier: EUPL-1.2
// "Services whose verification is due (to the organisation admin)" (issue 16): an organisation with
// active services that must be confirmed within 30 days, or are overdue (the six-month rule of
// domain/verification.ts decides), gets one notice per admin (mailed as she chose, at once unless she
// chose otherwise), linking to the task list. One per organisation, not per service: the earliest
// confirmation date among them and its stage ('near' or 'passed') key the reminder, so confirming that
// service and another falling due later gives a new one, and an organisation with fifty services due hears of them once (notifications/notify-reviews-due.ts).
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import type { Clock } from '../../platform/clock.js';
import { notifyReviewsDue } from '../notifications/notify-reviews-due.js';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { confirmationDueAt, verificationStatus } from './domain/verification.js';

export const VERIFICATION_TASKS_PATH = '/sociale-kaart/te-bevestigen';

interface CandidateRow {
  organisation_id: string;
  last_confirmed_at: Date | string;
}

interface AdminRow {
  organisation_id: string;
  person_id: string;
}

/** One pass: the reminders that are due and not notified before; returns how many reached someone. */
export async function remindServiceVerification(options: { db: Executor; clock: Clock }): Promise<{ queued: number }> {
  const now = options.clock.now();
  const today = amsterdamDate(now);
  return options.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Executor;
    // SQL only narrows (confirmed more than five months ago); the domain rule decides.
    const candidates = await queryRows<CandidateRow>(
      tx,
      sql`SELECT organisation_id::text, last_confirmed_at FROM directory_services
          WHERE is_active AND organisation_id IS NOT NULL AND last_confirmed_at < ${new Date(now.getTime() - 140 * 86_400_000).toISOString()}::timestamptz`,
    );
    const earliestDue = new Map<string, string>();
    for (const row of candidates) {
      const confirmedAt = new Date(row.last_confirmed_at);
      if (verificationStatus(confirmedAt, now) === 'current') continue;
      const due = amsterdamDate(confirmationDueAt(confirmedAt));
      const known = earliestDue.get(row.organisation_id);
      if (known === undefined || due < known) earliestDue.set(row.organisation_id, due);
    }
    if (earliestDue.size === 0) return { queued: 0 };
    const admins = await queryRows<AdminRow>(
      tx,
      sql`SELECT m.organisation_id::text, p.id::text AS person_id
          FROM memberships m
          JOIN organisations o ON o.id = m.organisation_id AND o.is_active
          JOIN people p ON p.id = m.person_id AND p.is_active
          WHERE m.is_active AND 'organisation_admin' = ANY (m.roles)
            AND m.organisation_id IN (SELECT (jsonb_array_elements_text(${JSON.stringify([...earliestDue.keys()])}::jsonb))::uuid)
          ORDER BY m.organisation_id, p.id`,
    );
    const rows = admins.map((admin) => ({
      objectId: admin.organisation_id,
      reviewDue: earliestDue.get(admin.organisation_id)!,
      personId: admin.person_id,
      organisationId: admin.organisation_id,
      linkPath: VERIFICATION_TASKS_PATH,
    }));
    return { queued: await notifyReviewsDue(tx, 'service_verification', rows, today, now) };
  });
}

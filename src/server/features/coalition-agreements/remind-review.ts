// SPDX-License-Identifier: EUPL-1.2
// Review-date reminders of collaboration agreements (issue 16): an agreement in force (agreed, under
// review) whose review date is near or has passed (notifications/notify-reviews-due.ts) is a notice to
// the coalition's coordinator (today in the role; not the deputy), mailed as she chose (at once unless
// she chose otherwise), linking to the coalition's agreements.
import { and, eq, gte, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import type { Clock } from '../../platform/clock.js';
import { notifyReviewsDue, REVIEW_NEAR_DAYS } from '../notifications/notify-reviews-due.js';
import { addDays, amsterdamDate } from '../../../contracts/calendar.js';
import { coalitionCoordinators, coalitions } from '../coalitions/schema.js';
import { people } from '../organisations/schema.js';
import { coalitionAgreements } from './schema.js';

/** One pass: the reminders that are due and not notified before; returns how many reached someone. */
export async function remindAgreementReviews(options: { db: Executor; clock: Clock }): Promise<{ queued: number }> {
  const now = options.clock.now();
  const today = amsterdamDate(now);
  return options.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Executor;
    const due = await tx
      .select({ objectId: coalitionAgreements.id, reviewDue: coalitionAgreements.reviewDue, code: coalitions.code, personId: people.id })
      .from(coalitionAgreements)
      .innerJoin(coalitions, eq(coalitions.id, coalitionAgreements.coalitionId))
      .innerJoin(coalitionCoordinators, and(eq(coalitionCoordinators.coalitionId, coalitions.id), eq(coalitionCoordinators.role, 'coordinator')))
      .innerJoin(people, and(eq(people.id, coalitionCoordinators.personId), eq(people.isActive, true)))
      .where(
        and(
          isNull(coalitionAgreements.noAgreementReason),
          inArray(coalitionAgreements.status, ['agreed', 'under_review']),
          isNotNull(coalitionAgreements.reviewDue),
          lte(coalitionAgreements.reviewDue, addDays(today, REVIEW_NEAR_DAYS)),
          lte(coalitionCoordinators.since, today),
          or(isNull(coalitionCoordinators.until), gte(coalitionCoordinators.until, today)),
        ),
      );
    const rows = due.map((row) => ({ ...row, reviewDue: row.reviewDue!, linkPath: `/coalities/${row.code}/afspraken` }));
    return { queued: await notifyReviewsDue(tx, 'agreement_review', rows, today, now) };
  });
}

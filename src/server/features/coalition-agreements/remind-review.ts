// SPDX-License-Identifier: EUPL-1.2
// Review-date reminders of collaboration agreements (issue 16): an agreement in force (agreed, under
// review) whose review date is within REVIEW_NEAR_DAYS days, and again once it has passed, is mailed
// to the coalition's coordinator (today in the role; not the deputy) — once per agreement per stage
// and review date (a new review date starts again). The mail links to the coalition's agreements.
import { and, eq, gte, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import type { Clock } from '../../platform/clock.js';
import { enqueueMail } from '../../platform/mail/enqueue-mail.js';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { coalitionCoordinators, coalitions } from '../coalitions/schema.js';
import { people } from '../organisations/schema.js';
import { coalitionAgreements } from './schema.js';

export const REVIEW_NEAR_DAYS = 30;

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** One pass: the reminders that are due and not queued before; returns how many were queued. */
export async function remindAgreementReviews(options: { db: Executor; clock: Clock }): Promise<{ queued: number }> {
  const now = options.clock.now();
  const today = amsterdamDate(now);
  return options.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Executor;
    const due = await tx
      .select({
        agreementId: coalitionAgreements.id,
        reviewDue: coalitionAgreements.reviewDue,
        code: coalitions.code,
        personId: people.id,
        email: people.email,
      })
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
    let queued = 0;
    for (const row of due) {
      const stage = row.reviewDue! < today ? 'passed' : 'near';
      const isNew = await enqueueMail(
        tx,
        {
          template: 'agreementReview',
          toAddress: row.email,
          toPersonId: row.personId,
          linkPath: `/coalities/${row.code}/afspraken`,
          dedupeKey: `agreement-review:${row.agreementId}:${row.reviewDue}:${stage}:${row.personId}`,
        },
        now,
      );
      if (isNew) queued += 1;
    }
    return { queued };
  });
}

// SPDX-License-Identifier: EUPL-1.2
// The reminder before a round closes (issue 16): from REMINDER_DAYS_BEFORE days before a round's
// planned closing day until that day, everyone invited who has not answered a single statement gets
// one reminder — a person with an account a notice (notify(): in Kansrijk and, as they chose, by mail, at
// once unless they chose otherwise) linking to their own invitation (behind login); someone answering
// through a personal link a mail (Dutch) without a link (the token is stored only hashed, so it cannot
// be sent again): they use the link from their invitation. Once per respondent (the once-key).
import { and, between, eq, isNotNull, notExists, or, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/connection.js';
import { enqueueMail } from '../../platform/mail/enqueue-mail.js';
import { notify } from '../notifications/notify.js';
import { addDays, amsterdamDate } from '../../../contracts/calendar.js';
import { people } from '../organisations/schema.js';
import { analysisAnswers, analysisRespondents, analysisRounds } from './schema.js';

export const REMINDER_DAYS_BEFORE = 3;

export interface ReminderOptions {
  db: Executor;
  clock: Clock;
}

export interface ReminderRun {
  /** Reminders that reached someone in this pass (a respondent reminded before is not counted again). */
  queued: number;
}

/** One pass: queue the reminders that are due and not queued before. */
export async function remindRespondents(options: ReminderOptions): Promise<ReminderRun> {
  const now = options.clock.now();
  const today = amsterdamDate(now);
  return options.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Executor;
    const due = await tx
      .select({ id: analysisRespondents.id, personId: analysisRespondents.personId, organisationId: analysisRespondents.organisationId, linkEmail: analysisRespondents.email })
      .from(analysisRespondents)
      .innerJoin(analysisRounds, eq(analysisRounds.id, analysisRespondents.roundId))
      .leftJoin(people, eq(people.id, analysisRespondents.personId))
      .where(
        and(
          eq(analysisRounds.status, 'open'),
          isNotNull(analysisRounds.closesOn),
          between(analysisRounds.closesOn, today, addDays(today, REMINDER_DAYS_BEFORE)),
          or(isNotNull(analysisRespondents.email), eq(people.isActive, true)),
          notExists(tx.select({ one: sql`1` }).from(analysisAnswers).where(eq(analysisAnswers.respondentId, analysisRespondents.id))),
        ),
      );
    let queued = 0;
    for (const respondent of due) {
      const onceKey = `analysis-reminder:${respondent.id}`;
      if (respondent.personId !== null) {
        const result = await notify(
          tx,
          { kind: 'analysis_reminder', onceKey, personId: respondent.personId, organisationId: respondent.organisationId, linkPath: `/zelfanalyse/uitnodigingen/${respondent.id}` },
          now,
        );
        if (result.notified > 0) queued += 1;
      } else {
        const isNew = await enqueueMail(tx, { template: 'analysisReminderByLink', toAddress: respondent.linkEmail!, dedupeKey: onceKey }, now);
        if (isNew) queued += 1;
      }
    }
    return { queued };
  });
}

// SPDX-License-Identifier: EUPL-1.2
// The daily digest (issue 16 item 5): everyone who chose "e-mail, once a day" gets one mail a day that
// says notices wait for them, on the first pass after midnight (Amsterdam) and covering the notices of
// the days before. The mail has no content but the link to the notice list; one mail per person per day
// (its dedupe key), in the person's language, and the notices it covered wait for no digest any more.
import { and, eq, inArray } from 'drizzle-orm';
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { Executor } from '../../platform/db/connection.js';
import { enqueueMail } from '../../platform/mail/enqueue-mail.js';
import { people } from '../organisations/schema.js';
import { notifications } from './schema.js';

export const NOTIFICATION_LIST_PATH = '/meldingen';

export async function sendDigests(db: Executor, now: Date): Promise<{ mailed: number }> {
  const today = amsterdamDate(now);
  const waiting = await db
    .select({ id: notifications.id, personId: notifications.personId, createdAt: notifications.createdAt, email: people.email, isActive: people.isActive, language: people.preferredLanguage })
    .from(notifications)
    .innerJoin(people, eq(people.id, notifications.personId))
    .where(eq(notifications.awaitsDigest, true));
  const byPerson = new Map<string, typeof waiting>();
  for (const row of waiting.filter((entry) => amsterdamDate(entry.createdAt) < today)) {
    byPerson.set(row.personId, [...(byPerson.get(row.personId) ?? []), row]);
  }
  let mailed = 0;
  for (const [personId, rows] of byPerson) {
    await db.transaction(async (transaction) => {
      const tx = transaction as unknown as Executor;
      const { email, isActive, language } = rows[0]!;
      if (isActive) {
        await enqueueMail(tx, { template: 'digest', toAddress: email, toPersonId: personId, linkPath: NOTIFICATION_LIST_PATH, locale: language, dedupeKey: `digest:${personId}:${today}` }, now);
        mailed += 1;
      }
      await tx
        .update(notifications)
        .set({ awaitsDigest: false })
        .where(and(eq(notifications.personId, personId), inArray(notifications.id, rows.map((row) => row.id))));
    });
  }
  return { mailed };
}

// SPDX-License-Identifier: EUPL-1.2
// Review-date reminders of collaboration agreements (issue 16), against a real SMTP server in this
// process: nothing while the review date is more than 30 days away; one mail to the coalition's
// coordinator (not the deputy) when it comes within 30 days, and one more once it has passed — however
// many passes run; an agreement still in development is not reminded. The mail links to the agreements.
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { mailText, smtpEnv, startSmtp, type TestSmtpServer } from '../../../../test/helpers/smtp-server.js';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { coalitions } from '../coalitions/schema.js';
import { coalitionAgreements } from './schema.js';
import { REVIEW_NEAR_DAYS } from '../../platform/mail/review-reminders.js';

const DAY = 86_400_000;
let t: TestApp;
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ env: smtpEnv(smtp), mailIntervalMs: null });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const dayAfter = (days: number) => amsterdamDate(new Date(t.clock.now().getTime() + days * DAY));
const remindersOf = (agreementId: string) => t.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.template, 'agreementReview'), like(mailOutbox.dedupeKey, `agreementReview:${agreementId}:%`)));

describe('agreement review reminders', () => {
  it('mails the coordinator once when the review date is near and once when it has passed', async () => {
    const [coalition] = await t.database.db.select({ id: coalitions.id }).from(coalitions).where(eq(coalitions.code, 'KS0001'));
    const [agreement] = await t.database.db
      .insert(coalitionAgreements)
      .values({ coalitionId: coalition!.id, topic: 'interventions', level: 'uitvoering', status: 'agreed', title: 'Herinneringsafspraak', agreedOn: '2024-01-01', reviewDue: dayAfter(REVIEW_NEAR_DAYS + 10) })
      .returning({ id: coalitionAgreements.id });
    const [draft] = await t.database.db
      .insert(coalitionAgreements)
      .values({ coalitionId: coalition!.id, topic: 'interventions', level: 'organisatie', status: 'in_development', reviewDue: dayAfter(5) })
      .returning({ id: coalitionAgreements.id });

    await t.app.reminders.runOnce();
    expect(await remindersOf(agreement!.id)).toHaveLength(0);

    t.clock.advance(10 * DAY);
    await t.app.reminders.runOnce();
    await t.app.reminders.runOnce();
    const near = await remindersOf(agreement!.id);
    // The coordinator only: the deputy is not mailed.
    expect(near.map((mail) => mail.toAddress)).toEqual(['coordinator@kansrijk.demo']);
    expect(near[0]!.dedupeKey).toContain(':near:');

    t.clock.advance((REVIEW_NEAR_DAYS + 1) * DAY);
    await t.app.reminders.runOnce();
    await t.app.reminders.runOnce();
    const both = await remindersOf(agreement!.id);
    expect(both).toHaveLength(2);
    expect(both.some((mail) => mail.dedupeKey!.includes(':passed:'))).toBe(true);
    expect(await remindersOf(draft!.id)).toHaveLength(0);

    await t.app.mail.runOnce();
    const received = smtp.received.filter((mail) => mail.raw.includes(`Subject: ${nl.mail.agreementReviewSubject}`));
    expect(received.length).toBeGreaterThanOrEqual(2);
    expect(received.every((mail) => mail.to.includes('coordinator@kansrijk.demo'))).toBe(true);
    const text = mailText(received[0]!.raw);
    expect(text).toContain(`${t.config.publicUrl.replace(/\/$/, '')}/coalities/KS0001/afspraken`);
    expect(text).not.toContain('Herinneringsafspraak');
  });
});

// SPDX-License-Identifier: EUPL-1.2
// Review-date reminders of collaboration agreements (issue 16), against a real SMTP server in this
// process: nothing while the review date is more than 30 days away; one mail to the coalition's
// coordinator (not the deputy) when it comes within 30 days, and one more once it has passed — however
// many passes run; an agreement still in development is not reminded. The mail links to the agreements.
// A reminder is a notification: each stage is also a notice in Kansrijk linking there, and a
// coordinator who chose none hears nothing, one who chose the digest hears of it in the next day's digest.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dayAfter as dayAfterOf, expectChoiceRespected, noticesOf, personIdOf, remindersOf as remindersOfTemplate, smtpTestAppPerFile, walkReviewStages } from '../../../../test/helpers/mail-test-app.js';
import { mailText } from '../../../../test/helpers/smtp-server.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { coalitions } from '../coalitions/schema.js';
import { coalitionAgreements } from './schema.js';
import { REVIEW_NEAR_DAYS } from '../notifications/notify-reviews-due.js';

const app = smtpTestAppPerFile();

const dayAfter = (days: number) => dayAfterOf(app.t, days);
const remindersOf = (id: string) => remindersOfTemplate(app.t, 'agreementReview', id);
const COORDINATOR = 'coordinator@kansrijk.demo';
const agreementDue = async (title: string, reviewDue: string) => {
  const [coalition] = await app.t.database.db.select({ id: coalitions.id }).from(coalitions).where(eq(coalitions.code, 'KS0001'));
  const [agreement] = await app.t.database.db
    .insert(coalitionAgreements)
    .values({ coalitionId: coalition!.id, topic: 'interventions', level: 'uitvoering', status: 'agreed', title, agreedOn: '2024-01-01', reviewDue })
    .returning({ id: coalitionAgreements.id });
  return agreement!.id;
};

describe('agreement review reminders', () => {
  it('mails the coordinator once when the review date is near and once when it has passed', async () => {
    const [coalition] = await app.t.database.db.select({ id: coalitions.id }).from(coalitions).where(eq(coalitions.code, 'KS0001'));
    const [agreement] = await app.t.database.db
      .insert(coalitionAgreements)
      .values({ coalitionId: coalition!.id, topic: 'interventions', level: 'uitvoering', status: 'agreed', title: 'Herinneringsafspraak', agreedOn: '2024-01-01', reviewDue: dayAfter(REVIEW_NEAR_DAYS + 10) })
      .returning({ id: coalitionAgreements.id });
    const [draft] = await app.t.database.db
      .insert(coalitionAgreements)
      .values({ coalitionId: coalition!.id, topic: 'interventions', level: 'organisatie', status: 'in_development', reviewDue: dayAfter(5) })
      .returning({ id: coalitionAgreements.id });

    const { before, near, passed } = await walkReviewStages(app.t, () => remindersOf(agreement!.id));
    expect(before).toHaveLength(0);
    // The coordinator only: the deputy is not mailed.
    expect(near.map((mail) => mail.toAddress)).toEqual(['coordinator@kansrijk.demo']);
    expect(near[0]!.dedupeKey).toContain(':near:');
    expect(passed.map((mail) => mail.dedupeKey!.split(':')[3]).sort()).toEqual(['near', 'passed']);
    expect(await remindersOf(draft!.id)).toHaveLength(0);

    await app.t.app.mail.runOnce();
    const received = app.smtp.received.filter((mail) => mail.raw.includes(`Subject: ${nl.mail.agreementReviewSubject}`));
    expect(received.length).toBeGreaterThanOrEqual(2);
    expect(received.every((mail) => mail.to.includes('coordinator@kansrijk.demo'))).toBe(true);
    const text = mailText(received[0]!.raw);
    expect(text).toContain(`${app.t.config.publicUrl.replace(/\/$/, '')}/coalities/KS0001/afspraken`);
    expect(text).not.toContain('Herinneringsafspraak');

    // The same two reminders as notices in Kansrijk, linking to the agreements.
    const notices = (await noticesOf(app.t, await personIdOf(app.t, COORDINATOR), 'agreement_review')).filter((notice) => notice.eventKey.includes(agreement!.id));
    expect(notices.map((notice) => [notice.linkPath, notice.awaitsDigest])).toEqual([
      ['/coalities/KS0001/afspraken', false],
      ['/coalities/KS0001/afspraken', false],
    ]);
  });

  it('respects the coordinator’s choice: none hears nothing, the digest tells her the next day', async () => {
    let counter = 0;
    await expectChoiceRespected(app.t, {
      kind: 'agreement_review',
      template: 'agreementReview',
      personId: await personIdOf(app.t, COORDINATOR),
      email: COORDINATOR,
      remind: async () => {
        await agreementDue(`Keuzeafspraak ${++counter}`, dayAfter(5));
        await app.t.app.reminders.runOnce();
      },
    });
  });
});

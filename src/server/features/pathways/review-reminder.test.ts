// SPDX-License-Identifier: EUPL-1.2
// Review-date reminders of care pathways (issue 16), against a real SMTP server in this process: a
// published pathway kept by a municipality reaches the coordinator of the municipality's coalition
// (not the deputy) once when its review date comes within 30 days and once when it has passed; a
// draft is not reminded. The mail links to the pathway, and names nothing.
import { describe, expect, it } from 'vitest';
import { dayAfter as dayAfterOf, expectChoiceRespected, noticesOf, personIdOf, remindersOf as remindersOfTemplate, smtpTestAppPerFile, walkReviewStages } from '../../../../test/helpers/mail-test-app.js';
import { mailText } from '../../../../test/helpers/smtp-server.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { REVIEW_NEAR_DAYS } from '../notifications/notify-reviews-due.js';
import { carePathways } from './schema.js';

const app = smtpTestAppPerFile();

const dayAfter = (days: number) => dayAfterOf(app.t, days);
const remindersOf = (id: string) => remindersOfTemplate(app.t, 'pathwayReview', id);
const pathway = (status: string, factorKey: string, version = 1) =>
  app.t.database.db
    .insert(carePathways)
    .values({ scopeKind: 'municipality', scopeCode: 'GM0505', factorKey, version, status, ownerCode: 'GM0505', reviewDue: dayAfter(REVIEW_NEAR_DAYS + 5), content: { title: 'Herinneringspad' } })
    .returning({ id: carePathways.id });

describe('pathway review reminders', () => {
  it('mails the coordinator of the keeping municipality’s coalition once near and once past the review date', async () => {
    const [published] = await pathway('published', 'herinnering-test');
    const [draft] = await pathway('draft', 'herinnering-test', 2);
    const { before, near, passed } = await walkReviewStages(app.t, () => remindersOf(published!.id));
    expect(before).toHaveLength(0);
    expect(near.map((mail) => mail.toAddress)).toEqual(['coordinator@kansrijk.demo']);
    expect(near[0]!.linkPath).toBe('/zorgpaden/GM0505/herinnering-test');
    expect(passed.map((mail) => mail.dedupeKey!.split(':')[3]).sort()).toEqual(['near', 'passed']);
    expect(await remindersOf(draft!.id)).toHaveLength(0);

    await app.t.app.mail.runOnce();
    const received = app.smtp.received.filter((mail) => mailText(mail.raw).includes('/zorgpaden/GM0505/herinnering-test'));
    expect(received).toHaveLength(2);
    expect(received[0]!.raw).toContain(`Subject: ${nl.mail.pathwayReviewSubject}`);
    expect(mailText(received[0]!.raw)).not.toContain('Herinneringspad');

    // Both reminders are notices in Kansrijk too, linking to the pathway.
    const notices = (await noticesOf(app.t, await personIdOf(app.t, 'coordinator@kansrijk.demo'), 'pathway_review')).filter((notice) => notice.eventKey.includes(published!.id));
    expect(notices.map((notice) => notice.linkPath)).toEqual(['/zorgpaden/GM0505/herinnering-test', '/zorgpaden/GM0505/herinnering-test']);
  });

  it('respects the coordinator’s choice: none hears nothing, the digest tells her the next day', async () => {
    let counter = 0;
    await expectChoiceRespected(app.t, {
      kind: 'pathway_review',
      template: 'pathwayReview',
      personId: await personIdOf(app.t, 'coordinator@kansrijk.demo'),
      email: 'coordinator@kansrijk.demo',
      remind: async () => {
        await app.t.database.db
          .insert(carePathways)
          .values({ scopeKind: 'municipality', scopeCode: 'GM0505', factorKey: `keuze-${++counter}`, version: 1, status: 'published', ownerCode: 'GM0505', reviewDue: dayAfter(5), content: { title: 'Keuzepad' } });
        await app.t.app.reminders.runOnce();
      },
    });
  });
});

// SPDX-License-Identifier: EUPL-1.2
// Verification reminders of the sociale kaart (issue 16), against a real SMTP server in this process:
// an organisation whose service must be confirmed within 30 days gets one mail per admin, linking to the
// task list; once the service is overdue one more; confirming it stops them; a second service falling
// due at the same time adds no mail. The mail names no service and no organisation. Each reminder is
// also a notice in Kansrijk linking to the task list, and the admin's choice (none, the digest) holds.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DAY_MS, expectChoiceRespected, noticesOf, personIdOf, remindersOf as remindersOfTemplate, smtpTestAppPerFile } from '../../../../test/helpers/mail-test-app.js';
import { mailText } from '../../../../test/helpers/smtp-server.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { directoryServices } from './schema.js';
import { VERIFICATION_TASKS_PATH } from './remind-verification.js';

const app = smtpTestAppPerFile();

/** A service of the organisation confirmed `daysAgo` days ago (six months are 181–184 days). */
const serviceConfirmed = (organisationId: string, name: string, daysAgo: number) =>
  app.t.database.db
    .insert(directoryServices)
    .values({
      organisationId,
      name,
      description: 'Dienst voor de herinneringstest.',
      category: 'financial',
      factorKeys: ['stress'],
      municipalityCodes: ['GM0505'],
      intakeRoutes: ['self'],
      languages: ['nl'],
      cost: 'free',
      phone: '078-1234567',
      lastConfirmedAt: new Date(app.t.clock.now().getTime() - daysAgo * DAY_MS),
      createdAt: app.t.clock.now(),
      updatedAt: app.t.clock.now(),
    })
    .returning({ id: directoryServices.id });

describe('service verification reminders', () => {
  it('mails the organisation admin once when a service falls due, once more when it is overdue, and stops when it is confirmed', async () => {
    const wieg = app.t.demo.organisationIds.wieg!;
    const reminders = () => remindersOfTemplate(app.t, 'serviceVerification', wieg);
    // Everything the demo keeps for this practice is confirmed now: only the test's services count.
    await app.t.database.db.update(directoryServices).set({ lastConfirmedAt: app.t.clock.now() }).where(eq(directoryServices.organisationId, wieg));
    await app.t.app.reminders.runOnce();
    expect(await reminders()).toHaveLength(0);

    // Confirmed 165 days ago: due within 30 days.
    await serviceConfirmed(wieg, 'Spreekuur herinneringstest', 165);
    await serviceConfirmed(wieg, 'Tweede dienst herinneringstest', 164);
    await app.t.app.reminders.runOnce();
    await app.t.app.reminders.runOnce();
    const near = await reminders();
    expect(near.map((mail) => [mail.toAddress, mail.linkPath, mail.dedupeKey!.split(':')[3]])).toEqual([['praktijkbeheer@kansrijk.demo', VERIFICATION_TASKS_PATH, 'near']]);

    // Past six months: overdue, one more mail.
    app.t.clock.advance(25 * DAY_MS);
    await app.t.app.reminders.runOnce();
    await app.t.app.reminders.runOnce();
    expect((await reminders()).map((mail) => mail.dedupeKey!.split(':')[3]).sort()).toEqual(['near', 'passed']);

    // Both confirmed: nothing more, however many passes.
    await app.t.database.db.update(directoryServices).set({ lastConfirmedAt: app.t.clock.now() }).where(eq(directoryServices.organisationId, wieg));
    app.t.clock.advance(DAY_MS);
    await app.t.app.reminders.runOnce();
    expect(await reminders()).toHaveLength(2);

    await app.t.app.mail.runOnce();
    const received = app.smtp.received.filter((mail) => mail.to.includes('praktijkbeheer@kansrijk.demo') && mailText(mail.raw).includes(VERIFICATION_TASKS_PATH));
    expect(received).toHaveLength(2);
    expect(received[0]!.raw).toContain(`Subject: ${nl.mail.serviceVerificationSubject}`);
    expect(mailText(received[0]!.raw)).not.toContain('herinneringstest');
    const notices = await noticesOf(app.t, await personIdOf(app.t, 'praktijkbeheer@kansrijk.demo'), 'service_verification');
    expect(notices.map((notice) => [notice.linkPath, notice.organisationId])).toEqual([
      [VERIFICATION_TASKS_PATH, wieg],
      [VERIFICATION_TASKS_PATH, wieg],
    ]);
  });

  it('respects the admin’s choice: none hears nothing, the digest tells her the next day', async () => {
    const wieg = app.t.demo.organisationIds.wieg!;
    let age = 160;
    await expectChoiceRespected(app.t, {
      kind: 'service_verification',
      template: 'serviceVerification',
      personId: await personIdOf(app.t, 'praktijkbeheer@kansrijk.demo'),
      email: 'praktijkbeheer@kansrijk.demo',
      remind: async () => {
        // Only a service falling due now counts: a new earliest date each time, so a new reminder.
        await app.t.database.db.update(directoryServices).set({ lastConfirmedAt: app.t.clock.now() }).where(eq(directoryServices.organisationId, wieg));
        await serviceConfirmed(wieg, 'Keuzedienst herinneringstest', (age += 2));
        await app.t.app.reminders.runOnce();
      },
    });
  });
});

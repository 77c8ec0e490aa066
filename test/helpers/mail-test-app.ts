// SPDX-License-Identifier: EUPL-1.2
// A test app that mails to a real SMTP server in the test process (no mail timer: tests call
// app.mail.runOnce()), and what reminder tests ask of it: a day from the test clock, the queued
// reminders of one record, and — reminders being notifications — a person's choice and notices.
import { and, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { amsterdamDate } from '../../src/contracts/calendar.js';
import type { MailTemplate } from '../../src/contracts/mail-admin.js';
import type { NotificationDelivery, NotificationKind } from '../../src/contracts/notifications.js';
import { mailOutbox } from '../../src/server/platform/mail/schema.js';
import { people } from '../../src/server/features/organisations/schema.js';
import { notificationPreferences, notifications } from '../../src/server/features/notifications/schema.js';
import { REVIEW_NEAR_DAYS } from '../../src/server/features/notifications/notify-reviews-due.js';
import { createTestApp, type TestApp } from './test-app.js';
import { smtpEnv, startSmtp, type TestSmtpServer } from './smtp-server.js';

export const DAY_MS = 86_400_000;

export interface SmtpTestApp {
  t: TestApp;
  smtp: TestSmtpServer;
  close(): Promise<void>;
}

export async function startSmtpTestApp(env: Record<string, string> = {}): Promise<SmtpTestApp> {
  const smtp = await startSmtp();
  const t = await createTestApp({ env: { ...smtpEnv(smtp), ...env }, mailIntervalMs: null });
  return {
    t,
    smtp,
    async close() {
      await t.close();
      await smtp.close();
    },
  };
}

/** One SMTP test app for the test file: started before its tests, closed after; read `t` and `smtp` inside the tests. */
export function smtpTestAppPerFile(): { readonly t: TestApp; readonly smtp: TestSmtpServer } {
  let app: SmtpTestApp | undefined;
  beforeAll(async () => {
    app = await startSmtpTestApp();
  });
  afterAll(() => app?.close());
  const started = () => {
    if (!app) throw new Error('the SMTP test app is not started yet');
    return app;
  };
  return {
    get t() {
      return started().t;
    },
    get smtp() {
      return started().smtp;
    },
  };
}

/** The Amsterdam date `days` days after the test clock's now. */
export const dayAfter = (t: TestApp, days: number) => amsterdamDate(new Date(t.clock.now().getTime() + days * DAY_MS));

/** The review reminders queued for one record (their dedupe keys start with the template and the record). */
export const remindersOf = (t: TestApp, template: MailTemplate, objectId: string) =>
  t.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.template, template), like(mailOutbox.dedupeKey, `${template}:${objectId}:%`)));

/**
 * Walks a record whose review date lies 30 to 40 days ahead through the stages: the reminder pass now
 * (nothing due yet), 10 days later (near), and past the date (passed) — each pass twice, so a
 * reminder queued twice would show. Returns the record's reminders after each stage.
 */
export async function walkReviewStages<Row>(t: TestApp, queued: () => Promise<Row[]>): Promise<{ before: Row[]; near: Row[]; passed: Row[] }> {
  await t.app.reminders.runOnce();
  const before = await queued();
  t.clock.advance(10 * DAY_MS);
  await t.app.reminders.runOnce();
  await t.app.reminders.runOnce();
  const near = await queued();
  t.clock.advance((REVIEW_NEAR_DAYS + 1) * DAY_MS);
  await t.app.reminders.runOnce();
  await t.app.reminders.runOnce();
  return { before, near, passed: await queued() };
}

/** The id of the demo person with this login address. */
export async function personIdOf(t: TestApp, email: string): Promise<string> {
  const [person] = await t.database.db.select({ id: people.id }).from(people).where(eq(people.email, email));
  if (!person) throw new Error(`no demo person ${email}`);
  return person.id;
}

/** Sets a person's choice for one kind (null: none, the default applies); the API that does it is tested in notifications.test.ts. */
export async function choose(t: TestApp, personId: string, kind: NotificationKind, delivery: NotificationDelivery | null): Promise<void> {
  const db = t.database.db;
  await db.delete(notificationPreferences).where(and(eq(notificationPreferences.personId, personId), eq(notificationPreferences.kind, kind)));
  if (delivery) await db.insert(notificationPreferences).values({ personId, kind, delivery, updatedAt: t.clock.now() });
}

/** A person's in-app notices of one kind, oldest first. */
export const noticesOf = async (t: TestApp, personId: string, kind: NotificationKind) =>
  (await t.database.db.select().from(notifications).where(and(eq(notifications.personId, personId), eq(notifications.kind, kind)))).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

/** The mails of these templates queued to an address. */
export const mailsTo = (t: TestApp, address: string, templates: readonly MailTemplate[]) =>
  t.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, address), inArray(mailOutbox.template, [...templates])));

/**
 * A reminder respects the person's choice: with 'none' she gets neither a notice nor a mail; with
 * 'email_digest' a notice that waits for her digest and no mail of its own, and the next day's digest
 * mail. `remind` makes a fresh reminder due for her and runs the reminder pass. Her choice is undone after.
 */
export async function expectChoiceRespected(
  t: TestApp,
  reminder: { kind: NotificationKind; template: MailTemplate; personId: string; email: string; remind: () => Promise<void> },
): Promise<void> {
  const { kind, template, personId, email } = reminder;
  const notices = async () => (await noticesOf(t, personId, kind)).length;
  const mails = async () => (await mailsTo(t, email, [template])).length;

  await choose(t, personId, kind, 'none');
  const [noticesBefore, mailsBefore] = [await notices(), await mails()];
  await reminder.remind();
  expect(await notices(), 'no notice for "none"').toBe(noticesBefore);
  expect(await mails(), 'no mail for "none"').toBe(mailsBefore);

  await choose(t, personId, kind, 'email_digest');
  await reminder.remind();
  const waiting = (await noticesOf(t, personId, kind)).filter((notice) => notice.awaitsDigest);
  expect(waiting, 'one notice waits for the digest').toHaveLength(1);
  expect(await mails(), 'no mail of its own for "email_digest"').toBe(mailsBefore);
  const digestsBefore = (await mailsTo(t, email, ['digest'])).length;
  t.clock.advance(DAY_MS);
  await t.app.noticeJobs.runOnce();
  expect((await mailsTo(t, email, ['digest'])).length, 'the next day’s digest').toBe(digestsBefore + 1);
  expect((await noticesOf(t, personId, kind)).filter((notice) => notice.awaitsDigest)).toHaveLength(0);
  await choose(t, personId, kind, null);
}

// SPDX-License-Identifier: EUPL-1.2
// A test app that mails to a real SMTP server in the test process (no mail timer: tests call
// app.mail.runOnce()), and what reminder tests ask of it: a day from the test clock, and the queued
// reminders of one record.
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { amsterdamDate } from '../../src/contracts/calendar.js';
import type { MailTemplate } from '../../src/contracts/mail-admin.js';
import { mailOutbox } from '../../src/server/platform/mail/schema.js';
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

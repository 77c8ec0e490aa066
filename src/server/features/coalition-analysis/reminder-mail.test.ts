// SPDX-License-Identifier: EUPL-1.2
// The reminder before a round closes (issue 16), against a real SMTP server in this process: nothing
// before the window; from three days before the planned closing day, one reminder to each respondent
// who has not answered (not to one who has), however many passes run; a person with an account gets a
// link to their own invitation, someone with a personal link a mail without one; a closed round or a
// round without a closing day reminds no one. A closing day in the past is refused in Dutch. For a person
// with an account the reminder is a notification: a notice in Kansrijk too, and her choice (none, the
// digest) holds; someone with a personal link only gets the mail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { mailText, smtpEnv, startSmtp, type TestSmtpServer } from '../../../../test/helpers/smtp-server.js';
import { expectChoiceRespected, noticesOf } from '../../../../test/helpers/mail-test-app.js';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { answerByLink, answersFor, inviteByLink } from './test-support.js';
import { REMINDER_DAYS_BEFORE } from './remind-respondents.js';
import { notifications } from '../notifications/schema.js';
import { eq } from 'drizzle-orm';

const DAY = 86_400_000;
let t: TestApp;
let smtp: TestSmtpServer;
let coordinator: Caller;
let nurse: Caller;
const base = '/api/v1/coalitions/KS0001/analysis-rounds';
const dayAfter = (days: number) => amsterdamDate(new Date(t.clock.now().getTime() + days * DAY));

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ env: { ...smtpEnv(smtp), RATE_LIMIT_PER_MINUTE: '100000', AUTH_RATE_LIMIT_PER_MINUTE: '100000' }, mailIntervalMs: null });
  coordinator = await callerFor(t, 'coordinator', 'gemeente');
  nurse = await callerFor(t, 'jgzNurse', 'jgz');
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

async function openRound(title: string, closesOn: string | null): Promise<string> {
  const response = await coordinator.request('POST', base, { title, anonymity: 'named', closesOn });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

describe('reminders before a round closes', () => {
  it('refuses a closing day in the past, in Dutch, and opens nothing', async () => {
    const before = (await coordinator.request('GET', base)).json().items.length;
    const refused = await coordinator.request('POST', base, { title: 'Te laat', anonymity: 'named', closesOn: dayAfter(-1) });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('De sluitdatum ligt in het verleden');
    expect((await coordinator.request('GET', base)).json().items).toHaveLength(before);
  });

  it('reminds each respondent who has not answered once, from three days before the closing day', async () => {
    const roundId = await openRound('Ronde met sluitdatum', dayAfter(10));
    expect((await coordinator.request('GET', base)).json().items.find((round: { id: string }) => round.id === roundId).closesOn).toBe(dayAfter(10));
    const withoutDay = await openRound('Ronde zonder sluitdatum', null);
    const closed = await openRound('Gesloten ronde', dayAfter(10));
    const personal = await coordinator.request('POST', `${base}/${roundId}/respondents`, { personId: nurse.session.personId });
    const quietToken = await inviteByLink(coordinator, 'KS0001', roundId, 'Stille Partner', 'stil@partner.example.nl');
    const answeredToken = await inviteByLink(coordinator, 'KS0001', roundId, 'Snelle Partner', 'snel@partner.example.nl');
    await inviteByLink(coordinator, 'KS0001', withoutDay, 'Andere Partner', 'ander@partner.example.nl');
    await inviteByLink(coordinator, 'KS0001', closed, 'Gesloten Partner', 'gesloten@partner.example.nl');
    expect((await coordinator.request('POST', `${base}/${closed}/closure`, {})).statusCode).toBe(200);
    expect((await answerByLink(t, answeredToken, answersFor(() => 3))).statusCode).toBe(200);
    await t.app.mail.runOnce();
    smtp.received.length = 0;

    // Ten days before: nothing yet.
    expect((await t.app.reminders.runOnce()).analysisRespondents).toBe(0);
    t.clock.advance((10 - REMINDER_DAYS_BEFORE - 1) * DAY);
    expect((await t.app.reminders.runOnce()).analysisRespondents).toBe(0);
    // Three days before: the nurse and the quiet partner, not the one who answered, nor the other rounds.
    t.clock.advance(DAY);
    expect((await t.app.reminders.runOnce()).analysisRespondents).toBe(2);
    expect((await t.app.reminders.runOnce()).analysisRespondents).toBe(0);
    t.clock.advance(DAY);
    expect((await t.app.reminders.runOnce()).analysisRespondents).toBe(0);
    // (The same pass may queue other reminders of the demo data, e.g. agreements due for review.)
    await t.app.mail.runOnce();

    const toQuiet = smtp.received.filter((mail) => mail.to.includes('stil@partner.example.nl'));
    expect(toQuiet).toHaveLength(1);
    expect(toQuiet[0]!.raw).toContain(`Subject: ${nl.mail.analysisReminderByLinkSubject}`);
    const quietText = mailText(toQuiet[0]!.raw);
    // No link (the personal link is stored only hashed), no name.
    expect(quietText).not.toMatch(/https?:\/\//);
    expect(quietText).not.toContain(quietToken);
    expect(quietText).not.toContain('Stille');
    const toNurse = smtp.received.filter((mail) => mailText(mail.raw).includes('/zelfanalyse/uitnodigingen/'));
    expect(toNurse).toHaveLength(1);
    expect(toNurse[0]!.raw).toContain(`Subject: ${nl.mail.analysisReminderSubject}`);
    expect(mailText(toNurse[0]!.raw)).toContain(`/zelfanalyse/uitnodigingen/${personal.json().id}`);
    expect(smtp.received.some((mail) => mail.to.includes('snel@partner.example.nl') || mail.to.includes('ander@partner.example.nl') || mail.to.includes('gesloten@partner.example.nl'))).toBe(false);

    // The nurse's reminder is a notice in Kansrijk too, linking to her invitation; the quiet partner (no account) has none.
    const notices = await noticesOf(t, nurse.session.personId, 'analysis_reminder');
    expect(notices.map((notice) => notice.linkPath)).toEqual([`/zelfanalyse/uitnodigingen/${personal.json().id}`]);
    const all = await t.database.db.select().from(notifications).where(eq(notifications.kind, 'analysis_reminder'));
    expect(all.map((notice) => notice.personId)).toEqual([nurse.session.personId]);
  });

  it('respects the choice of a respondent with an account: none hears nothing, the digest tells her the next day', async () => {
    const freshCoordinator = await callerFor(t, 'coordinator', 'gemeente');
    let counter = 0;
    await expectChoiceRespected(t, {
      kind: 'analysis_reminder',
      template: 'analysisReminder',
      personId: nurse.session.personId,
      email: 'jgz@kansrijk.demo',
      remind: async () => {
        const round = await freshCoordinator.request('POST', base, { title: `Keuzeronde ${++counter}`, anonymity: 'named', closesOn: dayAfter(2) });
        expect(round.statusCode, round.body).toBe(201);
        const invited = await freshCoordinator.request('POST', `${base}/${round.json().id}/respondents`, { personId: nurse.session.personId });
        expect(invited.statusCode, invited.body).toBe(201);
        await t.app.reminders.runOnce();
      },
    });
  });
});

// SPDX-License-Identifier: EUPL-1.2
// Analysis-round invitations by mail (issue 16), against a real SMTP server in this process: someone
// without an account gets one mail with their personal link, and the link works without logging in
// (they can open and answer the round); a person with an account gets one mail linking to their own
// invitation behind login, however often they are invited; an SMTP outage never fails the invitation,
// it only delays the mail, which goes out when the server is back. No name in any mail.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { anonymousHeaders } from '../../../../test/helpers/sessions.js';
import { mailText, smtpEnv, startSmtp, type ReceivedMail, type TestSmtpServer } from '../../../../test/helpers/smtp-server.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { MAIL_RETRY_DELAYS_MS } from '../../platform/mail/deliver-mail.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { answerByLink, answersFor, openTestRound } from './test-support.js';

let t: TestApp;
let smtp: TestSmtpServer;
let coordinator: Caller;
let nurse: Caller;
let roundId: string;
const respondents = () => `/api/v1/coalitions/KS0001/analysis-rounds/${roundId}/respondents`;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ env: { ...smtpEnv(smtp), RATE_LIMIT_PER_MINUTE: '100000', AUTH_RATE_LIMIT_PER_MINUTE: '100000' }, mailIntervalMs: null });
  coordinator = await callerFor(t, 'coordinator', 'gemeente');
  nurse = await callerFor(t, 'jgzNurse', 'jgz');
  roundId = await openTestRound(coordinator, 'KS0001', 'named', 'Ronde met e-mail');
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const mailsTo = (address: string): ReceivedMail[] => smtp.received.filter((mail) => mail.to.includes(address));
/** The one link in a mail's text. */
const linkIn = (mail: ReceivedMail): string => mailText(mail.raw).match(/https?:\/\/\S+/)![0];

describe('invitation mails', () => {
  it('reaches someone without an account with a personal link that works without login, even after an SMTP outage', async () => {
    smtp.setRefusing(true);
    const address = 'b.bakker@welzijn.example.nl';
    const invited = await coordinator.request('POST', respondents(), { name: 'Bram Bakker', email: address });
    // The mail server being down does not fail the invitation.
    expect(invited.statusCode, invited.body).toBe(201);
    expect(await t.app.mail.runOnce()).toEqual({ attempted: 1, sent: 0 });
    expect(mailsTo(address)).toHaveLength(0);

    smtp.setRefusing(false);
    t.clock.advance(MAIL_RETRY_DELAYS_MS[0]);
    expect(await t.app.mail.runOnce()).toEqual({ attempted: 1, sent: 1 });
    const [mail] = mailsTo(address);
    expect(mail!.raw).toContain(`Subject: ${nl.mail.analysisInvitationSubject}`);
    const text = mailText(mail!.raw);
    expect(text).not.toContain('Bram');
    expect(text).not.toContain('Bakker');
    const link = linkIn(mail!);
    expect(link).toBe(invited.json().link);
    expect(link.startsWith(`${t.config.publicUrl.replace(/\/$/, '')}/zelfanalyse/`)).toBe(true);

    // Following the link: the public page's API opens the round without a session, and answers save.
    const token = link.split('/zelfanalyse/')[1]!;
    const form = await t.app.inject({ method: 'GET', url: `/api/v1/analysis-links/${token}`, headers: anonymousHeaders });
    expect(form.statusCode, form.body).toBe(200);
    expect(form.json()).toMatchObject({ roundTitle: 'Ronde met e-mail', status: 'open' });
    const saved = await answerByLink(t, token, answersFor(() => 4));
    expect(saved.statusCode, saved.body).toBe(200);
    // And the page itself is a public route of the web app (no login).
    expect(new URL(link).pathname).toBe(`/zelfanalyse/${token}`);

    // Inviting the same address again is refused, and sends nothing more.
    expect((await coordinator.request('POST', respondents(), { name: 'Bram Bakker', email: address })).statusCode).toBe(409);
    await t.app.mail.runOnce();
    expect(mailsTo(address)).toHaveLength(1);
  });

  it('reaches a person with an account once, however often they are invited, with a link to their own invitation', async () => {
    const first = await coordinator.request('POST', respondents(), { personId: nurse.session.personId });
    expect(first.statusCode, first.body).toBe(201);
    const again = await coordinator.request('POST', respondents(), { personId: nurse.session.personId });
    expect(again.statusCode).toBe(200);
    const queued = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.dedupeKey, `analysis-invitation:${first.json().id}`));
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ template: 'analysisInvitation', toPersonId: nurse.session.personId });

    expect(await t.app.mail.runOnce()).toEqual({ attempted: 1, sent: 1 });
    await t.app.mail.runOnce();
    const address = queued[0]!.toAddress;
    expect(mailsTo(address)).toHaveLength(1);
    const link = linkIn(mailsTo(address)[0]!);
    expect(new URL(link).pathname).toBe(`/zelfanalyse/uitnodigingen/${first.json().id}`);
    expect(mailText(mailsTo(address)[0]!.raw)).not.toContain('Joke');
    // Behind login: the person's own invitation opens for them.
    const own = await nurse.request('GET', `/api/v1/analysis-invitations/${first.json().id}`);
    expect(own.statusCode, own.body).toBe(200);
  });

  it('queues no mail when the invitation is refused (a closed round)', async () => {
    const closedRound = await openTestRound(coordinator, 'KS0001', 'named', 'Gesloten ronde');
    expect((await coordinator.request('POST', `/api/v1/coalitions/KS0001/analysis-rounds/${closedRound}/closure`, {})).statusCode).toBe(200);
    const before = (await t.database.db.select().from(mailOutbox)).length;
    const refused = await coordinator.request('POST', `/api/v1/coalitions/KS0001/analysis-rounds/${closedRound}/respondents`, { name: 'Els Ek', email: 'e.ek@example.nl' });
    expect(refused.statusCode).toBe(409);
    expect(await t.database.db.select().from(mailOutbox)).toHaveLength(before);
  });
});

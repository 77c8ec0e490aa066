// SPDX-License-Identifier: EUPL-1.2
// Notifications through the API on a real database (issue 16): the midwife refers to JGZ; what the JGZ
// nurse and the organisation's functional address get depends on the admin's list and the nurse's
// preferences; a repeated submit notifies once; the digest goes out once a day; the deadline job tells
// the receiver on the last day and escalates to the municipality's coordinators once; an SMTP outage
// does not fail the referral; an invitation is mailed with its link.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { insertTestFamily } from '../families/test-support.js';
import { people } from '../organisations/schema.js';
import { referrals } from '../referrals/schema.js';
import { auditLog } from '../../platform/audit/schema.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { smtpTransport } from '../../platform/mail/mail-transport.js';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { DEMO_CHAIN_CLIENTS } from '../../demo/seed-chain-demo.js';
import { notificationPreferences, notifications, organisationInboxRecipients, organisationInboxSettings } from './schema.js';

let t: TestApp;
let ids: Record<string, string>;
let midwife: Caller;
let nurse: Caller;
let coordinator: Caller;
let platformAdmin: Caller;
let keyCounter = 0;
const JGZ_INTAKE = 'intake@jgz.example.nl';

beforeAll(async () => {
  // Mail goes to a port nobody listens on: every attempt fails, as in an outage.
  t = await createTestApp({
    env: { RATE_LIMIT_PER_MINUTE: '100000' },
    mailTransport: smtpTransport({ host: '127.0.0.1', port: 9, tls: 'none', from: 'noreply@kansrijk.example.nl', timeoutMs: 1_000 }),
  });
  ids = t.demo.organisationIds;
});
afterAll(() => t.close());
beforeEach(async () => {
  // Fresh sessions: tests move the clock past a session's lifetime.
  midwife = await callerFor(t, 'midwife', 'wieg');
  nurse = await callerFor(t, 'jgzNurse', 'jgz');
  coordinator = await callerFor(t, 'coordinator', 'gemeente');
  platformAdmin = await callerFor(t, 'platformAdmin');
  await t.database.db.delete(notifications);
  await t.database.db.delete(notificationPreferences);
  await t.database.db.delete(organisationInboxRecipients);
  await t.database.db.delete(organisationInboxSettings);
  await t.database.db.delete(mailOutbox);
});

const setClock = (at: Date) => t.clock.advance(at.getTime() - t.clock.now().getTime());
const today = () => amsterdamDate(t.clock.now());
const addDays = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The client's consent to share with the receiver, recorded by a professional who has a care relationship. */
async function recordConsent(caller: Caller, familyId: string, receiverOrganisationId: string): Promise<string> {
  const consent = await caller.request('POST', `/api/v1/families/${familyId}/consents`, {
    givenBy: 'client',
    receiverOrganisationId,
    purposes: ['referral', 'follow_up'],
    dataCategories: ['contact_details', 'pregnancy', 'risk_factors', 'referral_reason'],
    form: 'written',
    givenOn: today(),
    validUntil: addDays(today(), 180),
  });
  expect(consent.statusCode, consent.body).toBe(201);
  return consent.json().id;
}

async function sendReferral(idempotencyKey = `notify-${++keyCounter}`): Promise<{ id: string; familyId: string }> {
  const family = await insertTestFamily(t, 'wieg');
  const consentId = await recordConsent(midwife, family.familyId, ids.jgz!);
  const body = {
    familyId: family.familyId,
    receiverOrganisationId: ids.jgz,
    reason: 'Geldzorgen en veel stress; graag prenataal huisbezoek.',
    factorKeys: ['stress'],
    consentId,
    idempotencyKey,
  };
  const response = await midwife.request('POST', '/api/v1/referrals', body);
  expect(response.statusCode, response.body).toBe(201);
  // The same submit again: the same referral, and nobody is told twice.
  const again = await midwife.request('POST', '/api/v1/referrals', body);
  expect(again.json().id).toBe(response.json().id);
  return { id: response.json().id, familyId: family.familyId };
}

async function setOwn(caller: Caller, kind: string, delivery: string) {
  const response = await caller.request('PUT', '/api/v1/notification-preferences', { preferences: [{ kind, delivery }] });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function setInbox(functionalAddress: string | null, recipientIds: string[]) {
  const response = await platformAdmin.request('PUT', `/api/v1/organisations/${ids.jgz}/inbox-settings`, { functionalAddress, recipientIds });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const outbox = () => t.database.db.select().from(mailOutbox);
const noticesOf = (personId: string) => t.database.db.select().from(notifications).where(eq(notifications.personId, personId));

describe('a new referral in the inbox', () => {
  it('mails only the functional address while nobody chose to be told', async () => {
    await setInbox(JGZ_INTAKE, []);
    await sendReferral();
    expect(await noticesOf(nurse.session.personId)).toEqual([]);
    const mails = await outbox();
    expect(mails.map((mail) => [mail.template, mail.toAddress, mail.toPersonId])).toEqual([['newReferral', JGZ_INTAKE, null]]);
  });

  it('gives the nurse on the admin’s list an unread notice in Kansrijk (no mail), with nothing but a kind and a link', async () => {
    await setInbox(null, [nurse.session.personId]);
    const referral = await sendReferral();
    const [notice] = await noticesOf(nurse.session.personId);
    expect(notice).toMatchObject({ kind: 'referral_received', linkPath: `/verwijzingen/${referral.id}`, readAt: null, organisationId: ids.jgz });
    expect(await outbox()).toEqual([]);

    const list = await nurse.request('GET', '/api/v1/notifications');
    expect(list.json()).toMatchObject({ total: 1, items: [{ kind: 'referral_received', linkPath: `/verwijzingen/${referral.id}`, readAt: null }] });
    const text = list.body;
    for (const client of DEMO_CHAIN_CLIENTS) for (const value of [client.givenName, client.familyName, client.birthDate]) expect(text).not.toContain(value);
    expect((await nurse.request('GET', '/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });

    // Opening it marks it read; again keeps the first moment; another person cannot touch it.
    const noticeId = list.json().items[0].id;
    expect((await midwife.request('POST', `/api/v1/notifications/${noticeId}/reading`)).statusCode).toBe(404);
    const read = await nurse.request('POST', `/api/v1/notifications/${noticeId}/reading`);
    expect(read.statusCode, read.body).toBe(200);
    const readAt = read.json().readAt;
    expect(readAt).not.toBeNull();
    t.clock.advance(60_000);
    expect((await nurse.request('POST', `/api/v1/notifications/${noticeId}/reading`)).json().readAt).toBe(readAt);
    expect((await nurse.request('GET', '/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
    expect((await nurse.request('GET', '/api/v1/notifications?unread=true')).json().total).toBe(0);
  });

  it('mails the nurse who opted in herself at once (one mail, however often the event repeats), and the functional address', async () => {
    await setInbox(JGZ_INTAKE, []);
    const preferences = await setOwn(nurse, 'referral_received', 'email_immediate');
    expect(preferences).toMatchObject({ isInboxRecipient: false, preferences: expect.arrayContaining([{ kind: 'referral_received', delivery: 'email_immediate' }]) });
    const referral = await sendReferral();
    expect(await noticesOf(nurse.session.personId)).toHaveLength(1);
    const mails = await outbox();
    expect(mails.map((mail) => mail.toAddress).sort()).toEqual([JGZ_INTAKE, 'jgz@kansrijk.demo']);
    expect(new Set(mails.map((mail) => mail.linkPath))).toEqual(new Set([`/verwijzingen/${referral.id}`]));
  });

  it('tells the organisation a referral is forwarded to, like a new one', async () => {
    const referral = await sendReferral();
    const accepted = await nurse.request('POST', `/api/v1/referrals/${referral.id}/transitions`, { event: 'accept', version: 1 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const consentId = await recordConsent(nurse, referral.familyId, ids.wijkteam!);
    const socialWorker = await callerFor(t, 'socialWorker', 'wijkteam');
    await setOwn(socialWorker, 'referral_received', 'email_immediate');
    const forwarded = await nurse.request('POST', `/api/v1/referrals/${referral.id}/forward`, {
      toOrganisationId: ids.wijkteam,
      reason: 'Schuldhulp nodig, past beter bij het wijkteam.',
      consentId,
      version: 2,
    });
    expect(forwarded.statusCode, forwarded.body).toBe(201);
    const next = forwarded.json().forwarded.id;
    expect((await noticesOf(socialWorker.session.personId)).map((notice) => notice.linkPath)).toEqual([`/verwijzingen/${next}`]);
    expect((await outbox()).map((mail) => [mail.toAddress, mail.linkPath])).toEqual([['wijkteam@kansrijk.demo', `/verwijzingen/${next}`]]);
  });

  it('lets a nurse on the list opt out', async () => {
    await setInbox(null, [nurse.session.personId]);
    await setOwn(nurse, 'referral_received', 'none');
    await sendReferral();
    expect(await noticesOf(nurse.session.personId)).toEqual([]);
  });

  it('does not fail the referral when the mail server is down: the mail waits in the outbox', async () => {
    await setInbox(JGZ_INTAKE, []);
    await sendReferral();
    expect(await t.app.mail.runOnce()).toEqual({ attempted: 1, sent: 0 });
    const [mail] = await outbox();
    expect(mail).toMatchObject({ status: 'pending', attempts: 1 });
    expect(mail!.lastError).toMatch(/^ECONNECTION|^ESOCKET/);
  });
});

describe('the daily digest', () => {
  it('collects the notices of a day into one mail after midnight, once', async () => {
    await setInbox(null, [nurse.session.personId]);
    await setOwn(nurse, 'referral_received', 'email_digest');
    await sendReferral();
    await sendReferral();
    expect(await outbox()).toEqual([]);
    expect(await t.app.noticeJobs.runOnce()).toMatchObject({ digests: 0 });
    t.clock.advance(24 * 3600_000);
    expect(await t.app.noticeJobs.runOnce()).toMatchObject({ digests: 1 });
    expect((await outbox()).map((mail) => [mail.template, mail.toAddress, mail.linkPath])).toEqual([['digest', 'jgz@kansrijk.demo', '/meldingen']]);
    expect(await t.app.noticeJobs.runOnce()).toMatchObject({ digests: 0 });
    expect(await outbox()).toHaveLength(1);
  });
});

describe('the response deadline', () => {
  it('tells the receiver on the last day, then escalates to the municipality’s coordinators once', async () => {
    // Only this referral waits for an answer.
    await t.database.db.update(referrals).set({ status: 'accepted' });
    await setInbox(null, [nurse.session.personId]);
    const referral = await sendReferral();
    await t.database.db.delete(notifications);
    const [row] = await t.database.db.select({ respondBy: referrals.respondBy }).from(referrals).where(eq(referrals.id, referral.id));
    const respondBy = row!.respondBy!;

    // The last day to respond, in the morning.
    setClock(new Date(respondBy.getTime() - 14 * 3600_000));
    expect(await t.app.noticeJobs.runOnce()).toMatchObject({ due: 1, overdue: 0 });
    expect((await noticesOf(nurse.session.personId)).map((notice) => notice.kind)).toEqual(['referral_due']);
    expect(await t.app.noticeJobs.runOnce()).toMatchObject({ due: 0, overdue: 0 });

    // Past the deadline: both coordinators of the municipality's organisation, by e-mail (their default), to the overdue list.
    setClock(new Date(respondBy.getTime() + 60_000));
    expect(await t.app.noticeJobs.runOnce()).toMatchObject({ overdue: 1 });
    const coordinatorNotices = await noticesOf(coordinator.session.personId);
    expect(coordinatorNotices.map((notice) => [notice.kind, notice.linkPath])).toEqual([['referral_overdue', '/verwijzingen/te-laat']]);
    const escalations = (await outbox()).filter((mail) => mail.template === 'referralOverdue');
    expect(escalations.map((mail) => mail.toAddress).sort()).toEqual(['coordinator@kansrijk.demo', 'plaatsvervanger@kansrijk.demo']);
    // Once: the next passes escalate nothing again.
    t.clock.advance(24 * 3600_000);
    expect(await t.app.noticeJobs.runOnce()).toMatchObject({ due: 0, overdue: 0 });
    expect(await noticesOf(coordinator.session.personId)).toHaveLength(1);
  });

  it('does not flag a referral that was answered', async () => {
    const referral = await sendReferral();
    await t.database.db.update(referrals).set({ status: 'accepted' }).where(eq(referrals.id, referral.id));
    const [row] = await t.database.db.select({ respondBy: referrals.respondBy }).from(referrals).where(eq(referrals.id, referral.id));
    setClock(new Date(row!.respondBy!.getTime() + 60_000));
    await t.app.noticeJobs.runOnce();
    expect(await noticesOf(coordinator.session.personId)).toEqual([]);
  });
});

describe('settings', () => {
  it('refuses a recipient who is no member of the organisation, and changes nothing', async () => {
    await setInbox(JGZ_INTAKE, [nurse.session.personId]);
    const response = await platformAdmin.request('PUT', `/api/v1/organisations/${ids.jgz}/inbox-settings`, {
      functionalAddress: null,
      recipientIds: [midwife.session.personId],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('body.recipientIds.0');
    const settings = (await platformAdmin.request('GET', `/api/v1/organisations/${ids.jgz}/inbox-settings`)).json();
    expect(settings.functionalAddress).toBe(JGZ_INTAKE);
    expect(settings.members).toEqual(expect.arrayContaining([{ personId: nurse.session.personId, name: 'Joke Jansen', isRecipient: true }]));
  });

  it('audits an admin reading and setting a member’s preferences, naming the member', async () => {
    const practiceAdmin = await callerFor(t, 'practiceAdmin', 'wieg');
    const { response, rows } = await practiceAdmin.audited('PUT', `/api/v1/people/${midwife.session.personId}/notification-preferences`, {
      preferences: [{ kind: 'referral_due', delivery: 'email_digest' }],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(rows).toEqual([expect.objectContaining({ action: 'update', outcome: 'success', objectType: 'notification_preferences', objectId: midwife.session.personId })]);
    const [chosen] = await t.database.db
      .select()
      .from(notificationPreferences)
      .where(and(eq(notificationPreferences.personId, midwife.session.personId), eq(notificationPreferences.kind, 'referral_due')));
    expect(chosen?.delivery).toBe('email_digest');
    // Not a member of her organisation: refused.
    expect((await practiceAdmin.request('GET', `/api/v1/people/${nurse.session.personId}/notification-preferences`)).statusCode).toBe(403);
  });
});

describe('the invitation', () => {
  it('is mailed to the invitee with the link, and nothing else', async () => {
    const created = await platformAdmin.request('POST', '/api/v1/people', {
      name: 'Nieuwe Collega',
      email: 'nieuwe.collega@example.org',
      memberships: [{ organisationId: ids.jgz, roles: ['professional'] }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const path = new URL(created.json().invitation.invitationUrl).pathname;
    const [person] = await t.database.db.select({ id: people.id }).from(people).where(eq(people.email, 'nieuwe.collega@example.org'));
    expect((await outbox()).map((mail) => [mail.template, mail.toAddress, mail.toPersonId, mail.linkPath])).toEqual([['invitation', 'nieuwe.collega@example.org', person!.id, path]]);
    // A fresh link is mailed too.
    const again = await platformAdmin.request('POST', `/api/v1/people/${person!.id}/invitations`);
    expect(again.statusCode, again.body).toBe(201);
    expect((await outbox()).map((mail) => mail.linkPath)).toEqual([path, new URL(again.json().invitationUrl).pathname]);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.objectId, person!.id));
    expect(JSON.stringify(audit)).not.toContain(path);
  });
});

describe('the sender follows her referral', () => {
  const step = async (caller: Caller, id: string, event: string, extra: Record<string, string> = {}) => {
    const current = await caller.request('GET', `/api/v1/referrals/${id}`);
    expect(current.statusCode, current.body).toBe(200);
    const response = await caller.request('POST', `/api/v1/referrals/${id}/transitions`, { event, version: current.json().version, ...extra });
    expect(response.statusCode, response.body).toBe(200);
  };

  it('tells the midwife in Kansrijk of each step the receiver takes, once each, and of none of her own', async () => {
    const referral = await sendReferral();
    await step(nurse, referral.id, 'accept');
    const notices = await noticesOf(midwife.session.personId);
    expect(notices.map((notice) => [notice.kind, notice.linkPath, notice.readAt])).toEqual([['referral_status_changed', `/verwijzingen/${referral.id}`, null]]);
    // Nothing mailed unless she chose it; the nurse, who took the step, is told nothing of it.
    expect(await outbox()).toEqual([]);
    expect((await noticesOf(nurse.session.personId)).filter((notice) => notice.kind === 'referral_status_changed')).toEqual([]);
    await step(nurse, referral.id, 'start');
    expect(await noticesOf(midwife.session.personId)).toHaveLength(2);
    // Her own step (cancelling) is not told to her.
    const other = await sendReferral();
    await step(midwife, other.id, 'cancel', { reason: 'Niet meer nodig.' });
    expect(await noticesOf(midwife.session.personId)).toHaveLength(2);
  });

  it('mails her at once when she chose so, and not at all when she chose none', async () => {
    await setOwn(midwife, 'referral_status_changed', 'email_immediate');
    const referral = await sendReferral();
    await step(nurse, referral.id, 'accept');
    const mails = await outbox();
    expect(mails.map((mail) => [mail.template, mail.toPersonId, mail.linkPath])).toEqual([['referralStatusChanged', midwife.session.personId, `/verwijzingen/${referral.id}`]]);
    await setOwn(midwife, 'referral_status_changed', 'none');
    await step(nurse, referral.id, 'start');
    expect(await noticesOf(midwife.session.personId)).toHaveLength(1);
    expect(await outbox()).toHaveLength(1);
  });
});

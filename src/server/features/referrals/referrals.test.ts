// SPDX-License-Identifier: EUPL-1.2
// Consent and the closed referral loop through the API, on the real database: the midwife of De Wieg
// refers to JGZ Zuid-Holland Zuid; the JGZ nurse receives it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { insertTestFamily } from '../families/test-support.js';
import { careRelationships } from '../families/schema.js';
import { consents, referralEvents, referralSettings, referrals } from './schema.js';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { responseDeadline } from './domain/deadline.js';

let t: TestApp;
let midwife: Caller;
let nurse: Caller;
let socialWorker: Caller;
let ids: Record<string, string>;
let keyCounter = 0;

const key = () => `test-key-${Date.now()}-${++keyCounter}`;

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  ids = t.demo.organisationIds;
  midwife = await callerFor(t, 'midwife', 'wieg');
  nurse = await callerFor(t, 'jgzNurse', 'jgz');
  socialWorker = await callerFor(t, 'socialWorker', 'wijkteam');
});
afterAll(() => t.close());

function today() {
  return amsterdamDate(t.clock.now());
}

function consentBody(receiverKey: string, overrides: Record<string, unknown> = {}) {
  return {
    givenBy: 'client',
    receiverOrganisationId: ids[receiverKey],
    purposes: ['referral', 'follow_up'],
    dataCategories: ['contact_details', 'pregnancy', 'risk_factors', 'referral_reason'],
    form: 'written',
    givenOn: today(),
    validUntil: addDays(today(), 180),
    ...overrides,
  };
}

async function recordConsent(familyId: string, receiverKey = 'jgz', overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await midwife.request('POST', `/api/v1/families/${familyId}/consents`, consentBody(receiverKey, overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function sendReferral(familyId: string, consentId: string, receiverKey = 'jgz', caller = midwife) {
  const response = await caller.request('POST', '/api/v1/referrals', {
    familyId,
    receiverOrganisationId: ids[receiverKey],
    reason: 'Geldzorgen en veel stress; graag prenataal huisbezoek.',
    factorKeys: ['money-debts', 'stress'],
    consentId,
    idempotencyKey: key(),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function step(caller: Caller, referralId: string, body: Record<string, unknown>) {
  return caller.request('POST', `/api/v1/referrals/${referralId}/transitions`, body);
}

async function referralCount(familyId: string): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(referrals).where(eq(referrals.familyId, familyId));
  return row!.n;
}

describe('consent', () => {
  it('is recorded in the family file with an audit row naming the client, and listed with its status', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg');
    const { response, rows } = await midwife.audited('POST', `/api/v1/families/${familyId}/consents`, consentBody('jgz'));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ status: 'valid', receiverOrganisationName: 'JGZ Zuid-Holland Zuid', purposes: ['referral', 'follow_up'] });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'update', objectType: 'consent', clientId: familyId, outcome: 'success' });
    const list = await midwife.request('GET', `/api/v1/families/${familyId}/consents`);
    expect(list.json().map((consent: { id: string }) => consent.id)).toEqual([response.json().id]);
  });

  it('refuses bad input in Dutch and saves nothing', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg');
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ validUntil: addDays(today(), -1), givenOn: addDays(today(), -2) }, /einddatum/i],
      [{ givenOn: today(), validUntil: today() }, /na de datum van toestemming/],
      [{ givenOn: addDays(today(), 3), validUntil: addDays(today(), 30) }, /toekomst/],
      [{ givenBy: 'legal_representative' }, /naam van de wettelijk vertegenwoordiger/],
      [{ purposes: [] }, /doel/],
      [{ receiverOrganisationId: ids.wieg }, /andere organisatie/],
      [{ receiverOrganisationId: '00000000-0000-4000-8000-000000000000' }, /bestaat niet/],
    ];
    for (const [overrides, message] of cases) {
      const response = await midwife.request('POST', `/api/v1/families/${familyId}/consents`, consentBody('jgz', overrides));
      expect(response.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(JSON.stringify(response.json()), JSON.stringify(overrides)).toMatch(message);
    }
    const [row] = await t.database.db.select({ n: count() }).from(consents).where(eq(consents.familyId, familyId));
    expect(row!.n).toBe(0);
  });

  it('cannot be recorded by an organisation without access to the family', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg');
    const response = await nurse.request('POST', `/api/v1/families/${familyId}/consents`, {
      ...consentBody('wijkteam'),
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('sending a referral', () => {
  it('needs a valid consent for that receiver: consent_required in Dutch, nothing saved', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg');
    const wijkteamConsent = await recordConsent(familyId, 'wijkteam');
    const base = { familyId, receiverOrganisationId: ids.jgz, reason: 'Geldzorgen en veel stress in huis.', factorKeys: [], idempotencyKey: key() };

    const none = await midwife.request('POST', '/api/v1/referrals', base);
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({ code: 'consent_required' });
    expect(none.json().detail).toMatch(/toestemming/);

    const other = await midwife.request('POST', '/api/v1/referrals', { ...base, consentId: wijkteamConsent, idempotencyKey: key() });
    expect(other.statusCode).toBe(422);
    expect(other.json().detail).toBe('De toestemming geldt niet voor deze organisatie.');

    const purposeOnly = await recordConsent(familyId, 'jgz', { purposes: ['prenatal_home_visit'] });
    const wrongPurpose = await midwife.request('POST', '/api/v1/referrals', { ...base, consentId: purposeOnly, idempotencyKey: key() });
    expect(wrongPurpose.statusCode).toBe(422);
    expect(wrongPurpose.json().detail).toBe('De toestemming geldt niet voor dit doel.');

    const withdrawnId = await recordConsent(familyId, 'jgz');
    expect((await midwife.request('POST', `/api/v1/consents/${withdrawnId}/withdrawal`)).statusCode).toBe(200);
    const withdrawn = await midwife.request('POST', '/api/v1/referrals', { ...base, consentId: withdrawnId, idempotencyKey: key() });
    expect(withdrawn.statusCode).toBe(422);
    expect(withdrawn.json().detail).toBe('De cliënt heeft de toestemming ingetrokken.');

    expect(await referralCount(familyId)).toBe(0);
  });

  it('without consent only on a legal ground with a justification, flagged in the audit row and the referral', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg');
    const base = { familyId, receiverOrganisationId: ids.wijkteam, reason: 'Zorgen over veiligheid thuis, zie meldcode.', idempotencyKey: key() };

    const unknown = await midwife.request('POST', '/api/v1/referrals', { ...base, legalGround: 'omdat_het_moet', justification: 'x'.repeat(40) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toMatch(/wettelijke grond/);
    const short = await midwife.request('POST', '/api/v1/referrals', { ...base, legalGround: 'meldcode_veilig_thuis', justification: 'te kort' });
    expect(short.statusCode).toBe(400);
    expect(short.json().detail).toMatch(/minstens 30 tekens/);
    expect(await referralCount(familyId)).toBe(0);

    const { response, rows } = await midwife.audited('POST', '/api/v1/referrals', {
      ...base,
      legalGround: 'meldcode_veilig_thuis',
      justification: 'Signalen van huiselijk geweld; stap 5 van de meldcode, advies Veilig Thuis gevraagd.',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ status: 'requested', legalGround: 'meldcode_veilig_thuis', isFlaggedForReview: true, consentId: null });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ objectType: 'referral', clientId: familyId });
    expect(rows[0]!.details).toMatchObject({ legalGround: 'meldcode_veilig_thuis', withoutConsent: true, flaggedForReview: true });
  });

  it('with the same idempotency key twice (also at once) creates one referral', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg');
    const consentId = await recordConsent(familyId);
    const body = { familyId, receiverOrganisationId: ids.jgz, reason: 'Geldzorgen en veel stress in huis.', consentId, idempotencyKey: key() };
    const first = await midwife.request('POST', '/api/v1/referrals', body);
    expect(first.statusCode).toBe(201);
    const again = await midwife.request('POST', '/api/v1/referrals', body);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);

    const raceBody = { ...body, idempotencyKey: key() };
    const raced = await Promise.all([1, 2, 3].map(() => midwife.request('POST', '/api/v1/referrals', raceBody)));
    expect(raced.map((response) => response.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(raced.map((response) => response.json().id)).size).toBe(1);
    expect(await referralCount(familyId)).toBe(2);
  });

  it('sets the response deadline (5 working days) and writes the first history row', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg');
    const referral = await sendReferral(familyId, await recordConsent(familyId));
    expect(referral).toMatchObject({ status: 'requested', role: 'sender', isOverdue: false, version: 1, municipalityCode: 'GM0505' });
    expect(referral.respondBy).not.toBeNull();
    expect(referral.history).toHaveLength(1);
    expect(referral.history[0]).toMatchObject({ status: 'requested', actorName: 'Marloes de Vries' });
  });

  it('takes the response deadline from the receiving organisation’s own setting', async () => {
    await t.database.db.insert(referralSettings).values({ organisationId: ids.wijkteam!, responseWorkingDays: 10 });
    const { familyId } = await insertTestFamily(t, 'wieg');
    const referral = await sendReferral(familyId, await recordConsent(familyId, 'wijkteam'), 'wijkteam');
    const sentAt = new Date(referral.requestedAt);
    expect(referral.respondBy).toBe(responseDeadline(sentAt, 10).overdueFrom.toISOString());
    expect(referral.respondBy).not.toBe(responseDeadline(sentAt, 5).overdueFrom.toISOString());
  });

  it('refuses unknown factors and a too short reason, saving nothing', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg');
    const consentId = await recordConsent(familyId);
    const base = { familyId, receiverOrganisationId: ids.jgz, reason: 'Geldzorgen en veel stress in huis.', consentId };
    const factor = await midwife.request('POST', '/api/v1/referrals', { ...base, factorKeys: ['niet-bestaand'], idempotencyKey: key() });
    expect(factor.statusCode).toBe(400);
    expect(factor.json().detail).toMatch(/Onbekende factor/);
    const reason = await midwife.request('POST', '/api/v1/referrals', { ...base, reason: 'kort', idempotencyKey: key() });
    expect(reason.statusCode).toBe(400);
    expect(reason.json().detail).toMatch(/minstens 10 tekens/);
    expect(await referralCount(familyId)).toBe(0);
  });
});

describe('the closed loop', () => {
  it('receiver sees what was shared, accepts (care relationship), starts and completes; the sender follows status only', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg', { givenName: 'Samira', familyName: 'Haddou' });
    const sent = await sendReferral(familyId, await recordConsent(familyId));

    // Before accepting: the nurse cannot open the family file, but reads the referral's shared data.
    expect((await nurse.request('GET', `/api/v1/families/${familyId}/consents`)).statusCode).toBe(403);
    const { response: read, rows } = await nurse.audited('GET', `/api/v1/referrals/${sent.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ role: 'receiver', reason: sent.reason, factorKeys: ['money-debts', 'stress'] });
    expect(read.json().client).toMatchObject({ name: 'Samira Haddou', birthDate: '1996-04-12' });
    expect(read.json().client.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'read', objectType: 'referral', objectId: sent.id, clientId: familyId });

    const inbox = (await nurse.request('GET', '/api/v1/referrals?box=incoming&filter=new')).json();
    expect(inbox.items.map((item: { id: string }) => item.id)).toContain(sent.id);

    const received = await step(nurse, sent.id, { event: 'receive', version: 1 });
    expect(received.json()).toMatchObject({ status: 'received', version: 2 });
    const accepted = await step(nurse, sent.id, { event: 'accept', version: 2 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', assignedTo: { name: 'Joke Jansen' } });
    const relationships = await t.database.db.select().from(careRelationships).where(eq(careRelationships.referralId, sent.id));
    expect(relationships).toHaveLength(1);
    expect(relationships[0]).toMatchObject({ organisationId: ids.jgz, basis: 'referral', consentId: sent.consentId });
    expect((await nurse.request('GET', `/api/v1/families/${familyId}/consents`)).statusCode).toBe(200);

    const started = await step(nurse, sent.id, { event: 'start', version: 3 });
    expect(started.json().status).toBe('in-progress');

    const senderView = (await midwife.request('GET', `/api/v1/referrals/${sent.id}`)).json();
    expect(senderView).toMatchObject({ role: 'sender', status: 'in-progress' });
    expect(senderView.history.map((item: { status: string }) => item.status)).toEqual(['requested', 'received', 'accepted', 'in-progress']);

    const noOutcome = await step(nurse, sent.id, { event: 'complete', version: 4 });
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.json().detail).toBe('Kies de uitkomst van de verwijzing.');
    const completed = await step(nurse, sent.id, { event: 'complete', outcome: 'got_help', note: 'Huisbezoek gedaan, Stevig Ouderschap gestart.', version: 4 });
    expect(completed.json()).toMatchObject({ status: 'completed', outcome: 'got_help' });
    expect((await midwife.request('GET', `/api/v1/referrals/${sent.id}`)).json()).toMatchObject({ status: 'completed', outcome: 'got_help' });
  });

  it('reject needs a reason (nothing saved without one); the sender sees the reason', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg');
    const sent = await sendReferral(familyId, await recordConsent(familyId));
    const bare = await step(nurse, sent.id, { event: 'reject', version: 1 });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().detail).toMatch(/Geef een reden voor de afwijzing/);
    const [unchanged] = await t.database.db.select().from(referrals).where(eq(referrals.id, sent.id));
    expect(unchanged).toMatchObject({ status: 'requested', version: 1 });
    const rejected = await step(nurse, sent.id, { event: 'reject', reason: 'Buiten ons werkgebied; verwijs naar het wijkteam.', version: 1 });
    expect(rejected.json()).toMatchObject({ status: 'rejected', statusReason: 'Buiten ons werkgebied; verwijs naar het wijkteam.' });
    expect((await midwife.request('GET', `/api/v1/referrals/${sent.id}`)).json().statusReason).toMatch(/Buiten ons werkgebied/);
  });

  it('the sender cannot accept, the receiver cannot cancel; a stale version is refused in Dutch and saves nothing', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg');
    const sent = await sendReferral(familyId, await recordConsent(familyId));
    const senderAccept = await step(midwife, sent.id, { event: 'accept', version: 1 });
    expect(senderAccept.statusCode).toBe(403);
    expect(senderAccept.json().detail).toMatch(/Alleen de ontvangende organisatie/);

    await step(nurse, sent.id, { event: 'receive', version: 1 });
    const stale = await step(nurse, sent.id, { event: 'assign', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_version' });
    expect(stale.json().detail).toMatch(/intussen gewijzigd/);
    const staleHold = await step(nurse, sent.id, { event: 'hold', reason: 'Cliënt is drie weken op vakantie.', version: 1 });
    expect(staleHold.json().code).toBe('stale_version');
    const [row] = await t.database.db.select().from(referrals).where(eq(referrals.id, sent.id));
    expect(row).toMatchObject({ status: 'received', version: 2, assignedToId: null });
  });

  it('hold and resume belong to whoever holds the referral; the sender may withdraw it only before acceptance', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg');
    const sent = await sendReferral(familyId, await recordConsent(familyId));
    await step(nurse, sent.id, { event: 'receive', version: 1 });
    const held = await step(nurse, sent.id, { event: 'hold', reason: 'Cliënt is drie weken in het buitenland.', version: 2 });
    expect(held.json()).toMatchObject({ status: 'on-hold', resumeTo: 'received' });
    const senderResume = await step(midwife, sent.id, { event: 'resume', version: 3 });
    expect(senderResume.statusCode).toBe(403);
    expect(senderResume.json().detail).toBe('Alleen wie de verwijzing pauzeerde, kan haar hervatten.');
    expect((await step(nurse, sent.id, { event: 'resume', version: 3 })).json()).toMatchObject({ status: 'received', resumeTo: null });

    const cancelled = await step(midwife, sent.id, { event: 'cancel', reason: 'Cliënt is verhuisd naar een andere regio.', version: 4 });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', statusReason: 'Cliënt is verhuisd naar een andere regio.' });
    const late = await step(nurse, sent.id, { event: 'accept', version: 5 });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'already_processed', detail: 'Deze verwijzing is al ingetrokken door de verwijzer.' });

    const other = await sendReferral(familyId, await recordConsent(familyId));
    await step(nurse, other.id, { event: 'accept', version: 1 });
    const tooLate = await step(midwife, other.id, { event: 'cancel', reason: 'Toch niet meer nodig volgens cliënt.', version: 2 });
    expect(tooLate.statusCode).toBe(403);
    expect(tooLate.json().detail).toMatch(/al geaccepteerd/);
  });

  it('two people accepting at once: exactly one wins, the other hears it was already accepted', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg');
    const sent = await sendReferral(familyId, await recordConsent(familyId));
    const otherNurse = await callerFor(t, 'jgzNurse', 'jgz');
    const [a, b] = await Promise.all([
      step(nurse, sent.id, { event: 'accept', version: 1 }),
      step(otherNurse, sent.id, { event: 'accept', version: 1 }),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json()).toMatchObject({ code: 'already_processed', detail: 'Deze verwijzing is al geaccepteerd.' });
    const relationships = await t.database.db.select().from(careRelationships).where(eq(careRelationships.referralId, sent.id));
    expect(relationships).toHaveLength(1);
    const events = await t.database.db.select().from(referralEvents).where(eq(referralEvents.referralId, sent.id));
    expect(events.map((event) => event.status).sort()).toEqual(['accepted', 'requested']);
  });

  it('withdrawing consent cancels the open referral and ends the receiver’s access at once; the sender still sees the status', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg');
    const consentId = await recordConsent(familyId);
    const sent = await sendReferral(familyId, consentId);
    await step(nurse, sent.id, { event: 'accept', version: 1 });
    expect((await nurse.request('GET', `/api/v1/families/${familyId}/consents`)).statusCode).toBe(200);

    const { response, rows } = await midwife.audited('POST', `/api/v1/consents/${consentId}/withdrawal`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ consent: { status: 'withdrawn' }, cancelledReferralCount: 1, endedCareRelationshipCount: 1 });
    expect(rows[0]).toMatchObject({ objectType: 'consent', objectId: consentId, clientId: familyId, action: 'update' });

    expect((await nurse.request('GET', `/api/v1/families/${familyId}/consents`)).statusCode).toBe(403);
    expect((await nurse.request('GET', `/api/v1/referrals/${sent.id}`)).statusCode).toBe(403);
    expect((await step(nurse, sent.id, { event: 'complete', outcome: 'got_help', version: 3 })).statusCode).toBe(403);
    const inbox = (await nurse.request('GET', '/api/v1/referrals?box=incoming')).json();
    expect(inbox.items.map((item: { id: string }) => item.id)).not.toContain(sent.id);

    const senderView = await midwife.request('GET', `/api/v1/referrals/${sent.id}`);
    expect(senderView.statusCode).toBe(200);
    expect(senderView.json()).toMatchObject({ status: 'cancelled', statusReason: 'toestemming ingetrokken' });

    const twice = await midwife.request('POST', `/api/v1/consents/${consentId}/withdrawal`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toBe('Deze toestemming is al ingetrokken.');
  });

  it('forwarding keeps the history: the old referral is completed as referred elsewhere, the new one needs its own consent', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg');
    const sent = await sendReferral(familyId, await recordConsent(familyId));
    await step(nurse, sent.id, { event: 'accept', version: 1 });

    const noConsent = await nurse.request('POST', `/api/v1/referrals/${sent.id}/forward`, {
      toOrganisationId: ids.wijkteam,
      reason: 'Schuldhulp nodig, past beter bij het wijkteam.',
      version: 2,
    });
    expect(noConsent.statusCode).toBe(422);
    expect(noConsent.json().code).toBe('consent_required');
    expect(await referralCount(familyId)).toBe(1);

    // The nurse (now with a care relationship) records the client's consent for the social team.
    const wijkteamConsent = await nurse.request('POST', `/api/v1/families/${familyId}/consents`, consentBody('wijkteam'));
    expect(wijkteamConsent.statusCode, wijkteamConsent.body).toBe(201);
    const forwarded = await nurse.request('POST', `/api/v1/referrals/${sent.id}/forward`, {
      toOrganisationId: ids.wijkteam,
      reason: 'Schuldhulp nodig, past beter bij het wijkteam.',
      consentId: wijkteamConsent.json().id,
      version: 2,
    });
    expect(forwarded.statusCode, forwarded.body).toBe(201);
    const { closed, forwarded: next } = forwarded.json();
    expect(closed).toMatchObject({ status: 'completed', outcome: 'referred_elsewhere', forwardedToId: next.id });
    expect(next).toMatchObject({ status: 'requested', forwardedFromId: sent.id, role: 'sender' });
    expect(next.sender.organisationName).toBe('JGZ Zuid-Holland Zuid');

    // The first sender still follows the whole chain.
    const original = (await midwife.request('GET', `/api/v1/referrals/${sent.id}`)).json();
    expect(original.chain.map((item: { id: string; receiverOrganisationName: string }) => item.receiverOrganisationName)).toEqual([
      'JGZ Zuid-Holland Zuid',
      'Sociaal Wijkteam Dordrecht',
    ]);
    // …without opening the new one, which is between JGZ and the social team.
    expect(original.chain.map((item: { mayOpen: boolean }) => item.mayOpen)).toEqual([true, false]);
    expect(original.chain[1]).toMatchObject({ status: 'requested' });
    expect((await midwife.request('GET', `/api/v1/referrals/${next.id}`)).statusCode).toBe(403);
    const socialView = (await socialWorker.request('GET', `/api/v1/referrals/${next.id}`)).json();
    expect(socialView).toMatchObject({ role: 'receiver', forwardedFromId: sent.id });
    expect(socialView.chain).toHaveLength(2);
    expect(socialView.history[0].reason).toMatch(/Doorgestuurd door JGZ Zuid-Holland Zuid/);
  });
  it('after the consent is withdrawn, a forwarded referral no longer shows the client to the forwarding party: list, CSV, detail, FHIR Task', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg', { givenName: 'Ingetrokken', familyName: 'Doorverwijzing' });
    const jgzConsentId = await recordConsent(familyId);
    const sent = await sendReferral(familyId, jgzConsentId);
    await step(nurse, sent.id, { event: 'accept', version: 1 });
    const wijkteamConsent = await nurse.request('POST', `/api/v1/families/${familyId}/consents`, consentBody('wijkteam'));
    const forwarded = await nurse.request('POST', `/api/v1/referrals/${sent.id}/forward`, {
      toOrganisationId: ids.wijkteam,
      reason: 'Schuldhulp nodig, past beter bij het wijkteam.',
      consentId: wijkteamConsent.json().id,
      version: 2,
    });
    expect(forwarded.statusCode, forwarded.body).toBe(201);
    const next = forwarded.json().forwarded as { id: string };
    const outgoing = async () =>
      ((await nurse.request('GET', '/api/v1/referrals?box=outgoing&pageSize=100')).json().items as { id: string; clientName: string | null }[]).find(
        (item) => item.id === next.id,
      );
    // Before: JGZ has a care relationship, so it sees whom it forwarded.
    expect((await outgoing())!.clientName).toBe('Ingetrokken Doorverwijzing');

    expect((await midwife.request('POST', `/api/v1/consents/${jgzConsentId}/withdrawal`)).statusCode).toBe(200);
    expect((await nurse.request('GET', `/api/v1/families/${familyId}`)).statusCode).toBe(403);
    // After: the forwarded referral stays in JGZ's outgoing list (its status), without the client.
    expect((await outgoing())!.clientName).toBeNull();
    const csv = await nurse.request('GET', '/api/v1/referrals?box=outgoing&pageSize=100', undefined, { accept: 'text/csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toContain('Doorverwijzing');
    const detail = await nurse.request('GET', `/api/v1/referrals/${next.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().client).toBeNull();
    const task = await nurse.request('GET', `/fhir/R4/Task/${next.id}`, undefined, { accept: 'application/fhir+json' });
    expect(task.statusCode, task.body).toBe(200);
    expect(task.body).not.toContain('Doorverwijzing');
    // The social team, still holding its own consent, does see the client.
    const inbox = (await socialWorker.request('GET', '/api/v1/referrals?box=incoming&pageSize=100')).json().items as { id: string; clientName: string | null }[];
    expect(inbox.find((item) => item.id === next.id)!.clientName).toBe('Ingetrokken Doorverwijzing');
  });
});

describe('working list', () => {
  it('filters assigned to me and per municipality, and exports CSV audited as an export', async () => {
    const { familyId } = await insertTestFamily(t, 'wieg', { municipalityCode: 'GM0642' });
    const sent = await sendReferral(familyId, await recordConsent(familyId));
    const me = await callerFor(t, 'jgzNurse', 'jgz');
    await step(me, sent.id, { event: 'assign', version: 1 });
    const mine = (await me.request('GET', '/api/v1/referrals?box=incoming&filter=assigned_to_me')).json();
    expect(mine.items.map((item: { id: string }) => item.id)).toContain(sent.id);
    const zwijndrecht = (await me.request('GET', '/api/v1/referrals?box=incoming&municipality=GM0642')).json();
    expect(zwijndrecht.items.every((item: { municipalityCode: string }) => item.municipalityCode === 'GM0642')).toBe(true);
    expect(zwijndrecht.items.map((item: { id: string }) => item.id)).toContain(sent.id);

    const { response, rows } = await me.audited('GET', '/api/v1/referrals?box=incoming&municipality=GM0642', undefined, { accept: 'text/csv' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    expect(response.body).toMatch(/Cliënt;Status/);
    expect(rows[0]).toMatchObject({ action: 'export', objectType: 'referral' });
  });
});

describe('deadlines and overdue', () => {
  it('counts 5 working days skipping Dutch public holidays; overdue flagged in both inboxes and for the coordinator without client data', async () => {
    // Monday of the week of Ascension Day (Hemelvaartsdag, a Thursday) next year.
    const { default: Holidays } = await import('date-holidays');
    const year = new Date(t.clock.now()).getUTCFullYear() + 1;
    const ascension = new Holidays('NL').getHolidays(year).find((holiday) => holiday.name === 'Hemelvaartsdag')!.date.slice(0, 10);
    const monday = addDays(ascension, -3);
    const sendAt = new Date(`${monday}T10:00:00+02:00`);
    t.clock.advance(sendAt.getTime() - t.clock.now().getTime());

    const sender = await callerFor(t, 'midwife', 'wieg');
    const { familyId } = await insertTestFamily(t, 'wieg', { givenName: 'Laat', familyName: 'Verwezen' });
    const consent = await sender.request('POST', `/api/v1/families/${familyId}/consents`, consentBody('jgz'));
    const sent = await sendReferral(familyId, consent.json().id, 'jgz', sender);
    // The same, in Rotterdam: outside the service area of the coordinator's organisation (Dordrecht,
    // which works for the Drechtsteden municipalities).
    const elsewhere = await insertTestFamily(t, 'wieg', { municipalityCode: 'GM0599' });
    const elsewhereConsent = await sender.request('POST', `/api/v1/families/${elsewhere.familyId}/consents`, consentBody('jgz'));
    await sendReferral(elsewhere.familyId, elsewhereConsent.json().id, 'jgz', sender);

    // Tue, Wed, (Thu holiday), Fri, Mon, Tue: due the Tuesday after; overdue from Wednesday 00:00.
    const dueDate = addDays(ascension, 5);
    expect(amsterdamDate(new Date(new Date(sent.respondBy).getTime() - 1))).toBe(dueDate);

    // Sessions end when idle: log in again after each jump in time.
    t.clock.advance(new Date(`${dueDate}T23:30:00+02:00`).getTime() - t.clock.now().getTime());
    expect((await (await callerFor(t, 'midwife', 'wieg')).request('GET', `/api/v1/referrals/${sent.id}`)).json().isOverdue).toBe(false);

    t.clock.advance(60 * 60_000);
    const sender2 = await callerFor(t, 'midwife', 'wieg');
    const receiver2 = await callerFor(t, 'jgzNurse', 'jgz');
    const coordinator2 = await callerFor(t, 'coordinator', 'gemeente');
    expect((await sender2.request('GET', `/api/v1/referrals/${sent.id}`)).json().isOverdue).toBe(true);
    const incoming = (await receiver2.request('GET', '/api/v1/referrals?box=incoming&filter=overdue')).json();
    expect(incoming.items.find((item: { id: string }) => item.id === sent.id)).toMatchObject({ isOverdue: true });
    const outgoing = (await sender2.request('GET', '/api/v1/referrals?box=outgoing&filter=overdue')).json();
    expect(outgoing.items.find((item: { id: string }) => item.id === sent.id)).toMatchObject({ isOverdue: true });

    const overview = await coordinator2.request('GET', '/api/v1/referral-overview/overdue');
    expect(overview.statusCode, overview.body).toBe(200);
    const item = overview.json().items.find((row: { dueDate: string; municipalityCode: string }) => row.dueDate === dueDate && row.municipalityCode === 'GM0505');
    expect(item).toEqual({
      senderOrganisationName: 'Verloskundigenpraktijk De Wieg',
      receiverOrganisationName: 'JGZ Zuid-Holland Zuid',
      municipalityCode: 'GM0505',
      municipalityName: 'Dordrecht',
      dueDate,
      daysOverdue: 1,
    });
    expect(overview.body).not.toMatch(/Laat|Verwezen|familyId|1996/);
    expect(overview.json().items.map((row: { municipalityCode: string }) => row.municipalityCode)).not.toContain('GM0599');
    const incomingAll = (await receiver2.request('GET', '/api/v1/referrals?box=incoming&filter=overdue')).json();
    expect(incomingAll.items.map((row: { municipalityCode: string }) => row.municipalityCode)).toContain('GM0599');

    // The nurse is refused the coordinator's list; the coordinator is refused the inbox.
    expect((await receiver2.request('GET', '/api/v1/referral-overview/overdue')).statusCode).toBe(403);
    expect((await coordinator2.request('GET', '/api/v1/referrals')).statusCode).toBe(403);

    // Answering ends the overdue flag.
    await step(receiver2, sent.id, { event: 'accept', version: 1 });
    expect((await sender2.request('GET', `/api/v1/referrals/${sent.id}`)).json().isOverdue).toBe(false);
  });
});

// SPDX-License-Identifier: EUPL-1.2
// FHIR R4 Subscription (rest-hook, id-only) end to end, with a real receiving endpoint on 127.0.0.1:
// a new referral to the organisation → exactly one POST naming only the Task; a status change →
// another; a failing endpoint → retried with back-off, then status 'error' for the admin; another
// organisation's Task → nothing; criteria for another organisation → refused; every attempt audited.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { sessionFor, type TestSession } from '../../../../test/helpers/sessions.js';
import { startReceivingEndpoint, type ReceivedRequest, type ReceivingEndpoint } from '../../../../test/helpers/receiving-endpoint.js';
import { memberships, people } from '../organisations/schema.js';
import { auditLog } from '../../platform/audit/schema.js';
import { insertTestFamily } from '../families/test-support.js';
import { insertTestConsent } from '../referrals/test-support.js';
import { fhirBody, outcomeOf, referralTask } from '../fhir/test-support.js';
import { MAX_DELIVERY_ATTEMPTS, checkEndpoint, mayReactivate, parseCriteria, parseDeliveryError, retryDelayMs } from './domain/subscription-rules.js';
import { SUBSCRIPTION_STATUSES, type SubscriptionPage, type SubscriptionSummary } from '../../../contracts/subscriptions.js';


let t: TestApp;
let receiver: ReceivingEndpoint;
let endpoint: string;
let received: ReceivedRequest[] = [];
let jgzAdmin: TestSession;
let midwife: TestSession;
let nurse: TestSession;
const FAMILY_NAME = 'Abonnementsma';
const BSN = '999990019';

function fhir(session: TestSession, method: 'GET' | 'POST' | 'DELETE' | 'PATCH', url: string, payload?: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({
    method,
    url,
    headers: {
      ...session.headers,
      accept: 'application/fhir+json',
      ...(payload !== undefined ? { 'content-type': method === 'PATCH' ? 'application/json-patch+json' : 'application/fhir+json' } : {}),
      ...headers,
    },
    ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
  });
}

function subscriptionResource(criteria: string, extra: Record<string, unknown> = {}) {
  return {
    resourceType: 'Subscription',
    status: 'requested',
    reason: 'Ons systeem wil nieuwe verwijzingen meteen zien.',
    criteria,
    channel: { type: 'rest-hook', endpoint, header: ['Authorization: Bearer geheim-van-het-systeem'], ...extra },
  };
}

async function subscribe(criteria: string, extra: Record<string, unknown> = {}) {
  const response = await fhir(jgzAdmin, 'POST', '/fhir/R4/Subscription', subscriptionResource(criteria, extra));
  expect(response.statusCode, response.body).toBe(201);
  return fhirBody<{ id: string; status: string }>(response);
}

async function sendReferral(receiverKey = 'jgz'): Promise<string> {
  const family = await insertTestFamily(t, 'wieg', { familyName: FAMILY_NAME, bsn: BSN });
  const consentId = await insertTestConsent(t, family.familyId, 'wieg', receiverKey, midwife.personId);
  const response = await fhir(midwife, 'POST', '/fhir/R4/Task', referralTask(family.familyId, t.demo.organisationIds[receiverKey]!, consentId));
  expect(response.statusCode, response.body).toBe(201);
  return fhirBody<{ id: string }>(response).id;
}

/** Nothing of the client (name, BSN) in what the endpoint received. */
function expectNoPersonalData(notification: ReceivedRequest) {
  const everything = JSON.stringify(notification.headers) + notification.body;
  expect(everything).not.toContain(FAMILY_NAME);
  expect(everything).not.toContain(BSN);
}

beforeAll(async () => {
  receiver = await startReceivingEndpoint('/notificaties');
  endpoint = receiver.url;
  received = receiver.received;
  t = await createTestApp();
  // The practice admin is also the organisation admin of JGZ (the receiving organisation).
  const [admin] = await t.database.db.select({ id: people.id }).from(people).where(eq(people.email, 'praktijkbeheer@kansrijk.demo'));
  await t.database.db.insert(memberships).values({ personId: admin!.id, organisationId: t.demo.organisationIds.jgz!, roles: ['organisation_admin'] });
  jgzAdmin = await sessionFor(t, 'practiceAdmin', 'jgz');
  midwife = await sessionFor(t, 'midwife');
  nurse = await sessionFor(t, 'jgzNurse');
});

afterAll(async () => {
  await t?.close();
  await receiver?.close();
});

beforeEach(async () => {
  received.length = 0;
  receiver.answerWith = 200;
  // One subscription at a time: end every one the admin has.
  const list = fhirBody<{ entry?: { resource: { id: string } }[] }>(await fhir(jgzAdmin, 'GET', '/fhir/R4/Subscription'));
  for (const entry of list.entry ?? []) expect((await fhir(jgzAdmin, 'DELETE', `/fhir/R4/Subscription/${entry.resource.id}`)).statusCode).toBe(204);
});

describe('rules', () => {
  it('criteria: only Task?owner= or Task?requester= of the own organisation', () => {
    const own = '0b5e3f0e-1d6a-4c55-9d0e-3f2a1b4c5d6e';
    const other = '1c6f4a1f-2e7b-4d66-8e1f-4a3b2c5d6e7f';
    expect(parseCriteria(`Task?owner=Organization/${own}`, own)).toEqual({ ok: true, value: { kind: 'owner' } });
    expect(parseCriteria(`Task?requester=Organization/${own}`, own)).toEqual({ ok: true, value: { kind: 'requester' } });
    for (const criteria of [`Task?owner=Organization/${other}`, `Patient?organization=Organization/${own}`, `Task?owner=Organization/${own}&status=requested`, 'Task', `Task?patient=Patient/${own}`]) {
      expect(parseCriteria(criteria, own).ok, criteria).toBe(false);
    }
  });

  it('endpoints: https; http only to this machine and only outside production', () => {
    const cases: [string, boolean, boolean][] = [
      ['https://systeem.example.nl/hook', false, true],
      ['http://systeem.example.nl/hook', true, false],
      ['http://127.0.0.1:8080/hook', true, true],
      ['http://localhost/hook', true, true],
      ['http://127.0.0.1:8080/hook', false, false],
      ['https://gebruiker:wachtwoord@systeem.example.nl/hook', false, false],
      ['ftp://systeem.example.nl/hook', true, false],
      ['geen url', true, false],
    ];
    for (const [url, mayUseLocalHttp, isOk] of cases) expect(checkEndpoint(url, mayUseLocalHttp).ok, url).toBe(isOk);
  });

  it('back-off: 1, 2, 4, 8, 16 minutes, then given up', () => {
    expect(Array.from({ length: MAX_DELIVERY_ATTEMPTS }, (_, index) => retryDelayMs(index + 1))).toEqual([60_000, 120_000, 240_000, 480_000, 960_000, null]);
  });

  it('switching on again: only a subscription in error', () => {
    expect(Object.fromEntries(SUBSCRIPTION_STATUSES.map((status) => [status, mayReactivate(status)]))).toEqual({
      requested: false,
      active: false,
      error: true,
      off: false,
    });
  });

  it('a recorded failure reads back as its kind: HTTP status, time-out, or network error with or without code', () => {
    const cases: [string, ReturnType<typeof parseDeliveryError>][] = [
      ['HTTP 500', { kind: 'http', httpStatus: 500 }],
      ['HTTP 302', { kind: 'http', httpStatus: 302 }],
      ['time-out', { kind: 'timeout' }],
      ['netwerkfout ECONNREFUSED', { kind: 'network', networkCode: 'ECONNREFUSED' }],
      ['netwerkfout', { kind: 'network', networkCode: null }],
      ['HTTP 5000', { kind: 'network', networkCode: null }],
      ['netwerkfout econnrefused', { kind: 'network', networkCode: null }],
      ['iets anders', { kind: 'network', networkCode: null }],
    ];
    for (const [recorded, expected] of cases) expect(parseDeliveryError(recorded), recorded).toEqual(expected);
  });
});

describe('Subscription resource', () => {
  it('is declared in the CapabilityStatement with create, read, search and delete', async () => {
    const statement = fhirBody<{ rest: { resource: { type: string; interaction: { code: string }[] }[] }[] }>(
      await t.app.inject({ method: 'GET', url: '/fhir/R4/metadata', headers: { accept: 'application/fhir+json' } }),
    );
    const subscription = statement.rest[0]!.resource.find((resource) => resource.type === 'Subscription');
    expect(subscription?.interaction.map((interaction) => interaction.code).sort()).toEqual(['create', 'delete', 'read', 'search-type', 'vread']);
  });

  it('criteria for another organisation, another resource, or a non-https endpoint are refused with an OperationOutcome', async () => {
    const refusals = [
      subscriptionResource(`Task?owner=Organization/${t.demo.organisationIds.wieg}`),
      subscriptionResource(`Patient?organization=Organization/${t.demo.organisationIds.jgz}`),
      { ...subscriptionResource(`Task?owner=Organization/${t.demo.organisationIds.jgz}`), channel: { type: 'websocket' } },
      { ...subscriptionResource(`Task?owner=Organization/${t.demo.organisationIds.jgz}`), channel: { type: 'rest-hook', endpoint: 'http://systeem.example.nl/hook' } },
      subscriptionResource(`Task?owner=Organization/${t.demo.organisationIds.jgz}`, { payload: 'application/fhir+xml' }),
    ];
    for (const body of refusals) {
      const response = await fhir(jgzAdmin, 'POST', '/fhir/R4/Subscription', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(outcomeOf(response).code).toBe('validation_failed');
    }
    const list = fhirBody<{ total: number }>(await fhir(jgzAdmin, 'GET', '/fhir/R4/Subscription'));
    expect(list.total).toBe(0);
  });

  it('only the organisation admin manages them; a professional is refused', async () => {
    const response = await fhir(nurse, 'POST', '/fhir/R4/Subscription', subscriptionResource(`Task?owner=Organization/${t.demo.organisationIds.jgz}`));
    expect(response.statusCode).toBe(403);
    const created = await subscribe(`Task?owner=Organization/${t.demo.organisationIds.jgz}`);
    expect((await fhir(nurse, 'GET', `/fhir/R4/Subscription/${created.id}`)).statusCode).toBe(403);
    // The admin of De Wieg (another organisation) cannot read or end it.
    const wiegAdmin = await sessionFor(t, 'practiceAdmin', 'wieg');
    expect((await fhir(wiegAdmin, 'GET', `/fhir/R4/Subscription/${created.id}`)).statusCode).toBe(403);
    expect((await fhir(wiegAdmin, 'DELETE', `/fhir/R4/Subscription/${created.id}`)).statusCode).toBe(403);
    expect(fhirBody<{ total: number }>(await fhir(wiegAdmin, 'GET', '/fhir/R4/Subscription')).total).toBe(0);
    const read = fhirBody<{ status: string; channel: { endpoint: string } }>(await fhir(jgzAdmin, 'GET', `/fhir/R4/Subscription/${created.id}`));
    expect(read.status).toBe('active');
    expect(read.channel.endpoint).toBe(endpoint);
  });

  it('after delete: not readable, and no more notifications', async () => {
    const created = await subscribe(`Task?owner=Organization/${t.demo.organisationIds.jgz}`);
    expect((await fhir(jgzAdmin, 'DELETE', `/fhir/R4/Subscription/${created.id}`)).statusCode).toBe(204);
    expect((await fhir(jgzAdmin, 'GET', `/fhir/R4/Subscription/${created.id}`)).statusCode).toBe(404);
    await sendReferral();
    await t.app.notifications.runOnce();
    expect(received).toEqual([]);
  });
});

describe('notifications', () => {
  it('a new referral → exactly one POST naming only the Task; a status change → another; each attempt audited', async () => {
    const subscription = await subscribe(`Task?owner=Organization/${t.demo.organisationIds.jgz}`);
    const taskId = await sendReferral();
    expect(received).toEqual([]); // nothing is sent inside the request: the worker delivers
    expect(await t.app.notifications.runOnce()).toEqual({ attempted: 1, delivered: 1 });
    expect(received).toHaveLength(1);
    const [first] = received;
    expect(first!.headers['x-kansrijk-resource']).toBe(`Task/${taskId}`);
    expect(first!.headers['x-kansrijk-subscription']).toBe(`Subscription/${subscription.id}`);
    expect(first!.headers.authorization).toBe('Bearer geheim-van-het-systeem');
    expect(first!.body).toBe('');
    expectNoPersonalData(first!);
    // Delivered once: another pass sends nothing.
    expect(await t.app.notifications.runOnce()).toEqual({ attempted: 0, delivered: 0 });
    expect(received).toHaveLength(1);

    const patched = await fhir(nurse, 'PATCH', `/fhir/R4/Task/${taskId}`, [{ op: 'replace', path: '/status', value: 'received' }]);
    expect(patched.statusCode, patched.body).toBe(200);
    await t.app.notifications.runOnce();
    expect(received).toHaveLength(2);
    expect(received[1]!.headers['x-kansrijk-resource']).toBe(`Task/${taskId}`);
    expectNoPersonalData(received[1]!);

    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'notify'), eq(auditLog.objectId, taskId)));
    expect(audits).toHaveLength(2);
    for (const audit of audits) {
      expect(audit.outcome).toBe('success');
      expect(audit.objectType).toBe('referral');
      expect(audit.organisationId).toBe(t.demo.organisationIds.jgz);
      expect(audit.details).toMatchObject({ subscriptionId: subscription.id, httpStatus: 200, endpointHost: new URL(endpoint).host });
      expect(JSON.stringify(audit)).not.toContain(FAMILY_NAME);
    }
  });

  it('with payload application/fhir+json: a history Bundle that names only the Task', async () => {
    await subscribe(`Task?owner=Organization/${t.demo.organisationIds.jgz}`, { payload: 'application/fhir+json' });
    const taskId = await sendReferral();
    await t.app.notifications.runOnce();
    expect(received).toHaveLength(1);
    expect(received[0]!.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const bundle = fhirBody<{ type: string; entry: { fullUrl: string; resource?: unknown; request: { url: string } }[] }>({
      headers: received[0]!.headers as Record<string, unknown>,
      body: received[0]!.body,
    });
    expect(bundle.type).toBe('history');
    expect(bundle.entry).toHaveLength(1);
    expect(bundle.entry[0]!.fullUrl).toMatch(new RegExp(`/fhir/R4/Task/${taskId}$`));
    expect(bundle.entry[0]!.resource).toBeUndefined();
    expectNoPersonalData(received[0]!);
  });

  it('no announcement without a new referral or a new status: a repeated create (same key) and an assignment send nothing', async () => {
    await subscribe(`Task?owner=Organization/${t.demo.organisationIds.jgz}`);
    const family = await insertTestFamily(t, 'wieg', { familyName: FAMILY_NAME, bsn: BSN });
    const consentId = await insertTestConsent(t, family.familyId, 'wieg', 'jgz', midwife.personId);
    const task = referralTask(family.familyId, t.demo.organisationIds.jgz!, consentId);
    const first = await fhir(midwife, 'POST', '/fhir/R4/Task', task, { 'idempotency-key': 'abonnement-1' });
    const again = await fhir(midwife, 'POST', '/fhir/R4/Task', task, { 'idempotency-key': 'abonnement-1' });
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    const taskId = fhirBody<{ id: string }>(first).id;
    await t.app.notifications.runOnce();
    expect(received).toHaveLength(1);
    const assigned = await t.app.inject({
      method: 'POST',
      url: `/api/v1/referrals/${taskId}/transitions`,
      headers: { ...nurse.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ event: 'assign', version: 1 }),
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(await t.app.notifications.runOnce()).toEqual({ attempted: 0, delivered: 0 });
    expect(received).toHaveLength(1);
  });

  it("another organisation's Task → no notification", async () => {
    await subscribe(`Task?owner=Organization/${t.demo.organisationIds.jgz}`);
    await sendReferral('wijkteam');
    expect(await t.app.notifications.runOnce()).toEqual({ attempted: 0, delivered: 0 });
    expect(received).toEqual([]);
  });

  it('requester criteria: the organisation hears of what it sent', async () => {
    // JGZ's admin subscribes to JGZ's sent referrals; De Wieg sends one to JGZ: not a JGZ-sent referral.
    await subscribe(`Task?requester=Organization/${t.demo.organisationIds.jgz}`);
    await sendReferral('jgz');
    await t.app.notifications.runOnce();
    expect(received).toEqual([]);
  });

  it('a failing endpoint: retried after 1, 2, 4, 8, 16 minutes, then the Subscription shows the error', async () => {
    const subscription = await subscribe(`Task?owner=Organization/${t.demo.organisationIds.jgz}`);
    receiver.answerWith = 500;
    const taskId = await sendReferral();
    await t.app.notifications.runOnce();
    expect(received).toHaveLength(1);
    for (const waitMinutes of [1, 2, 4, 8, 16]) {
      // Just before the back-off has passed: no attempt.
      t.clock.advance(waitMinutes * 60_000 - 5_000);
      await t.app.notifications.runOnce();
      expect(received, `before ${waitMinutes} min`).toHaveLength([1, 2, 4, 8, 16].indexOf(waitMinutes) + 1);
      t.clock.advance(5_000);
      await t.app.notifications.runOnce();
      expect(received, `after ${waitMinutes} min`).toHaveLength([1, 2, 4, 8, 16].indexOf(waitMinutes) + 2);
    }
    expect(received).toHaveLength(MAX_DELIVERY_ATTEMPTS);
    // Given up: nothing more, however long we wait.
    t.clock.advance(24 * 3600_000);
    await t.app.notifications.runOnce();
    expect(received).toHaveLength(MAX_DELIVERY_ATTEMPTS);
    // A day later: the admin logs in again (the earlier session has expired) and reads the error.
    jgzAdmin = await sessionFor(t, 'practiceAdmin', 'jgz');
    const read = fhirBody<{ status: string; error?: string }>(await fhir(jgzAdmin, 'GET', `/fhir/R4/Subscription/${subscription.id}`));
    expect(read.status).toBe('error');
    expect(read.error).toContain('HTTP 500');
    expect(read.error).not.toContain(FAMILY_NAME);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'notify'), eq(auditLog.objectId, taskId)));
    expect(audits.map((audit) => audit.outcome)).toEqual(Array(MAX_DELIVERY_ATTEMPTS).fill('failure'));
    expect(audits.map((audit) => (audit.details as { attempt: number }).attempt)).toEqual([1, 2, 3, 4, 5, 6]);
    // A subscription in error gets no new notifications.
    receiver.answerWith = 200;
    midwife = await sessionFor(t, 'midwife');
    await sendReferral();
    await t.app.notifications.runOnce();
    expect(received).toHaveLength(MAX_DELIVERY_ATTEMPTS);
  });
});

describe("the organisation admin's view (REST /subscriptions)", () => {
  function rest(session: TestSession, method: 'GET' | 'POST' | 'DELETE', url: string) {
    return t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...session.headers, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
      ...(method === 'POST' ? { payload: '{}' } : {}),
    });
  }
  const summaryOf = async (id: string) => (await rest(jgzAdmin, 'GET', '/subscriptions')).json<SubscriptionPage>().items.find((item) => item.id === id)!;

  /** Six failed attempts (HTTP 503): the first notification is given up and the subscription is in error. */
  async function failUntilError(): Promise<{ subscriptionId: string; taskId: string }> {
    const subscription = await subscribe(`Task?owner=Organization/${t.demo.organisationIds.jgz}`);
    receiver.answerWith = 503;
    midwife = await sessionFor(t, 'midwife');
    const taskId = await sendReferral();
    for (let attempt = 0; attempt < MAX_DELIVERY_ATTEMPTS; attempt += 1) {
      await t.app.notifications.runOnce();
      t.clock.advance(61 * 60_000);
    }
    jgzAdmin = await sessionFor(t, 'practiceAdmin', 'jgz');
    return { subscriptionId: subscription.id, taskId };
  }

  it('shows the counts and the last failure (kind and HTTP status, no content); switching on again sends what was given up', async () => {
    const { subscriptionId, taskId } = await failUntilError();
    expect(received).toHaveLength(MAX_DELIVERY_ATTEMPTS);
    // Meanwhile another referral waits (an inactive subscription sends nothing).
    midwife = await sessionFor(t, 'midwife');
    const waitingTaskId = await sendReferral();
    jgzAdmin = await sessionFor(t, 'practiceAdmin', 'jgz');
    const inError = await summaryOf(subscriptionId);
    expect(inError).toMatchObject({
      status: 'error',
      criteriaKind: 'owner',
      endpoint,
      deliveries: { pending: 1, delivered: 0, failed: 1 },
      lastFailure: { kind: 'http', httpStatus: 503, networkCode: null },
    });
    expect(Date.parse(inError.lastFailure!.at)).toBeLessThanOrEqual(t.clock.now().getTime());
    expect(JSON.stringify(inError)).not.toContain(FAMILY_NAME);

    receiver.answerWith = 200;
    const reactivated = await rest(jgzAdmin, 'POST', `/subscriptions/${subscriptionId}/reactivation`);
    expect(reactivated.statusCode, reactivated.body).toBe(200);
    expect(reactivated.json<SubscriptionSummary>()).toMatchObject({ status: 'active', deliveries: { pending: 2, delivered: 0, failed: 0 } });
    received.length = 0;
    await t.app.notifications.runOnce();
    expect(received.map((request) => request.headers['x-kansrijk-resource']).sort()).toEqual([`Task/${taskId}`, `Task/${waitingTaskId}`].sort());
    expect((await summaryOf(subscriptionId)).deliveries).toEqual({ pending: 0, delivered: 2, failed: 0 });
    // The FHIR resource says active again, without the error.
    const read = fhirBody<{ status: string; error?: string }>(await fhir(jgzAdmin, 'GET', `/fhir/R4/Subscription/${subscriptionId}`));
    expect(read).toMatchObject({ status: 'active' });
    expect(read.error).toBeUndefined();
    // The switch is audited as an update of the subscription by the admin.
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.objectId, subscriptionId), eq(auditLog.action, 'update')));
    expect(audits.map((audit) => [audit.outcome, audit.actorId])).toEqual([['success', jgzAdmin.personId]]);
  });

  it('refuses to switch on what is not in error (409), and anyone but the own admin (403)', async () => {
    nurse = await sessionFor(t, 'jgzNurse');
    const subscription = await subscribe(`Task?owner=Organization/${t.demo.organisationIds.jgz}`);
    const again = await rest(jgzAdmin, 'POST', `/subscriptions/${subscription.id}/reactivation`);
    expect(again.statusCode).toBe(409);
    expect(again.json<{ code: string }>().code).toBe('subscription_not_in_error');
    expect((await summaryOf(subscription.id)).status).toBe('active');
    expect((await rest(nurse, 'GET', '/subscriptions')).statusCode).toBe(403);
    expect((await rest(nurse, 'POST', `/subscriptions/${subscription.id}/reactivation`)).statusCode).toBe(403);
    expect((await rest(nurse, 'DELETE', `/subscriptions/${subscription.id}`)).statusCode).toBe(403);
    // The practice's own admin (another organisation) does not see JGZ's subscription.
    const practiceAdmin = await sessionFor(t, 'practiceAdmin');
    expect((await rest(practiceAdmin, 'GET', '/subscriptions')).json<SubscriptionPage>().items.map((item) => item.id)).not.toContain(subscription.id);
    expect((await rest(practiceAdmin, 'DELETE', `/subscriptions/${subscription.id}`)).statusCode).toBe(403);
  });

  it('ending one: 204, gone from the list, its waiting notifications dropped', async () => {
    const { subscriptionId } = await failUntilError();
    const ended = await rest(jgzAdmin, 'DELETE', `/subscriptions/${subscriptionId}`);
    expect(ended.statusCode).toBe(204);
    expect((await rest(jgzAdmin, 'GET', '/subscriptions')).json<SubscriptionPage>().items.map((item) => item.id)).not.toContain(subscriptionId);
    expect((await rest(jgzAdmin, 'POST', `/subscriptions/${subscriptionId}/reactivation`)).statusCode).toBe(404);
  });
});

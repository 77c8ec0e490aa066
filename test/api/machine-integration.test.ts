// SPDX-License-Identifier: EUPL-1.2
// Issue 11, "done when": an integration obtains a token with a signed assertion, subscribes to its
// organisation's referrals, receives the notification of a new referral at a local endpoint (only the
// Task's id), runs the referral loop through FHIR as a system (received, accepted), hears of each
// change, and is refused at once after its client is revoked.
import { generateKeyPairSync } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { callerFor } from '../../src/server/features/organisations/test-support.js';
import { sessionFor } from '../helpers/sessions.js';
import { startReceivingEndpoint, type ReceivedRequest, type ReceivingEndpoint } from '../helpers/receiving-endpoint.js';
import { insertTestFamily } from '../../src/server/features/families/test-support.js';
import { insertTestConsent } from '../../src/server/features/referrals/test-support.js';
import { fhirBody, referralTask } from '../../src/server/features/fhir/test-support.js';
import { assertionClaims, jwkOf, signJwt, tokenRequest } from '../../src/server/features/api-clients/test-support.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';

const FAMILY_NAME = 'Koppelingsma';
const BSN = '999990020';
let t: TestApp;
let receiver: ReceivingEndpoint;
let endpoint: string;
let received: ReceivedRequest[] = [];
const key = generateKeyPairSync('rsa', { modulusLength: 2048 });

beforeAll(async () => {
  receiver = await startReceivingEndpoint('/kansrijk');
  endpoint = receiver.url;
  received = receiver.received;
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
});

afterAll(async () => {
  await t?.close();
  await receiver?.close();
});

describe('an integration of the receiving organisation, end to end', () => {
  it('gets a token, subscribes, hears of a referral with its id only, receives and accepts it through FHIR, and is refused after revocation', async () => {
    const jgzId = t.demo.organisationIds.jgz!;
    const admin = await callerFor(t, 'platformAdmin');
    const registered = await admin.request('POST', '/api/v1/api-clients', {
      organisationId: jgzId,
      name: 'JGZ-dossiersysteem',
      roles: ['professional', 'organisation_admin'],
      scopes: ['referral.read', 'referral.update', 'subscription.create', 'subscription.read'],
      jwk: jwkOf(key.publicKey, 'jgz-1'),
      expiresAt: new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString(),
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const clientId = registered.json().id as string;

    const audience = `${t.config.publicUrl.replace(/\/$/, '')}/api/v1/oauth/token`;
    const tokenResponse = await tokenRequest(t.app, signJwt(key.privateKey, 'RS384', assertionClaims(clientId, audience, t.clock.now())));
    expect(tokenResponse.statusCode, tokenResponse.body).toBe(200);
    const system = { authorization: `Bearer ${tokenResponse.json().access_token as string}`, accept: 'application/fhir+json' };

    // Subscribe to Tasks owned by its organisation.
    const subscribed = await t.app.inject({
      method: 'POST',
      url: '/fhir/R4/Subscription',
      headers: { ...system, 'content-type': 'application/fhir+json' },
      payload: JSON.stringify({ resourceType: 'Subscription', status: 'requested', reason: 'Nieuwe verwijzingen', criteria: `Task?owner=Organization/${jgzId}`, channel: { type: 'rest-hook', endpoint } }),
    });
    expect(subscribed.statusCode, subscribed.body).toBe(201);

    // A midwife refers a family to JGZ.
    const midwife = await sessionFor(t, 'midwife');
    const family = await insertTestFamily(t, 'wieg', { familyName: FAMILY_NAME, bsn: BSN });
    const consentId = await insertTestConsent(t, family.familyId, 'wieg', 'jgz', midwife.personId);
    const sent = await t.app.inject({
      method: 'POST',
      url: '/fhir/R4/Task',
      headers: { ...midwife.headers, accept: 'application/fhir+json', 'content-type': 'application/fhir+json' },
      payload: JSON.stringify(referralTask(family.familyId, jgzId, consentId)),
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const taskId = fhirBody<{ id: string }>(sent).id;

    // The notification: one POST naming the Task, nothing of the client.
    await t.app.notifications.runOnce();
    expect(received).toHaveLength(1);
    expect(received[0]!.headers['x-kansrijk-resource']).toBe(`Task/${taskId}`);
    expect(JSON.stringify(received[0]!.headers) + received[0]!.body).not.toMatch(new RegExp(`${FAMILY_NAME}|${BSN}`));

    // The system fetches the Task it heard of and runs the loop: received, then accepted.
    const fetched = await t.app.inject({ method: 'GET', url: `/fhir/R4/Task/${taskId}`, headers: system });
    expect(fetched.statusCode, fetched.body).toBe(200);
    let version = fhirBody<{ meta: { versionId: string }; status: string }>(fetched).meta.versionId;
    for (const status of ['received', 'accepted']) {
      const patched = await t.app.inject({
        method: 'PATCH',
        url: `/fhir/R4/Task/${taskId}`,
        headers: { ...system, 'content-type': 'application/json-patch+json', 'if-match': `W/"${version}"` },
        payload: JSON.stringify([{ op: 'replace', path: '/status', value: status }]),
      });
      expect(patched.statusCode, patched.body).toBe(200);
      const task = fhirBody<{ meta: { versionId: string }; status: string }>(patched);
      expect(task.status).toBe(status);
      version = task.meta.versionId;
      await t.app.notifications.runOnce();
    }
    // Each change announced (created, received, accepted).
    expect(received.map((notification) => notification.headers['x-kansrijk-resource'])).toEqual([`Task/${taskId}`, `Task/${taskId}`, `Task/${taskId}`]);
    // The sender sees the loop close: the referral is accepted.
    const seenBySender = await t.app.inject({ method: 'GET', url: `/fhir/R4/Task/${taskId}`, headers: { ...midwife.headers, accept: 'application/fhir+json' } });
    expect(fhirBody<{ status: string }>(seenBySender).status).toBe('accepted');
    // Audited as the client: its steps on the referral.
    const steps = await t.database.db.select().from(auditLog).where(and(eq(auditLog.objectId, taskId), eq(auditLog.actorId, clientId), eq(auditLog.action, 'update')));
    expect(steps.length).toBeGreaterThanOrEqual(2);

    // Revoked: the next call with the same token is refused, and no new token is issued.
    const revoked = await admin.request('POST', `/api/v1/api-clients/${clientId}/revocation`, {});
    expect(revoked.statusCode, revoked.body).toBeLessThan(300);
    expect((await t.app.inject({ method: 'GET', url: `/fhir/R4/Task/${taskId}`, headers: system })).statusCode).toBe(401);
    const again = await tokenRequest(t.app, signJwt(key.privateKey, 'RS384', assertionClaims(clientId, audience, t.clock.now())));
    expect(again.statusCode).toBe(401);
  });
});

// SPDX-License-Identifier: EUPL-1.2
// Fuzzing every notification endpoint with fast-check: whatever query, id or body arrives, the answer is
// never a 5xx; a 200 is well formed, anything else a 4xx (415 for a body that is not JSON); a refused change of preferences or inbox
// settings changes nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import {
  inboxSettingsSchema,
  NOTIFICATION_DELIVERIES,
  PREFERRED_LANGUAGES,
  NOTIFICATION_KINDS,
  notificationPageSchema,
  notificationPreferencesSchema,
  notificationSchema,
} from '../../../contracts/notifications.js';

let t: TestApp;
let admin: Caller;
let nurse: Caller;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  admin = await callerFor(t, 'platformAdmin');
  nurse = await callerFor(t, 'jgzNurse', 'jgz');
});
afterAll(() => t.close());

const RUNS = { numRuns: 50 };
const anyText = fc.string({ unit: 'binary', maxLength: 120 });
const nearlyValid = (values: readonly string[]) => fc.oneof(fc.constantFrom(...values), anyText);
const anyJson = fc.oneof(anyText, fc.integer(), fc.boolean(), fc.constant(null), fc.array(anyText, { maxLength: 3 }), fc.dictionary(anyText, anyText, { maxKeys: 2 }));
const preference = fc.oneof(fc.record({ kind: nearlyValid(NOTIFICATION_KINDS), delivery: nearlyValid(NOTIFICATION_DELIVERIES) }, { requiredKeys: [] }), anyJson);
const preferencesBody = fc.oneof(
  fc.record({ preferences: fc.oneof(fc.array(preference, { maxLength: 5 }), anyJson), language: fc.oneof(nearlyValid(PREFERRED_LANGUAGES), anyJson) }, { requiredKeys: [] }),
  anyJson,
);

function expectNo5xx(response: { statusCode: number; body: string }, what: string) {
  expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
}

describe('fuzz: notifications never answer with a 5xx', () => {
  it('GET /notifications with any query', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('page', 'pageSize', 'unread', 'x'), fc.oneof(anyText, nearlyValid(['true', 'false']), fc.integer({ min: -5, max: 1_000_000 }).map(String))),
        async (parameters) => {
          const query = new URLSearchParams(parameters).toString();
          const response = await nurse.request('GET', `/api/v1/notifications?${query}`);
          expectNo5xx(response, query);
          if (response.statusCode === 200) notificationPageSchema.parse(response.json());
          else expect(response.statusCode, query).toBe(400);
        },
      ),
      RUNS,
    );
  });

  it('POST /notifications/:id/reading with any id', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, fc.uuid(), fc.constantFrom('..', '%00')), async (id) => {
        const response = await nurse.request('POST', `/api/v1/notifications/${encodeURIComponent(id)}/reading`);
        expectNo5xx(response, id);
        if (response.statusCode === 200) notificationSchema.parse(response.json());
        else expect([400, 404], id).toContain(response.statusCode);
      }),
      RUNS,
    );
  });

  it('PUT /notification-preferences (own, and a member’s) with any body: a refusal changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(preferencesBody, async (body) => {
        const before = (await nurse.request('GET', '/api/v1/notification-preferences')).json();
        const response = await nurse.request('PUT', '/api/v1/notification-preferences', body);
        expectNo5xx(response, JSON.stringify(body));
        if (response.statusCode === 200) notificationPreferencesSchema.parse(response.json());
        else {
          expect([400, 415], response.body).toContain(response.statusCode);
          expect((await nurse.request('GET', '/api/v1/notification-preferences')).json()).toEqual(before);
        }
        const member = await admin.request('PUT', `/api/v1/people/${nurse.session.personId}/notification-preferences`, body);
        expectNo5xx(member, JSON.stringify(body));
        if (member.statusCode === 200) notificationPreferencesSchema.parse(member.json());
        else expect([400, 415], member.body).toContain(member.statusCode);
      }),
      RUNS,
    );
  });

  it('PUT /organisations/:id/inbox-settings with any body: a refusal changes nothing', async () => {
    const url = `/api/v1/organisations/${t.demo.organisationIds.jgz}/inbox-settings`;
    const body = fc.oneof(
      fc.record(
        {
          functionalAddress: fc.oneof(nearlyValid(['intake@jgz.example.nl', '', 'geen-adres', ' A@B.NL ']), fc.constant(null), anyJson),
          recipientIds: fc.oneof(fc.array(fc.oneof(fc.constant(nurse.session.personId), fc.uuid(), anyText), { maxLength: 3 }), anyJson),
        },
        { requiredKeys: [] },
      ),
      anyJson,
    );
    await fc.assert(
      fc.asyncProperty(body, async (input) => {
        const before = (await admin.request('GET', url)).json();
        const response = await admin.request('PUT', url, input);
        expectNo5xx(response, JSON.stringify(input));
        if (response.statusCode === 200) inboxSettingsSchema.parse(response.json());
        else {
          expect([400, 415], response.body).toContain(response.statusCode);
          expect((await admin.request('GET', url)).json()).toEqual(before);
        }
      }),
      RUNS,
    );
  });

  it('GET inbox settings and a member’s preferences with any id', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, fc.uuid()), async (id) => {
        for (const url of [`/api/v1/organisations/${encodeURIComponent(id)}/inbox-settings`, `/api/v1/people/${encodeURIComponent(id)}/notification-preferences`]) {
          const response = await admin.request('GET', url);
          expectNo5xx(response, url);
          expect([400, 404], url).toContain(response.statusCode);
        }
      }),
      RUNS,
    );
  });
});

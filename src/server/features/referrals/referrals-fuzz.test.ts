// SPDX-License-Identifier: EUPL-1.2
// Fuzzing every consent and referral endpoint with fast-check: whatever arrives (odd JSON, odd text
// with NUL and lone surrogates, odd ids and query strings, near-valid bodies), the answer is never a 5xx.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { insertTestFamily } from '../families/test-support.js';
import { insertTestReferral } from './test-support.js';
import { CONSENT_PURPOSES, DATA_CATEGORIES } from './domain/consent.js';
import { REFERRAL_OUTCOMES } from './domain/referral-state.js';

let t: TestApp;
let midwife: Caller;
let nurse: Caller;
let coordinator: Caller;
let familyId: string;
let referralId: string;
let consentId: string;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  midwife = await callerFor(t, 'midwife', 'wieg');
  nurse = await callerFor(t, 'jgzNurse', 'jgz');
  coordinator = await callerFor(t, 'coordinator', 'gemeente');
  familyId = (await insertTestFamily(t, 'wieg')).familyId;
  ({ referralId, consentId } = await insertTestReferral(t, familyId, 'wieg', 'jgz', midwife.session.personId));
});
afterAll(() => t.close());

const RUNS = { numRuns: 40 };
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const anyId = fc.oneof(fc.uuid(), anyText, fc.constant('00000000-0000-4000-8000-000000000000'));
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(anyText, fc.oneof(anyText, fc.integer(), fc.boolean(), fc.constant(null))));
const anyDate = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  anyText,
  fc.constantFrom('2026-02-30', '0000-00-00', '9999-12-31'),
);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

function expectNo5xx(response: { statusCode: number; body: string }, what: string) {
  expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
}

const ids = () => t.demo.organisationIds;

describe('fuzz: never a 5xx', () => {
  it('POST /families/:familyId/consents (any JSON, near-valid consents, odd family ids)', async () => {
    await fc.assert(
      fc.asyncProperty(anyId, anyJson, async (id, body) => {
        expectNo5xx(await midwife.request('POST', `/api/v1/families/${encodeURIComponent(id)}/consents`, body), 'json');
      }),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          givenBy: fc.oneof(fc.constantFrom('client', 'legal_representative'), anyText),
          representativeName: maybe(anyText),
          receiverOrganisationId: fc.oneof(fc.constantFrom(ids().jgz!, ids().wieg!, ids().wijkteam!), anyId),
          purposes: fc.array(fc.oneof(fc.constantFrom(...CONSENT_PURPOSES), anyText), { maxLength: 6 }),
          dataCategories: fc.array(fc.oneof(fc.constantFrom(...DATA_CATEGORIES), anyText), { maxLength: 8 }),
          form: fc.oneof(fc.constantFrom('verbal', 'written'), anyText),
          givenOn: anyDate,
          validUntil: anyDate,
        }),
        async (body) => expectNo5xx(await midwife.request('POST', `/api/v1/families/${familyId}/consents`, body), JSON.stringify(body)),
      ),
      RUNS,
    );
  });

  it('GET /families/:familyId/consents and /families/:familyId/referrals', async () => {
    await fc.assert(
      fc.asyncProperty(anyId, async (id) => {
        expectNo5xx(await midwife.request('GET', `/api/v1/families/${encodeURIComponent(id)}/consents`), id);
        expectNo5xx(await midwife.request('GET', `/api/v1/families/${encodeURIComponent(id)}/referrals`), id);
      }),
      RUNS,
    );
  });

  it('POST /consents/:id/withdrawal', async () => {
    await fc.assert(
      fc.asyncProperty(anyId, maybe(anyJson), async (id, body) => {
        expectNo5xx(await nurse.request('POST', `/api/v1/consents/${encodeURIComponent(id)}/withdrawal`, body), id);
      }),
      RUNS,
    );
  });

  it('POST /referrals (any JSON and near-valid referrals)', async () => {
    await fc.assert(fc.asyncProperty(anyJson, async (body) => expectNo5xx(await midwife.request('POST', '/api/v1/referrals', body), 'json')), RUNS);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          familyId: fc.oneof(fc.constant(familyId), anyId),
          receiverOrganisationId: fc.oneof(fc.constantFrom(ids().jgz!, ids().wieg!, ids().wijkteam!), anyId),
          reason: anyText,
          factorKeys: maybe(fc.array(fc.oneof(fc.constantFrom('stress', 'money-debts'), anyText), { maxLength: 5 })),
          screeningId: maybe(anyId),
          consentId: maybe(fc.oneof(fc.constant(consentId), anyId)),
          legalGround: maybe(fc.oneof(fc.constantFrom('meldcode_veilig_thuis', 'wettelijke_plicht'), anyText)),
          justification: maybe(anyText),
          idempotencyKey: fc.oneof(fc.stringMatching(/^[a-z0-9-]{8,20}$/), anyText),
        }),
        async (body) => expectNo5xx(await midwife.request('POST', '/api/v1/referrals', body), JSON.stringify(body)),
      ),
      RUNS,
    );
  });

  it('GET /referrals with any query, and GET /referrals/:id', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('box', 'filter', 'municipality', 'page', 'pageSize', 'x'), fc.oneof(anyText, fc.constantFrom('incoming', 'outgoing', 'overdue', 'new', 'assigned_to_me', 'GM0505', '0', '-1', '999999999'))),
        fc.boolean(),
        async (query, asCsv) => {
          const search = new URLSearchParams(query).toString();
          expectNo5xx(await nurse.request('GET', `/api/v1/referrals?${search}`, undefined, asCsv ? { accept: 'text/csv' } : {}), search);
        },
      ),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(anyId, async (id) => expectNo5xx(await nurse.request('GET', `/api/v1/referrals/${encodeURIComponent(id)}`), id)),
      RUNS,
    );
  });

  it('POST /referrals/:id/transitions (any event, reason, outcome, version)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(referralId), anyId),
        fc.oneof(
          anyJson,
          fc.record({
            event: fc.oneof(fc.constantFrom('receive', 'accept', 'reject', 'start', 'complete', 'cancel', 'hold', 'resume', 'assign'), anyText),
            reason: maybe(anyText),
            outcome: maybe(fc.oneof(fc.constantFrom(...REFERRAL_OUTCOMES), anyText)),
            note: maybe(anyText),
            version: fc.oneof(fc.integer({ min: -2, max: 12 }), fc.double(), anyText),
          }),
        ),
        fc.boolean(),
        async (id, body, asSender) => {
          const caller = asSender ? midwife : nurse;
          expectNo5xx(await caller.request('POST', `/api/v1/referrals/${encodeURIComponent(id)}/transitions`, body), JSON.stringify(body));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('POST /referrals/:id/forward', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(referralId), anyId),
        fc.oneof(
          anyJson,
          fc.record({
            toOrganisationId: fc.oneof(fc.constantFrom(ids().jgz!, ids().wieg!, ids().wijkteam!), anyId),
            reason: anyText,
            consentId: maybe(anyId),
            legalGround: maybe(anyText),
            justification: maybe(anyText),
            version: fc.oneof(fc.integer({ min: -2, max: 12 }), anyText),
          }),
        ),
        async (id, body) => expectNo5xx(await nurse.request('POST', `/api/v1/referrals/${encodeURIComponent(id)}/forward`, body), JSON.stringify(body)),
      ),
      RUNS,
    );
  });

  it('GET /referral-overview/overdue with any query', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('municipality', 'page', 'pageSize'), anyText), async (query) => {
        const search = new URLSearchParams(query).toString();
        expectNo5xx(await coordinator.request('GET', `/api/v1/referral-overview/overdue?${search}`), search);
      }),
      RUNS,
    );
  });
});

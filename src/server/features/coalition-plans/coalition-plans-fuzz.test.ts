// SPDX-License-Identifier: EUPL-1.2
// Fuzzing every endpoint of the plan of approach and the improvement actions with fast-check: odd
// codes and version numbers, any JSON, near-valid plans and approvals — never a 5xx.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { GOAL_PHASES, PLAN_STEPS } from '../../../contracts/coalition-plans.js';

let t: TestApp;
let coordinator: Caller;
let actionId: string;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  coordinator = await callerFor(t, 'coordinator');
  await coordinator.request('POST', '/api/v1/coalitions/KS0001/plan/versions', {});
  actionId = (await coordinator.request('POST', '/api/v1/coalitions/KS0001/improvement-actions', { title: 'Fuzz', origin: null })).json<{ id: string }>().id;
});
afterAll(() => t.close());

const RUNS = { numRuns: 40 };
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const anyCode = fc.oneof(fc.constantFrom('KS0001', 'ks0001', 'KS9999', 'KS0002', 'GM0505', ''), anyText);
const anyVersion = fc.oneof(fc.integer({ min: -5, max: 5 }).map(String), fc.constantFrom('1', '2147483648', '1e3', '0x1', 'NaN'), anyText);
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.dictionary(anyText, fc.oneof(anyText, fc.integer(), fc.boolean(), fc.constant(null))));
const anyNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(2017, 2018, 2040, 2041, -1, 1e9, 2 ** 31));
const anyDate = fc.oneof(fc.constantFrom('2025-03-01', '2025-02-30', '0000-00-00', '9999-12-31', '2099-01-01'), anyText);
const goal = fc.record({
  id: fc.oneof(fc.uuid(), anyText),
  phase: fc.oneof(fc.constantFrom(...GOAL_PHASES), anyText),
  programmeGoal: fc.oneof(fc.integer({ min: 0, max: 7 }), anyText),
  description: anyText,
  indicatorKey: fc.oneof(fc.constantFrom('big2', 'bestaat_niet', ''), fc.constant(null), anyText),
  targetValue: fc.oneof(anyNumber, fc.constant(null)),
  targetYear: fc.oneof(anyNumber, fc.constant(null)),
});
const content = fc.record({
  texts: fc.oneof(fc.record(Object.fromEntries(PLAN_STEPS.map((step) => [step, anyText])) as Record<string, fc.Arbitrary<string>>), anyJson),
  goals: fc.oneof(fc.array(goal, { maxLength: 4 }), anyJson),
});
const enc = encodeURIComponent;

function expectNo5xx(response: { statusCode: number; body: string }, what: string) {
  expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
}

describe('fuzz: never a 5xx', () => {
  it('GET plan, versions and comparison with odd codes, versions and queries', async () => {
    await fc.assert(
      fc.asyncProperty(anyCode, anyVersion, anyVersion, async (code, version, other) => {
        expectNo5xx(await coordinator.request('GET', `/api/v1/coalitions/${enc(code)}/plan`), code);
        expectNo5xx(await coordinator.request('GET', `/api/v1/coalitions/${enc(code)}/plan/versions/${enc(version)}`), version);
        expectNo5xx(await coordinator.request('GET', `/api/v1/coalitions/${enc(code)}/plan/comparison?from=${enc(version)}&to=${enc(other)}`), other);
        expectNo5xx(await coordinator.request('GET', `/api/v1/coalitions/${enc(code)}/improvement-actions`), code);
      }),
      RUNS,
    );
  });

  it('POST versions and PUT a version: any JSON and near-valid plans', async () => {
    await fc.assert(
      fc.asyncProperty(anyCode, anyJson, async (code, body) => {
        expectNo5xx(await coordinator.request('POST', `/api/v1/coalitions/${enc(code)}/plan/versions`, body), JSON.stringify(body));
        expectNo5xx(await coordinator.request('PUT', `/api/v1/coalitions/${enc(code)}/plan/versions/1`, body), JSON.stringify(body));
      }),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer({ min: 0, max: 5 }), anyNumber), content, async (revision, body) => {
        const response = await coordinator.request('PUT', '/api/v1/coalitions/KS0001/plan/versions/1', { revision, content: body });
        expectNo5xx(response, JSON.stringify(body));
      }),
      RUNS,
    );
  });

  it('POST an approval: near-valid approvals (on version 9, never approving the draft)', async () => {
    await fc.assert(
      fc.asyncProperty(anyVersion, fc.record({ revision: fc.oneof(anyNumber, anyText), approvedOn: anyDate, approvedBy: anyText }), async (version, body) => {
        const target = version === '1' ? '9' : version;
        expectNo5xx(await coordinator.request('POST', `/api/v1/coalitions/KS0001/plan/versions/${enc(target)}/approval`, body), JSON.stringify(body));
      }),
      RUNS,
    );
  });

  it('POST and PATCH improvement actions: any JSON, odd origins, odd ids and statuses', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyCode,
        fc.oneof(anyJson, fc.record({ title: anyText, origin: fc.oneof(fc.constant(null), fc.record({ roundId: fc.oneof(fc.uuid(), anyText), statementKey: anyText }), anyJson) })),
        async (code, body) => {
          expectNo5xx(await coordinator.request('POST', `/api/v1/coalitions/${enc(code)}/improvement-actions`, body), JSON.stringify(body));
        },
      ),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(actionId), fc.uuid(), anyText),
        fc.oneof(anyJson, fc.record({ version: fc.oneof(anyNumber, anyText), status: fc.oneof(fc.constantFrom('open', 'in_progress', 'done'), anyText) })),
        async (id, body) => {
          expectNo5xx(await coordinator.request('PATCH', `/api/v1/coalitions/KS0001/improvement-actions/${enc(id)}`, body), JSON.stringify(body));
        },
      ),
      RUNS,
    );
  });
});

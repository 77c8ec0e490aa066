// SPDX-License-Identifier: EUPL-1.2
// Fuzzing the parents' public endpoints with fast-check: whatever municipality, phase, language or
// form arrives, the answer is never a 5xx; a refused registration saves nothing and an accepted one is
// a well-formed receipt of exactly one new registration.
import fc from 'fast-check';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor } from '../organisations/test-support.js';
import { parentContentRecordSchema, parentPageSchema, selfRegistrationReceiptSchema } from '../../../contracts/parents-public.js';
import { selfRegistrations } from './schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000', AUTH_RATE_LIMIT_PER_MINUTE: '100000' } });
});
afterAll(() => t.close());

const RUNS = { numRuns: 60 };
const CSRF = { cookie: 'kr_csrf=fuzz', 'x-csrf-token': 'fuzz' };
const anyText = fc.string({ unit: 'binary', maxLength: 120 });
const anyValue = fc.oneof(anyText, fc.integer({ min: -10, max: 3_000_000_000 }), fc.double(), fc.boolean(), fc.constant(null), fc.array(anyText, { maxLength: 2 }));
const nearly = <T>(values: readonly T[]) => fc.oneof(fc.constantFrom(...values), anyValue);

const registration = fc.record(
  {
    municipalityCode: nearly(['GM0505', 'GM0642', 'GM0344', 'GM9999', 'Dordrecht']),
    kind: nearly(['prenatal_home_visit', 'wish_for_child_talk', 'kraamzorg']),
    name: nearly(['Fatima', '', ' ', 'x'.repeat(101), 'Zoë ‘t Hart']),
    phone: nearly(['06 12345678', '+31 6 12345678', '12ab', '', '0'.repeat(31)]),
    email: nearly(['ouder@example.nl', 'ouder@', '', 'a'.repeat(201)]),
    contactBy: nearly(['phone', 'email', 'brief']),
    contactMoments: nearly([[], ['morning'], ['morning', 'evening'], ['nacht'], ['morning', 'morning', 'morning', 'morning']]),
    language: nearly(['nl', 'en', 'ar', 'fr']),
    noMessages: nearly([true, false]),
    onlyAtMoments: nearly([true, false]),
    consent: nearly([true, false, 'true']),
    idempotencyKey: nearly(['6f1c8e64-1f7e-4b8e-9a51-0c1a3c0a2b99', '00000000-0000-4000-8000-000000000001', 'sleutel']),
  },
  { requiredKeys: [] },
);

async function registrationCount(): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(selfRegistrations);
  return Number(row!.n);
}

function expectNo5xx(response: { statusCode: number; body: string }, what: string) {
  expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
}

describe('fuzz: the parents’ public endpoints never answer with a 5xx', () => {
  it('GET /public/parent-pages/{code}', async () => {
    await fc.assert(
      fc.asyncProperty(nearly(['GM0505', 'GM0344', 'GM9999', 'gm0505', '..']), nearly(['kinderwens', 'zwanger', 'baby', 'peuter']), nearly(['nl', 'en', 'ar', 'fr']), async (code, phase, lang) => {
        const url = `/api/v1/public/parent-pages/${encodeURIComponent(String(code))}?phase=${encodeURIComponent(String(phase))}&lang=${encodeURIComponent(String(lang))}`;
        const response = await t.app.inject({ method: 'GET', url });
        expectNo5xx(response, url);
        if (response.statusCode === 200) expect(parentPageSchema.safeParse(response.json()).success).toBe(true);
      }),
      RUNS,
    );
  });

  it('POST /public/self-registrations: refused saves nothing, accepted saves one (or returns the earlier one)', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(registration, async (body) => {
        const before = await registrationCount();
        const response = await t.app.inject({ method: 'POST', url: '/api/v1/public/self-registrations', headers: CSRF, payload: body });
        expectNo5xx(response, JSON.stringify(body).slice(0, 200));
        const after = await registrationCount();
        if (response.statusCode === 201) {
          expect(selfRegistrationReceiptSchema.safeParse(response.json()).success).toBe(true);
          expect(after).toBe(before + 1);
          seen.add(response.json<{ id: string }>().id);
        } else {
          expect(after).toBe(before);
          if (response.statusCode === 200) expect(seen.has(response.json<{ id: string }>().id)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('PUT /coalitions/{code}/parent-content: refused changes nothing, accepted is a well-formed record', async () => {
    const coordinator = await callerFor(t, 'coordinator');
    const localised = fc.record({ nl: nearly(['Tekst', '', 'x'.repeat(2001)]), en: nearly(['Text', undefined]), ar: nearly(['نص', undefined]) }, { requiredKeys: [] });
    const phases = nearly([['zwanger'], [], ['peuter'], ['baby', 'kinderwens']]);
    const content = fc.record(
      {
        blocks: fc.oneof(fc.array(fc.record({ key: nearly(['blok', 'Blok!', '']), phases, heading: localised, body: localised }, { requiredKeys: [] }), { maxLength: 2 }), anyValue),
        links: fc.oneof(fc.array(fc.record({ url: nearly(['https://www.thuisarts.nl', 'http://x.nl', 'javascript:alert(1)']), title: localised, phases }, { requiredKeys: [] }), { maxLength: 2 }), anyValue),
        costs: nearly([{}, { voorzorg: 'basic_insurance' }, { voorzorg: 'gratis' }]),
        activityPhases: nearly([{}, { Inloop: ['baby'] }, { Inloop: [] }]),
        descriptions: nearly([{}, { voorzorg: { nl: 'Uitleg' } }, { voorzorg: {} }]),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(content, nearly(['2026-01-01', '2099-01-01', '2026-02-30']), nearly([0, 1, 2, -1]), async (body, reviewedOn, version) => {
        const before = await t.app.inject({ method: 'GET', url: '/api/v1/coalitions/KS0001/parent-content', headers: coordinator.session.headers });
        const response = await coordinator.request('PUT', '/api/v1/coalitions/KS0001/parent-content', { content: body, reviewedOn, version });
        expectNo5xx(response, JSON.stringify(body).slice(0, 200));
        const after = await t.app.inject({ method: 'GET', url: '/api/v1/coalitions/KS0001/parent-content', headers: coordinator.session.headers });
        if (response.statusCode === 200) expect(parentContentRecordSchema.safeParse(response.json()).success).toBe(true);
        else expect(after.body).toBe(before.body);
      }),
      RUNS,
    );
  });
});

// SPDX-License-Identifier: EUPL-1.2
// Fuzzing a parent's children endpoints with fast-check: whatever child id arrives — the own child,
// another family's child or member, the parent themselves, a random uuid or anything at all — the
// answer is never a 5xx, only the authorised child answers 200, and nothing else says more than 4xx.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { insertChildFamily, sessionAs, type ChildFamily } from './test-support.js';

let t: TestApp;
let own: ChildFamily;
let other: ChildFamily;
let headers: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  const birthDate = amsterdamDate(new Date(t.clock.now().getTime() - 40 * 86_400_000));
  own = await insertChildFamily(t, { birthDate, authority: 'partner_only', childGivenName: 'Eigen' });
  other = await insertChildFamily(t, { birthDate, authority: 'both', childGivenName: 'Ander' });
  headers = await sessionAs(t, own, 'partner');
});
afterAll(() => t?.close());

const anyText = fc.string({ unit: 'binary', maxLength: 80 });
const segment = () =>
  fc.oneof(
    fc.constant(own.childId),
    fc.constantFrom(other.childId, other.clientId, other.partnerId, other.familyId, own.clientId, own.partnerId, own.familyId),
    fc.uuid(),
    anyText.map((text) => encodeURIComponent(text)),
    fc.constantFrom('', '..', '%00', 'null', '00000000-0000-0000-0000-000000000000', `${own.childId}%20`, own.childId.toUpperCase()),
  );

describe('a parent’s children under fuzzing', () => {
  it('no child id answers 5xx; only the authorised child answers 200, and never another family’s data', async () => {
    await fc.assert(
      fc.asyncProperty(segment(), fc.constantFrom('', '/', '?x=1'), async (childId, tail) => {
        const response = await t.app.inject({ method: 'GET', url: `/api/v1/my/children/${childId}${tail}`, headers });
        expect(response.statusCode, response.body).toBeLessThan(500);
        if (response.statusCode === 200) expect(response.json()).toMatchObject({ childId: own.childId, givenName: 'Eigen' });
        expect(response.body).not.toContain('Ander');
      }),
      { numRuns: 80 },
    );
  });

  it('the list ignores any query and lists only the authorised child', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('childId', 'familyId', 'bsn', 'x'), anyText, { maxKeys: 3 }), async (query) => {
        const response = await t.app.inject({ method: 'GET', url: `/api/v1/my/children?${new URLSearchParams(query)}`, headers });
        expect(response.statusCode, response.body).toBeLessThan(500);
        if (response.statusCode === 200) expect(response.json()).toEqual({ items: [{ childId: own.childId, givenName: 'Eigen', isClosed: false }] });
      }),
      { numRuns: 30 },
    );
  });
});

// SPDX-License-Identifier: EUPL-1.2
// Fuzzing the closure flag endpoints with fast-check: whatever ids and body arrive — the own child,
// another family's child or member, random uuids or anything at all, odd bodies — the answer is never
// a 5xx, a 2xx only for a child of this very family, and another family's child is never closed.
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { insertChildFamily, type ChildFamily } from '../my-children/test-support.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { oddBody } from '../jgz/test-support.js';
import { childClosures } from './schema.js';
import { insertConsentedCareRelationship } from './test-support.js';

let t: TestApp;
let own: ChildFamily;
let other: ChildFamily;
let nurse: Caller;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  const birthDate = amsterdamDate(new Date(t.clock.now().getTime() - 40 * 86_400_000));
  nurse = await callerFor(t, 'jgzNurse');
  const midwife = await callerFor(t, 'midwife', 'wieg');
  own = await insertChildFamily(t, { birthDate, authority: 'both' });
  await insertConsentedCareRelationship(t, own.familyId, 'wieg', 'jgz', midwife.session.personId);
  // Another family JGZ does not care for: its child must never be closed by the nurse.
  other = await insertChildFamily(t, { birthDate, authority: 'both' });
});
afterAll(() => t?.close());

const anyText = fc.string({ unit: 'binary', maxLength: 60 });
const idSegment = () =>
  fc.oneof(
    fc.constant(own.childId),
    fc.constantFrom(own.familyId, own.clientId, own.partnerId, other.childId, other.familyId, other.clientId),
    fc.uuid(),
    anyText.map((text) => encodeURIComponent(text)),
    fc.constantFrom('', '..', '%00', 'null', '00000000-0000-0000-0000-000000000000', `${own.childId}%20`, own.childId.toUpperCase()),
  );
const familySegment = () => fc.oneof(fc.constant(own.familyId), fc.constant(other.familyId), idSegment());
const body = fc.oneof(fc.constantFrom({ reason: 'safety' }, { reason: 'child_protection' }), oddBody(['reason', 'note', 'childId']));

describe('the closure flag endpoints under fuzzing', () => {
  it('setting: never a 5xx; a 201 only for the own family’s child; another family’s child never closed', async () => {
    await fc.assert(
      fc.asyncProperty(familySegment(), idSegment(), body, fc.constantFrom('', '/', '?x=1'), async (familyId, childId, payload, tail) => {
        const url = `/api/v1/families/${familyId}/children/${childId}/closures${tail}`;
        const response = await nurse.request('POST', url, payload, { 'content-type': 'application/json' });
        expect(response.statusCode, `${url} ${JSON.stringify(payload)} → ${response.body}`).toBeLessThan(500);
        if (response.statusCode < 300) {
          expect(response.json()).toMatchObject({ childId: own.childId });
          // Lift it again so the next run can set one.
          const lifted = await nurse.request('POST', `/api/v1/families/${own.familyId}/children/${own.childId}/closures/${response.json().id}/lifting`);
          expect(lifted.statusCode).toBe(200);
        }
      }),
      { numRuns: 80 },
    );
    expect(await t.database.db.select().from(childClosures).where(eq(childClosures.childId, other.childId))).toEqual([]);
  });

  it('lifting: never a 5xx, whatever closure id arrives; the flag in force stays unless its own id is given', async () => {
    const set = await nurse.request('POST', `/api/v1/families/${own.familyId}/children/${own.childId}/closures`, { reason: 'safety' });
    expect(set.statusCode, set.body).toBe(201);
    const closureId = set.json().id as string;
    await fc.assert(
      fc.asyncProperty(familySegment(), idSegment(), idSegment(), async (familyId, childId, candidate) => {
        const url = `/api/v1/families/${familyId}/children/${childId}/closures/${candidate}/lifting`;
        const response = await nurse.request('POST', url);
        expect(response.statusCode, `${url} → ${response.body}`).toBeLessThan(500);
        expect(response.statusCode, url).not.toBe(200);
      }),
      { numRuns: 60 },
    );
    const [stored] = await t.database.db.select().from(childClosures).where(eq(childClosures.id, closureId));
    expect(stored!.liftedAt).toBeNull();
  });
});

// SPDX-License-Identifier: EUPL-1.2
// The parent's grants, as a table: every resource type × every action × own / another family. Deny by
// default: only the four listed grants exist, each on the parent's own file only; and a parent holds
// no role, so no staff grant is ever reached from a parent's session.
import { describe, expect, it } from 'vitest';
import { RESOURCE_TYPES } from '../../../contracts/roles.js';
import { ACTIONS, decideForParent, decideForParentOnChild, PARENT_GRANTS, type ParentActor, type ParentChildStanding } from './policy.js';

const OWN = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const parent: ParentActor = { kind: 'parent', sessionId: 's', memberId: 'm', familyIds: [OWN] };

/** Every grant a parent has: resource.action. */
const GRANTED = ['family.read', 'family.update', 'family.export', 'audit_event.list'];

describe('the parent’s policy', () => {
  it('grants exactly these, each on the own file only', () => {
    const listed = Object.entries(PARENT_GRANTS).flatMap(([resource, actions]) => Object.keys(actions ?? {}).map((action) => `${resource}.${action}`));
    expect(listed.sort()).toEqual([...GRANTED].sort());
    expect(new Set(Object.values(PARENT_GRANTS).flatMap((actions) => Object.values(actions ?? {})))).toEqual(new Set(['own_family']));
  });

  for (const resource of RESOURCE_TYPES) {
    for (const action of ACTIONS) {
      const isGranted = GRANTED.includes(`${resource}.${action}`);
      it(`${resource}.${action}: own file → ${isGranted ? 'allowed' : 'refused'}, another family's → refused`, () => {
        expect(decideForParent(parent, resource, action, OWN)).toEqual(isGranted ? { isAllowed: true } : { isAllowed: false, reason: 'no_grant' });
        expect(decideForParent(parent, resource, action, OTHER)).toEqual({ isAllowed: false, reason: isGranted ? 'other_family' : 'no_grant' });
      });
    }
  }

  it('a parent with no file reaches nothing', () => {
    const nobody: ParentActor = { ...parent, familyIds: [] };
    for (const grant of GRANTED) {
      const [resource, action] = grant.split('.') as [(typeof RESOURCE_TYPES)[number], (typeof ACTIONS)[number]];
      expect(decideForParent(nobody, resource, action, OWN).isAllowed).toBe(false);
    }
  });
});

describe('the parent’s policy on a child', () => {
  const CASES: [ParentChildStanding, ReturnType<typeof decideForParentOnChild>][] = [
    [{ isBorn: true, isUnderAgeLimit: true, authority: 'holder' }, { isAllowed: true }],
    [{ isBorn: true, isUnderAgeLimit: true, authority: 'not_holder' }, { isAllowed: false, reason: 'no_authority' }],
    [{ isBorn: true, isUnderAgeLimit: true, authority: 'undetermined' }, { isAllowed: false, reason: 'authority_undetermined' }],
    [{ isBorn: true, isUnderAgeLimit: false, authority: 'holder' }, { isAllowed: false, reason: 'age_limit' }],
    [{ isBorn: false, isUnderAgeLimit: false, authority: 'holder' }, { isAllowed: false, reason: 'not_born' }],
    [{ isBorn: false, isUnderAgeLimit: false, authority: 'not_holder' }, { isAllowed: false, reason: 'no_authority' }],
  ];
  for (const [standing, expected] of CASES) {
    it(`${JSON.stringify(standing)} → ${expected.isAllowed ? 'allowed' : expected.reason}`, () => expect(decideForParentOnChild(standing)).toEqual(expected));
  }
});

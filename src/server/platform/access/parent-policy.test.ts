// SPDX-License-Identifier: EUPL-1.2
// The parent's grants, as a table: every resource type × every action × own / another family. Deny by
// default: only the four listed grants exist, each on the parent's own file only; and a parent holds
// no role, so no staff grant is ever reached from a parent's session.
import { describe, expect, it } from 'vitest';
import { RESOURCE_TYPES } from '../../../contracts/roles.js';
import { ACTIONS, decideForParent, PARENT_GRANTS, type ParentActor } from './policy.js';

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

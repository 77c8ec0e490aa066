// SPDX-License-Identifier: EUPL-1.2
// Who may set and lift a closure flag on a child (afscherming), as tables: every role × how the
// actor's organisation relates to the family, and every kind of organisation. The target is the
// organisations with an active care relationship (families/care-access.ts careRelationshipTarget):
// an emergency access does not put the actor's organisation in it.
import { describe, expect, it } from 'vitest';
import { ORGANISATION_TYPES, ROLES, type OrganisationType, type Role } from '../../../contracts/roles.js';
import { decide, hasAnyGrant, type Actor, type Target } from './policy.js';

const OWN = '00000000-0000-4000-8000-00000000000a';
const OTHER = '00000000-0000-4000-8000-00000000000b';

const actorOf = (roles: Role[], organisationType: OrganisationType | null = 'jgz', organisationId: string | null = OWN): Actor => ({
  personId: '00000000-0000-4000-8000-000000000001',
  sessionId: '00000000-0000-4000-8000-000000000002',
  organisationId,
  roles,
  organisationType,
});

type Relationship = 'care_relationship' | 'emergency_access_only' | 'none';
/** The target each relationship gives: the organisations with a care relationship (OTHER cares for the family in each case). */
const TARGET_OF: Record<Relationship, Target> = {
  care_relationship: { organisationIds: [OTHER, OWN] },
  // The actor's organisation reaches the file only by breaking the glass: not in the care target.
  emergency_access_only: { organisationIds: [OTHER] },
  none: { organisationIds: [OTHER] },
};

// Role × relationship, for an actor of a JGZ organisation: set (create) and lift (update) alike.
const ROLE_TABLE: [Role, Relationship, 'allowed' | 'no_grant' | 'other_organisation'][] = [
  ['professional', 'care_relationship', 'allowed'],
  ['professional', 'emergency_access_only', 'other_organisation'],
  ['professional', 'none', 'other_organisation'],
  ['coalition_coordinator', 'care_relationship', 'no_grant'],
  ['coalition_coordinator', 'emergency_access_only', 'no_grant'],
  ['coalition_coordinator', 'none', 'no_grant'],
  ['policy_officer', 'care_relationship', 'no_grant'],
  ['policy_officer', 'emergency_access_only', 'no_grant'],
  ['policy_officer', 'none', 'no_grant'],
  ['analyst', 'care_relationship', 'no_grant'],
  ['analyst', 'emergency_access_only', 'no_grant'],
  ['analyst', 'none', 'no_grant'],
  ['organisation_admin', 'care_relationship', 'no_grant'],
  ['organisation_admin', 'emergency_access_only', 'no_grant'],
  ['organisation_admin', 'none', 'no_grant'],
  ['platform_admin', 'care_relationship', 'no_grant'],
  ['platform_admin', 'emergency_access_only', 'no_grant'],
  ['platform_admin', 'none', 'no_grant'],
];

// Kind of organisation, for a professional whose organisation has a care relationship.
const ORGANISATION_TABLE: Record<OrganisationType, boolean> = {
  verloskundigenpraktijk: false,
  ziekenhuis: false,
  huisartsenpraktijk: false,
  kraamzorg: false,
  jgz: true,
  ggd: true,
  sociaal_team: true,
  gemeente: false,
  ggz: false,
  verslavingszorg: false,
  schuldhulpverlening: false,
  welzijn: false,
  landelijk: false,
};

describe('the closure flag on a child: who may set and lift it', () => {
  it('the tables list every role × relationship and every kind of organisation', () => {
    expect(ROLE_TABLE.map(([role, relationship]) => `${role}/${relationship}`).sort()).toEqual(
      ROLES.flatMap((role) => (Object.keys(TARGET_OF) as Relationship[]).map((relationship) => `${role}/${relationship}`)).sort(),
    );
    expect(Object.keys(ORGANISATION_TABLE).sort()).toEqual([...ORGANISATION_TYPES].sort());
  });

  for (const action of ['create', 'update'] as const) {
    it.each(ROLE_TABLE)(`${action === 'create' ? 'set' : 'lift'}: %s, %s → %s`, (role, relationship, expected) => {
      const decision = decide(actorOf([role]), 'child_closure', action, TARGET_OF[relationship]);
      expect(decision).toEqual(expected === 'allowed' ? { isAllowed: true, role } : { isAllowed: false, reason: expected });
    });

    it.each(Object.entries(ORGANISATION_TABLE))(`${action === 'create' ? 'set' : 'lift'}: a professional of a %s with a care relationship → %s`, (type, isAllowed) => {
      const professional = actorOf(['professional'], type as OrganisationType);
      expect(decide(professional, 'child_closure', action, TARGET_OF.care_relationship).isAllowed).toBe(isAllowed);
      expect(hasAnyGrant(professional, 'child_closure', action)).toBe(isAllowed);
    });
  }

  it('no organisation, no kind of organisation, or several roles without a professional one: refused', () => {
    for (const action of ['create', 'update'] as const) {
      expect(decide(actorOf(['professional'], 'jgz', null), 'child_closure', action, TARGET_OF.care_relationship).isAllowed).toBe(false);
      expect(decide(actorOf(['professional'], null), 'child_closure', action, TARGET_OF.care_relationship).isAllowed).toBe(false);
      expect(decide(actorOf(['organisation_admin', 'platform_admin']), 'child_closure', action, TARGET_OF.care_relationship).isAllowed).toBe(false);
      expect(decide(actorOf(['organisation_admin', 'professional']), 'child_closure', action, TARGET_OF.care_relationship)).toEqual({ isAllowed: true, role: 'professional' });
    }
  });

  it('nothing else is granted on a closure flag: no list, read, export or any other action', () => {
    for (const action of ['list', 'read', 'deactivate', 'change_type', 'export', 'approve', 'reopen'] as const) {
      for (const role of ROLES) expect(decide(actorOf([role]), 'child_closure', action, TARGET_OF.care_relationship).isAllowed, `${role} ${action}`).toBe(false);
    }
  });
});

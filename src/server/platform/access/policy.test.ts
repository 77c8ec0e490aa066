// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGGREGATE_ONLY_ROLES, ROLES, type Role } from '../../../contracts/roles.js';
import { ACTIONS, PERSONAL_DATA_RESOURCES, RESOURCE_TYPES, allowedActions, decide, mayGrantRolesToSelf, scopeFor, type Actor } from './policy.js';

const ORGANISATION_A = '00000000-0000-4000-8000-00000000000a';
const ORGANISATION_B = '00000000-0000-4000-8000-00000000000b';

const actor = (roles: Role[], organisationId: string | null = ORGANISATION_A): Actor => ({
  personId: '00000000-0000-4000-8000-000000000001',
  sessionId: '00000000-0000-4000-8000-000000000002',
  organisationId,
  roles,
});

const roleSets = fc.subarray([...ROLES]);
const aggregateRoleSets = fc.subarray([...AGGREGATE_ONLY_ROLES]);
const organisations = fc.subarray([ORGANISATION_A, ORGANISATION_B]);

describe('access policy', () => {
  it('denies everything to an actor without roles (deny by default)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RESOURCE_TYPES), fc.constantFrom(...ACTIONS), organisations, (resource, action, organisationIds) => {
        expect(decide(actor([]), resource, action, { organisationIds }).isAllowed).toBe(false);
        expect(scopeFor(actor([]), resource, action).scope.kind).toBe('none');
      }),
    );
  });

  it('never lets aggregate-only roles reach personal data, whatever the record', () => {
    fc.assert(
      fc.property(
        aggregateRoleSets,
        fc.constantFrom(...PERSONAL_DATA_RESOURCES),
        fc.constantFrom(...ACTIONS),
        organisations,
        (roles, resource, action, organisationIds) => {
          expect(decide(actor(roles), resource, action, { organisationIds }).isAllowed).toBe(false);
          expect(scopeFor(actor(roles), resource, action).scope.kind).toBe('none');
        },
      ),
    );
  });

  it('keeps an organisation admin to their own organisation', () => {
    const admin = actor(['organisation_admin']);
    expect(decide(admin, 'person', 'update', { organisationIds: [ORGANISATION_A] }).isAllowed).toBe(true);
    expect(decide(admin, 'person', 'update', { organisationIds: [ORGANISATION_B] })).toEqual({
      isAllowed: false,
      reason: 'other_organisation',
    });
    expect(scopeFor(admin, 'person', 'list').scope).toEqual({ kind: 'organisations', organisationIds: [ORGANISATION_A] });
    expect(decide(admin, 'organisation', 'create', { organisationIds: [] }).isAllowed).toBe(false);
  });

  it('gives an organisation admin without an active organisation nothing of their own', () => {
    const admin = actor(['organisation_admin'], null);
    expect(decide(admin, 'person', 'read', { organisationIds: [ORGANISATION_A] }).isAllowed).toBe(false);
    expect(scopeFor(admin, 'person', 'list').scope.kind).toBe('none');
  });

  it('lets the platform admin manage every organisation and person', () => {
    const platform = actor(['platform_admin']);
    fc.assert(
      fc.property(fc.constantFrom('organisation', 'person'), fc.constantFrom('read', 'update', 'create'), organisations, (resource, action, organisationIds) => {
        expect(decide(platform, resource as 'person', action as 'read', { organisationIds }).isAllowed).toBe(true);
      }),
    );
    expect(scopeFor(platform, 'audit_event', 'list').scope).toEqual({ kind: 'all' });
  });

  it('is monotone: adding a role never takes a permission away', () => {
    fc.assert(
      fc.property(roleSets, fc.constantFrom(...ROLES), fc.constantFrom(...RESOURCE_TYPES), fc.constantFrom(...ACTIONS), organisations, (roles, extra, resource, action, organisationIds) => {
        const before = decide(actor(roles), resource, action, { organisationIds }).isAllowed;
        const after = decide(actor([...roles, extra]), resource, action, { organisationIds }).isAllowed;
        expect(!before || after).toBe(true);
      }),
    );
  });

  it('lets nobody read another person\'s sessions through the policy', () => {
    for (const action of ACTIONS) expect(decide(actor([...ROLES]), 'session', action, { organisationIds: [ORGANISATION_A] }).isAllowed).toBe(false);
  });
});

describe('roles for oneself', () => {
  it('only a platform admin may hand roles to their own account', () => {
    for (const role of ROLES) expect(mayGrantRolesToSelf(actor([role])), role).toBe(role === 'platform_admin');
    expect(mayGrantRolesToSelf(actor(['organisation_admin', 'professional']))).toBe(false);
  });
});

describe('records only youth health care keeps', () => {
  const professionalOf = (organisationType: Actor['organisationType']): Actor => ({ ...actor(['professional']), organisationType });
  it('grants the prenatal home visit and the support tier to a JGZ (or GGD) professional of the own organisation only', () => {
    for (const resource of ['home_visit', 'caseload'] as const) {
      expect(decide(professionalOf('jgz'), resource, 'update', { organisationIds: [ORGANISATION_A] }).isAllowed).toBe(true);
      expect(decide(professionalOf('ggd'), resource, 'update', { organisationIds: [ORGANISATION_A] }).isAllowed).toBe(true);
      expect(decide(professionalOf('jgz'), resource, 'update', { organisationIds: [ORGANISATION_B] })).toEqual({ isAllowed: false, reason: 'other_organisation' });
      expect(decide(professionalOf('verloskundigenpraktijk'), resource, 'update', { organisationIds: [ORGANISATION_A] })).toEqual({ isAllowed: false, reason: 'no_grant' });
      expect(decide(professionalOf(undefined), resource, 'update', { organisationIds: [ORGANISATION_A] }).isAllowed).toBe(false);
      expect(scopeFor(professionalOf('sociaal_team'), resource, 'update').scope.kind).toBe('none');
    }
  });

  it('allowedActions offers a name only when every condition holds', () => {
    const nurse = professionalOf('jgz');
    const own = { organisationIds: [ORGANISATION_A] };
    expect(
      allowedActions(nurse, {
        plan: [{ resource: 'family', action: 'update', target: own }, { resource: 'home_visit', action: 'create', target: own }],
        other: [{ resource: 'home_visit', action: 'update', target: { organisationIds: [ORGANISATION_B] } }],
        notNow: [{ resource: 'family', action: 'update', target: own }, false],
        deactivate: [{ resource: 'person', action: 'deactivate', target: own, every: true }],
      }),
    ).toEqual(['plan']);
  });
});

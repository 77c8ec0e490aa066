// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGGREGATE_ONLY_ROLES, RESOURCE_TYPES, ROLES, type ResourceType, type Role } from '../../../contracts/roles.js';
import {
  ACTIONS,
  aggregateGrantsOnPersonalData,
  allowedActions,
  assertNoAggregateGrantsOnPersonalData,
  PERSONAL_DATA_RESOURCES,
  decide,
  decideForEvery,
  hasAnyGrant,
  mayAssignRole,
  mayGrantRolesToSelf,
  scopeFor,
  type Action,
  type Actor,
} from './policy.js';

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
    expect(mayGrantRolesToSelf(actor(['professional', 'platform_admin']))).toBe(true);
    expect(mayGrantRolesToSelf(actor([]))).toBe(false);
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
      expect(hasAnyGrant(professionalOf('sociaal_team'), resource, 'update')).toBe(false);
      expect(hasAnyGrant(professionalOf(null), resource, 'update')).toBe(false);
      expect(hasAnyGrant(professionalOf('ggd'), resource, 'update')).toBe(true);
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

// ── The grant matrix, pinned ──────────────────────────────────────────────────────────────────────
// Every resource × every action × every role, written out by hand: 'any' = every record,
// 'own' = records of the actor's own organisation, '-' = nothing (deny by default).

type Reach = 'any' | 'own' | '-';
const ROLE_COLUMNS = ['professional', 'coalition_coordinator', 'policy_officer', 'analyst', 'organisation_admin', 'platform_admin'] as const;
const NONE = ['-', '-', '-', '-', '-', '-'] as const;
const ALL_ANY = ['any', 'any', 'any', 'any', 'any', 'any'] as const;
const ADMINS = ['-', '-', '-', '-', 'own', 'any'] as const;
const PLATFORM = ['-', '-', '-', '-', '-', 'any'] as const;
const CARE = ['own', '-', '-', '-', '-', '-'] as const;

//                                       professional coordinator  policy     analyst    org admin  platform admin
const GRANT_MATRIX: Record<ResourceType, Record<Action, readonly Reach[]>> = {
  organisation: {
    list: ALL_ANY,
    read: ALL_ANY,
    create: PLATFORM,
    update: ADMINS,
    deactivate: PLATFORM,
    change_type: PLATFORM,
    export: ALL_ANY,
  },
  person: { list: ADMINS, read: ADMINS, create: ADMINS, update: ADMINS, deactivate: ADMINS, change_type: NONE, export: ADMINS },
  audit_event: { list: ADMINS, read: NONE, create: NONE, update: NONE, deactivate: NONE, change_type: NONE, export: ADMINS },
  session: { list: NONE, read: NONE, create: NONE, update: NONE, deactivate: NONE, change_type: NONE, export: NONE },
  indicator_figure: { list: ALL_ANY, read: ALL_ANY, create: NONE, update: NONE, deactivate: NONE, change_type: NONE, export: ALL_ANY },
  monitor_import: {
    list: NONE,
    read: ['-', '-', '-', 'any', '-', 'any'],
    create: ['-', '-', '-', 'any', '-', 'any'],
    update: NONE,
    deactivate: NONE,
    change_type: NONE,
    export: NONE,
  },
  family: { list: CARE, read: CARE, create: CARE, update: CARE, deactivate: NONE, change_type: NONE, export: CARE },
  referral: { list: CARE, read: CARE, create: CARE, update: CARE, deactivate: NONE, change_type: NONE, export: CARE },
  emergency_access: { list: ADMINS, read: NONE, create: CARE, update: ADMINS, deactivate: NONE, change_type: NONE, export: NONE },
  screening_instrument: { list: ALL_ANY, read: ALL_ANY, create: PLATFORM, update: NONE, deactivate: NONE, change_type: NONE, export: NONE },
  care_pathway: {
    list: ALL_ANY,
    read: ALL_ANY,
    create: NONE,
    update: ['-', 'own', '-', '-', '-', 'any'],
    deactivate: NONE,
    change_type: NONE,
    export: NONE,
  },
  referral_overview: {
    list: ['-', 'own', '-', '-', '-', 'any'],
    read: NONE,
    create: NONE,
    update: NONE,
    deactivate: NONE,
    change_type: NONE,
    export: NONE,
  },
  care_team: { list: CARE, read: NONE, create: NONE, update: NONE, deactivate: NONE, change_type: NONE, export: NONE },
  // Youth health care's own records: the reach below is a JGZ professional's (any other kind of
  // organisation has none, pinned in 'records only youth health care keeps').
  home_visit: { list: NONE, read: NONE, create: CARE, update: CARE, deactivate: NONE, change_type: NONE, export: NONE },
  caseload: { list: NONE, read: NONE, create: NONE, update: CARE, deactivate: NONE, change_type: NONE, export: NONE },
};

describe('the grant matrix: every role × every resource × every action', () => {
  it('lists every resource type and action', () => {
    expect(Object.keys(GRANT_MATRIX).sort()).toEqual([...RESOURCE_TYPES].sort());
    for (const resource of RESOURCE_TYPES) expect(Object.keys(GRANT_MATRIX[resource]).sort()).toEqual([...ACTIONS].sort());
    expect(ROLE_COLUMNS).toEqual(ROLES);
  });

  const cells = RESOURCE_TYPES.flatMap((resource) =>
    ACTIONS.flatMap((action) => ROLE_COLUMNS.map((role, column) => [resource, action, role, GRANT_MATRIX[resource][action][column]!] as const)),
  );

  it.each(cells)('%s %s by %s: %s', (resource, action, role, reach) => {
    const own: Actor = { ...actor([role]), organisationType: 'jgz' };
    const inOwn = decide(own, resource, action, { organisationIds: [ORGANISATION_B, ORGANISATION_A] });
    const inOther = decide(own, resource, action, { organisationIds: [ORGANISATION_B] });
    const inNone = decide(own, resource, action, { organisationIds: [] });
    const withoutOrganisation: Actor = { ...actor([role], null), organisationType: 'jgz' };
    switch (reach) {
      case 'any':
        expect(inOwn).toEqual({ isAllowed: true, role });
        expect(inOther).toEqual({ isAllowed: true, role });
        expect(inNone).toEqual({ isAllowed: true, role });
        expect(scopeFor(own, resource, action)).toEqual({ scope: { kind: 'all' }, role });
        expect(scopeFor(withoutOrganisation, resource, action)).toEqual({ scope: { kind: 'all' }, role });
        expect(hasAnyGrant(own, resource, action)).toBe(true);
        break;
      case 'own':
        expect(inOwn).toEqual({ isAllowed: true, role });
        expect(inOther).toEqual({ isAllowed: false, reason: 'other_organisation' });
        expect(inNone).toEqual({ isAllowed: false, reason: 'other_organisation' });
        expect(decide(withoutOrganisation, resource, action, { organisationIds: [ORGANISATION_A] })).toEqual({ isAllowed: false, reason: 'other_organisation' });
        expect(scopeFor(own, resource, action)).toEqual({ scope: { kind: 'organisations', organisationIds: [ORGANISATION_A] }, role });
        expect(scopeFor(withoutOrganisation, resource, action)).toEqual({ scope: { kind: 'none' }, role: null });
        expect(hasAnyGrant(own, resource, action)).toBe(true);
        break;
      case '-':
        expect(inOwn).toEqual({ isAllowed: false, reason: 'no_grant' });
        expect(inOther).toEqual({ isAllowed: false, reason: 'no_grant' });
        expect(scopeFor(own, resource, action)).toEqual({ scope: { kind: 'none' }, role: null });
        expect(hasAnyGrant(own, resource, action)).toBe(false);
        break;
    }
  });

  it('scopeFor lists with "list" unless told otherwise', () => {
    expect(scopeFor(actor(['organisation_admin']), 'person')).toEqual({ scope: { kind: 'organisations', organisationIds: [ORGANISATION_A] }, role: 'organisation_admin' });
    expect(scopeFor(actor(['professional']), 'person')).toEqual({ scope: { kind: 'none' }, role: null });
  });

  it('with several roles the widest reach wins, and the role that gave it is named', () => {
    const both = actor(['organisation_admin', 'platform_admin']);
    expect(scopeFor(both, 'person', 'list')).toEqual({ scope: { kind: 'all' }, role: 'platform_admin' });
    expect(decide(both, 'person', 'read', { organisationIds: [ORGANISATION_B] })).toEqual({ isAllowed: true, role: 'platform_admin' });
    const careAndAdmin = actor(['professional', 'organisation_admin']);
    expect(decide(careAndAdmin, 'person', 'read', { organisationIds: [ORGANISATION_A] })).toEqual({ isAllowed: true, role: 'organisation_admin' });
    expect(decide(careAndAdmin, 'family', 'read', { organisationIds: [ORGANISATION_A] })).toEqual({ isAllowed: true, role: 'professional' });
    expect(scopeFor(careAndAdmin, 'family', 'list')).toEqual({ scope: { kind: 'organisations', organisationIds: [ORGANISATION_A] }, role: 'professional' });
  });
});

describe('decideForEvery (a change that affects every organisation at once)', () => {
  it('needs the reach into each of them; the first refusal is returned', () => {
    const admin = actor(['organisation_admin']);
    expect(decideForEvery(admin, 'person', 'deactivate', [ORGANISATION_A])).toEqual({ isAllowed: true, role: 'organisation_admin' });
    expect(decideForEvery(admin, 'person', 'deactivate', [ORGANISATION_A, ORGANISATION_B])).toEqual({ isAllowed: false, reason: 'other_organisation' });
    expect(decideForEvery(admin, 'person', 'deactivate', [ORGANISATION_B, ORGANISATION_A])).toEqual({ isAllowed: false, reason: 'other_organisation' });
    expect(decideForEvery(actor(['professional']), 'person', 'deactivate', [ORGANISATION_A])).toEqual({ isAllowed: false, reason: 'no_grant' });
    expect(decideForEvery(actor(['platform_admin']), 'person', 'deactivate', [ORGANISATION_A, ORGANISATION_B])).toEqual({ isAllowed: true, role: 'platform_admin' });
  });

  it('with no organisations only an "any" reach passes', () => {
    expect(decideForEvery(actor(['organisation_admin']), 'person', 'deactivate', [])).toEqual({ isAllowed: false, reason: 'other_organisation' });
    expect(decideForEvery(actor(['platform_admin']), 'person', 'deactivate', [])).toEqual({ isAllowed: true, role: 'platform_admin' });
  });
});

describe('mayAssignRole: who may hand out which role', () => {
  //                                       professional coordinator policy analyst org admin platform admin
  const ASSIGNABLE: Record<(typeof ROLE_COLUMNS)[number], readonly boolean[]> = {
    professional: [false, false, false, false, false, false],
    coalition_coordinator: [false, false, false, false, false, false],
    policy_officer: [false, false, false, false, false, false],
    analyst: [false, false, false, false, false, false],
    organisation_admin: [true, true, true, true, true, false],
    platform_admin: [true, true, true, true, true, true],
  };
  it.each(ROLE_COLUMNS.flatMap((by) => ROLE_COLUMNS.map((role, column) => [by, role, ASSIGNABLE[by][column]!] as const)))(
    '%s hands out %s: %s',
    (by, role, expected) => {
      expect(mayAssignRole(actor([by]), role)).toBe(expected);
    },
  );
  it('an actor with several roles may do what any of them may; without roles nothing', () => {
    expect(mayAssignRole(actor(['professional', 'platform_admin']), 'platform_admin')).toBe(true);
    expect(mayAssignRole(actor([]), 'professional')).toBe(false);
  });
});

describe('personal data resources and the aggregate-only roles', () => {
  it('are exactly these resources', () => {
    expect(PERSONAL_DATA_RESOURCES).toEqual(['person', 'audit_event', 'family', 'referral', 'emergency_access', 'care_team', 'home_visit', 'caseload']);
  });

  it('the check at start-up finds any grant of an aggregate-only role on personal data, and none in the policy', () => {
    expect(aggregateGrantsOnPersonalData({ family: { read: { professional: 'own_organisation' } } }, PERSONAL_DATA_RESOURCES)).toEqual([]);
    expect(
      aggregateGrantsOnPersonalData(
        {
          family: { read: { professional: 'own_organisation', analyst: 'any' }, list: {} },
          referral: { export: { policy_officer: 'own_organisation' } },
          indicator_figure: { read: { analyst: 'any' } },
        },
        PERSONAL_DATA_RESOURCES,
      ),
    ).toEqual(['analyst on family', 'policy_officer on referral']);
    expect(aggregateGrantsOnPersonalData({ indicator_figure: { read: { analyst: 'any' } } }, ['indicator_figure'])).toEqual(['analyst on indicator_figure']);
  });

  it('a table with such a grant is refused, naming every one; the policy\'s own table passes (it loaded)', () => {
    expect(() =>
      assertNoAggregateGrantsOnPersonalData(
        { family: { read: { professional: 'own_organisation', analyst: 'any' } }, referral: { list: { policy_officer: 'any' } } },
        PERSONAL_DATA_RESOURCES,
      ),
    ).toThrow(new Error('policy: aggregate-only role granted: analyst on family, policy_officer on referral'));
    expect(() => assertNoAggregateGrantsOnPersonalData({ family: { read: { professional: 'own_organisation' } } }, PERSONAL_DATA_RESOURCES)).not.toThrow();
  });

  it('hasAnyGrant: one role with a grant is enough', () => {
    expect(hasAnyGrant(actor(['analyst', 'professional']), 'family', 'list')).toBe(true);
    expect(hasAnyGrant(actor(['analyst', 'policy_officer']), 'family', 'list')).toBe(false);
    expect(hasAnyGrant(actor([]), 'organisation', 'list')).toBe(false);
  });
});

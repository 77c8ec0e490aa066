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
  isScopeGrantedToRoles,
  MACHINE_SCOPES,
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
// 'own' = records of the actor's own organisation, 'coal' = records of a coalition the actor
// coordinates, 'muni' = records of a municipality the actor's organisation serves, '-' = nothing
// (deny by default).

type Reach = 'any' | 'own' | 'coal' | 'muni' | '-';
const ROLE_COLUMNS = ['professional', 'coalition_coordinator', 'policy_officer', 'analyst', 'organisation_admin', 'platform_admin'] as const;
const NONE = ['-', '-', '-', '-', '-', '-'] as const;
const ALL_ANY = ['any', 'any', 'any', 'any', 'any', 'any'] as const;
const ADMINS = ['-', '-', '-', '-', 'own', 'any'] as const;
const PLATFORM = ['-', '-', '-', '-', '-', 'any'] as const;
const CARE = ['own', '-', '-', '-', '-', '-'] as const;
const COALITION_EDITORS = ['-', 'coal', '-', '-', '-', 'any'] as const;
const COALITION_READERS = ['-', 'coal', 'muni', 'any', '-', 'any'] as const;

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
    approve: NONE,
    reopen: NONE,
  },
  person: { list: ADMINS, read: ADMINS, create: ADMINS, update: ADMINS, deactivate: ADMINS, change_type: NONE, export: ADMINS, approve: NONE, reopen: NONE },
  audit_event: { list: ADMINS, read: NONE, create: NONE, update: NONE, deactivate: NONE, change_type: NONE, export: ADMINS, approve: NONE, reopen: NONE },
  session: { list: NONE, read: NONE, create: NONE, update: NONE, deactivate: NONE, change_type: NONE, export: NONE, approve: NONE, reopen: NONE },
  api_client: { list: PLATFORM, read: PLATFORM, create: PLATFORM, update: PLATFORM, deactivate: NONE, change_type: NONE, export: NONE, approve: NONE, reopen: NONE },
  mail: { list: PLATFORM, read: PLATFORM, create: NONE, update: PLATFORM, deactivate: NONE, change_type: NONE, export: NONE, approve: NONE, reopen: NONE },
  indicator_figure: { list: ALL_ANY, read: ALL_ANY, create: NONE, update: NONE, deactivate: NONE, change_type: NONE, export: ALL_ANY, approve: NONE, reopen: NONE },
  monitor_import: {
    list: NONE,
    read: ['-', '-', '-', 'any', '-', 'any'],
    create: ['-', '-', '-', 'any', '-', 'any'],
    update: NONE,
    deactivate: NONE,
    change_type: NONE,
    export: NONE,
    approve: NONE,
    reopen: NONE,
  },
  family: { list: CARE, read: CARE, create: CARE, update: CARE, deactivate: NONE, change_type: NONE, export: CARE, approve: NONE, reopen: NONE },
  referral: { list: CARE, read: CARE, create: CARE, update: CARE, deactivate: NONE, change_type: NONE, export: CARE, approve: NONE, reopen: NONE },
  emergency_access: { list: ADMINS, read: NONE, create: CARE, update: ADMINS, deactivate: NONE, change_type: NONE, export: NONE, approve: NONE, reopen: NONE },
  screening_instrument: { list: ALL_ANY, read: ALL_ANY, create: PLATFORM, update: NONE, deactivate: NONE, change_type: NONE, export: NONE, approve: NONE, reopen: NONE },
  intervention: { list: ALL_ANY, read: ALL_ANY, create: NONE, update: NONE, deactivate: NONE, change_type: NONE, export: NONE, approve: NONE, reopen: NONE },
  // Published pathways for everyone; drafts, publishing and withdrawing for the coalition's coordinators.
  care_pathway: {
    list: ALL_ANY,
    read: ALL_ANY,
    create: COALITION_EDITORS,
    update: COALITION_EDITORS,
    deactivate: COALITION_EDITORS,
    change_type: NONE,
    export: ALL_ANY,
    approve: COALITION_EDITORS,
    reopen: NONE,
  },
  referral_overview: {
    list: ['-', 'own', '-', '-', '-', 'any'],
    read: NONE,
    create: NONE,
    update: NONE,
    deactivate: NONE,
    change_type: NONE,
    export: NONE,
    approve: NONE,
    reopen: NONE,
  },
  care_team: { list: CARE, read: NONE, create: NONE, update: NONE, deactivate: NONE, change_type: NONE, export: NONE, approve: NONE, reopen: NONE },
  // Youth health care's own records: the reach below is a JGZ professional's (any other kind of
  // organisation has none, pinned in 'records only youth health care keeps').
  home_visit: { list: NONE, read: NONE, create: CARE, update: CARE, deactivate: NONE, change_type: NONE, export: NONE, approve: NONE, reopen: NONE },
  caseload: { list: NONE, read: NONE, create: NONE, update: CARE, deactivate: NONE, change_type: NONE, export: NONE, approve: NONE, reopen: NONE },
  //                    professional coordinator  policy     analyst    org admin  platform admin
  coalition: {
    list: ALL_ANY,
    read: ALL_ANY,
    create: ['-', 'any', '-', '-', '-', 'any'],
    update: COALITION_EDITORS,
    deactivate: PLATFORM,
    change_type: NONE,
    export: ALL_ANY,
    approve: NONE,
    reopen: NONE,
  },
  coalition_plan: {
    list: ALL_ANY,
    read: COALITION_READERS,
    create: COALITION_EDITORS,
    update: COALITION_EDITORS,
    deactivate: NONE,
    change_type: NONE,
    export: COALITION_READERS,
    approve: COALITION_EDITORS,
    reopen: NONE,
  },
  analysis_round: {
    list: COALITION_READERS,
    read: COALITION_READERS,
    create: COALITION_EDITORS,
    update: COALITION_EDITORS,
    deactivate: NONE,
    change_type: NONE,
    export: COALITION_READERS,
    approve: NONE,
    reopen: NONE,
  },
  municipal_questionnaire: {
    list: ['-', 'coal', 'muni', 'any', '-', 'any'],
    read: ['-', 'coal', 'muni', 'any', '-', 'any'],
    create: ['-', '-', '-', 'any', '-', 'any'],
    update: ['-', '-', 'muni', '-', '-', 'any'],
    deactivate: NONE,
    change_type: NONE,
    export: ['-', '-', '-', 'any', '-', 'any'],
    approve: NONE,
    reopen: ['-', '-', '-', 'any', '-', 'any'],
  },
  // Only an organisation's own admin manages its FHIR Subscriptions (not even the platform admin).
  subscription: {
    list: ['-', '-', '-', '-', 'own', '-'],
    read: ['-', '-', '-', '-', 'own', '-'],
    create: ['-', '-', '-', '-', 'own', '-'],
    update: ['-', '-', '-', '-', 'own', '-'],
    deactivate: ['-', '-', '-', '-', 'own', '-'],
    change_type: NONE,
    export: NONE,
    approve: NONE,
    reopen: NONE,
  },
  // The service directory: read by everyone; an organisation admin keeps (adds, corrects, confirms) its own.
  service: { list: ALL_ANY, read: ALL_ANY, create: ADMINS, update: ADMINS, deactivate: NONE, change_type: NONE, export: ALL_ANY, approve: NONE, reopen: NONE },
  // Notifications: everyone her own (the use-cases only touch the actor's own rows).
  notification: { list: ALL_ANY, read: ALL_ANY, create: NONE, update: ALL_ANY, deactivate: NONE, change_type: NONE, export: NONE, approve: NONE, reopen: NONE },
  // The coverage overview: a coalition's readers; the whole country (no coalition target) only with 'any'.
  offer_coverage: { list: NONE, read: COALITION_READERS, create: NONE, update: NONE, deactivate: NONE, change_type: NONE, export: COALITION_READERS, approve: NONE, reopen: NONE },
  // A closure flag on a child: set (create) and lifted (update) by a professional of an organisation
  // with a care relationship; the reach is a JGZ professional's (other kinds: child-closure-policy.test.ts).
  child_closure: { list: NONE, read: NONE, create: CARE, update: CARE, deactivate: NONE, change_type: NONE, export: NONE, approve: NONE, reopen: NONE },
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

  const COALITION_A = '00000000-0000-4000-8000-0000000000ca';
  const COALITION_B = '00000000-0000-4000-8000-0000000000cb';

  it.each(cells)('%s %s by %s: %s', (resource, action, role, reach) => {
    // The actor works for organisation A, which serves municipality GM0505, and coordinates coalition A.
    const own: Actor = { ...actor([role]), organisationType: 'jgz', coalitionIds: [COALITION_A], municipalityCodes: ['GM0505'] };
    const mine = { organisationIds: [ORGANISATION_B, ORGANISATION_A], coalitionIds: [COALITION_B, COALITION_A], municipalityCodes: ['GM0503', 'GM0505'] };
    const theirs = { organisationIds: [ORGANISATION_B], coalitionIds: [COALITION_B], municipalityCodes: ['GM0503'] };
    const inOwn = decide(own, resource, action, mine);
    const inOther = decide(own, resource, action, theirs);
    const inNone = decide(own, resource, action, { organisationIds: [] });
    // Each narrow reach is exactly one kind: own organisation only, own coalition only, own municipality only.
    const onlyOrganisation = decide(own, resource, action, { ...theirs, organisationIds: [ORGANISATION_A] });
    const onlyCoalition = decide(own, resource, action, { ...theirs, coalitionIds: [COALITION_A] });
    const onlyMunicipality = decide(own, resource, action, { ...theirs, municipalityCodes: ['GM0505'] });
    const withoutOrganisation: Actor = { ...actor([role], null), organisationType: 'jgz' };
    const allowed = { isAllowed: true, role };
    const refused = { isAllowed: false, reason: 'other_organisation' };
    const narrow = (expected: { organisation: boolean; coalition: boolean; municipality: boolean }, scope: unknown) => {
      expect(inOwn).toEqual(allowed);
      expect(inOther).toEqual(refused);
      expect(inNone).toEqual(refused);
      expect(onlyOrganisation).toEqual(expected.organisation ? allowed : refused);
      expect(onlyCoalition).toEqual(expected.coalition ? allowed : refused);
      expect(onlyMunicipality).toEqual(expected.municipality ? allowed : refused);
      expect(decide(withoutOrganisation, resource, action, mine)).toEqual(refused);
      expect(scopeFor(own, resource, action)).toEqual({ scope, role });
      expect(scopeFor(withoutOrganisation, resource, action)).toEqual({ scope: { kind: 'none' }, role: null });
      expect(hasAnyGrant(own, resource, action)).toBe(true);
    };
    switch (reach) {
      case 'any':
        expect(inOwn).toEqual(allowed);
        expect(inOther).toEqual(allowed);
        expect(inNone).toEqual(allowed);
        expect(scopeFor(own, resource, action)).toEqual({ scope: { kind: 'all' }, role });
        expect(scopeFor(withoutOrganisation, resource, action)).toEqual({ scope: { kind: 'all' }, role });
        expect(hasAnyGrant(own, resource, action)).toBe(true);
        break;
      case 'own':
        narrow({ organisation: true, coalition: false, municipality: false }, { kind: 'organisations', organisationIds: [ORGANISATION_A] });
        break;
      case 'coal':
        narrow({ organisation: false, coalition: true, municipality: false }, { kind: 'coalitions', coalitionIds: [COALITION_A] });
        break;
      case 'muni':
        narrow({ organisation: false, coalition: false, municipality: true }, { kind: 'municipalities', municipalityCodes: ['GM0505'] });
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
    expect(PERSONAL_DATA_RESOURCES).toEqual(['person', 'audit_event', 'family', 'referral', 'emergency_access', 'care_team', 'home_visit', 'caseload', 'child_closure']);
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

// ── A system (API client, ADR 0017): the intersection of the policy and the token's scopes ─────────
describe('a system actor', () => {
  const organisationId = 'org-own';
  const system = (roles: Role[], scopes: string[]): Actor => ({ kind: 'system', clientId: 'client-1', personId: 'client-1', sessionId: 'token-1', organisationId, roles, scopes });
  const own = { organisationIds: [organisationId] };
  const other = { organisationIds: ['org-other'] };

  // Every case: [roles, scopes, resource, action, target, allowed]
  const cases: [Role[], string[], ResourceType, Action, typeof own, boolean][] = [
    [['professional'], ['referral.read'], 'referral', 'read', own, true], // policy and scope
    [['professional'], ['referral.read'], 'referral', 'read', other, false], // scope, but the policy's reach stops at the organisation
    [['professional'], ['referral.list'], 'referral', 'read', own, false], // policy, but not this scope
    [['professional'], [], 'organisation', 'read', own, false], // every role may read organisations; no scope
    [['analyst'], ['family.read'], 'family', 'read', own, false], // a scope the role never has: aggregate-only stays aggregate-only
    [['analyst'], ['indicator_figure.list'], 'indicator_figure', 'list', own, true],
    [['organisation_admin'], ['person.read'], 'person', 'read', own, true],
    [['organisation_admin'], ['person.read'], 'person', 'update', own, false],
  ];
  it.each(cases)('%j with %j on %s.%s → %s', (roles, scopes, resource, action, target, allowed) => {
    expect(decide(system(roles, scopes), resource, action, target).isAllowed).toBe(allowed);
  });

  it('scopeFor and hasAnyGrant are limited by the scopes too; a person is not', () => {
    expect(scopeFor(system(['professional'], ['referral.read']), 'referral', 'list').scope).toEqual({ kind: 'none' });
    expect(scopeFor(system(['professional'], ['referral.list']), 'referral', 'list').scope).toEqual({ kind: 'organisations', organisationIds: [organisationId] });
    expect(hasAnyGrant(system(['professional'], ['referral.list']), 'family', 'list')).toBe(false);
    const person: Actor = { personId: 'p', sessionId: 's', organisationId, roles: ['professional'] };
    expect(hasAnyGrant(person, 'family', 'list')).toBe(true);
  });

  it('offers as scopes every granted resource.action, never API clients or sessions', () => {
    expect(MACHINE_SCOPES).toContain('referral.update');
    expect(MACHINE_SCOPES).toContain('family.read');
    expect(MACHINE_SCOPES.some((scope) => scope.startsWith('api_client.') || scope.startsWith('session.') || scope.startsWith('mail.'))).toBe(false);
    expect(isScopeGrantedToRoles('family.read', ['analyst', 'policy_officer'])).toBe(false);
    expect(isScopeGrantedToRoles('family.read', ['professional'])).toBe(true);
    expect(isScopeGrantedToRoles('referral.delete', ['professional'])).toBe(false);
  });
});

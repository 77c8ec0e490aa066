// SPDX-License-Identifier: EUPL-1.2
// THE access policy: who may do what to which record. Deny by default; the grants are data.
import { ROLES, isPersonalDataRole, type OrganisationType, type ResourceType, type Role } from '../../../contracts/roles.js';

/**
 * The person acting, for which organisation, in which roles (their roles in that organisation only).
 * A system (an integration's API client, ADR 0017) acts like a person of its organisation in the
 * roles chosen at its registration, but only within the scopes its access token carries.
 */
export interface Actor {
  /** 'system': an API client with a bearer token; absent means a person. */
  kind?: 'person' | 'system';
  /** For a system: its API client id (also in `personId`, so the audit row names the client). */
  clientId?: string;
  /** For a system: the granted scopes, as `resource.action` (see MACHINE_SCOPES). */
  scopes?: readonly string[];
  personId: string;
  sessionId: string;
  organisationId: string | null;
  roles: readonly Role[];
  /** What kind of organisation the actor acts for: some records only one kind keeps (see ORGANISATION_TYPES_OF). */
  organisationType?: OrganisationType | null;
  /** Set when acting for someone else (e.g. a supervisor); recorded in the audit log. */
  onBehalfOfId?: string | null;
  /** The coalitions this person coordinates (as coordinator or deputy, today): reach 'own_coalition'. */
  coalitionIds?: readonly string[];
  /** The municipalities the actor's organisation serves (a municipality: itself): reach 'own_municipality'. */
  municipalityCodes?: readonly string[];
}


/** Resource types that hold personal data: only personal-data roles (all with 2FA) are ever granted them. */
export const PERSONAL_DATA_RESOURCES: readonly ResourceType[] = [
  'person',
  'audit_event',
  'family',
  'referral',
  'emergency_access',
  'care_team',
  'home_visit',
  'caseload',
  'child_closure',
];

/**
 * - deactivate: switch a record off, or back on
 * - change_type: reclassify an organisation (what kind it is decides what its people may do later)
 * - export: take every matching record out as a file (CSV), audited as 'export'
 * - approve: fix a version for good (a plan of approach vastgesteld by its steering group)
 * - reopen: open again what a deadline closed (a municipality's questionnaire response)
 */
export const ACTIONS = ['list', 'read', 'create', 'update', 'deactivate', 'change_type', 'export', 'approve', 'reopen'] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * 'any': every record; 'own_organisation': records that belong to the actor's organisation;
 * 'own_coalition': records of a coalition the actor coordinates (Target.coalitionIds);
 * 'own_municipality': records of a municipality the actor's organisation serves (Target.municipalityCodes).
 */
export type Reach = 'any' | 'own_organisation' | 'own_coalition' | 'own_municipality';
export type Grant = Partial<Record<Role, Reach>>;

const ALL_ROLES_ANY: Grant = {
  professional: 'any',
  coalition_coordinator: 'any',
  policy_officer: 'any',
  analyst: 'any',
  organisation_admin: 'any',
  platform_admin: 'any',
};
const ADMINS: Grant = { platform_admin: 'any', organisation_admin: 'own_organisation' };
const IMPORTERS: Grant = { analyst: 'any', platform_admin: 'any' };
/**
 * Client records: professionals only, and only where their organisation has a care relationship with
 * the family (for a family, the target's organisations are those with an active care relationship —
 * see families/care-access.ts; for a referral, the sender and, while consent is valid, the receiver).
 */
const CARE_PROFESSIONALS: Grant = { professional: 'own_organisation' };
/** A coalition's own work: its coordinators (and deputies) — seed 001 step 2 — and the platform admin. */
const COALITION_EDITORS: Grant = { coalition_coordinator: 'own_coalition', platform_admin: 'any' };
/**
 * What a coalition has not yet made public (plan drafts, analysis reports): its coordinators, the
 * policy officers of its member municipalities, and the analysts and platform admin who read every coalition.
 */
const COALITION_READERS: Grant = {
  coalition_coordinator: 'own_coalition',
  policy_officer: 'own_municipality',
  analyst: 'any',
  platform_admin: 'any',
};

/** Who manages an organisation's Subscriptions: its own admin (a system client of it, when machine access lands). */
const SUBSCRIPTION_MANAGERS: Grant = { organisation_admin: 'own_organisation' };

/** Who keeps an organisation's services in the directory current: its own admin, and the platform admin. */
const SERVICE_KEEPERS: Grant = { organisation_admin: 'own_organisation', platform_admin: 'any' };

const GRANTS: Record<ResourceType, Partial<Record<Action, Grant>>> = {
  // The organisation directory is not personal data: everyone logged in may look it up (to refer).
  organisation: {
    list: ALL_ROLES_ANY,
    read: ALL_ROLES_ANY,
    create: { platform_admin: 'any' },
    update: ADMINS,
    deactivate: { platform_admin: 'any' },
    change_type: { platform_admin: 'any' },
    export: ALL_ROLES_ANY,
  },
  // Staff accounts: managed by the platform admin, or by an organisation admin for their own organisation.
  person: { list: ADMINS, read: ADMINS, create: ADMINS, update: ADMINS, deactivate: ADMINS, export: ADMINS },
  audit_event: { list: ADMINS, export: ADMINS },
  // One's own sessions are handled by the auth feature itself; nobody reads another's sessions.
  session: {},
  // Monitor figures are published aggregates after small-number suppression, never records.
  indicator_figure: { list: ALL_ROLES_ANY, read: ALL_ROLES_ANY, export: ALL_ROLES_ANY },
  // Imported aggregate files change what everyone sees: only analysts and the platform admin check
  // (read: preview, look up an earlier import) and load them.
  monitor_import: { read: IMPORTERS, create: IMPORTERS },
  // Everything in a family's file (members, pregnancy, screening, home visits, enrolments, outcomes,
  // its access log) is read and written under 'family'; the audit row names the record kind.
  family: { list: CARE_PROFESSIONALS, read: CARE_PROFESSIONALS, create: CARE_PROFESSIONALS, update: CARE_PROFESSIONALS, export: CARE_PROFESSIONALS },
  referral: { list: CARE_PROFESSIONALS, read: CARE_PROFESSIONALS, create: CARE_PROFESSIONALS, update: CARE_PROFESSIONALS, export: CARE_PROFESSIONALS },
  // Break the glass: a professional opens it for their own organisation; admins review them.
  emergency_access: {
    create: CARE_PROFESSIONALS,
    list: { organisation_admin: 'own_organisation', platform_admin: 'any' },
    update: { organisation_admin: 'own_organisation', platform_admin: 'any' },
  },
  // Screening instruments (FHIR Questionnaires) are not personal data; only the platform admin uploads.
  screening_instrument: { list: ALL_ROLES_ANY, read: ALL_ROLES_ANY, create: { platform_admin: 'any' } },
  // The intervention menu is shipped data without personal data: everyone logged in reads it (issue 13).
  intervention: { list: ALL_ROLES_ANY, read: ALL_ROLES_ANY },
  // Care pathways are public agreements: every logged-in person reads (and exports) the published
  // versions. The coordinators of a coalition keep the pathways of the coalition and of its member
  // municipalities (the target is that coalition): they start and edit drafts (which only editors
  // read), publish (approve) and withdraw (deactivate) — issue 13 items 4 and 9.
  care_pathway: {
    list: ALL_ROLES_ANY,
    read: ALL_ROLES_ANY,
    export: ALL_ROLES_ANY,
    create: COALITION_EDITORS,
    update: COALITION_EDITORS,
    approve: COALITION_EDITORS,
    deactivate: COALITION_EDITORS,
  },
  // Referral counts and overdue referrals per municipality without any client data, for the coordinator
  // of the municipalities their organisation serves.
  referral_overview: { list: { coalition_coordinator: 'own_organisation', platform_admin: 'any' } },
  // The professionals of one's own organisation (names only): to choose the nurse of a home visit or a caseload.
  care_team: { list: CARE_PROFESSIONALS },
  // Parts of a family's file that youth health care (JGZ) keeps for itself, on top of the family grant:
  // the prenatal home visit (changed only by the organisation that planned it: the target is that
  // organisation) and the support tier (klantroute) on the organisation's own caseload.
  home_visit: { create: CARE_PROFESSIONALS, update: CARE_PROFESSIONALS },
  caseload: { update: CARE_PROFESSIONALS },
  // The coalition register (members, coordinators, partners, agreements, funding) is public to every
  // logged-in person; a coordinator founds a coalition (and coordinates it) and edits only their own.
  coalition: {
    list: ALL_ROLES_ANY,
    read: ALL_ROLES_ANY,
    export: ALL_ROLES_ANY,
    create: { coalition_coordinator: 'any', platform_admin: 'any' },
    update: COALITION_EDITORS,
    deactivate: { platform_admin: 'any' },
  },
  // Plans of approach: approved versions are listed for everyone; drafts and history are read by the
  // coalition's readers; its editors write and record the steering group's approval (vaststelling).
  coalition_plan: {
    list: ALL_ROLES_ANY,
    read: COALITION_READERS,
    export: COALITION_READERS,
    create: COALITION_EDITORS,
    update: COALITION_EDITORS,
    approve: COALITION_EDITORS,
  },
  // Self-analysis rounds: opened and managed by the coalition's editors, reported to its readers.
  analysis_round: {
    list: COALITION_READERS,
    read: COALITION_READERS,
    export: COALITION_READERS,
    create: COALITION_EDITORS,
    update: COALITION_EDITORS,
  },
  // The yearly municipal questionnaire: the municipality's policy officer answers; the coordinators of
  // its coalitions read it; analysts set editions, read everything and reopen after the deadline.
  // API clients of integrations (machine access, ADR 0017): registered and revoked by the platform admin only.
  api_client: { list: { platform_admin: 'any' }, read: { platform_admin: 'any' }, create: { platform_admin: 'any' }, update: { platform_admin: 'any' } },
  // The mail outbox (issue 16): the platform admin lists it, reads a development mail, sends a dead letter again (update).
  mail: { list: { platform_admin: 'any' }, read: { platform_admin: 'any' }, update: { platform_admin: 'any' } },
  municipal_questionnaire: {
    list: { policy_officer: 'own_municipality', coalition_coordinator: 'own_coalition', analyst: 'any', platform_admin: 'any' },
    read: { policy_officer: 'own_municipality', coalition_coordinator: 'own_coalition', analyst: 'any', platform_admin: 'any' },
    export: { analyst: 'any', platform_admin: 'any' },
    create: { analyst: 'any', platform_admin: 'any' },
    update: { policy_officer: 'own_municipality', platform_admin: 'any' },
    reopen: { analyst: 'any', platform_admin: 'any' },
  },
  // FHIR Subscriptions (notifications of the organisation's own referrals to its own system): managed
  // by the organisation admin of that organisation only — a subscriber hears only of its own Tasks.
  subscription: {
    list: SUBSCRIPTION_MANAGERS,
    read: SUBSCRIPTION_MANAGERS,
    create: SUBSCRIPTION_MANAGERS,
    // Switching a subscription in 'error' on again.
    update: SUBSCRIPTION_MANAGERS,
    deactivate: SUBSCRIPTION_MANAGERS,
  },
  // The service directory (sociale kaart, issue 13): every logged-in person reads it (coordinators
  // included); an organisation's admin adds, corrects and confirms (update) its own services.
  service: {
    list: ALL_ROLES_ANY,
    read: ALL_ROLES_ANY,
    export: ALL_ROLES_ANY,
    create: SERVICE_KEEPERS,
    update: SERVICE_KEEPERS,
  },
  // The coverage and funding overview (issue 13 item 7): a coalition's for its coordinators and the
  // policy officers of its member municipalities; every coalition's and the whole country's (the
  // target without coalition, which only an 'any' reach takes) for analysts and the platform admin.
  // Professionals use the finder (published pathways and the directory) instead.
  offer_coverage: { read: COALITION_READERS, export: COALITION_READERS },
  // Everyone's own notices and preferences (the use-cases only ever touch the actor's own rows);
  // another person's preferences and an organisation's inbox settings go under 'person' and 'organisation'.
  notification: { list: ALL_ROLES_ANY, read: ALL_ROLES_ANY, update: ALL_ROLES_ANY },
  // A closure flag on a child (afscherming, issue 15 item 5): set (create) and lifted (update) by a
  // professional of an organisation with a care relationship with the family — the target is the
  // organisations with an active care relationship only: an emergency access does not count (it opens
  // a file to read in a crisis, not to decide what the parents see for months). Only organisations
  // that look after children's safety keep it (ORGANISATION_TYPES_OF below).
  child_closure: { create: CARE_PROFESSIONALS, update: CARE_PROFESSIONALS },
};

/**
 * A parent logged in to Mijn Kansrijke Start (DigiD level substantieel or higher). Not an Actor: it
 * holds no role, so no grant above can ever be reached from it; only PARENT_GRANTS below apply.
 */
export interface ParentActor {
  kind: 'parent';
  sessionId: string;
  /** The family member the login was matched to by BSN (the client, else a partner): the actor of the audit rows. */
  memberId: string;
  /** The files that are the parent's own (the families in which their BSN is the client); a partner has none. */
  familyIds: readonly string[];
}

/** 'own_family': only a file that is the parent's own. There is no other reach for a parent. */
export type ParentReach = 'own_family';

/**
 * What a parent may do, deny by default: read their own file (who helps, appointments, referrals,
 * consents), withdraw a consent in it (update), read who looked at it (audit_event list) and take a
 * copy of it (export). Nothing else, and never another family's file.
 */
export const PARENT_GRANTS: Partial<Record<ResourceType, Partial<Record<Action, ParentReach>>>> = {
  family: { read: 'own_family', update: 'own_family', export: 'own_family' },
  audit_event: { list: 'own_family' },
};

export type ParentDecision = { isAllowed: true } | { isAllowed: false; reason: 'no_grant' | 'other_family' };

/** May this parent perform this action on this family's file? */
export function decideForParent(parent: ParentActor, resource: ResourceType, action: Action, familyId: string): ParentDecision {
  const reach = PARENT_GRANTS[resource]?.[action];
  if (!reach) return { isAllowed: false, reason: 'no_grant' };
  return parent.familyIds.includes(familyId) ? { isAllowed: true } : { isAllowed: false, reason: 'other_family' };
}

/** A parent sees a child's data in Kansrijk until the child turns this old. */
export const PARENT_CHILD_AGE_LIMIT_YEARS = 12;

/**
 * What decides whether a parent sees a child: the child is born and younger than
 * PARENT_CHILD_AGE_LIMIT_YEARS today, and the population register says this parent holds parental
 * authority over it ('undetermined' or no relation: no access).
 */
export interface ParentChildStanding {
  isBorn: boolean;
  isUnderAgeLimit: boolean;
  authority: 'holder' | 'not_holder' | 'undetermined';
}

export type ParentChildDecision = { isAllowed: true } | { isAllowed: false; reason: 'not_born' | 'age_limit' | 'no_authority' | 'authority_undetermined' };

/** May this parent read this child's data? Deny by default; a closure flag is not decided here (the view hides the data). */
export function decideForParentOnChild(standing: ParentChildStanding): ParentChildDecision {
  if (standing.authority === 'undetermined') return { isAllowed: false, reason: 'authority_undetermined' };
  if (standing.authority !== 'holder') return { isAllowed: false, reason: 'no_authority' };
  if (!standing.isBorn) return { isAllowed: false, reason: 'not_born' };
  if (!standing.isUnderAgeLimit) return { isAllowed: false, reason: 'age_limit' };
  return { isAllowed: true };
}

/** Records only organisations of these kinds keep; any other actor has no grant on them at all. */
const ORGANISATION_TYPES_OF: Partial<Record<ResourceType, readonly OrganisationType[]>> = {
  home_visit: ['jgz', 'ggd'],
  caseload: ['jgz', 'ggd'],
  // Youth health care keeps the child's file after birth; the social (neighbourhood) team handles
  // safety at home. A midwife, hospital, GP or maternity care sees the family but does not decide this.
  child_closure: ['jgz', 'ggd', 'sociaal_team'],
};

function isKeptByActorsKind(actor: Actor, resource: ResourceType): boolean {
  const types = ORGANISATION_TYPES_OF[resource];
  return !types || (actor.organisationType != null && types.includes(actor.organisationType));
}

/** A scope names one resource type and one action: `referral.read`. */
export function scopeName(resource: ResourceType, action: Action): string {
  return `${resource}.${action}`;
}

/** What no API client is ever granted: managing API clients, people's own sessions and notifications, the mail outbox. */
const NEVER_MACHINE_RESOURCES: readonly ResourceType[] = ['api_client', 'session', 'notification', 'mail'];

/** Every scope an API client may be registered with: each action the policy grants on a resource at all. */
export const MACHINE_SCOPES: readonly string[] = Object.entries(GRANTS).flatMap(([resource, actions]) =>
  NEVER_MACHINE_RESOURCES.includes(resource as ResourceType) ? [] : Object.keys(actions).map((action) => `${resource}.${action}`),
);

/** Does the policy grant this scope to at least one of these roles (so a client in those roles can use it)? */
export function isScopeGrantedToRoles(scope: string, roles: readonly Role[]): boolean {
  const [resource, action] = scope.split('.') as [ResourceType, Action];
  if (!MACHINE_SCOPES.includes(scope)) return false;
  return roles.some((role) => GRANTS[resource][action]?.[role] !== undefined);
}

/**
 * A person has no scopes: only the policy limits them. A system reaches only what its token's scopes
 * name — the intersection of the policy and the scopes.
 */
function isWithinScopes(actor: Actor, resource: ResourceType, action: Action): boolean {
  return actor.kind !== 'system' || (actor.scopes ?? []).includes(scopeName(resource, action));
}

/** The grants a table gives aggregate-only roles on personal data, as "role on resource" (none allowed). */
export function aggregateGrantsOnPersonalData(
  grants: Partial<Record<ResourceType, Partial<Record<Action, Grant>>>>,
  personalResources: readonly ResourceType[],
): string[] {
  const found: string[] = [];
  for (const resource of personalResources) {
    for (const grant of Object.values(grants[resource] ?? {})) {
      for (const role of Object.keys(grant ?? {}) as Role[]) {
        if (!isPersonalDataRole(role)) found.push(`${role} on ${resource}`);
      }
    }
  }
  return found;
}

/** Refuses a grant table that gives an aggregate-only role any grant on personal data. */
export function assertNoAggregateGrantsOnPersonalData(
  grants: Partial<Record<ResourceType, Partial<Record<Action, Grant>>>>,
  personalResources: readonly ResourceType[],
): void {
  const aggregateGrants = aggregateGrantsOnPersonalData(grants, personalResources);
  if (aggregateGrants.length > 0) throw new Error(`policy: aggregate-only role granted: ${aggregateGrants.join(', ')}`);
}

// By construction: an aggregate-only role can never hold a grant on personal data.
assertNoAggregateGrantsOnPersonalData(GRANTS, PERSONAL_DATA_RESOURCES);

export interface Target {
  /** The organisations the record belongs to (a person: every organisation they work for). */
  organisationIds: readonly string[];
  /** The coalitions the record belongs to (coalition workspace records). */
  coalitionIds?: readonly string[];
  /** The municipalities the record belongs to (a municipality's questionnaire; a coalition's members). */
  municipalityCodes?: readonly string[];
  /** Non-personal facts the audit row must carry about how access was reached (e.g. emergency access). */
  auditNote?: Record<string, unknown>;
}

export type Decision = { isAllowed: true; role: Role } | { isAllowed: false; reason: 'no_grant' | 'other_organisation' };

function overlaps(mine: readonly string[] | null | undefined, theirs: readonly string[] | undefined): boolean {
  return mine != null && theirs != null && mine.some((value) => theirs.includes(value));
}

/** Does a reach of this kind take the actor to this record? */
export function reachesTarget(actor: Actor, reach: Reach, target: Target): boolean {
  switch (reach) {
    case 'any':
      return true;
    case 'own_organisation':
      return actor.organisationId != null && target.organisationIds.includes(actor.organisationId);
    case 'own_coalition':
      return overlaps(actor.coalitionIds, target.coalitionIds);
    case 'own_municipality':
      return overlaps(actor.municipalityCodes, target.municipalityCodes);
  }
}

/** May this actor perform this action on this record? */
export function decide(actor: Actor, resource: ResourceType, action: Action, target: Target): Decision {
  if (!isKeptByActorsKind(actor, resource) || !isWithinScopes(actor, resource, action)) return { isAllowed: false, reason: 'no_grant' };
  const grant = GRANTS[resource][action];
  let sawGrant = false;
  for (const role of actor.roles) {
    const reach = grant?.[role];
    if (!reach) continue;
    sawGrant = true;
    if (reachesTarget(actor, reach, target)) return { isAllowed: true, role };
  }
  return { isAllowed: false, reason: sawGrant ? 'other_organisation' : 'no_grant' };
}

/**
 * Like decide, but the actor must reach every one of the organisations: for changes that affect all
 * of them at once (switching off an account that several organisations share). With no
 * organisations only an 'any' reach passes.
 */
export function decideForEvery(actor: Actor, resource: ResourceType, action: Action, organisationIds: readonly string[]): Decision {
  if (organisationIds.length === 0) return decide(actor, resource, action, { organisationIds: [] });
  let allowed: Decision | null = null;
  for (const organisationId of organisationIds) {
    const decision = decide(actor, resource, action, { organisationIds: [organisationId] });
    if (!decision.isAllowed) return decision;
    allowed = decision;
  }
  return allowed!;
}

/**
 * Which roles an actor may hand out (or take away), by the actor's own role. Deny by default: a
 * role not listed hands out nothing, and only a platform admin makes (or unmakes) platform admins.
 */
const ASSIGNABLE_ROLES: Partial<Record<Role, readonly Role[]>> = {
  platform_admin: ROLES,
  organisation_admin: ROLES.filter((role) => role !== 'platform_admin'),
};

export function mayAssignRole(actor: Actor, role: Role): boolean {
  return actor.roles.some((actorRole) => ASSIGNABLE_ROLES[actorRole]?.includes(role) ?? false);
}

/**
 * May the actor hand roles to their own account? Only someone whose reach on people is 'any' (a
 * platform admin); an organisation admin granting themselves roles would escape every other check.
 */
export function mayGrantRolesToSelf(actor: Actor): boolean {
  return actor.roles.some((role) => GRANTS.person.update?.[role] === 'any');
}

export type Scope =
  | { kind: 'all' }
  | { kind: 'organisations'; organisationIds: string[] }
  | { kind: 'coalitions'; coalitionIds: string[] }
  | { kind: 'municipalities'; municipalityCodes: string[] }
  | { kind: 'none' };

/**
 * For records scoped by organisation: null for every record, else the organisations to filter on
 * (none when the scope is of another kind — such a grant does not reach organisation records).
 */
export function organisationIdsOf(scope: Exclude<Scope, { kind: 'none' }>): string[] | null {
  if (scope.kind === 'all') return null;
  return scope.kind === 'organisations' ? scope.organisationIds : [];
}

/** The narrower scopes a reach other than 'any' gives this actor (none when the actor has nothing of that kind). */
function narrowScopeOf(actor: Actor, reach: Exclude<Reach, 'any'>): Scope | null {
  switch (reach) {
    case 'own_organisation':
      return actor.organisationId ? { kind: 'organisations', organisationIds: [actor.organisationId] } : null;
    case 'own_coalition':
      return actor.coalitionIds?.length ? { kind: 'coalitions', coalitionIds: [...actor.coalitionIds] } : null;
    case 'own_municipality':
      return actor.municipalityCodes?.length ? { kind: 'municipalities', municipalityCodes: [...actor.municipalityCodes] } : null;
  }
}

/** Which records of a type this actor may list: a filter the query must apply. */
export function scopeFor(actor: Actor, resource: ResourceType, action: Action = 'list'): { scope: Scope; role: Role | null } {
  if (!isKeptByActorsKind(actor, resource) || !isWithinScopes(actor, resource, action)) return { scope: { kind: 'none' }, role: null };
  const grant = GRANTS[resource][action];
  let narrow: { scope: Scope; role: Role } | null = null;
  for (const role of actor.roles) {
    const reach = grant?.[role];
    if (reach === 'any') return { scope: { kind: 'all' }, role };
    if (reach && !narrow) {
      const scope = narrowScopeOf(actor, reach);
      if (scope) narrow = { scope, role };
    }
  }
  return narrow ?? { scope: { kind: 'none' }, role: null };
}

/** Is there any record of this type the actor could perform this action on? */
export function hasAnyGrant(actor: Actor, resource: ResourceType, action: Action): boolean {
  if (!isKeptByActorsKind(actor, resource) || !isWithinScopes(actor, resource, action)) return false;
  return actor.roles.some((role) => GRANTS[resource][action]?.[role] !== undefined);
}

/** One question to the policy: may the actor do this action on this record (on every organisation of it)? */
export interface PolicyCheck {
  resource: ResourceType;
  action: Action;
  target: Target;
  every?: boolean;
}

/**
 * What the web may offer: the names whose every condition holds. A condition is a question to this
 * policy, or a rule of the record itself (a step its state machine allows now) as a boolean.
 */
export function allowedActions<Name extends string>(actor: Actor, checks: Record<Name, readonly (PolicyCheck | boolean)[]>): Name[] {
  return (Object.keys(checks) as Name[]).filter((name) =>
    checks[name].every((check) => {
      if (typeof check === 'boolean') return check;
      const decision = check.every
        ? decideForEvery(actor, check.resource, check.action, check.target.organisationIds)
        : decide(actor, check.resource, check.action, check.target);
      return decision.isAllowed;
    }),
  );
}

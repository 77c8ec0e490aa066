// SPDX-License-Identifier: EUPL-1.2
// THE access policy: who may do what to which record. Deny by default; the grants are data.
import { isPersonalDataRole, type Role } from '../../../contracts/roles.js';

/** The person acting, for which organisation, in which roles (their roles in that organisation only). */
export interface Actor {
  personId: string;
  sessionId: string;
  organisationId: string | null;
  roles: readonly Role[];
  /** Set when acting for someone else (e.g. a supervisor); recorded in the audit log. */
  onBehalfOfId?: string | null;
}

export const RESOURCE_TYPES = ['organisation', 'person', 'audit_event', 'session'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** Resource types that hold personal data: only personal-data roles (all with 2FA) are ever granted them. */
export const PERSONAL_DATA_RESOURCES: readonly ResourceType[] = ['person', 'audit_event'];

export const ACTIONS = ['list', 'read', 'create', 'update', 'deactivate'] as const;
export type Action = (typeof ACTIONS)[number];

/** 'any': every record; 'own_organisation': records that belong to the actor's organisation. */
type Reach = 'any' | 'own_organisation';
type Grant = Partial<Record<Role, Reach>>;

const ALL_ROLES_ANY: Grant = {
  professional: 'any',
  coalition_coordinator: 'any',
  policy_officer: 'any',
  analyst: 'any',
  organisation_admin: 'any',
  platform_admin: 'any',
};
const ADMINS: Grant = { platform_admin: 'any', organisation_admin: 'own_organisation' };

const GRANTS: Record<ResourceType, Partial<Record<Action, Grant>>> = {
  // The organisation directory is not personal data: everyone logged in may look it up (to refer).
  organisation: {
    list: ALL_ROLES_ANY,
    read: ALL_ROLES_ANY,
    create: { platform_admin: 'any' },
    update: ADMINS,
    deactivate: { platform_admin: 'any' },
  },
  // Staff accounts: managed by the platform admin, or by an organisation admin for their own organisation.
  person: { list: ADMINS, read: ADMINS, create: ADMINS, update: ADMINS, deactivate: ADMINS },
  audit_event: { list: ADMINS },
  // One's own sessions are handled by the auth feature itself; nobody reads another's sessions.
  session: {},
};

// By construction: an aggregate-only role can never hold a grant on personal data.
for (const resource of PERSONAL_DATA_RESOURCES) {
  for (const grant of Object.values(GRANTS[resource])) {
    for (const role of Object.keys(grant ?? {}) as Role[]) {
      if (!isPersonalDataRole(role)) throw new Error(`policy: aggregate-only role ${role} granted on ${resource}`);
    }
  }
}

export interface Target {
  /** The organisations the record belongs to (a person: every organisation they work for). */
  organisationIds: readonly string[];
}

export type Decision = { isAllowed: true; role: Role } | { isAllowed: false; reason: 'no_grant' | 'other_organisation' };

/** May this actor perform this action on this record? */
export function decide(actor: Actor, resource: ResourceType, action: Action, target: Target): Decision {
  const grant = GRANTS[resource][action];
  let sawGrant = false;
  for (const role of actor.roles) {
    const reach = grant?.[role];
    if (!reach) continue;
    sawGrant = true;
    if (reach === 'any') return { isAllowed: true, role };
    if (actor.organisationId && target.organisationIds.includes(actor.organisationId)) return { isAllowed: true, role };
  }
  return { isAllowed: false, reason: sawGrant ? 'other_organisation' : 'no_grant' };
}

export type Scope = { kind: 'all' } | { kind: 'organisations'; organisationIds: string[] } | { kind: 'none' };

/** Which records of a type this actor may list: a filter the query must apply. */
export function scopeFor(actor: Actor, resource: ResourceType, action: Action = 'list'): { scope: Scope; role: Role | null } {
  const grant = GRANTS[resource][action];
  let ownOrganisationRole: Role | null = null;
  for (const role of actor.roles) {
    const reach = grant?.[role];
    if (reach === 'any') return { scope: { kind: 'all' }, role };
    if (reach === 'own_organisation' && actor.organisationId) ownOrganisationRole = role;
  }
  if (ownOrganisationRole && actor.organisationId) {
    return { scope: { kind: 'organisations', organisationIds: [actor.organisationId] }, role: ownOrganisationRole };
  }
  return { scope: { kind: 'none' }, role: null };
}

/** Is there any record of this type the actor could perform this action on? */
export function hasAnyGrant(actor: Actor, resource: ResourceType, action: Action): boolean {
  return actor.roles.some((role) => GRANTS[resource][action]?.[role] !== undefined);
}

// SPDX-License-Identifier: EUPL-1.2
// Which memberships a change adds, alters or removes, whether the policy allows each of them, and
// writing them. Shared by inviting a person and updating one.
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import { decide, mayAssignRole, mayGrantRolesToSelf, type Actor } from '../../platform/access/policy.js';
import { PolicyDenied } from '../../platform/access/scoped-store.js';
import { AppError } from '../../platform/errors.js';
import type { Role } from '../../../contracts/roles.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { memberships, organisations } from './schema.js';

export interface MembershipInput {
  organisationId: string;
  roles: readonly Role[];
}

export interface MembershipChange {
  organisationId: string;
  /** Roles after the change; empty = the membership ends. */
  roles: Role[];
  changedRoles: Role[];
}

/** The memberships a person should end up with, or 400 when an organisation appears twice. */
export function normaliseMemberships(input: readonly MembershipInput[]): MembershipInput[] {
  const seen = new Set<string>();
  return input.map((membership, index) => {
    if (seen.has(membership.organisationId)) {
      throw new AppError('validation_failed', {
        errors: [{ path: `body.memberships.${index}.organisationId`, message: nl.organisations.duplicateMembership }],
      });
    }
    seen.add(membership.organisationId);
    return { organisationId: membership.organisationId, roles: [...new Set(membership.roles)].sort() };
  });
}

/**
 * Differences between the memberships the actor can see (`before`) and the ones asked for
 * (`after`). Memberships the actor cannot see are not part of `before`, so asking for one counts as
 * a change — which the policy then refuses.
 */
export function membershipChanges(before: readonly MembershipInput[], after: readonly MembershipInput[]): MembershipChange[] {
  const rolesBefore = new Map(before.map((membership) => [membership.organisationId, new Set(membership.roles)]));
  const rolesAfter = new Map(after.map((membership) => [membership.organisationId, new Set(membership.roles)]));
  const organisationIds = new Set([...rolesBefore.keys(), ...rolesAfter.keys()]);
  const changes: MembershipChange[] = [];
  for (const organisationId of organisationIds) {
    const previous = rolesBefore.get(organisationId) ?? new Set<Role>();
    const next = rolesAfter.get(organisationId) ?? new Set<Role>();
    const changedRoles = [...previous, ...next].filter((role) => previous.has(role) !== next.has(role));
    if (changedRoles.length > 0) changes.push({ organisationId, roles: [...next].sort(), changedRoles: [...new Set(changedRoles)] });
  }
  return changes;
}

/**
 * Asks the policy about every changed membership and every role handed out or taken away, and
 * refuses roles the actor would hand to their own account (`personId`: whose memberships change).
 */
export function authoriseMembershipChanges(
  actor: Actor,
  action: 'create' | 'update',
  changes: readonly MembershipChange[],
  personId?: string,
): void {
  const isOwnAccount = personId !== undefined && personId === actor.personId;
  for (const change of changes) {
    const addsRoles = change.changedRoles.some((role) => change.roles.includes(role));
    if (isOwnAccount && addsRoles && !mayGrantRolesToSelf(actor)) throw new PolicyDenied(action, 'self_grant');
    const decision = decide(actor, 'person', action, { organisationIds: [change.organisationId] });
    if (!decision.isAllowed) throw new PolicyDenied(action, decision.reason);
    if (change.changedRoles.some((role) => !mayAssignRole(actor, role))) throw new PolicyDenied(action, 'role_not_assignable');
  }
}

/** 400 when a membership names an organisation that does not exist (rather than a foreign-key 500). */
export async function checkOrganisationsExist(tx: Executor, changes: readonly MembershipChange[]): Promise<void> {
  const wanted = changes.filter((change) => change.roles.length > 0).map((change) => change.organisationId);
  if (wanted.length === 0) return;
  const found = await tx.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, wanted));
  const known = new Set(found.map((row) => row.id));
  const errors = wanted
    .filter((organisationId) => !known.has(organisationId))
    .map(() => ({ path: 'body.memberships', message: nl.organisations.unknownOrganisation }));
  if (errors.length > 0) throw new AppError('validation_failed', { errors });
}

export async function applyMembershipChanges(tx: Executor, personId: string, changes: readonly MembershipChange[]): Promise<void> {
  for (const change of changes) {
    if (change.roles.length === 0) {
      await tx
        .delete(memberships)
        .where(and(eq(memberships.personId, personId), eq(memberships.organisationId, change.organisationId)));
      continue;
    }
    await tx
      .insert(memberships)
      .values({ personId, organisationId: change.organisationId, roles: change.roles, isActive: true })
      .onConflictDoUpdate({ target: [memberships.personId, memberships.organisationId], set: { roles: change.roles, isActive: true } });
  }
}

// SPDX-License-Identifier: EUPL-1.2
// Queries on staff accounts, their memberships and invitations. Only called from inside a
// ScopedStore operation. `visible` limits which memberships are shown: null = all of them, otherwise
// only memberships in those organisations (an organisation admin sees only their own).
import { and, asc, eq, gt, ilike, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../platform/db/connection.js';
import type { Actor, Action, Target } from '../../platform/access/policy.js';
import { allowedActions, organisationIdsOf, scopeFor } from '../../platform/access/policy.js';
import { AppError } from '../../platform/errors.js';
import { hashToken, newToken } from '../../platform/auth/tokens.js';
import { enqueueMail } from '../../platform/mail/enqueue-mail.js';
import type { Person, personQuerySchema } from '../../../contracts/organisations.js';
import type { Role } from '../../../contracts/roles.js';
import { invitations, memberships, organisations, people } from './schema.js';
import { containsPattern, orderByOf, type RowWindow } from '../../platform/http/listing.js';

export type PersonFilters = Omit<z.infer<typeof personQuerySchema>, 'page' | 'pageSize'>;
/** null: every organisation; otherwise only these. */
export type VisibleOrganisations = readonly string[] | null;

export interface MembershipRow {
  organisationId: string;
  organisationName: string;
  roles: Role[];
}

export interface PersonRow {
  id: string;
  name: string;
  email: string;
  isActive: boolean;
  hasPassword: boolean;
  hasTwoFactor: boolean;
  createdAt: Date;
  /** Every organisation the person works for, also those the actor does not see (for the policy only). */
  organisationIds: string[];
  memberships: MembershipRow[];
}

const INVITATION_DAYS = 7;

/** The organisations whose memberships this actor may see or change, as the policy scopes them. */
export function visibleOrganisationsFor(actor: Actor, action: Action): VisibleOrganisations {
  const { scope } = scopeFor(actor, 'person', action);
  return scope.kind === 'none' ? [] : organisationIdsOf(scope);
}

export function personStatus(row: Pick<PersonRow, 'isActive' | 'hasPassword'>): Person['status'] {
  if (!row.isActive) return 'inactive';
  return row.hasPassword ? 'active' : 'invited';
}

export function toPerson(row: PersonRow, actor: Actor): Person {
  const target = { organisationIds: row.organisationIds };
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    isActive: row.isActive,
    status: personStatus(row),
    hasTwoFactor: row.hasTwoFactor,
    memberships: row.memberships,
    createdAt: row.createdAt.toISOString(),
    // Switching an account off affects every organisation it works for: the actor must reach them all.
    allowedActions: allowedActions(actor, {
      update: [{ resource: 'person', action: 'update', target }],
      deactivate: [{ resource: 'person', action: 'deactivate', target, every: true }],
    }),
  };
}

const personColumns = {
  id: people.id,
  name: people.name,
  email: people.email,
  isActive: people.isActive,
  // Whether a password or second factor exists, never the secrets themselves.
  hasPassword: sql<boolean>`${people.passwordHash} IS NOT NULL`,
  hasTwoFactor: sql<boolean>`${people.totpEnabledAt} IS NOT NULL`,
  createdAt: people.createdAt,
  organisationIds: sql<string[]>`ARRAY(SELECT ${memberships.organisationId}::text FROM ${memberships} WHERE ${memberships.personId} = ${people.id} AND ${memberships.isActive})`,
};

function hasMembershipIn(organisationIds: readonly string[]): SQL {
  return sql`EXISTS (SELECT 1 FROM ${memberships} WHERE ${memberships.personId} = ${people.id} AND ${memberships.isActive} AND ${inArray(memberships.organisationId, [...organisationIds])})`;
}

function personConditions(visible: VisibleOrganisations, filters: PersonFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (visible !== null) {
    if (visible.length === 0) return sql`false`;
    conditions.push(hasMembershipIn(visible));
  }
  if (filters.organisationId) conditions.push(hasMembershipIn([filters.organisationId]));
  if (!filters.includeInactive) conditions.push(eq(people.isActive, true));
  if (filters.q) {
    const pattern = containsPattern(filters.q);
    conditions.push(or(ilike(people.name, pattern), ilike(people.email, pattern))!);
  }
  return conditions.length ? and(...conditions) : undefined;
}

async function membershipsOfPeople(
  tx: Executor,
  personIds: readonly string[],
  visible: VisibleOrganisations,
): Promise<Map<string, MembershipRow[]>> {
  const byPerson = new Map<string, MembershipRow[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0 || visible?.length === 0) return byPerson;
  const conditions = [inArray(memberships.personId, [...personIds]), eq(memberships.isActive, true)];
  if (visible !== null) conditions.push(inArray(memberships.organisationId, [...visible]));
  const rows = await tx
    .select({
      personId: memberships.personId,
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      roles: memberships.roles,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(...conditions))
    .orderBy(asc(organisations.name));
  for (const { personId, ...membership } of rows) byPerson.get(personId)?.push(membership);
  return byPerson;
}

export async function findPeople(
  tx: Executor,
  visible: VisibleOrganisations,
  filters: PersonFilters,
  window: RowWindow,
): Promise<{ rows: PersonRow[]; total: number }> {
  const where = personConditions(visible, filters);
  const [counted] = await tx.select({ total: sql<number>`count(*)::int` }).from(people).where(where);
  const found = await tx
    .select(personColumns)
    .from(people)
    .where(where)
    .orderBy(...orderByOf(filters.sorteer, { name: people.name, email: people.email, createdAt: people.createdAt }, [asc(people.name)], people.id))
    .limit(window.limit)
    .offset(window.offset);
  const membershipsByPerson = await membershipsOfPeople(tx, found.map((row) => row.id), visible);
  return {
    rows: found.map((row) => ({ ...row, memberships: membershipsByPerson.get(row.id) ?? [] })),
    total: counted?.total ?? 0,
  };
}

export async function findPerson(tx: Executor, id: string, visible: VisibleOrganisations): Promise<PersonRow | null> {
  const [row] = await tx.select(personColumns).from(people).where(eq(people.id, id));
  if (!row) return null;
  const membershipsByPerson = await membershipsOfPeople(tx, [id], visible);
  return { ...row, memberships: membershipsByPerson.get(id) ?? [] };
}

/** A person belongs to every organisation they have a membership in. */
export async function locatePerson(tx: Executor, id: string): Promise<Target | null> {
  const [person] = await tx.select({ id: people.id }).from(people).where(eq(people.id, id));
  if (!person) return null;
  const rows = await tx
    .select({ organisationId: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.personId, id), eq(memberships.isActive, true)));
  return { organisationIds: rows.map((row) => row.organisationId) };
}

/** Refuses an e-mail address another account already has (checked first, and caught at the unique index). */
export async function assertEmailAvailable(tx: Executor, email: string, exceptPersonId?: string): Promise<void> {
  const conditions = [eq(people.email, email)];
  if (exceptPersonId) conditions.push(ne(people.id, exceptPersonId));
  const [taken] = await tx.select({ id: people.id }).from(people).where(and(...conditions)).limit(1);
  if (taken) throw new AppError('duplicate_email');
}

/** Turns a concurrent insert that hit the unique e-mail index into the same 409 as the check. */
export function rethrowDuplicateEmail(error: unknown): never {
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
    const { code, constraint } = cause as { code?: string; constraint?: string };
    if (code === '23505' && (constraint === undefined || constraint === 'people_email_unique')) {
      throw new AppError('duplicate_email');
    }
  }
  throw error;
}

export interface InvitationLink {
  invitationUrl: string;
  expiresAt: string;
}

/**
 * Issues a fresh invitation link. Earlier unused links stop working (they expire now), so only the
 * latest link a person received can set their password. Only the token's hash is stored.
 */
export async function issueInvitation(
  tx: Executor,
  personId: string,
  /** Null when no person made it: the first administrator, created from the command line. */
  createdBy: string | null,
  now: Date,
  publicUrl: string,
): Promise<InvitationLink> {
  await tx
    .update(invitations)
    .set({ expiresAt: now })
    .where(and(eq(invitations.personId, personId), isNull(invitations.usedAt), gt(invitations.expiresAt, now)));
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 3600_000);
  await tx.insert(invitations).values({ personId, tokenHash: hashToken(token), createdBy, expiresAt, createdAt: now });
  return { invitationUrl: `${publicUrl}${invitationPath(token)}`, expiresAt: expiresAt.toISOString() };
}

const invitationPath = (token: string) => `/uitnodiging/${token}`;

/**
 * Issues a fresh invitation link (issueInvitation) and mails it to the invitee (issue 16): the link is
 * the invitation, so it is in the mail; nothing else is (no client data, no name). Queued in this
 * transaction, sent by the mail worker; the admin still sees the link to pass it on by hand.
 */
export async function issueAndMailInvitation(tx: Executor, person: { id: string; email: string }, createdBy: string, now: Date, publicUrl: string): Promise<InvitationLink> {
  const invitation = await issueInvitation(tx, person.id, createdBy, now, publicUrl);
  const token = invitation.invitationUrl.slice(invitation.invitationUrl.lastIndexOf('/') + 1);
  // In her language: Dutch for someone new, what she chose for a person invited again.
  const [chosen] = await tx.select({ language: people.preferredLanguage }).from(people).where(eq(people.id, person.id));
  await enqueueMail(
    tx,
    { template: 'invitation', toAddress: person.email, toPersonId: person.id, linkPath: invitationPath(token), locale: chosen?.language ?? 'nl', dedupeKey: `invitation:${hashToken(token)}` },
    now,
  );
  return invitation;
}

// SPDX-License-Identifier: EUPL-1.2
// Queries of the auth feature. Identity checks read people and memberships directly rather than
// through the scoped store: before login there is no actor yet, and afterwards a person only
// reads their own account here. The use-cases write their own audit rows.
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import { memberships, organisations, people } from '../organisations/schema.js';
import type { Role } from '../../../contracts/roles.js';

export interface AccountRecord {
  id: string;
  name: string;
  email: string;
  isActive: boolean;
  passwordHash: string | null;
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  totpLastStep: number | null;
  oidcSubject: string | null;
}

const accountColumns = {
  id: people.id,
  name: people.name,
  email: people.email,
  isActive: people.isActive,
  passwordHash: people.passwordHash,
  totpSecret: people.totpSecret,
  totpEnabledAt: people.totpEnabledAt,
  totpLastStep: people.totpLastStep,
  oidcSubject: people.oidcSubject,
};

/** E-mail addresses are stored lower-case. */
export async function findAccountByEmail(db: Executor, email: string): Promise<AccountRecord | undefined> {
  const [row] = await db.select(accountColumns).from(people).where(eq(people.email, email.trim().toLowerCase()));
  return row;
}

export async function findAccountById(db: Executor, personId: string): Promise<AccountRecord | undefined> {
  const [row] = await db.select(accountColumns).from(people).where(eq(people.id, personId));
  return row;
}

export async function findAccountByOidcSubject(db: Executor, subject: string): Promise<AccountRecord | undefined> {
  const [row] = await db.select(accountColumns).from(people).where(eq(people.oidcSubject, subject));
  return row;
}

export interface ActiveMembership {
  organisationId: string;
  organisationName: string;
  roles: Role[];
}

/** The organisations a person may act for now (membership and organisation both active), by name. */
export async function activeMembershipsOf(db: Executor, personId: string): Promise<ActiveMembership[]> {
  return db
    .select({ organisationId: organisations.id, organisationName: organisations.name, roles: memberships.roles })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.personId, personId), eq(memberships.isActive, true), eq(organisations.isActive, true)))
    .orderBy(asc(organisations.name), asc(organisations.id));
}

/** Runs work in one transaction, typed as the Executor every query helper takes. */
export function inTransaction<T>(db: Executor, work: (tx: Executor) => Promise<T>): Promise<T> {
  return db.transaction((transaction) => work(transaction as unknown as Executor));
}

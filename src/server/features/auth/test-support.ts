// SPDX-License-Identifier: EUPL-1.2
// Shared set-up for the auth tests (not a test file itself): extra people and direct lookups.
import { desc, eq } from 'drizzle-orm';
import { hashPassword } from '../../platform/auth/password.js';
import { newToken } from '../../platform/auth/tokens.js';
import { auditLog } from '../../platform/audit/schema.js';
import { memberships, people } from '../organisations/schema.js';
import type { Role } from '../../../contracts/roles.js';
import type { TestApp } from '../../../../test/helpers/test-app.js';
import type { DemoAccount } from '../../demo/seed-demo.js';

export const API = '/api/v1';

/** Quick settings for auth tests: a generous per-IP limit, so only the lockout tests lock. */
export const AUTH_TEST_ENV = { AUTH_RATE_LIMIT_PER_MINUTE: '1000' };

export function demoAccount(t: TestApp, key: string): DemoAccount {
  const account = t.demo.accounts.find((candidate) => candidate.key === key);
  if (!account) throw new Error(`unknown demo account ${key}`);
  return account;
}

export interface ExtraPerson {
  id: string;
  email: string;
  password: string | null;
}

/** A new person with roles in demo organisations, a password (unless null) and no TOTP. */
export async function createPerson(
  t: TestApp,
  options: { memberships: { organisation: string; roles: Role[] }[]; hasPassword?: boolean; isActive?: boolean },
): Promise<ExtraPerson> {
  const email = `medewerker-${newToken(6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}@kansrijk.test`;
  const password = options.hasPassword === false ? null : `Test-${newToken(12)}`;
  const [row] = await t.database.db
    .insert(people)
    .values({
      name: 'Test Medewerker',
      email,
      isActive: options.isActive ?? true,
      passwordHash: password ? await hashPassword(password) : null,
    })
    .returning({ id: people.id });
  if (options.memberships.length > 0) {
    await t.database.db.insert(memberships).values(
      options.memberships.map((membership) => ({
        personId: row!.id,
        organisationId: t.demo.organisationIds[membership.organisation]!,
        roles: membership.roles,
      })),
    );
  }
  return { id: row!.id, email, password };
}

export async function personIdOf(t: TestApp, email: string): Promise<string> {
  const [row] = await t.database.db.select({ id: people.id }).from(people).where(eq(people.email, email));
  return row!.id;
}

export async function latestAuditRows(t: TestApp, count: number) {
  return t.database.db.select().from(auditLog).orderBy(desc(auditLog.sequence)).limit(count);
}

export async function allAuditText(t: TestApp): Promise<string> {
  return JSON.stringify(await t.database.db.select().from(auditLog));
}

// SPDX-License-Identifier: EUPL-1.2
// Sessions for HTTP tests that are not about logging in: a real session row, made directly.
import { eq } from 'drizzle-orm';
import { people } from '../../src/server/features/organisations/schema.js';
import { sessions } from '../../src/server/features/auth/schema.js';
import { newToken, hashToken } from '../../src/server/platform/auth/tokens.js';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../../src/server/platform/auth/session.js';
import type { TestApp } from './test-app.js';

export interface TestSession {
  sessionId: string;
  personId: string;
  organisationId: string | null;
  /** Headers for app.inject: session cookie, CSRF cookie and the matching CSRF header. */
  headers: Record<string, string>;
}

const CSRF_FOR_TESTS = 'test-csrf-token-0123456789';

/** Headers with only the CSRF pair (for anonymous state-changing requests). */
export const anonymousHeaders: Record<string, string> = {
  cookie: `${CSRF_COOKIE}=${CSRF_FOR_TESTS}`,
  [CSRF_HEADER]: CSRF_FOR_TESTS,
};

/**
 * A fully logged-in session for a demo person (by key, e.g. 'platformAdmin'), acting for the given
 * demo organisation (by key; default: their first membership).
 */
export async function sessionFor(
  t: TestApp,
  personKey: string,
  organisationKey?: string,
  stage: 'active' | 'second_factor' | 'enrolment' = 'active',
): Promise<TestSession> {
  const account = t.demo.accounts.find((candidate) => candidate.key === personKey);
  if (!account) throw new Error(`unknown demo person ${personKey}`);
  const [person] = await t.database.db.select({ id: people.id }).from(people).where(eq(people.email, account.email));
  const organisationId = t.demo.organisationIds[organisationKey ?? account.organisations[0]!] ?? null;
  const token = newToken();
  const now = t.clock.now();
  const [row] = await t.database.db
    .insert(sessions)
    .values({
      tokenHash: hashToken(token),
      personId: person!.id,
      organisationId,
      stage,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 12 * 3600_000),
    })
    .returning({ id: sessions.id });
  return {
    sessionId: row!.id,
    personId: person!.id,
    organisationId,
    headers: { cookie: `${SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${CSRF_FOR_TESTS}`, [CSRF_HEADER]: CSRF_FOR_TESTS },
  };
}

// SPDX-License-Identifier: EUPL-1.2
// Logging in through the real HTTP flow (password, then TOTP), for tests that need a session made
// exactly as a browser would get it. For tests that are not about logging in, sessionFor() in
// sessions.ts is quicker (no argon2, no rate limit).
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { currentTotpCode } from '../../src/server/platform/auth/totp.js';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../../src/server/platform/auth/session.js';
import type { Clock } from '../../src/server/platform/clock.js';
import type { SessionInfo } from '../../src/contracts/auth.js';

export interface LoggedIn {
  /** Headers for app.inject: session cookie, CSRF cookie and the matching CSRF header. */
  headers: Record<string, string>;
  session: SessionInfo;
}

const CSRF_TOKEN = 'login-helper-csrf-token-0123456789';

/** Headers of a browser that has a CSRF cookie and, when given, a session cookie. */
export function browserHeaders(sessionToken?: string): Record<string, string> {
  const cookie = sessionToken ? `${SESSION_COOKIE}=${sessionToken}; ${CSRF_COOKIE}=${CSRF_TOKEN}` : `${CSRF_COOKIE}=${CSRF_TOKEN}`;
  return { cookie, [CSRF_HEADER]: CSRF_TOKEN };
}

/** The session token a response set, if any. */
export function sessionTokenOf(response: LightMyRequestResponse): string | undefined {
  const cookie = response.cookies.find((candidate) => candidate.name === SESSION_COOKIE);
  return cookie && cookie.value !== '' ? cookie.value : undefined;
}

function expectOk(response: LightMyRequestResponse, step: string) {
  if (response.statusCode !== 200) throw new Error(`${step} failed: ${response.statusCode} ${response.body}`);
}

/**
 * Logs in with password and (when a TOTP secret is given and asked for) a TOTP code. Returns the
 * headers and the session; its stage is 'enrolment' for someone who still has to enrol 2FA.
 *
 * A TOTP code is accepted once per 30-second step: logging in the same person again within a step
 * uses the next step's code, and a third time needs `clock.advance(30_000)` first.
 */
export async function loginWithPasswordDetailed(
  app: FastifyInstance,
  email: string,
  password: string,
  totpSecret: string | null,
  clock: Clock,
): Promise<LoggedIn> {
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: browserHeaders(), payload: { email, password } });
  expectOk(login, 'password login');
  let token = sessionTokenOf(login)!;
  let session = login.json() as SessionInfo;
  if (session.stage === 'second_factor') {
    if (!totpSecret) throw new Error('this account asks for a TOTP code but no secret was given');
    let verified: LightMyRequestResponse | undefined;
    for (const offsetMs of [0, 30_000]) {
      const code = await currentTotpCode(totpSecret, new Date(clock.now().getTime() + offsetMs));
      verified = await app.inject({ method: 'POST', url: '/api/v1/auth/second-factor', headers: browserHeaders(token), payload: { code } });
      if (verified.statusCode === 200) break;
    }
    expectOk(verified!, 'second factor');
    token = sessionTokenOf(verified!)!;
    session = verified!.json() as SessionInfo;
  }
  return { headers: browserHeaders(token), session };
}

/** As loginWithPasswordDetailed, returning only the headers for later requests. */
export async function loginWithPassword(
  app: FastifyInstance,
  email: string,
  password: string,
  totpSecret: string | null,
  clock: Clock,
): Promise<Record<string, string>> {
  return (await loginWithPasswordDetailed(app, email, password, totpSecret, clock)).headers;
}

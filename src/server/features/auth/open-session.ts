// SPDX-License-Identifier: EUPL-1.2
// Starting a session after a first factor (password, invitation, OIDC): which stage it starts in,
// which organisation it acts for, and what the client gets back.
import { requiresTwoFactor } from '../../../contracts/roles.js';
import type { SessionInfo } from '../../../contracts/auth.js';
import type { Executor } from '../../platform/db/connection.js';
import { startSession, type SessionStage } from '../../platform/auth/session.js';
import { clearLoginFailures, throttleKeyFor } from '../../platform/auth/login-throttle.js';
import type { AuthContext } from './auth-context.js';
import { loadSessionInfo } from './session-info.js';
import { activeMembershipsOf, type AccountRecord, type ActiveMembership } from './store.js';

/** What a route needs to answer: the cookie value and its lifetime, and the session as shown. */
export interface SessionGrant {
  token: string;
  expiresAt: Date;
  info: SessionInfo;
}

/**
 * Enrolled TOTP is always asked for. Without it, anyone holding a role that can see personal data
 * (in any organisation, since they can switch) must enrol first; aggregate-only people go straight in.
 */
export function stageAfterFirstFactor(account: Pick<AccountRecord, 'totpEnabledAt'>, memberships: ActiveMembership[]): SessionStage {
  if (account.totpEnabledAt) return 'second_factor';
  const allRoles = memberships.flatMap((membership) => membership.roles);
  return requiresTwoFactor(allRoles) ? 'enrolment' : 'active';
}

export interface OpenedSession extends SessionGrant {
  sessionId: string;
  organisationId: string | null;
  roles: string[];
}

/** Must run in the caller's transaction, together with its audit row. */
export async function openSession(
  tx: Executor,
  ctx: AuthContext,
  account: AccountRecord,
  options: { stage?: SessionStage } = {},
): Promise<OpenedSession> {
  const memberships = await activeMembershipsOf(tx, account.id);
  const stage = options.stage ?? stageAfterFirstFactor(account, memberships);
  const first = memberships[0];
  const issued = await startSession(
    tx,
    { personId: account.id, organisationId: first?.organisationId ?? null, stage, ...ctx.origin },
    ctx.config,
    ctx.now,
  );
  // Failures are forgotten only when no further factor is due: otherwise a known password would
  // reset the count before each round of guessing second-factor codes.
  if (stage !== 'second_factor') await clearLoginFailures(tx, throttleKeyFor(account.email));
  return {
    sessionId: issued.id,
    token: issued.token,
    expiresAt: issued.expiresAt,
    organisationId: first?.organisationId ?? null,
    roles: first?.roles ?? [],
    info: await loadSessionInfo(tx, issued.id, ctx.config),
  };
}

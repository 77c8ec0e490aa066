// SPDX-License-Identifier: EUPL-1.2
// OIDC login maps the provider's identity onto an EXISTING active person: first by a subject linked
// before, else by e-mail address (then linking the subject). It never creates people.
import { and, eq, isNull } from 'drizzle-orm';
import { finishOidcLogin, type OidcConfig, type OidcIdentity, type OidcPendingLogin } from '../../platform/auth/oidc.js';
import { people } from '../organisations/schema.js';
import type { AuthContext } from './auth-context.js';
import { auditAuthEventAlone, auditLogin } from './auth-audit.js';
import { openSession, type SessionGrant } from './open-session.js';
import { findAccountByEmail, findAccountByOidcSubject, inTransaction, type AccountRecord } from './store.js';

/** Null when the login did not lead to a session (the caller shows one generic message). */
export async function oidcLogin(
  ctx: AuthContext,
  oidc: OidcConfig,
  callbackQuery: string,
  pending: OidcPendingLogin | null,
): Promise<SessionGrant | null> {
  let identity: OidcIdentity;
  try {
    if (!pending) throw new Error('no pending login');
    identity = await finishOidcLogin(oidc, callbackQuery, pending);
  } catch {
    await auditAuthEventAlone(ctx, { action: 'login_failed', outcome: 'failure', personId: null, details: { method: 'oidc', reason: 'provider_response_invalid' } });
    return null;
  }
  const account = await matchAccount(ctx, identity);
  if (!account) {
    await auditAuthEventAlone(ctx, { action: 'login_failed', outcome: 'failure', personId: null, details: { method: 'oidc', reason: 'unknown_account' } });
    return null;
  }
  return inTransaction(ctx.db, async (tx) => {
    if (!account.oidcSubject) {
      await tx.update(people).set({ oidcSubject: identity.subject, updatedAt: ctx.now }).where(and(eq(people.id, account.id), isNull(people.oidcSubject)));
    }
    // A provider that enforces MFA itself may be trusted to; otherwise our own TOTP rules apply.
    const session = await openSession(tx, ctx, account, oidc.trustMfa ? { stage: 'active' } : {});
    await auditLogin(tx, ctx, account.id, session, 'oidc');
    return session;
  });
}

async function matchAccount(ctx: AuthContext, identity: OidcIdentity): Promise<AccountRecord | null> {
  const linked = await findAccountByOidcSubject(ctx.db, identity.subject);
  if (linked) return linked.isActive ? linked : null;
  if (!identity.email || !identity.isEmailVerified) return null;
  const byEmail = await findAccountByEmail(ctx.db, identity.email);
  // An account already linked to another subject is not taken over by a matching e-mail address.
  if (!byEmail || !byEmail.isActive || byEmail.oidcSubject) return null;
  return byEmail;
}

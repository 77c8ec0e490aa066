// SPDX-License-Identifier: EUPL-1.2
// A parent logs in through a DigiD-connected broker: the ID token must carry a BSN that passes the
// elfproef and a level of assurance of at least 'substantieel'; the BSN is matched to the parent's own
// file (the family in which it is the client's), or to a partner in a family (who has no file of their
// own here and sees only the children over whom they hold authority). Every outcome is audited; a refusal names its reason
// (a code) and never the BSN.
import { sql } from 'drizzle-orm';
import type { ParentLoginRefusal } from '../../../contracts/my-start.js';
import { exchangeOidcCode, type OidcClientConfig, type OidcPendingLogin } from '../../platform/auth/oidc.js';
import { appendAuditEvent, appendAuditEventAlone } from '../../platform/audit/audit-log.js';
import { queryRows } from '../../platform/db/connection.js';
import type { Config } from '../../config.js';
import { checkParentClaims } from './domain/login-claims.js';
import type { ParentContext } from './parent-access.js';
import { parentActorFields } from './parent-access.js';
import { startParentSession } from './parent-session.js';

export type ParentOidcConfig = NonNullable<Config['parentOidc']>;
export type ParentLoginResult = { isGranted: true; token: string; expiresAt: Date } | { isGranted: false; reason: ParentLoginRefusal };

/** The context of a login: there is no parent yet. */
export type ParentLoginContext = Omit<ParentContext, 'parent'>;

/**
 * Where this BSN is a parent in Kansrijk (families not merged away, oldest first): the families in
 * which it is the client's (their own files), and those in which it is a partner's — a partner has
 * no file of their own here, only the children over whom they hold authority.
 */
async function parentRowsOf(ctx: ParentLoginContext, bsn: string): Promise<{ memberId: string; familyId: string; role: 'client' | 'partner' }[]> {
  return queryRows<{ memberId: string; familyId: string; role: 'client' | 'partner' }>(
    ctx.db,
    sql`SELECT fm.id::text AS "memberId", fm.family_id::text AS "familyId", fm.role
      FROM family_members fm JOIN families f ON f.id = fm.family_id
      WHERE fm.bsn = ${bsn} AND fm.role IN ('client', 'partner') AND f.merged_into_id IS NULL
      ORDER BY fm.role = 'client' DESC, f.created_at, f.id`,
  );
}

async function refuse(ctx: ParentLoginContext, reason: ParentLoginRefusal): Promise<ParentLoginResult> {
  await appendAuditEventAlone(
    ctx.db,
    { action: 'login_failed', outcome: 'failure', objectType: 'family', details: { method: 'parent_oidc', reason }, ...ctx.origin },
    ctx.now,
  );
  return { isGranted: false, reason };
}

export async function parentLogin(
  ctx: ParentLoginContext,
  oidc: ParentOidcConfig,
  callbackQuery: string,
  pending: OidcPendingLogin | null,
): Promise<ParentLoginResult> {
  let claims: Record<string, unknown>;
  try {
    if (!pending) throw new Error('no pending login');
    claims = await exchangeOidcCode(oidc satisfies OidcClientConfig, callbackQuery, pending);
  } catch {
    return refuse(ctx, 'provider');
  }
  const check = checkParentClaims(claims, oidc);
  if (!check.isAccepted) return refuse(ctx, check.reason);
  const rows = await parentRowsOf(ctx, check.bsn);
  if (rows.length === 0) return refuse(ctx, 'no_file');
  const memberId = rows[0]!.memberId;
  const familyIds = [...new Set(rows.filter((row) => row.role === 'client').map((row) => row.familyId))];
  // The login is about the own file; a partner's is about their session only (not the other parent's file and log).
  const ownFamilyId = familyIds[0];
  return ctx.db.transaction(async (tx) => {
    const session = await startParentSession(tx, { memberId, familyIds, levelOfAssurance: check.level, origin: ctx.origin }, ctx.config, ctx.now);
    await appendAuditEvent(
      tx,
      {
        ...parentActorFields({ memberId }, ctx.origin),
        action: 'login',
        outcome: 'success',
        ...(ownFamilyId ? { objectType: 'family' as const, objectId: ownFamilyId, clientId: ownFamilyId } : { objectType: 'session' as const, objectId: session.id }),
        details: { method: 'parent_oidc', level: check.level },
      },
      ctx.now,
    );
    return { isGranted: true as const, token: session.token, expiresAt: session.expiresAt };
  });
}

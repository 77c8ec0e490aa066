// SPDX-License-Identifier: EUPL-1.2
// A parent logs in through a DigiD-connected broker: the ID token must carry a BSN that passes the
// elfproef and a level of assurance of at least 'substantieel'; the BSN is matched to the parent's own
// file (the family in which it is the client's). Every outcome is audited; a refusal names its reason
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

/** The parent's own files: every family (not merged away) in which this BSN is the client's, oldest first. */
async function ownFilesOf(ctx: ParentLoginContext, bsn: string): Promise<{ memberId: string; familyId: string }[]> {
  return queryRows<{ memberId: string; familyId: string }>(
    ctx.db,
    sql`SELECT fm.id::text AS "memberId", fm.family_id::text AS "familyId"
      FROM family_members fm JOIN families f ON f.id = fm.family_id
      WHERE fm.bsn = ${bsn} AND fm.role = 'client' AND f.merged_into_id IS NULL
      ORDER BY f.created_at, f.id`,
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
  const files = await ownFilesOf(ctx, check.bsn);
  if (files.length === 0) return refuse(ctx, 'no_file');
  const memberId = files[0]!.memberId;
  const familyIds = [...new Set(files.map((file) => file.familyId))];
  return ctx.db.transaction(async (tx) => {
    const session = await startParentSession(tx, { memberId, familyIds, levelOfAssurance: check.level, origin: ctx.origin }, ctx.config, ctx.now);
    await appendAuditEvent(
      tx,
      {
        ...parentActorFields({ memberId }, ctx.origin),
        action: 'login',
        outcome: 'success',
        objectType: 'family',
        objectId: familyIds[0]!,
        clientId: familyIds[0]!,
        details: { method: 'parent_oidc', level: check.level },
      },
      ctx.now,
    );
    return { isGranted: true as const, token: session.token, expiresAt: session.expiresAt };
  });
}

// SPDX-License-Identifier: EUPL-1.2
// POST /api/v1/oauth/token: OAuth 2.0 client credentials with a signed JWT client assertion
// (private_key_jwt, RFC 7523; SMART Backend Services and the NL GOV OAuth profile). Issues an opaque
// access token of five minutes, stored as its hash so revoking the client ends it at once.
import { eq, lt } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Executor } from '../../platform/db/connection.js';
import type { RequestOrigin } from '../../platform/access/scoped-store.js';
import { appendAuditEventAlone } from '../../platform/audit/audit-log.js';
import { hashToken, newToken } from '../../platform/auth/tokens.js';
import { ACCESS_TOKEN_SECONDS, CLIENT_ASSERTION_TYPE, TOKEN_PATH } from '../../../contracts/api-clients.js';
import { organisations } from '../organisations/schema.js';
import { apiAccessTokens, apiClientAssertions, apiClients } from './schema.js';
import { decodeJwt, verifyJwtSignature } from './jwt.js';
import { keysOf } from './jwks.js';

export type OAuthError = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'invalid_scope' | 'unsupported_grant_type';

export type TokenResult =
  | { ok: true; body: { access_token: string; token_type: 'Bearer'; expires_in: number; scope: string } }
  | { ok: false; status: 400 | 401; body: { error: OAuthError; error_description: string } };

/** An assertion may live at most this long (SMART Backend Services: exp no more than five minutes ahead). */
const MAX_ASSERTION_SECONDS = 300;
/** Clocks differ a little. */
const CLOCK_SKEW_SECONDS = 30;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function tokenEndpointUrl(config: Config, prefix: string): string {
  return `${config.publicUrl.replace(/\/$/, '')}${prefix}${TOKEN_PATH}`;
}

const refuse = (status: 400 | 401, error: OAuthError, description: string): TokenResult => ({ ok: false, status, body: { error, error_description: description } });

export interface TokenRequestContext {
  db: Executor;
  now: Date;
  origin: RequestOrigin;
  /** The token endpoint's own URL: the only audience accepted. */
  audience: string;
}

function single(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export async function issueToken(ctx: TokenRequestContext, form: Record<string, unknown>): Promise<TokenResult> {
  const grantType = single(form.grant_type);
  if (!grantType) return refuse(400, 'invalid_request', 'grant_type ontbreekt.');
  if (grantType !== 'client_credentials') return refuse(400, 'unsupported_grant_type', 'Alleen grant_type=client_credentials.');
  if (single(form.client_assertion_type) !== CLIENT_ASSERTION_TYPE || !single(form.client_assertion)) {
    return refuse(400, 'invalid_request', `client_assertion_type=${CLIENT_ASSERTION_TYPE} en client_assertion zijn verplicht.`);
  }
  const jwt = decodeJwt(single(form.client_assertion)!);
  if (!jwt) return refuse(401, 'invalid_client', 'De client_assertion is geen ondertekende JWT.');
  const { payload } = jwt;
  const clientId = payload.iss;
  if (typeof clientId !== 'string' || !UUID.test(clientId) || payload.sub !== clientId) {
    return refuse(401, 'invalid_client', 'iss en sub moeten allebei het client-id zijn.');
  }
  const [client] = await ctx.db
    .select({
      id: apiClients.id,
      organisationId: apiClients.organisationId,
      roles: apiClients.roles,
      scopes: apiClients.scopes,
      publicJwk: apiClients.publicJwk,
      jwksUrl: apiClients.jwksUrl,
      expiresAt: apiClients.expiresAt,
      revokedAt: apiClients.revokedAt,
      organisationIsActive: organisations.isActive,
    })
    .from(apiClients)
    .innerJoin(organisations, eq(organisations.id, apiClients.organisationId))
    .where(eq(apiClients.id, clientId))
    .limit(1);
  if (!client) return refuse(401, 'invalid_client', 'Onbekende client.');
  const failed = async (status: 400 | 401, error: OAuthError, reason: string, description: string) => {
    await appendAuditEventAlone(
      ctx.db,
      { actorId: client.id, organisationId: client.organisationId, role: 'system', action: 'login_failed', outcome: 'failure', objectType: 'api_client', objectId: client.id, details: { reason }, ...ctx.origin },
      ctx.now,
    );
    return refuse(status, error, description);
  };
  if (client.revokedAt) return failed(401, 'invalid_client', 'revoked', 'Deze client is ingetrokken.');
  if (client.expiresAt <= ctx.now || !client.organisationIsActive) return failed(401, 'invalid_client', 'expired', 'Deze client is verlopen of de organisatie is niet actief.');

  const keys = await keysOf(client, jwt.header.kid);
  if (!keys.some((key) => verifyJwtSignature(jwt, key))) return failed(401, 'invalid_client', 'signature', 'De handtekening klopt niet met de geregistreerde sleutel.');
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audiences.includes(ctx.audience)) return failed(401, 'invalid_client', 'audience', `aud moet ${ctx.audience} zijn.`);
  const nowSeconds = Math.floor(ctx.now.getTime() / 1000);
  const exp = payload.exp;
  if (typeof exp !== 'number' || exp <= nowSeconds - CLOCK_SKEW_SECONDS) return failed(401, 'invalid_client', 'expired_assertion', 'De client_assertion is verlopen.');
  if (exp > nowSeconds + MAX_ASSERTION_SECONDS + CLOCK_SKEW_SECONDS) return failed(401, 'invalid_client', 'assertion_too_long', 'exp ligt meer dan 5 minuten vooruit.');
  if (typeof payload.nbf === 'number' && payload.nbf > nowSeconds + CLOCK_SKEW_SECONDS) return failed(401, 'invalid_client', 'not_yet_valid', 'De client_assertion is nog niet geldig.');
  const jti = payload.jti;
  if (typeof jti !== 'string' || jti.length === 0 || jti.length > 200) return failed(401, 'invalid_client', 'jti', 'jti ontbreekt.');

  const requested = (single(form.scope) ?? '').split(' ').filter(Boolean);
  const scopes = requested.length > 0 ? [...new Set(requested)] : client.scopes;
  if (scopes.some((scope) => !client.scopes.includes(scope))) return failed(400, 'invalid_scope', 'scope', 'Een gevraagde scope is niet aan deze client toegekend.');

  const token = newToken(32);
  const expiresAt = new Date(ctx.now.getTime() + ACCESS_TOKEN_SECONDS * 1000);
  const issued = await ctx.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Executor;
    // Housekeeping: assertions and tokens past their end are of no use any more.
    await tx.delete(apiClientAssertions).where(lt(apiClientAssertions.expiresAt, ctx.now));
    await tx.delete(apiAccessTokens).where(lt(apiAccessTokens.expiresAt, ctx.now));
    const stored = await tx
      .insert(apiClientAssertions)
      .values({ clientId: client.id, jti, expiresAt: new Date((exp + CLOCK_SKEW_SECONDS) * 1000) })
      .onConflictDoNothing()
      .returning({ jti: apiClientAssertions.jti });
    if (stored.length === 0) return false;
    await tx.insert(apiAccessTokens).values({ tokenHash: hashToken(token), clientId: client.id, scopes, issuedAt: ctx.now, expiresAt });
    return true;
  });
  if (!issued) return failed(401, 'invalid_client', 'replay', 'Deze client_assertion (jti) is al gebruikt.');
  await appendAuditEventAlone(
    ctx.db,
    { actorId: client.id, organisationId: client.organisationId, role: 'system', action: 'login', outcome: 'success', objectType: 'api_client', objectId: client.id, details: { scopes }, ...ctx.origin },
    ctx.now,
  );
  return { ok: true, body: { access_token: token, token_type: 'Bearer', expires_in: ACCESS_TOKEN_SECONDS, scope: scopes.join(' ') } };
}


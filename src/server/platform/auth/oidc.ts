// SPDX-License-Identifier: EUPL-1.2
// Optional OIDC login with an external identity provider (authorization code flow with PKCE, state
// and nonce). The provider only proves who someone is; Kansrijk decides whether they have an account.
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import type { Config } from '../../config.js';
import { safeEqual } from './tokens.js';

export type OidcConfig = NonNullable<Config['oidc']>;
/** What every OIDC client of Kansrijk has: professionals' login, and parents' login through a broker. */
export type OidcClientConfig = Pick<OidcConfig, 'issuer' | 'clientId' | 'clientSecret' | 'redirectUri' | 'stateSecret'>;

/** What the authorization request asks for besides the flow's own parameters. */
export interface OidcRequest {
  scope: string;
  /** Requested authentication context classes (e.g. a minimum level of assurance), space-separated. */
  acrValues?: string;
}
const PROFESSIONAL_REQUEST: OidcRequest = { scope: 'openid email profile' };

export const OIDC_STATE_COOKIE = 'kr_oidc';
export const OIDC_STATE_MAX_AGE_SECONDS = 600;

const providers = new Map<string, Promise<client.Configuration>>();

/** Discovers the provider once per process; a failed discovery is retried on the next login. */
export function oidcProvider(oidc: OidcClientConfig): Promise<client.Configuration> {
  const key = `${oidc.issuer}|${oidc.clientId}`;
  let provider = providers.get(key);
  if (!provider) {
    const authentication = oidc.clientSecret ? client.ClientSecretBasic(oidc.clientSecret) : client.None();
    // Plain http only for a provider on this machine (development and tests).
    const isLocal = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(oidc.issuer);
    provider = client.discovery(new URL(oidc.issuer), oidc.clientId, undefined, authentication, {
      ...(isLocal ? { execute: [client.allowInsecureRequests] } : {}),
      timeout: 10,
    });
    providers.set(key, provider);
    provider.catch(() => providers.delete(key));
  }
  return provider;
}

export interface OidcPendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Epoch milliseconds after which the callback is refused. */
  expiresAt: number;
}

export async function startOidcLogin(
  oidc: OidcClientConfig,
  now: Date,
  request: OidcRequest = PROFESSIONAL_REQUEST,
): Promise<{ redirectUrl: URL; pending: OidcPendingLogin }> {
  const provider = await oidcProvider(oidc);
  const pending: OidcPendingLogin = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
    expiresAt: now.getTime() + OIDC_STATE_MAX_AGE_SECONDS * 1000,
  };
  const redirectUrl = client.buildAuthorizationUrl(provider, {
    redirect_uri: oidc.redirectUri,
    scope: request.scope,
    ...(request.acrValues ? { acr_values: request.acrValues } : {}),
    code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  });
  return { redirectUrl, pending };
}

export interface OidcIdentity {
  subject: string;
  email: string | null;
  isEmailVerified: boolean;
}

/** Exchanges the code and validates the ID token (signature, issuer, audience, nonce, PKCE, state); returns its claims. */
export async function exchangeOidcCode(oidc: OidcClientConfig, callbackQuery: string, pending: OidcPendingLogin): Promise<Record<string, unknown> & { sub: string }> {
  const provider = await oidcProvider(oidc);
  // Built from the configured redirect URI, not from the Host header of the request.
  const currentUrl = new URL(oidc.redirectUri);
  currentUrl.search = callbackQuery;
  const tokens = await client.authorizationCodeGrant(provider, currentUrl, {
    pkceCodeVerifier: pending.codeVerifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('no ID token');
  return claims;
}

export async function finishOidcLogin(oidc: OidcConfig, callbackQuery: string, pending: OidcPendingLogin): Promise<OidcIdentity> {
  const claims = await exchangeOidcCode(oidc, callbackQuery, pending);
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null;
  return { subject: claims.sub, email, isEmailVerified: claims.email_verified !== false };
}

// The pending login lives in a short-lived HttpOnly cookie, signed (HMAC-SHA256) so it cannot be
// forged. The key is derived from a configured secret that every instance shares (OIDC_STATE_SECRET,
// else the client secret), so a login begun on one instance finishes on another. Only a public client
// without either outside production falls back to a key per process (configuration refuses that in
// production).
const stateKeys = new Map<string, Buffer>();
const processStateKey = randomBytes(32);

function stateKeyFor(oidc: OidcClientConfig): Buffer {
  const secret = oidc.stateSecret ?? oidc.clientSecret;
  if (!secret) return processStateKey;
  let key = stateKeys.get(secret);
  if (!key) {
    // A key of its own for this purpose: the state MAC never equals anything made with the secret itself.
    key = Buffer.from(hkdfSync('sha256', secret, 'kansrijk', 'oidc-login-state-v1', 32));
    stateKeys.set(secret, key);
  }
  return key;
}

function signature(oidc: OidcClientConfig, payload: string): string {
  return createHmac('sha256', stateKeyFor(oidc)).update(payload).digest('base64url');
}

export function sealPendingLogin(oidc: OidcClientConfig, pending: OidcPendingLogin): string {
  const payload = Buffer.from(JSON.stringify(pending)).toString('base64url');
  return `${payload}.${signature(oidc, payload)}`;
}

export function openPendingLogin(oidc: OidcClientConfig, cookie: string | undefined, now: Date): OidcPendingLogin | null {
  const [payload, mac] = cookie?.split('.') ?? [];
  if (!payload || !mac || !safeEqual(mac, signature(oidc, payload))) return null;
  try {
    const pending = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as OidcPendingLogin;
    return typeof pending.expiresAt === 'number' && pending.expiresAt > now.getTime() ? pending : null;
  } catch {
    return null;
  }
}

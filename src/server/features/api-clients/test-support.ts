// SPDX-License-Identifier: EUPL-1.2
// For tests of machine access: a public key as JWK, a signed client assertion (RFC 7523), and the
// token request an integration sends.
import { randomUUID, sign, type KeyObject } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { CLIENT_ASSERTION_TYPE } from '../../../contracts/api-clients.js';

export const jwkOf = (key: KeyObject, kid: string) => ({ ...(key.export({ format: 'jwk' }) as Record<string, unknown>), kid });

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signJwt(privateKey: KeyObject, alg: 'RS384' | 'RS256' | 'ES256', payload: Record<string, unknown>, kid?: string): string {
  const input = `${b64({ alg, typ: 'JWT', ...(kid ? { kid } : {}) })}.${b64(payload)}`;
  const signature =
    alg === 'ES256'
      ? sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' })
      : sign(alg === 'RS384' ? 'sha384' : 'sha256', Buffer.from(input), privateKey);
  return `${input}.${signature.toString('base64url')}`;
}

/** The claims of a client assertion valid for four minutes from `now`. */
export function assertionClaims(clientId: string, audience: string, now: Date, changes: Record<string, unknown> = {}) {
  const seconds = Math.floor(now.getTime() / 1000);
  return { iss: clientId, sub: clientId, aud: audience, exp: seconds + 240, iat: seconds, jti: randomUUID(), ...changes };
}

export function tokenRequest(app: FastifyInstance, assertion: string, scope?: string) {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: assertion });
  if (scope !== undefined) form.set('scope', scope);
  return app.inject({ method: 'POST', url: '/api/v1/oauth/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
}

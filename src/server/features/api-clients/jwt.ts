// SPDX-License-Identifier: EUPL-1.2
// JSON Web Keys and signed JWTs with node:crypto only (no new dependency): the public key check at
// registration, and the signature check of a client assertion (RFC 7515, RFC 7523).
import { constants, createPublicKey, verify, type KeyObject } from 'node:crypto';

/**
 * The signature algorithms accepted (SMART Backend Services asks for RS384 and ES384; NL GOV allows
 * RS256/PS256/ES256). Never 'none', never an HMAC (the server holds no shared secret).
 */
const ALGORITHMS = {
  RS256: { kty: 'RSA', hash: 'sha256' },
  RS384: { kty: 'RSA', hash: 'sha384' },
  PS256: { kty: 'RSA', hash: 'sha256', pss: 32 },
  PS384: { kty: 'RSA', hash: 'sha384', pss: 48 },
  ES256: { kty: 'EC', hash: 'sha256', crv: 'P-256' },
  ES384: { kty: 'EC', hash: 'sha384', crv: 'P-384' },
} as const;
type Algorithm = keyof typeof ALGORITHMS;
/** The algorithms a client assertion may be signed with (published in the SMART configuration). */
export const SIGNING_ALGORITHMS = Object.keys(ALGORITHMS) as Algorithm[];

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
const MIN_RSA_BITS = 2048;

export type JwkProblem = 'private_key' | 'unsupported_key' | 'weak_key' | 'invalid_key';

/** Checks a public JWK as registration accepts it: RSA ≥ 2048 bits or EC P-256/P-384, no private members. */
export function checkPublicJwk(jwk: Record<string, unknown>): { ok: true; key: KeyObject } | { ok: false; problem: JwkProblem } {
  if (PRIVATE_MEMBERS.some((member) => member in jwk)) return { ok: false, problem: 'private_key' };
  if (jwk.kty !== 'RSA' && jwk.kty !== 'EC') return { ok: false, problem: 'unsupported_key' };
  if (jwk.kty === 'EC' && jwk.crv !== 'P-256' && jwk.crv !== 'P-384') return { ok: false, problem: 'unsupported_key' };
  let key: KeyObject;
  try {
    key = createPublicKey({ key: jwk as never, format: 'jwk' });
  } catch {
    return { ok: false, problem: 'invalid_key' };
  }
  if (jwk.kty === 'RSA' && (key.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_RSA_BITS) return { ok: false, problem: 'weak_key' };
  return { ok: true, key };
}

/** Only the public members of a JWK are stored. */
export function publicMembersOf(jwk: Record<string, unknown>): Record<string, unknown> {
  const keep = jwk.kty === 'RSA' ? ['kty', 'kid', 'alg', 'use', 'n', 'e'] : ['kty', 'kid', 'alg', 'use', 'crv', 'x', 'y'];
  return Object.fromEntries(keep.filter((name) => typeof jwk[name] === 'string').map((name) => [name, jwk[name]]));
}

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: Buffer;
  signature: Buffer;
}

function decodePart(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Splits a compact JWS; null when it is not one (three base64url parts, JSON header and payload). */
export function decodeJwt(token: string): DecodedJwt | null {
  if (token.length > 16_384) return null;
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]*$/.test(part))) return null;
  const header = decodePart(parts[0]!);
  const payload = decodePart(parts[1]!);
  if (!header || !payload) return null;
  return { header, payload, signingInput: Buffer.from(`${parts[0]}.${parts[1]}`), signature: Buffer.from(parts[2]!, 'base64url') };
}

/** Does the signature hold under this public JWK, with an algorithm that fits the key? */
export function verifyJwtSignature(jwt: DecodedJwt, jwk: Record<string, unknown>): boolean {
  const name = jwt.header.alg;
  if (typeof name !== 'string' || !(name in ALGORITHMS)) return false;
  const algorithm = ALGORITHMS[name as Algorithm];
  if (jwk.kty !== algorithm.kty) return false;
  if ('crv' in algorithm && jwk.crv !== algorithm.crv) return false;
  if (typeof jwk.alg === 'string' && jwk.alg !== name) return false;
  const checked = checkPublicJwk(jwk);
  if (!checked.ok) return false;
  try {
    if ('pss' in algorithm) {
      return verify(algorithm.hash, jwt.signingInput, { key: checked.key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: algorithm.pss }, jwt.signature);
    }
    if (algorithm.kty === 'EC') return verify(algorithm.hash, jwt.signingInput, { key: checked.key, dsaEncoding: 'ieee-p1363' }, jwt.signature);
    return verify(algorithm.hash, jwt.signingInput, checked.key, jwt.signature);
  } catch {
    return false;
  }
}

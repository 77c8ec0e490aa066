// SPDX-License-Identifier: EUPL-1.2
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random, URL-safe secret (session cookies, invitation links, CSRF tokens). */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Secrets are stored only as their SHA-256: a database leak does not yield usable tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

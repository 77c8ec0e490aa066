// SPDX-License-Identifier: EUPL-1.2
// One spelling per path, before routing. The router decodes percent-encodings when it matches, but
// everything that looks at the URL itself (rate limit, cache and version headers, session lookup)
// saw `/%61pi/v1/...` as "not the API". So unreserved characters written as %XX are decoded before
// routing (RFC 3986 §6.2.2.2: they are equivalent), and encodings that would change the meaning of
// the path (an encoded slash, backslash, percent, NUL or dot segment) are refused with a 400.
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { AppError } from '../errors.js';

const PERCENT_ENCODED = /%([0-9A-Fa-f]{2})/g;
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
/** Encodings that make one path mean another: / \ % NUL and the ASCII control characters. */
const AMBIGUOUS = /%(2f|5c|25|0[0-9a-f]|1[0-9a-f]|7f)/i;

function splitPath(url: string): { path: string; rest: string } {
  const end = url.search(/[?#]/);
  return end === -1 ? { path: url, rest: '' } : { path: url.slice(0, end), rest: url.slice(end) };
}

/** The URL with unreserved percent-encodings in its path decoded; the query is left as it came. */
export function normaliseUrl(url: string): string {
  const { path, rest } = splitPath(url);
  if (!path.includes('%')) return url;
  const decoded = path.replace(PERCENT_ENCODED, (encoding, hex: string) => {
    const character = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(character) ? character : encoding.toUpperCase();
  });
  return decoded + rest;
}

/** True when the path holds an encoding that cannot be normalised without changing its meaning. */
export function isAmbiguousPath(url: string): boolean {
  const { path } = splitPath(url);
  if (AMBIGUOUS.test(path)) return true;
  // A dot segment written encoded (/api/v1/%2e%2e/...) would be a different path once decoded.
  return normaliseUrl(path).split('/').some((segment) => segment === '.' || segment === '..');
}

/** For Fastify's `rewriteUrl`: runs before routing, so every hook and the router see one spelling. */
export function rewriteUrl(request: IncomingMessage): string {
  return normaliseUrl(request.url ?? '/');
}

/** Refuses paths that `normaliseUrl` could not make unambiguous, before anything else looks at them. */
export function registerPathNormalisation(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    if (isAmbiguousPath(request.originalUrl)) throw new AppError('validation_failed');
  });
}

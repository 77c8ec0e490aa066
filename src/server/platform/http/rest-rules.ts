// SPDX-License-Identifier: EUPL-1.2
// NL API Design Rules the linter cannot see, for the REST API: a trailing slash is a different URI
// (404, never the 400 of an empty path parameter); a known URI with the wrong method is 405 with
// `Allow`; a request whose Accept excludes everything the operation can answer is 406; a body in a
// format the API does not read is 415.
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { AppError, sendProblem } from '../errors.js';

const JSON_TYPES = ['application/json', 'application/problem+json'];

interface KnownRoute {
  pattern: RegExp;
  methods: Set<string>;
}

function patternOf(url: string): RegExp {
  const escaped = url
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}$`);
}

/** The media types an operation answers with, from its response schemas; null when it does not say. */
export function producedTypesOf(request: FastifyRequest): string[] | null {
  const response = (request.routeOptions.schema as { response?: Record<string, unknown> } | undefined)?.response;
  if (!response) return null;
  const types = new Set(JSON_TYPES);
  for (const schema of Object.values(response)) {
    const content = (schema as { content?: Record<string, unknown> } | null)?.content;
    if (content && typeof content === 'object' && !('_zod' in (schema as object))) for (const type of Object.keys(content)) types.add(type);
  }
  return [...types];
}

/** True when the Accept header (RFC 9110 §12.5.1) allows one of `produced`; no Accept allows all. */
export function accepts(accept: string | undefined, produced: readonly string[]): boolean {
  if (!accept || accept.trim() === '') return true;
  return accept.split(',').some((range) => {
    const [mediaRange = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    const quality = parameters.find((parameter) => parameter.startsWith('q='));
    if (quality && Number(quality.slice(2)) === 0) return false;
    const [type, subtype] = mediaRange.split('/');
    if (!type || !subtype) return false;
    return produced.some((candidate) => {
      const [candidateType, candidateSubtype] = candidate.split('/');
      return (type === '*' || type === candidateType) && (subtype === '*' || subtype === candidateSubtype);
    });
  });
}

/** Query parameter names that would put a BSN into a URL. */
const SENSITIVE_QUERY_KEYS: ReadonlySet<string> = new Set(['bsn', 'burgerservicenummer']);

export function registerRestRules(app: FastifyInstance, prefix: string) {
  // The API reads JSON (and the formats a route registers itself): plain text is a 415, not a
  // string that then fails validation with a 400.
  app.removeContentTypeParser('text/plain');
  const routes = new Map<string, KnownRoute>();
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith(`${prefix}/`)) return;
    const known = routes.get(route.url) ?? { pattern: patternOf(route.url), methods: new Set<string>() };
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) known.methods.add(method.toUpperCase());
    routes.set(route.url, known);
  });

  // No sensitive data in a URI: a BSN in the query string is refused (after authentication, before
  // validation, so that a schema without the parameter cannot silently drop it and list everything).
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith(`${prefix}/`)) return;
    const query = request.query;
    if (query && typeof query === 'object' && Object.keys(query).some((key) => SENSITIVE_QUERY_KEYS.has(key.toLowerCase()))) {
      throw new AppError('bsn_in_url');
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (!path.startsWith(`${prefix}/`)) return;
    if (path.endsWith('/')) throw new AppError('not_found');
    if (request.is404) {
      const allowed = new Set<string>();
      for (const route of routes.values()) if (route.pattern.test(path)) for (const method of route.methods) allowed.add(method);
      if (allowed.size > 0) {
        return sendProblem(request, reply.header('Allow', [...allowed].sort().join(', ')), new AppError('method_not_allowed'));
      }
      return;
    }
    const produced = producedTypesOf(request);
    const accept = request.headers.accept;
    if (produced && !accepts(accept, produced)) return sendProblem(request, reply, new AppError('not_acceptable'));
  });
}

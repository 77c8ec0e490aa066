// SPDX-License-Identifier: EUPL-1.2
// Per request: resolve the session, enforce the route's access level and CSRF, and build the
// context a use-case receives (actor, scoped store, clock). Routes are authenticated unless they say otherwise.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { Executor } from '../db/connection.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { ScopedStore, type RequestOrigin } from '../access/scoped-store.js';
import type { Actor, ParentActor } from '../access/policy.js';
import { CSRF_COOKIE, CSRF_HEADER, PARENT_SESSION_COOKIE, SESSION_COOKIE, resolveSession, type ResolvedSession } from '../auth/session.js';
import { newToken, safeEqual } from '../auth/tokens.js';

/**
 * - public: anyone (login, health, reference data, static files)
 * - pending: a session that still has to pass or enrol its second factor
 * - authenticated: a fully logged-in session (the default)
 * - parent: a parent's session (Mijn Kansrijke Start); a staff session does not open it, and a
 *   parent's session opens nothing else
 */
export type AccessLevel = 'public' | 'pending' | 'authenticated' | 'parent';

/** A parent's session as resolved on a request: the parent acting, and until when. */
export interface ParentSession {
  actor: ParentActor;
  levelOfAssurance: string;
  createdAt: Date;
  expiresAt: Date;
}
export type ParentSessionLookup = { kind: 'none' } | { kind: 'expired' } | { kind: 'valid'; session: ParentSession };
/** Turns a parent's session cookie into the session (the feature that owns parents' sessions resolves it). */
export type ParentSessionResolver = (deps: ContextDependencies, token: string) => Promise<ParentSessionLookup>;

/** Health probes and the metrics scrape: public, silent in the logs, and without the CSRF cookie other responses may set. */
export const PROBE_ROUTE = { config: { access: 'public', isProbe: true }, logLevel: 'silent' } as const;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessLevel;
    /** Routes that accept state changes without a CSRF token (none today). */
    skipCsrf?: boolean;
    /** Health probes of the load balancer or orchestrator: no cookies, no session. */
    isProbe?: boolean;
  }
  interface FastifyRequest {
    session: ResolvedSession | null;
    sessionState: 'none' | 'expired' | 'valid';
    parentSession: ParentSession | null;
    parentSessionState: 'none' | 'expired' | 'valid';
  }
}

export interface RequestContext {
  actor: Actor;
  session: ResolvedSession;
  store: ScopedStore;
  origin: RequestOrigin;
  now: () => Date;
}

export interface ContextDependencies {
  config: Config;
  db: Executor;
  clock: Clock;
}

/** Turns an API client's bearer token into the identity it acts with (null: unknown, expired or revoked). */
export type BearerResolver = (db: Executor, token: string, now: Date) => Promise<ResolvedSession | null>;

/**
 * Paths where a bearer token is read (the REST and FHIR API). Not the person's own account (login,
 * second factor, sessions, password, invitations) nor the token endpoint itself: there only a session counts.
 */
function acceptsBearer(url: string): boolean {
  if (url.startsWith('/fhir/')) return true;
  if (!url.startsWith('/api/')) return false;
  return !['/api/v1/auth/', '/api/v1/invitations/', '/api/v1/oauth/', '/api/v1/my/'].some((prefix) => url.startsWith(prefix));
}

/** The token of an `Authorization: Bearer …` header; undefined without one, '' when it is malformed. */
function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  return match ? match[1]! : '';
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function cookieOptions(config: Config, httpOnly: boolean) {
  return { path: '/', httpOnly, sameSite: 'strict' as const, secure: config.isTls };
}

export function originOf(request: FastifyRequest): RequestOrigin {
  const userAgent = request.headers['user-agent'];
  return { sourceIp: request.ip ?? null, userAgent: typeof userAgent === 'string' ? userAgent : null };
}

export function registerRequestContext(
  app: FastifyInstance,
  deps: ContextDependencies,
  resolvers: { bearer?: BearerResolver; parent?: ParentSessionResolver } = {},
) {
  const resolveBearer = resolvers.bearer;
  app.decorateRequest('session', null);
  app.decorateRequest('sessionState', 'none');
  app.decorateRequest('parentSession', null);
  app.decorateRequest('parentSessionState', 'none');

  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config?.isProbe) return;
    // Double-submit CSRF token: a readable cookie the web client echoes in a header.
    if (!request.cookies[CSRF_COOKIE]) {
      const token = newToken(24);
      request.cookies[CSRF_COOKIE] = token;
      reply.setCookie(CSRF_COOKIE, token, cookieOptions(deps.config, false));
    }
    // An integration's bearer token (machine access, ADR 0017): it alone decides; a cookie alongside is ignored.
    const bearer = resolveBearer && acceptsBearer(request.url) ? bearerOf(request) : undefined;
    if (bearer !== undefined) {
      const session = bearer ? await resolveBearer!(deps.db, bearer, deps.clock.now()) : null;
      if (session) {
        request.session = session;
        request.sessionState = 'valid';
      }
      return;
    }
    // Only API calls touch the session: a static file or the app shell must not end (and clear) an
    // expired session, or the next API call could no longer say "session expired".
    const token = isDataPath(request.url) ? request.cookies[SESSION_COOKIE] : undefined;
    if (token) {
      const lookup = await resolveSession(deps.db, token, deps.config, deps.clock);
      request.sessionState = lookup.kind;
      if (lookup.kind === 'valid') request.session = lookup.session;
      else reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    // A parent's cookie is read only on parents' paths: elsewhere it is no credential at all.
    const parentToken = resolvers.parent && isParentPath(request.url) ? request.cookies[PARENT_SESSION_COOKIE] : undefined;
    if (parentToken) {
      const lookup = await resolvers.parent!(deps, parentToken);
      request.parentSessionState = lookup.kind;
      if (lookup.kind === 'valid') request.parentSession = lookup.session;
      else reply.clearCookie(PARENT_SESSION_COOKIE, { path: '/' });
    }
  });

  // Before the body is read: a request without the right session or CSRF token is refused (401, 403)
  // before its content type (415), JSON (400) or fields (400) are looked at.
  app.addHook('preParsing', async (request, _reply, payload) => {
    checkAccess(request);
    return payload;
  });
}

function checkAccess(request: FastifyRequest) {
  // Unmatched routes go to the not-found handler: nothing to protect, and a 404 tells the truth.
  if (request.is404) return;
  const access = accessLevelOf(request);
  // A bearer token is not sent by a browser on its own (no ambient credential): no CSRF token needed.
  const isMachine = Boolean(request.session?.machine);
  if (STATE_CHANGING.has(request.method) && !request.routeOptions.config?.skipCsrf && !isMachine) {
    const header = request.headers[CSRF_HEADER];
    const cookie = request.cookies[CSRF_COOKIE];
    if (typeof header !== 'string' || !cookie || !safeEqual(header, cookie)) throw new AppError('csrf_failed');
  }
  if (access === 'public') return;
  if (access === 'parent') {
    if (!request.parentSession) throw new AppError(request.parentSessionState === 'expired' ? 'session_expired' : 'unauthenticated');
    return;
  }
  const session = request.session;
  if (!session) throw new AppError(request.sessionState === 'expired' ? 'session_expired' : 'unauthenticated');
  if (access === 'authenticated' && session.stage !== 'active') throw new AppError('second_factor_required');
}

/** Where a parent's session counts: Mijn Kansrijke Start's API, nothing else. */
export const PARENT_API_PATH = '/api/v1/my/';

function isParentPath(url: string): boolean {
  return url.startsWith(PARENT_API_PATH);
}

function isDataPath(url: string): boolean {
  return url.startsWith('/api/') || url.startsWith('/fhir/');
}

/**
 * Deny by default: an API route that does not declare its level needs a full session. Paths
 * outside the API only serve the static web app and public boundary files.
 */
export function accessLevelOf(request: FastifyRequest): AccessLevel {
  const declared = request.routeOptions.config?.access;
  if (declared) return declared;
  return isDataPath(request.routeOptions.url ?? request.url) ? 'authenticated' : 'public';
}

/** The parent acting on a parents' route (the access hook has already refused requests without a parent's session). */
export function parentOf(request: FastifyRequest): ParentSession {
  if (!request.parentSession) throw new AppError('unauthenticated');
  return request.parentSession;
}

/** The context for a use-case. Only for routes that require a session. */
export function contextOf(request: FastifyRequest, deps: ContextDependencies): RequestContext {
  const session = request.session;
  if (!session) throw new AppError('unauthenticated');
  const actor: Actor = {
    ...(session.machine ? { kind: 'system' as const, clientId: session.machine.clientId, scopes: session.machine.scopes } : {}),
    personId: session.personId,
    sessionId: session.id,
    organisationId: session.organisationId,
    organisationType: session.organisationType,
    // Roles count only once the second factor is done: a pending session can do nothing protected.
    roles: session.stage === 'active' ? session.roles : [],
    coalitionIds: session.coalitionIds,
    municipalityCodes: session.municipalityCodes,
  };
  const origin = originOf(request);
  const now = () => deps.clock.now();
  return { actor, session, origin, now, store: new ScopedStore(deps.db, actor, origin, now) };
}


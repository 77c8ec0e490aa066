// SPDX-License-Identifier: EUPL-1.2
// What every auth use-case receives. Most run before there is an actor (login, invitations), so
// this is smaller than the RequestContext of protected features.
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { Executor } from '../../platform/db/connection.js';
import type { RequestOrigin } from '../../platform/access/scoped-store.js';
import type { ResolvedSession } from '../../platform/auth/session.js';
import { originOf, type ContextDependencies } from '../../platform/http/request-context.js';
import { AppError } from '../../platform/errors.js';

export interface AuthContext {
  db: Executor;
  config: Config;
  /** The moment of the request, from the injected clock (so tests can move time). */
  now: Date;
  origin: RequestOrigin;
}

export function authContextOf(request: FastifyRequest, deps: ContextDependencies): AuthContext {
  return { db: deps.db, config: deps.config, now: deps.clock.now(), origin: originOf(request) };
}

/** The session of a route that requires one (the access hook has already refused requests without). */
export function sessionOf(request: FastifyRequest): ResolvedSession {
  if (!request.session) throw new AppError('unauthenticated');
  return request.session;
}

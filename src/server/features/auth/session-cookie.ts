// SPDX-License-Identifier: EUPL-1.2
// The session cookie: HttpOnly (scripts never see it), SameSite=Strict, Secure behind TLS.
import type { FastifyReply } from 'fastify';
import type { Config } from '../../config.js';
import { SESSION_COOKIE } from '../../platform/auth/session.js';
import { cookieOptions } from '../../platform/http/request-context.js';
import type { SessionGrant } from './open-session.js';

export function setSessionCookie(reply: FastifyReply, config: Config, grant: Pick<SessionGrant, 'token' | 'expiresAt'>) {
  reply.setCookie(SESSION_COOKIE, grant.token, { ...cookieOptions(config, true), expires: grant.expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, config: Config) {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(config, true));
}

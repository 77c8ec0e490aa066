// SPDX-License-Identifier: EUPL-1.2
// Browser redirects for OIDC login; registered only when OIDC is configured.
import { z } from 'zod';
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { OIDC_STATE_COOKIE, OIDC_STATE_MAX_AGE_SECONDS, openPendingLogin, sealPendingLogin, startOidcLogin, type OidcConfig } from '../../platform/auth/oidc.js';
import { cookieOptions } from '../../platform/http/request-context.js';
import { authContextOf } from './auth-context.js';
import { oidcLogin } from './oidc-login.js';
import { setSessionCookie } from './session-cookie.js';

const tags = ['Authenticatie'];
export const OIDC_FAILURE_PATH = '/inloggen?fout=oidc';

export function registerOidcRoutes(app: ZodApp, deps: FeatureDependencies, oidc: OidcConfig) {
  // The callback is a cross-site navigation from the provider, on which SameSite=Strict cookies are
  // not sent: this one cookie is Lax, short-lived and only sent to the OIDC paths.
  const stateCookie = { ...cookieOptions(deps.config, true), sameSite: 'lax' as const, path: '/api/v1/auth/oidc' };

  app.get(
    '/auth/oidc/login',
    {
      config: { access: 'public', rateLimit: { max: deps.config.rateLimit.authPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Inloggen via identiteitsprovider',
        description: 'Stuurt de browser door naar de identiteitsprovider (OIDC, met PKCE).',
        response: { 303: z.null().describe('Doorverwijzing naar de identiteitsprovider (header Location).') },
      },
    },
    async (_request, reply) => {
      const { redirectUrl, pending } = await startOidcLogin(oidc, deps.clock.now());
      reply.setCookie(OIDC_STATE_COOKIE, sealPendingLogin(oidc, pending), { ...stateCookie, maxAge: OIDC_STATE_MAX_AGE_SECONDS });
      return reply.redirect(redirectUrl.href, 303);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      config: { access: 'public', rateLimit: { max: deps.config.rateLimit.authPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Terugkeer van de identiteitsprovider',
        description: 'Koppelt de identiteit aan een bestaande, actieve medewerker en start een sessie; anders terug naar de inlogpagina.',
        response: { 303: z.null().describe('Doorverwijzing naar de web-app, of terug naar de inlogpagina (header Location).') },
      },
    },
    async (request, reply) => {
      const ctx = authContextOf(request, deps);
      const pending = openPendingLogin(oidc, request.cookies[OIDC_STATE_COOKIE], ctx.now);
      reply.clearCookie(OIDC_STATE_COOKIE, stateCookie);
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const grant = await oidcLogin(ctx, oidc, query, pending);
      if (!grant) return reply.redirect(OIDC_FAILURE_PATH, 303);
      setSessionCookie(reply, deps.config, grant);
      return reply.redirect('/', 303);
    },
  );
}

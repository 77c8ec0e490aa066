// SPDX-License-Identifier: EUPL-1.2
// HTTP face of authentication: parse, call one use-case, set or clear the session cookie.
import { z } from 'zod';
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { uuidParamSchema } from '../../../contracts/common.js';
import {
  activeOrganisationSchema,
  authOptionsSchema,
  enrolmentConfirmationSchema,
  enrolmentRequestSchema,
  enrolmentSchema,
  invitationAcceptSchema,
  invitationInfoSchema,
  invitationTokenParamSchema,
  loginRequestSchema,
  passwordChangeSchema,
  secondFactorRequestSchema,
  sessionInfoSchema,
  sessionListItemSchema,
} from '../../../contracts/auth.js';
import { authContextOf, sessionOf } from './auth-context.js';
import { login } from './login.js';
import { verifySecondFactor } from './verify-second-factor.js';
import { enrolSecondFactor } from './enrol-second-factor.js';
import { confirmEnrolment } from './confirm-enrolment.js';
import { logout } from './logout.js';
import { logoutEverywhere } from './logout-everywhere.js';
import { listSessions } from './list-sessions.js';
import { revokeOwnSession } from './revoke-session.js';
import { changePassword } from './change-password.js';
import { switchOrganisation } from './switch-organisation.js';
import { acceptInvitation, showInvitation } from './accept-invitation.js';
import { loadSessionInfo } from './session-info.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { registerOidcRoutes } from './oidc-routes.js';

const tags = ['Authenticatie'];
const noContent = { 204: z.null().describe('Gelukt, geen inhoud.') };

export function registerAuthRoutes(app: ZodApp, deps: FeatureDependencies) {
  // Guessing passwords, codes and invitation links is also limited per IP address.
  const rateLimit = { max: deps.config.rateLimit.authPerMinute, timeWindow: '1 minute' };

  app.get(
    '/auth/options',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Inlogmogelijkheden', description: 'Of inloggen via een identiteitsprovider (OIDC) mogelijk is.', response: { 200: authOptionsSchema } },
    },
    async () => ({ hasOidc: Boolean(deps.config.oidc) }),
  );

  app.get(
    '/auth/session',
    {
      config: { access: 'pending' },
      schema: {
        tags,
        summary: 'Huidige sessie',
        description: 'De ingelogde medewerker, de organisatie waarvoor deze werkt, de rollen en de fase van het inloggen. 401 zonder sessie.',
        response: { 200: sessionInfoSchema },
      },
    },
    async (request) => loadSessionInfo(deps.db, sessionOf(request).id, deps.config),
  );

  app.post(
    '/auth/login',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags,
        summary: 'Inloggen met e-mailadres en wachtwoord',
        description:
          'Zet de sessiecookie. De sessie staat daarna in de fase second_factor (code uit de authenticator-app nodig), enrolment (2FA instellen) of active. Eén algemene foutmelding bij elk fout gegeven; na herhaalde fouten wordt de inlognaam tijdelijk geblokkeerd.',
        body: loginRequestSchema,
        response: { 200: sessionInfoSchema },
      },
    },
    async (request, reply) => {
      const grant = await login(authContextOf(request, deps), request.body);
      setSessionCookie(reply, deps.config, grant);
      return grant.info;
    },
  );

  app.post(
    '/auth/second-factor',
    {
      config: { access: 'pending', rateLimit },
      schema: {
        tags,
        summary: 'Tweede factor controleren',
        description: 'Een zescijferige code uit de authenticator-app of een ongebruikte herstelcode. Geeft de sessie een nieuwe cookie.',
        body: secondFactorRequestSchema,
        response: { 200: sessionInfoSchema },
      },
    },
    async (request, reply) => {
      const grant = await verifySecondFactor(authContextOf(request, deps), sessionOf(request), request.body.code);
      setSessionCookie(reply, deps.config, grant);
      return grant.info;
    },
  );

  app.post(
    '/auth/enrolment',
    {
      config: { access: 'pending', rateLimit },
      schema: {
        tags,
        summary: 'Tweestapsverificatie instellen',
        description:
          'Maakt een nieuw TOTP-geheim met QR-code. Het wordt pas actief na bevestiging met een eerste code. ' +
          'Wie al tweestapsverificatie heeft, geeft het wachtwoord én een actuele code of een herstelcode mee; ' +
          'na bevestiging eindigen alle andere sessies.',
        body: enrolmentRequestSchema,
        response: { 200: enrolmentSchema },
      },
    },
    async (request) => enrolSecondFactor(authContextOf(request, deps), sessionOf(request), request.body),
  );

  app.post(
    '/auth/enrolment/confirmation',
    {
      config: { access: 'pending' },
      schema: {
        tags,
        summary: 'Tweestapsverificatie bevestigen',
        description: 'Bevestigt het nieuwe geheim met een code uit de app. Geeft eenmalig tien herstelcodes en activeert de sessie.',
        body: secondFactorRequestSchema,
        response: { 200: enrolmentConfirmationSchema },
      },
    },
    async (request, reply) => {
      const confirmed = await confirmEnrolment(authContextOf(request, deps), sessionOf(request), request.body.code);
      setSessionCookie(reply, deps.config, confirmed.grant);
      return { recoveryCodes: confirmed.recoveryCodes, session: confirmed.grant.info };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'pending' },
      schema: { tags, summary: 'Uitloggen', description: 'Beëindigt deze sessie.', response: noContent },
    },
    async (request, reply) => {
      await logout(authContextOf(request, deps), sessionOf(request));
      clearSessionCookie(reply, deps.config);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/logout-everywhere',
    {
      schema: { tags, summary: 'Overal uitloggen', description: 'Beëindigt alle sessies van de medewerker, ook deze.', response: noContent },
    },
    async (request, reply) => {
      await logoutEverywhere(authContextOf(request, deps), sessionOf(request));
      clearSessionCookie(reply, deps.config);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/sessions',
    {
      schema: {
        tags,
        summary: 'Eigen sessies',
        description: 'De open sessies (apparaten) van de ingelogde medewerker.',
        response: { 200: z.array(sessionListItemSchema) },
      },
    },
    async (request) => listSessions(authContextOf(request, deps), sessionOf(request)),
  );

  app.delete(
    '/auth/sessions/:id',
    {
      schema: {
        tags,
        summary: 'Eigen sessie beëindigen',
        description: 'Beëindigt één eigen sessie. Een sessie van een ander geeft 404.',
        params: uuidParamSchema,
        response: noContent,
      },
    },
    async (request, reply) => {
      const { isCurrent } = await revokeOwnSession(authContextOf(request, deps), sessionOf(request), request.params.id);
      if (isCurrent) clearSessionCookie(reply, deps.config);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags,
        summary: 'Wachtwoord wijzigen',
        description: 'Vraagt het huidige wachtwoord. Het nieuwe moet aan het wachtwoordbeleid voldoen (422 met de problemen). Beëindigt alle andere sessies.',
        body: passwordChangeSchema,
        response: noContent,
      },
    },
    async (request, reply) => {
      await changePassword(authContextOf(request, deps), sessionOf(request), request.body);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/auth/active-organisation',
    {
      schema: {
        tags,
        summary: 'Wisselen van organisatie',
        description: 'Werk verder namens een andere organisatie waar de medewerker actief lid van is; de rollen daar gelden vanaf nu.',
        body: activeOrganisationSchema,
        response: { 200: sessionInfoSchema },
      },
    },
    async (request) => switchOrganisation(authContextOf(request, deps), sessionOf(request), request.body.organisationId),
  );

  app.get(
    '/invitations/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Uitnodiging bekijken',
        description: 'Naam en e-mailadres bij een geldige uitnodiging; 410 bij een onbekende, verlopen of gebruikte uitnodiging.',
        params: invitationTokenParamSchema,
        response: { 200: invitationInfoSchema },
      },
    },
    async (request) => showInvitation(authContextOf(request, deps), request.params.token),
  );

  app.post(
    '/invitations/:token',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags,
        summary: 'Uitnodiging aannemen',
        description: 'Stelt het wachtwoord in (volgens het wachtwoordbeleid) en logt in; wie 2FA nodig heeft, stelt die daarna in.',
        params: invitationTokenParamSchema,
        body: invitationAcceptSchema,
        response: { 200: sessionInfoSchema },
      },
    },
    async (request, reply) => {
      const grant = await acceptInvitation(authContextOf(request, deps), request.params.token, request.body.password);
      setSessionCookie(reply, deps.config, grant);
      return grant.info;
    },
  );

  if (deps.config.oidc) registerOidcRoutes(app, deps, deps.config.oidc);
}

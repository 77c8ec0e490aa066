// SPDX-License-Identifier: EUPL-1.2
// Mijn Kansrijke Start under /api/v1/my: a parent's login through a DigiD-connected broker and their
// own file. Every route but the login's own is for a parent's session only ('parent' access level):
// a staff session does not open them, and a parent's session opens nothing else.
import { z } from 'zod';
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { consentWithdrawalSchema } from '../../../contracts/referrals.js';
import {
  myAccessLogSchema,
  myConsentGivenSchema,
  myConsentParamSchema,
  myFamilyParamSchema,
  myReferralParamSchema,
  mySessionSchema,
  myStartSchema,
} from '../../../contracts/my-start.js';
import { OIDC_STATE_COOKIE, OIDC_STATE_MAX_AGE_SECONDS, openPendingLogin, sealPendingLogin, startOidcLogin } from '../../platform/auth/oidc.js';
import { PARENT_SESSION_COOKIE } from '../../platform/auth/session.js';
import { cookieOptions, originOf, parentOf } from '../../platform/http/request-context.js';
import { requestedAcrValues } from './domain/level-of-assurance.js';
import { downloadMyCopy, MY_COPY_FHIR_NAME, MY_COPY_FILE_NAME, MY_COPY_PDF_NAME } from './download-my-copy.js';
import { giveMyConsent } from './give-my-consent.js';
import { getMySession } from './get-my-session.js';
import { getMyStart } from './get-my-start.js';
import { listMyAccessLog } from './list-my-access-log.js';
import { parentContextOf } from './parent-access.js';
import { parentLogin, type ParentOidcConfig } from './parent-login.js';
import { logoutParent } from './parent-logout.js';
import { withdrawMyConsent } from './withdraw-my-consent.js';

const tags = ['Mijn Kansrijke Start'];
const ZIP_MEDIA_TYPE = 'application/zip';
const noContent = { 204: z.null().describe('Gelukt, geen inhoud.') };
const parentOnly = { access: 'parent' as const };
/** Where the web app explains a refused login (the reason is a code the page words). */
export const PARENT_LOGIN_PAGE = '/mijn/inloggen';
export const PARENT_HOME_PAGE = '/mijn';

export function registerMyStartRoutes(app: ZodApp, deps: FeatureDependencies) {
  app.get(
    '/my/auth/options',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Kan een ouder inloggen?',
        description: 'Of inloggen voor ouders (via een DigiD-makelaar) is ingesteld.',
        response: { 200: z.object({ hasParentLogin: z.boolean() }) },
      },
    },
    async () => ({ hasParentLogin: deps.config.parentOidc !== undefined }),
  );
  if (deps.config.parentOidc) registerParentLoginRoutes(app, deps, deps.config.parentOidc);

  app.get(
    '/my/session',
    {
      config: parentOnly,
      schema: { tags, summary: 'Mijn sessie', description: 'De ingelogde ouder: voornaam, eigen dossiers, betrouwbaarheidsniveau en sessieduur.', response: { 200: mySessionSchema } },
    },
    async (request) => getMySession(parentContextOf(request, deps), parentOf(request)),
  );
  app.post(
    '/my/auth/logout',
    { config: parentOnly, schema: { tags, summary: 'Uitloggen (ouder)', description: 'Beëindigt deze sessie.', response: noContent } },
    async (request, reply) => {
      await logoutParent(parentContextOf(request, deps), false);
      reply.clearCookie(PARENT_SESSION_COOKIE, cookieOptions(deps.config, true));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/my/auth/logout-everywhere',
    { config: parentOnly, schema: { tags, summary: 'Overal uitloggen (ouder)', description: 'Beëindigt alle sessies van deze ouder, ook deze.', response: noContent } },
    async (request, reply) => {
      await logoutParent(parentContextOf(request, deps), true);
      reply.clearCookie(PARENT_SESSION_COOKIE, cookieOptions(deps.config, true));
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/my/families/:familyId',
    {
      config: parentOnly,
      schema: {
        tags,
        summary: 'Mijn Kansrijke Start',
        description: 'Wie mij helpt, mijn afspraken, mijn verwijzingen met hun status en mijn toestemmingen. Alleen het eigen dossier.',
        params: myFamilyParamSchema,
        response: { 200: myStartSchema },
      },
    },
    async (request) => getMyStart(parentContextOf(request, deps), request.params.familyId),
  );
  app.get(
    '/my/families/:familyId/access-log',
    {
      config: parentOnly,
      schema: {
        tags,
        summary: 'Wie heeft mijn dossier bekeken',
        description: 'Datum, organisatie, rol en wat er gebeurde; noodtoegang met de stand van de controle. Nooit namen van medewerkers.',
        params: myFamilyParamSchema,
        response: { 200: myAccessLogSchema },
      },
    },
    async (request) => listMyAccessLog(parentContextOf(request, deps), request.params.familyId),
  );
  app.post(
    '/my/families/:familyId/consents/:consentId/withdrawal',
    {
      config: parentOnly,
      schema: {
        tags,
        summary: 'Mijn toestemming intrekken',
        description: 'Direct en blijvend, met dezelfde gevolgen als intrekken door een professional. Al ingetrokken: 409, er verandert niets.',
        params: myConsentParamSchema,
        response: { 200: consentWithdrawalSchema },
      },
    },
    async (request) => withdrawMyConsent(parentContextOf(request, deps), request.params.familyId, request.params.consentId),
  );
  app.post(
    '/my/families/:familyId/referrals/:referralId/consent',
    {
      config: parentOnly,
      schema: {
        tags,
        summary: 'Toestemming geven voor een verwijzing',
        description:
          'Voor een verwijzing die wacht op de toestemming van de ouder: de toestemming wordt vastgelegd als gegeven door de cliënt zelf, voor de ontvangende organisatie, en de verwijzing wordt verstuurd. Nog een keer: dezelfde toestemming (200). Wacht de verwijzing niet (meer) op toestemming, of is de toestemming al ingetrokken: 409, er verandert niets.',
        params: myReferralParamSchema,
        response: { 200: myConsentGivenSchema },
      },
    },
    async (request) => giveMyConsent(parentContextOf(request, deps), request.params.familyId, request.params.referralId),
  );
  app.get(
    '/my/families/:familyId/copy',
    {
      config: parentOnly,
      schema: {
        tags,
        summary: 'Kopie van mijn gegevens',
        description: `Het eigen dossier in één zip-bestand: ${MY_COPY_PDF_NAME} (leesbaar, in het Nederlands) en ${MY_COPY_FHIR_NAME} (een FHIR R4 Bundle van type collection). Elke download staat één keer in het auditlog. Een tweede download terwijl de eerste nog wordt gemaakt: 409 (copy_in_progress), er wordt niets vastgelegd.`,
        params: myFamilyParamSchema,
        response: { 200: { content: { [ZIP_MEDIA_TYPE]: { schema: z.string().meta({ description: 'Zip-bestand met een PDF en een FHIR R4 Bundle.', format: 'binary' }) } } } },
      },
    },
    async (request, reply) => {
      const copy = await downloadMyCopy(parentContextOf(request, deps), request.params.familyId);
      return reply
        .type(ZIP_MEDIA_TYPE)
        .header('Content-Disposition', `attachment; filename="${MY_COPY_FILE_NAME}"`)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'no-store')
        .send(copy.zip as unknown as string);
    },
  );
}

function registerParentLoginRoutes(app: ZodApp, deps: FeatureDependencies, oidc: ParentOidcConfig) {
  // The callback is a cross-site navigation from the broker: this one cookie is Lax, short-lived and
  // only sent to the parents' login paths.
  const stateCookie = { ...cookieOptions(deps.config, true), sameSite: 'lax' as const, path: '/api/v1/my/auth' };
  const rateLimit = { max: deps.config.rateLimit.authPerMinute, timeWindow: '1 minute' };
  app.get(
    '/my/auth/login',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags,
        summary: 'Inloggen als ouder (DigiD)',
        description: 'Stuurt de browser naar de DigiD-makelaar (OIDC met PKCE), met minstens niveau substantieel gevraagd.',
        response: { 303: z.null().describe('Doorverwijzing naar de makelaar (header Location).') },
      },
    },
    async (_request, reply) => {
      const { redirectUrl, pending } = await startOidcLogin(oidc, deps.clock.now(), { scope: oidc.scope, acrValues: requestedAcrValues() });
      reply.setCookie(OIDC_STATE_COOKIE, sealPendingLogin(oidc, pending), { ...stateCookie, maxAge: OIDC_STATE_MAX_AGE_SECONDS });
      return reply.redirect(redirectUrl.href, 303);
    },
  );
  app.get(
    '/my/auth/callback',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags,
        summary: 'Terugkeer van de DigiD-makelaar',
        description: 'Controleert BSN (elfproef) en betrouwbaarheidsniveau, zoekt het eigen dossier en start een sessie; anders naar de uitleg op de inlogpagina.',
        response: { 303: z.null().describe('Doorverwijzing naar Mijn Kansrijke Start of naar de uitleg (header Location).') },
      },
    },
    async (request, reply) => {
      const now = deps.clock.now();
      const pending = openPendingLogin(oidc, request.cookies[OIDC_STATE_COOKIE], now);
      reply.clearCookie(OIDC_STATE_COOKIE, stateCookie);
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const result = await parentLogin({ db: deps.db, config: deps.config, origin: originOf(request), now }, oidc, query, pending);
      if (!result.isGranted) return reply.redirect(`${PARENT_LOGIN_PAGE}?fout=${result.reason}`, 303);
      reply.setCookie(PARENT_SESSION_COOKIE, result.token, { ...cookieOptions(deps.config, true), expires: result.expiresAt });
      return reply.redirect(PARENT_HOME_PAGE, 303);
    },
  );
}

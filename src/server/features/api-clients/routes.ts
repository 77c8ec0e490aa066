// SPDX-License-Identifier: EUPL-1.2
// HTTP face of machine access (ADR 0017): the platform admin's API clients (/api-clients) and the
// OAuth 2.0 token endpoint (/oauth/token) where a client trades a signed assertion for a bearer token.
import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { API_PREFIX } from '../../app.js';
import { contextOf, originOf } from '../../platform/http/request-context.js';
import { uuidParamSchema } from '../../../contracts/common.js';
import { TOKEN_PATH, apiClientCreateSchema, apiClientListSchema, apiClientSchema, tokenRequestSchema, tokenResponseSchema } from '../../../contracts/api-clients.js';
import { registerApiClient } from './register-api-client.js';
import { listApiClients } from './list-api-clients.js';
import { revokeApiClient } from './revoke-api-client.js';
import { issueToken, tokenEndpointUrl } from './issue-token.js';

const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';

export function registerApiClientRoutes(app: ZodApp, deps: FeatureDependencies) {
  const tags = ['Koppelingen'];
  app.get(
    '/api-clients',
    {
      schema: {
        tags,
        summary: 'Koppelingen (API-clients)',
        description: 'Alle geregistreerde API-clients met hun organisatie, rollen, scopes, geldigheid en status; alleen voor de beheerder van het platform.',
        response: { 200: apiClientListSchema },
      },
    },
    async (request) => listApiClients(contextOf(request, deps)),
  );
  app.post(
    '/api-clients',
    {
      schema: {
        tags,
        summary: 'Koppeling registreren',
        description:
          'Registreert een API-client voor een organisatie: publieke sleutel (JWK) of JWKS-adres, de rollen waarin de client handelt ' +
          '(niet beheerder van het platform), de scopes (`resource.action` uit het toegangsbeleid, alleen die de rollen hebben) en de einddatum. ' +
          'Het client-id in het antwoord is `iss` en `sub` van de client_assertion.',
        body: apiClientCreateSchema,
        response: { 201: apiClientSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await registerApiClient(contextOf(request, deps), request.body)),
  );
  app.post(
    '/api-clients/:id/revocation',
    {
      schema: {
        tags,
        summary: 'Koppeling intrekken',
        description: 'Trekt een API-client in: elk token van de client werkt meteen niet meer (401) en er komt geen nieuw token. Niet terug te draaien.',
        params: uuidParamSchema,
        response: { 200: apiClientSchema },
      },
    },
    async (request) => revokeApiClient(contextOf(request, deps), request.params.id),
  );

  // The token endpoint speaks OAuth 2.0: its own refusals are RFC 6749 §5.2 JSON (`error` codes), not
  // the API's problem details (the OpenAPI document says so for its 400 and 401; platform.http.openapi).
  app.register(async (scope) => {
    const oauth = scope.withTypeProvider<ZodTypeProvider>();
    oauth.addContentTypeParser(FORM_MEDIA_TYPE, { parseAs: 'string', bodyLimit: 32_768 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    oauth.post(
      TOKEN_PATH,
      {
        config: { access: 'public', skipCsrf: true },
        schema: {
          tags: ['Koppelingen'],
          summary: 'Toegangstoken voor een systeem',
          description:
            'OAuth 2.0 client credentials met private_key_jwt (RFC 7523; SMART Backend Services, NL GOV OAuth-profiel): de client bewijst ' +
            'wie hij is met een JWT, ondertekend met de privésleutel bij de geregistreerde publieke sleutel. Antwoordt met een toegangstoken ' +
            'van 5 minuten. Fouten van OAuth zelf (`invalid_request`, `invalid_client`, `invalid_scope`, `unsupported_grant_type`) komen als ' +
            'JSON volgens RFC 6749 §5.2; een ondertekende verklaring die niet klopt is altijd `invalid_client` (RFC 7523 §3.2). Geen CSRF-token nodig.',
          consumes: [FORM_MEDIA_TYPE],
          security: [],
          body: tokenRequestSchema,
          response: { 200: tokenResponseSchema },
        },
      },
      async (request, reply) => {
        const contentType = request.headers['content-type'] ?? '';
        const form = contentType.toLowerCase().startsWith(FORM_MEDIA_TYPE) && request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : null;
        const result = form
          ? await issueToken({ db: deps.db, now: deps.clock.now(), origin: originOf(request), audience: tokenEndpointUrl(deps.config, API_PREFIX) }, form)
          : ({ ok: false, status: 400, body: { error: 'invalid_request', error_description: `Stuur het verzoek als ${FORM_MEDIA_TYPE}.` } } as const);
        // OAuth's own refusals are not in the route's response schemas (the document describes them, see openapi.ts).
        const raw = reply as unknown as FastifyReply;
        return raw
          .status(result.ok ? 200 : result.status)
          .header('Cache-Control', 'no-store')
          .header('Pragma', 'no-cache')
          .type('application/json')
          .send(result.body);
      },
    );
  });
}

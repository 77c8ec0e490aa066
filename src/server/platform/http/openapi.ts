// SPDX-License-Identifier: EUPL-1.2
// The OpenAPI document at /api/v1/openapi.json, complete enough for an integrator's tools: the
// registered zod schemas as components (no dangling $ref), an operationId, tag and security
// requirement for every operation, every error as RFC 9457 problem details, and the API-Version
// header on every response. Checked by the official NL API Design Rules ruleset and an independent
// validator (test/api/openapi-contract.test.ts); every API test response is validated against it.
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { RouteOptions } from 'fastify';
import { ERROR_CODES, FIELD_ERROR_CODES } from '../../../contracts/errors.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../auth/session.js';
import { API_VERSION } from './security-headers.js';
import { MACHINE_SCOPES } from '../access/policy.js';
import { OAUTH_ERRORS, TOKEN_PATH } from '../../../contracts/api-clients.js';
import { ACCEPTABLE_REQUEST_ID_PATTERN } from './request-id.js';

export interface ApiTag {
  name: string;
  description: string;
}

export interface OpenApiOptions {
  publicUrl: string;
  /** Where the API is mounted (its paths in the document are relative to the server URL). */
  prefix: string;
  tags: readonly ApiTag[];
}

type Json = Record<string, unknown>;
type Operation = Json & { operationId?: string; tags?: string[]; security?: Json[]; responses?: Record<string, Json> };

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const STATE_CHANGING = new Set(['post', 'put', 'patch', 'delete']);
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const SCHEMA_PREFIX = '#/components/schemas/';
export const OPENAPI_PATH = '/openapi.json';

/** The oauth2 scheme's scopes: every `resource.action` an API client can be given, described in Dutch. */
function machineScopes(): Record<string, string> {
  return Object.fromEntries(
    MACHINE_SCOPES.map((scope) => {
      const [resource, action] = scope.split('.') as [keyof typeof nl.auditObjectTypes, string];
      return [scope, `${nl.auditObjectTypes[resource]}: ${action}`];
    }),
  );
}

/** Security schemes: the session cookie, the double-submit CSRF token (cookie + header), and machine access. */
const securitySchemes = (options: OpenApiOptions) => ({
  ...SECURITY_SCHEMES,
  machineClient: {
    type: 'oauth2' as const,
    description:
      'Toegang voor systemen (ADR 0017): OAuth 2.0 client credentials met een ondertekende JWT als clientauthenticatie ' +
      '(private_key_jwt, RFC 7523; SMART Backend Services en het NL GOV OAuth-profiel). De beheerder van het platform registreert de client ' +
      'met zijn publieke sleutel. POST naar de tokenUrl als application/x-www-form-urlencoded: grant_type=client_credentials, ' +
      'client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer, client_assertion (iss = sub = client-id, aud = de tokenUrl, ' +
      'exp hoogstens 5 minuten vooruit, een nieuwe jti) en scope. Het token (5 minuten) gaat mee als `Authorization: Bearer`; ' +
      'dan is geen CSRF-token nodig. De client mag wat een medewerker van zijn organisatie in de geregistreerde rollen mag, en daarvan alleen de scopes. ' +
      'Het tokenadres antwoordt volgens RFC 6749 (JSON met `error`), niet met probleemdetails.',
    flows: { clientCredentials: { tokenUrl: `${options.publicUrl}${options.prefix}${TOKEN_PATH}`, scopes: machineScopes() } },
  },
});

const SECURITY_SCHEMES = {
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'De sessie na inloggen met wachtwoord en tweede factor (HttpOnly, SameSite=Strict).',
  },
  csrfCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: CSRF_COOKIE,
    description: 'CSRF-token (double submit): het platform zet dit cookie bij het eerste verzoek.',
  },
  csrfHeader: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description: `Dezelfde waarde als het cookie ${CSRF_COOKIE}; verplicht bij POST, PUT, PATCH en DELETE.`,
  },
} as const;

/** Paths (under the API prefix) where an API client's bearer token does not count: a person's own account. */
const PERSON_ONLY_PATHS = ['/auth/', '/invitations/'];

/** Which security a route needs: its access level, whether it changes state (CSRF), and whether a machine may call it. */
export function securityOf(access: string | undefined, method: string, path = ''): Json[] {
  const csrf = STATE_CHANGING.has(method.toLowerCase()) ? { csrfCookie: [], csrfHeader: [] } : {};
  if (access === 'public') return Object.keys(csrf).length > 0 ? [csrf] : [];
  const machine = access === 'pending' || PERSON_ONLY_PATHS.some((prefix) => path.startsWith(prefix)) ? [] : [{ machineClient: [] }];
  return [{ sessionCookie: [], ...csrf }, ...machine];
}

/** `get /coalitions/{code}/partners` → `getCoalitionsByCodePartners`: stable and unique per route. */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const parameter = /^\{(.+)\}$/.exec(segment) ?? /^:(.+)$/.exec(segment);
      const word = (parameter ? `by-${parameter[1]}` : segment).replace(/\.json$/, '-json');
      return word
        .split(/[-_]/)
        .filter(Boolean)
        .map((part) => part[0]!.toUpperCase() + part.slice(1))
        .join('');
    });
  return method.toLowerCase() + words.join('');
}

/** The error statuses an operation can answer, by what it is (read or write, public or not). */
export function errorStatusesOf(method: string, isPublic: boolean): number[] {
  const writes = STATE_CHANGING.has(method);
  // 409 for reads too: a link of a closed round, a screening still in draft are conflicts of state.
  const statuses = new Set<number>([400, 404, 406, 409, 410, 429, 500, 503]);
  if (!isPublic || writes) for (const status of [401, 403]) statuses.add(status);
  if (writes) for (const status of [413, 415, 422]) statuses.add(status);
  return [...statuses].sort((a, b) => a - b);
}

const SUCCESS_DESCRIPTIONS: Record<string, string> = {
  '200': 'Gelukt.',
  '201': 'Aangemaakt.',
  '202': 'Aangenomen.',
  '204': 'Gelukt, zonder inhoud.',
};

const problemSchema = {
  type: 'object',
  description: 'Probleemdetails volgens RFC 9457, met een eigen foutcode (`code`) en per veld de fouten (`errors`).',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', format: 'uri', description: 'Verwijst naar de uitleg van deze soort fout.' },
    title: { type: 'string', description: 'Korte omschrijving van de HTTP-status, in het Nederlands.' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string', description: 'Wat er mis is, in het Nederlands, voor de gebruiker.' },
    code: { type: 'string', enum: [...ERROR_CODES], description: 'Vaste foutcode; de tekst hoort bij de code in de berichtencatalogus.' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      description: 'Bij een ongeldig verzoek: per veld wat er mis is.',
      items: {
        type: 'object',
        required: ['path', 'code', 'message'],
        properties: {
          path: { type: 'string', description: 'Het veld, bijvoorbeeld `body.email`.' },
          code: {
            type: 'string',
            enum: [...FIELD_ERROR_CODES],
            description: 'Vaste code van de fout in dit veld (de soort controle die faalde; `invalid` voor een eigen regel van Kansrijk).',
          },
          message: { type: 'string', description: 'Wat er mis is met dit veld, in het Nederlands.' },
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
};

const API_VERSION_HEADER = {
  description: 'De volledige versie van de API (semver).',
  required: true,
  schema: { type: 'string' as const, pattern: '^\\d+\\.\\d+\\.\\d+$', example: API_VERSION },
};

const REQUEST_ID_SCHEMA = { type: 'string' as const, pattern: ACCEPTABLE_REQUEST_ID_PATTERN, maxLength: 128, example: '3f2b8c1e-7d4a-4f0e-9b6a-2c5d8e1f0a47' };

/** The id of the request, sent back on every response (the caller's own when acceptable). */
const REQUEST_ID_RESPONSE_HEADER = {
  description:
    'Het kenmerk van dit verzoek, ook in het log van de server: het meegestuurde `X-Request-Id` als dat 1 tot 128 letters, ' +
    'cijfers of `-_.:` is, anders een nieuw kenmerk (UUID).',
  required: true,
  schema: REQUEST_ID_SCHEMA,
};

/** The optional request header, on every operation: a load balancer's or caller's id for the request. */
const REQUEST_ID_PARAMETER = {
  name: 'X-Request-Id',
  in: 'header' as const,
  required: false,
  description:
    'Een eigen kenmerk voor dit verzoek (bijvoorbeeld van een load balancer), 1 tot 128 letters, cijfers of `-_.:`. ' +
    'Het antwoord draagt het terug in `X-Request-Id`; een ander kenmerk wordt vervangen door een nieuw.',
  schema: REQUEST_ID_SCHEMA,
};
const REQUEST_ID_REF = { $ref: '#/components/parameters/X-Request-Id' };
const RESPONSE_HEADER_REFS = {
  'API-Version': { $ref: '#/components/headers/API-Version' },
  'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' },
};

/** One reusable response per error status, named for the components section. */
function errorResponseName(status: number): string {
  return `Problem${status}`;
}

function errorResponses(): Record<string, Json> {
  return Object.fromEntries(
    errorStatusesOf('post', false).map((status) => [
      errorResponseName(status),
      {
        description: nl.errorTitles[status] ?? `Fout ${status}`,
        headers: {
          ...RESPONSE_HEADER_REFS,
          ...(status === 429 || status === 503
            ? { 'Retry-After': { description: 'Na hoeveel seconden het opnieuw kan.', schema: { type: 'integer' } } }
            : {}),
        },
        content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: `${SCHEMA_PREFIX}Problem` } } },
      },
    ]),
  );
}

/** Every `$ref` to a schema component in a value. */
function collectSchemaRefs(value: unknown, into: Set<string>) {
  if (Array.isArray(value)) for (const entry of value) collectSchemaRefs(entry, into);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith(SCHEMA_PREFIX)) into.add(child.slice(SCHEMA_PREFIX.length));
      else collectSchemaRefs(child, into);
    }
  }
}

/** Walks every schema object and applies `visit` (post-order). */
function walkSchemas(value: unknown, visit: (schema: Json) => void) {
  if (Array.isArray(value)) for (const entry of value) walkSchemas(entry, visit);
  else if (value && typeof value === 'object') {
    for (const child of Object.values(value)) walkSchemas(child, visit);
    visit(value as Json);
  }
}

/**
 * The type provider emits an input (`XInput`) and an output (`X`) variant of every registered
 * schema. Keeps only those the document uses, and names an input-only schema without the suffix.
 */
function pruneSchemas(document: Json & { components: Json & { schemas: Record<string, Json> } }) {
  const all = document.components.schemas;
  const used = new Set<string>();
  const { components, ...rest } = document;
  collectSchemaRefs(rest, used);
  collectSchemaRefs(components.responses, used);
  const queue = [...used];
  while (queue.length > 0) {
    const refs = new Set<string>();
    collectSchemaRefs(all[queue.pop()!], refs);
    for (const ref of refs) if (!used.has(ref)) (used.add(ref), queue.push(ref));
  }
  const renames = new Map<string, string>();
  for (const name of used) {
    const base = name.endsWith('Input') ? name.slice(0, -'Input'.length) : null;
    if (base && !used.has(base)) renames.set(name, base);
  }
  const schemas: Record<string, Json> = {};
  for (const name of [...used].sort()) schemas[renames.get(name) ?? name] = all[name]!;
  document.components.schemas = schemas;
  if (renames.size === 0) return document;
  const rewritten = JSON.stringify(document).replace(/"#\/components\/schemas\/([A-Za-z0-9_]+)"/g, (match, name: string) =>
    renames.has(name) ? `"${SCHEMA_PREFIX}${renames.get(name)}"` : match,
  );
  return JSON.parse(rewritten) as typeof document;
}

/** OpenAPI 3.0: a nullable enum lists null among its values (else `default: null` lies outside it). */
function fixNullableEnums(schema: Json) {
  if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
}

const openApiDocumentPath = {
  get: {
    operationId: 'getOpenapiJson',
    tags: ['API'],
    summary: 'Deze API-beschrijving',
    description: 'De beschrijving van deze API in OpenAPI 3.0 (JSON), openbaar en voor iedereen op te halen (CORS).',
    security: [],
    responses: {
      '200': {
        description: 'Het OpenAPI-document.',
        headers: {
          'API-Version': { $ref: '#/components/headers/API-Version' },
          'access-control-allow-origin': { description: 'Altijd `*`: iedereen mag het document lezen.', schema: { type: 'string', enum: ['*'] } },
        },
        content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } },
      },
    },
  },
};

/** RFC 6749 §5.2: the token endpoint's own refusals. */
const oauthErrorSchema = {
  type: 'object',
  description: 'Fout van het tokenadres volgens OAuth 2.0 (RFC 6749 §5.2).',
  required: ['error'],
  properties: {
    error: { type: 'string', enum: [...OAUTH_ERRORS] },
    error_description: { type: 'string', description: 'Wat er mis is, in het Nederlands.' },
  },
  additionalProperties: false,
};

/** The token endpoint's 400 and 401: OAuth's JSON (what it answers itself) or problem details (what the platform answers first). */
function oauthErrorResponse(status: number): Json {
  return {
    description: status === 401 ? 'De client is niet te authenticeren (`invalid_client`).' : 'Ongeldig verzoek (`invalid_request`, `invalid_scope`, `unsupported_grant_type`).',
    headers: { ...RESPONSE_HEADER_REFS },
    content: {
      'application/json': { schema: { $ref: `${SCHEMA_PREFIX}OAuthError` } },
      [PROBLEM_MEDIA_TYPE]: { schema: { $ref: `${SCHEMA_PREFIX}Problem` } },
    },
  };
}

const API_TAG: ApiTag = { name: 'API', description: 'Over de API zelf: de beschrijving in OpenAPI.' };

export function openApiSwaggerOptions(options: OpenApiOptions): FastifyDynamicSwaggerOptions {
  const tags = [API_TAG, ...options.tags];
  return {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Kansrijk API',
        description:
          'API van Kansrijk, het digitale platform voor Kansrijke Start. Inloggen gaat met wachtwoord en tweede factor; daarna ' +
          `draagt het sessiecookie (${SESSION_COOKIE}) de identiteit. Elke wijziging (POST, PUT, PATCH, DELETE) stuurt ook het ` +
          `CSRF-token uit het cookie ${CSRF_COOKIE} terug in de header ${CSRF_HEADER}. Fouten zijn probleemdetails (RFC 9457) ` +
          'met een vaste foutcode en een Nederlandse uitleg.',
        version: API_VERSION,
        contact: { name: 'Kansrijk', email: 'beheer@kansrijk.example', url: 'https://kansrijk.example' },
        license: { name: 'EUPL-1.2', url: 'https://eupl.eu/1.2/nl/' },
      },
      servers: [{ url: `${options.publicUrl}${options.prefix}` }],
      tags: [...tags],
      security: [{ sessionCookie: [] }],
      components: {
        securitySchemes: securitySchemes(options),
        headers: { 'API-Version': API_VERSION_HEADER, 'X-Request-Id': REQUEST_ID_RESPONSE_HEADER },
        parameters: { 'X-Request-Id': REQUEST_ID_PARAMETER },
      },
    },
    transform: (input) => {
      const result = jsonSchemaTransform(input);
      const schema = result.schema as Json & { hide?: boolean; operationId?: string; security?: Json[] };
      if (!schema || schema.hide) return result;
      const route = input.route as RouteOptions;
      const method = (Array.isArray(route.method) ? route.method[0] : route.method) as string;
      const path = input.url.startsWith(options.prefix) ? input.url.slice(options.prefix.length) : input.url;
      schema.operationId ??= operationIdOf(method, path);
      schema.security ??= securityOf(route.config?.access, method, path);
      return result;
    },
    transformObject: (input) => {
      const document = jsonSchemaTransformObject(input) as Json & {
        paths: Record<string, Record<string, Operation>>;
        components: Json & { schemas: Record<string, Json>; responses?: Record<string, Json> };
      };
      document.components.schemas.Problem = problemSchema;
      document.components.schemas.OAuthError = oauthErrorSchema;
      document.components.responses = errorResponses();
      document.paths[OPENAPI_PATH] = openApiDocumentPath;
      for (const [path, item] of Object.entries(document.paths)) {
        for (const method of HTTP_METHODS) {
          const operation = item[method];
          if (!operation) continue;
          const responses = (operation.responses ??= {});
          for (const [status, response] of Object.entries(responses)) {
            if (response.description === 'Default Response') response.description = SUCCESS_DESCRIPTIONS[status] ?? 'Gelukt.';
            response.headers = { ...RESPONSE_HEADER_REFS, ...(response.headers as Json) };
          }
          const parameters = ((operation.parameters as Json[] | undefined) ??= []);
          if (!parameters.some((parameter) => parameter.$ref === REQUEST_ID_REF.$ref)) parameters.push(REQUEST_ID_REF);
          const isPublic = Array.isArray(operation.security) && operation.security.every((requirement) => !('sessionCookie' in requirement));
          for (const status of errorStatusesOf(method, isPublic)) {
            responses[String(status)] = { $ref: `#/components/responses/${errorResponseName(status)}` };
          }
          if (path === TOKEN_PATH) for (const status of [400, 401]) responses[String(status)] = oauthErrorResponse(status);
        }
      }
      walkSchemas(document.components.schemas, fixNullableEnums);
      walkSchemas(document.paths, fixNullableEnums);
      return pruneSchemas(document);
    },
  };
}

// SPDX-License-Identifier: EUPL-1.2
// Wire contract of machine access (issue 11 item 4, ADR 0017): the API clients the platform admin
// registers for an organisation, and the OAuth 2.0 token endpoint they use (private_key_jwt).
import { z } from 'zod';
import { dateTimeStringSchema, nameSchema } from './common.js';
import { roleSchema } from './roles.js';

/** A scope is `resource.action` from the access policy, e.g. `referral.read`. */
export const scopeSchema = z.string().regex(/^[a-z_]+\.[a-z_]+$/, 'Geen geldige scope (bijvoorbeeld referral.read).');

/** A public key as a JSON Web Key: RSA (2048 bits or more) or EC (P-256, P-384). Checked further by the server. */
export const publicJwkSchema = z
  .object({
    kty: z.enum(['RSA', 'EC']),
    kid: z.string().max(200).optional(),
    alg: z.string().max(20).optional(),
    use: z.string().max(20).optional(),
    n: z.string().max(2000).optional(),
    e: z.string().max(20).optional(),
    crv: z.string().max(20).optional(),
    x: z.string().max(200).optional(),
    y: z.string().max(200).optional(),
  })
  .loose()
  .meta({ id: 'PublicJwk', description: 'Publieke sleutel als JSON Web Key (RFC 7517): RSA of EC (P-256, P-384); nooit een privésleutel.' });

export const apiClientCreateSchema = z
  .object({
    organisationId: z.uuid(),
    name: nameSchema,
    roles: z.array(roleSchema).min(1).max(6),
    scopes: z.array(scopeSchema).min(1).max(100),
    jwk: publicJwkSchema.optional(),
    jwksUrl: z.url({ protocol: /^https$/, message: 'Vul een https-adres in.' }).max(2000).optional(),
    expiresAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'ApiClientCreate' });

export const apiClientSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    name: z.string(),
    roles: z.array(roleSchema),
    scopes: z.array(z.string()),
    keyKind: z.enum(['jwk', 'jwks_url']),
    keyId: z.string().nullable(),
    jwksUrl: z.string().nullable(),
    expiresAt: dateTimeStringSchema,
    createdAt: dateTimeStringSchema,
    revokedAt: dateTimeStringSchema.nullable(),
    status: z.enum(['active', 'expired', 'revoked']),
  })
  .meta({ id: 'ApiClient' });
export type ApiClient = z.infer<typeof apiClientSchema>;

export const apiClientListSchema = z
  .object({ items: z.array(apiClientSchema), scopes: z.array(z.string()) })
  .meta({ id: 'ApiClientList', description: 'De geregistreerde clients, en alle scopes die een client kan krijgen.' });

export const TOKEN_PATH = '/oauth/token';
export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** An access token lives five minutes (SMART Backend Services: at most five). */
export const ACCESS_TOKEN_SECONDS = 300;

/** The token request (RFC 6749 §4.4, RFC 7523 §2.2), as form fields; the server checks each itself. */
export const tokenRequestSchema = z
  .object({
    grant_type: z.string().max(100).optional().meta({ description: 'Altijd `client_credentials`.' }),
    client_assertion_type: z.string().max(200).optional().meta({ description: `Altijd \`${CLIENT_ASSERTION_TYPE}\`.` }),
    client_assertion: z.string().max(16_384).optional().meta({ description: 'Ondertekende JWT: iss = sub = client-id, aud = het tokenadres, exp hoogstens 5 minuten vooruit, jti nieuw.' }),
    scope: z.string().max(4000).optional().meta({ description: 'Scopes gescheiden door spaties; leeg: alle scopes van de client.' }),
  })
  .meta({ id: 'TokenRequest' });

export const tokenResponseSchema = z
  .object({
    access_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int(),
    scope: z.string(),
  })
  .meta({ id: 'TokenResponse' });

/** RFC 6749 §5.2 error codes of the token endpoint. */
export const OAUTH_ERRORS = ['invalid_request', 'invalid_client', 'invalid_grant', 'invalid_scope', 'unsupported_grant_type'] as const;

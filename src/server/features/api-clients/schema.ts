// SPDX-License-Identifier: EUPL-1.2
// Machine access (ADR 0017): registered API clients, the client assertions already used (replay
// protection) and the access tokens issued (stored hashed, so revoking a client ends its access at once).
import { jsonb, pgTable, primaryKey, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';
import { organisations, people } from '../organisations/schema.js';

export const apiClients = pgTable(
  'api_clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    /** The roles the client acts in (like a person's membership of its organisation). */
    roles: text('roles').array().notNull(),
    /** What its tokens may be granted: `resource.action` from the access policy. */
    scopes: text('scopes').array().notNull(),
    /** The public key (JWK, no private members), or null when the key set is fetched from `jwksUrl`. */
    publicJwk: jsonb('public_jwk').$type<Record<string, unknown>>(),
    jwksUrl: text('jwks_url'),
    keyId: text('key_id'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => people.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => people.id),
  },
  (table) => [index('api_clients_organisation_idx').on(table.organisationId)],
);

/** The `jti` of every client assertion accepted, kept until the assertion expires: a second use is refused. */
export const apiClientAssertions = pgTable(
  'api_client_assertions',
  {
    clientId: uuid('client_id')
      .notNull()
      .references(() => apiClients.id),
    jti: text('jti').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.clientId, table.jti] }), index('api_client_assertions_expires_idx').on(table.expiresAt)],
);

/** Access tokens: only the SHA-256 of the bearer value is stored. */
export const apiAccessTokens = pgTable(
  'api_access_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => apiClients.id),
    scopes: text('scopes').array().notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('api_access_tokens_client_idx').on(table.clientId), index('api_access_tokens_expires_idx').on(table.expiresAt)],
);

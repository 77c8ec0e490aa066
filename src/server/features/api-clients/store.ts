// SPDX-License-Identifier: EUPL-1.2
// Reading API clients and turning rows into the wire shape.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import type { ApiClient } from '../../../contracts/api-clients.js';
import type { Role } from '../../../contracts/roles.js';
import { organisations } from '../organisations/schema.js';
import { apiClients } from './schema.js';

const columns = {
  id: apiClients.id,
  organisationId: apiClients.organisationId,
  organisationName: organisations.name,
  name: apiClients.name,
  roles: apiClients.roles,
  scopes: apiClients.scopes,
  publicJwk: apiClients.publicJwk,
  jwksUrl: apiClients.jwksUrl,
  keyId: apiClients.keyId,
  expiresAt: apiClients.expiresAt,
  createdAt: apiClients.createdAt,
  revokedAt: apiClients.revokedAt,
};

export type ApiClientRow = { [K in keyof typeof columns]: (typeof columns)[K]['_']['data'] | ((typeof columns)[K]['_']['notNull'] extends true ? never : null) };

export async function findApiClients(tx: Executor, organisationIds: string[] | null): Promise<ApiClientRow[]> {
  return (await tx
    .select(columns)
    .from(apiClients)
    .innerJoin(organisations, eq(organisations.id, apiClients.organisationId))
    .where(organisationIds === null ? undefined : inArray(apiClients.organisationId, organisationIds.length > 0 ? organisationIds : ['00000000-0000-0000-0000-000000000000']))
    .orderBy(asc(organisations.name), asc(apiClients.name), asc(apiClients.id))) as ApiClientRow[];
}

export async function findApiClient(tx: Executor, id: string): Promise<ApiClientRow | null> {
  const [row] = await tx
    .select(columns)
    .from(apiClients)
    .innerJoin(organisations, eq(organisations.id, apiClients.organisationId))
    .where(eq(apiClients.id, id))
    .limit(1);
  return (row as ApiClientRow | undefined) ?? null;
}

export function statusOf(row: { revokedAt: Date | null; expiresAt: Date }, now: Date): ApiClient['status'] {
  if (row.revokedAt) return 'revoked';
  return row.expiresAt <= now ? 'expired' : 'active';
}

export function toApiClient(row: ApiClientRow, now: Date): ApiClient {
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    name: row.name,
    roles: row.roles as Role[],
    scopes: row.scopes,
    keyKind: row.publicJwk ? 'jwk' : 'jwks_url',
    keyId: row.keyId,
    jwksUrl: row.jwksUrl,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: statusOf(row, now),
  };
}

// SPDX-License-Identifier: EUPL-1.2
// A bearer token on the REST or FHIR API → the session-like identity its client acts with: its
// organisation, the roles chosen at registration and the token's scopes. Checked against the client
// on every request, so a revoked or expired client (or a deactivated organisation) is refused at once.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import type { ResolvedSession } from '../../platform/auth/session.js';
import { hashToken } from '../../platform/auth/tokens.js';
import { ROLES, type Role } from '../../../contracts/roles.js';
import { organisationMunicipalities, organisations } from '../organisations/schema.js';
import { apiAccessTokens, apiClients } from './schema.js';

export async function resolveAccessToken(db: Executor, token: string, now: Date): Promise<ResolvedSession | null> {
  if (token.length > 200) return null;
  const [row] = await db
    .select({
      tokenId: apiAccessTokens.id,
      scopes: apiAccessTokens.scopes,
      issuedAt: apiAccessTokens.issuedAt,
      expiresAt: apiAccessTokens.expiresAt,
      clientId: apiClients.id,
      clientName: apiClients.name,
      roles: apiClients.roles,
      clientExpiresAt: apiClients.expiresAt,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationType: organisations.type,
      municipalityCodes: sql<string[]>`coalesce((select array_agg(${organisationMunicipalities.municipalityCode} order by ${organisationMunicipalities.municipalityCode})
        from ${organisationMunicipalities} where ${organisationMunicipalities.organisationId} = ${apiClients.organisationId}), '{}'::text[])`,
    })
    .from(apiAccessTokens)
    .innerJoin(apiClients, eq(apiClients.id, apiAccessTokens.clientId))
    .innerJoin(organisations, eq(organisations.id, apiClients.organisationId))
    .where(
      and(
        eq(apiAccessTokens.tokenHash, hashToken(token)),
        gt(apiAccessTokens.expiresAt, now),
        isNull(apiClients.revokedAt),
        gt(apiClients.expiresAt, now),
        eq(organisations.isActive, true),
      ),
    )
    .limit(1);
  if (!row) return null;
  // Never a platform admin, whatever the row says (registration refuses it too).
  const roles = row.roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role) && role !== 'platform_admin');
  return {
    id: row.tokenId,
    stage: 'active',
    personId: row.clientId,
    personName: row.clientName,
    email: '',
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    organisationType: row.organisationType,
    roles,
    coalitionIds: [],
    municipalityCodes: row.municipalityCodes,
    hasTwoFactor: true,
    createdAt: row.issuedAt,
    expiresAt: row.expiresAt,
    machine: { clientId: row.clientId, scopes: row.scopes },
  };
}

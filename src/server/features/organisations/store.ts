// SPDX-License-Identifier: EUPL-1.2
// Queries on organisations and their service areas. Only called from inside a ScopedStore
// operation, with the transaction (and, for lists, the scope) the store hands out.
import { directoryServices } from '../services/schema.js';
import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../platform/db/connection.js';
import { allowedActions, type Actor, type Scope } from '../../platform/access/policy.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { AppError } from '../../platform/errors.js';
import type { Organisation, organisationQuerySchema } from '../../../contracts/organisations.js';
import type { OrganisationType } from '../../../contracts/roles.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { municipalities } from '../reference/schema.js';
import { organisationMunicipalities, organisations } from './schema.js';
import { containsPattern, orderByOf, type RowWindow } from '../../platform/http/listing.js';

/** What a use-case of this feature receives from the route. */
export type UseCaseContext = Pick<RequestContext, 'store' | 'now'>;
export type ListScope = Exclude<Scope, { kind: 'none' }>;
export type OrganisationFilters = Omit<z.infer<typeof organisationQuerySchema>, 'page' | 'pageSize'> & {
  /** FHIR `identifier` without a system: the AGB code, URA or own code, exactly. */
  anyCode?: string | undefined;
  /** FHIR `active`: only active (true) or only inactive (false) organisations; overrides includeInactive. */
  active?: boolean | undefined;
  /** FHIR `keeps-service` / `service-municipality`: only organisations that keep an active service on the sociale kaart (in this municipality, when a GM code). */
  keepsService?: { municipalityCode: string | null } | undefined;
};

const municipalityCodesOfOrganisation = sql<string[]>`coalesce((
  SELECT array_agg(${organisationMunicipalities.municipalityCode} ORDER BY ${organisationMunicipalities.municipalityCode})
  FROM ${organisationMunicipalities}
  WHERE ${organisationMunicipalities.organisationId} = ${organisations.id}
), '{}'::text[])`;

const organisationColumns = {
  id: organisations.id,
  name: organisations.name,
  type: organisations.type,
  identifier: organisations.identifier,
  agbCode: organisations.agbCode,
  uraCode: organisations.uraCode,
  isActive: organisations.isActive,
  municipalityCodes: municipalityCodesOfOrganisation,
  createdAt: organisations.createdAt,
  updatedAt: organisations.updatedAt,
};

export interface OrganisationRow {
  id: string;
  name: string;
  type: OrganisationType;
  identifier: string | null;
  agbCode: string | null;
  uraCode: string | null;
  isActive: boolean;
  municipalityCodes: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** The organisation as the actor sees it, with what the policy lets them do with it. */
export function toOrganisation(row: OrganisationRow, actor: Actor): Organisation {
  const target = { organisationIds: [row.id] };
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowedActions: allowedActions(actor, {
      update: [{ resource: 'organisation', action: 'update', target }],
      deactivate: [{ resource: 'organisation', action: 'deactivate', target }],
      change_type: [{ resource: 'organisation', action: 'change_type', target }],
    }),
  };
}

function organisationConditions(scope: ListScope, filters: OrganisationFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (scope.kind === 'organisations') conditions.push(inArray(organisations.id, scope.organisationIds));
  if (filters.active !== undefined) conditions.push(eq(organisations.isActive, filters.active));
  else if (!filters.includeInactive) conditions.push(eq(organisations.isActive, true));
  if (filters.keepsService) {
    const inMunicipality = filters.keepsService.municipalityCode
      ? sql` AND ${directoryServices.municipalityCodes} @> ${JSON.stringify([filters.keepsService.municipalityCode])}::jsonb`
      : sql``;
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${directoryServices} WHERE ${directoryServices.organisationId} = ${organisations.id} AND ${directoryServices.isActive}${inMunicipality})`,
    );
  }
  if (filters.type) conditions.push(eq(organisations.type, filters.type));
  if (filters.agbCode) conditions.push(eq(organisations.agbCode, filters.agbCode));
  if (filters.uraCode) conditions.push(eq(organisations.uraCode, filters.uraCode));
  if (filters.anyCode) {
    conditions.push(or(eq(organisations.agbCode, filters.anyCode), eq(organisations.uraCode, filters.anyCode), eq(organisations.identifier, filters.anyCode))!);
  }
  if (filters.q) {
    const pattern = containsPattern(filters.q);
    conditions.push(
      or(ilike(organisations.name, pattern), ilike(organisations.identifier, pattern), eq(organisations.agbCode, filters.q), eq(organisations.uraCode, filters.q))!,
    );
  }
  if (filters.municipalityCode) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${organisationMunicipalities} WHERE ${organisationMunicipalities.organisationId} = ${organisations.id} AND ${organisationMunicipalities.municipalityCode} = ${filters.municipalityCode})`,
    );
  }
  return conditions.length ? and(...conditions) : undefined;
}

export async function findOrganisations(
  tx: Executor,
  scope: ListScope,
  filters: OrganisationFilters,
  window: RowWindow,
): Promise<{ rows: OrganisationRow[]; total: number }> {
  const where = organisationConditions(scope, filters);
  const [counted] = await tx.select({ total: sql<number>`count(*)::int` }).from(organisations).where(where);
  const rows = await tx
    .select(organisationColumns)
    .from(organisations)
    .where(where)
    .orderBy(
      ...orderByOf(
        filters.sorteer,
        { name: organisations.name, type: organisations.type, createdAt: organisations.createdAt, updatedAt: organisations.updatedAt },
        [asc(organisations.name)],
        organisations.id,
      ),
    )
    .limit(window.limit)
    .offset(window.offset);
  return { rows, total: counted?.total ?? 0 };
}

/** An AGB code or URA identifies one organisation: 409 when another already carries it. */
export async function assertCodesFree(tx: Executor, id: string | null, codes: { agbCode?: string | null | undefined; uraCode?: string | null | undefined }) {
  for (const [field, column, message] of [
    ['agbCode', organisations.agbCode, nl.fieldErrors.agbCodeTaken],
    ['uraCode', organisations.uraCode, nl.fieldErrors.uraCodeTaken],
  ] as const) {
    const code = codes[field];
    if (!code) continue;
    const [taken] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(column, code), id ? sql`${organisations.id} <> ${id}` : undefined));
    if (taken) throw new AppError('conflict', { message, errors: [{ path: `body.${field}`, message }] });
  }
}

export async function findOrganisation(tx: Executor, id: string): Promise<OrganisationRow | null> {
  const [row] = await tx.select(organisationColumns).from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

/** An organisation's own record belongs to that organisation alone. */
export async function locateOrganisation(tx: Executor, id: string) {
  const [row] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id));
  return row ? { organisationIds: [row.id] } : null;
}

/**
 * Refuses unknown municipality codes with a Dutch message per code (the format is checked by zod;
 * whether the code exists only the table knows). Returns the codes without duplicates.
 */
export async function checkMunicipalityCodes(tx: Executor, codes: readonly string[]): Promise<string[]> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return unique;
  const found = await tx.select({ code: municipalities.code }).from(municipalities).where(inArray(municipalities.code, unique));
  const known = new Set(found.map((row) => row.code));
  const errors = codes.flatMap((code, index) =>
    known.has(code) ? [] : [{ path: `body.municipalityCodes.${index}`, message: nl.organisations.unknownMunicipality.replace('{code}', code) }],
  );
  if (errors.length > 0) throw new AppError('validation_failed', { errors });
  return unique;
}

export async function replaceMunicipalities(tx: Executor, organisationId: string, codes: readonly string[]): Promise<void> {
  await tx.delete(organisationMunicipalities).where(eq(organisationMunicipalities.organisationId, organisationId));
  if (codes.length > 0) {
    await tx.insert(organisationMunicipalities).values(codes.map((municipalityCode) => ({ organisationId, municipalityCode })));
  }
}

// SPDX-License-Identifier: EUPL-1.2
// What the service use-cases share: the row as the API shows it (with its verification status and
// what the actor may do with it), finding and locating one, and the checks a new or corrected service
// must pass before anything is written.
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import { allowedActions, type Actor, type Target } from '../../platform/access/policy.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { AppError } from '../../platform/errors.js';
import { isKnownFactorKey } from '../../../contracts/screening/factor-catalogue.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { Service, ServiceAction, ServiceCreate } from '../../../contracts/services.js';
import { organisationMunicipalities, organisations } from '../organisations/schema.js';
import { directoryServices } from './schema.js';
import { confirmationDueAt, verificationStatus } from './domain/verification.js';

export type UseCaseContext = Pick<RequestContext, 'store' | 'now' | 'actor'>;
export type ServiceRow = typeof directoryServices.$inferSelect;

export function serviceTarget(row: Pick<ServiceRow, 'organisationId' | 'municipalityCodes'>): Target {
  return { organisationIds: [row.organisationId], municipalityCodes: row.municipalityCodes };
}

export function serviceActions(actor: Actor, row: Pick<ServiceRow, 'organisationId' | 'municipalityCodes'>): ServiceAction[] {
  const target = serviceTarget(row);
  return allowedActions(actor, {
    update: [{ resource: 'service', action: 'update', target }],
    confirm: [{ resource: 'service', action: 'update', target }],
  });
}

export function toService(row: ServiceRow, organisationName: string, actor: Actor, now: Date): Service {
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName,
    externalProviderName: row.externalProviderName,
    providerName: row.externalProviderName ?? organisationName,
    name: row.name,
    description: row.description,
    category: row.category,
    factorKeys: row.factorKeys,
    municipalityCodes: row.municipalityCodes,
    intakeRoutes: row.intakeRoutes,
    eligibility: row.eligibility,
    languages: row.languages,
    cost: row.cost,
    costNote: row.costNote,
    phone: row.phone,
    email: row.email,
    website: row.website,
    openingHours: row.openingHours,
    isActive: row.isActive,
    lastConfirmedAt: row.lastConfirmedAt.toISOString(),
    confirmationDueAt: confirmationDueAt(row.lastConfirmedAt).toISOString(),
    verification: verificationStatus(row.lastConfirmedAt, now),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    allowedActions: serviceActions(actor, row),
  };
}

/** Each row with the name of the organisation that keeps it. */
export async function withOrganisationNames(tx: Executor, rows: ServiceRow[]): Promise<{ row: ServiceRow; organisationName: string }[]> {
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.map((row) => row.organisationId))];
  const names = new Map(
    (await tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids))).map((entry) => [entry.id, entry.name]),
  );
  return rows.map((row) => ({ row, organisationName: names.get(row.organisationId) ?? '' }));
}

export async function findServiceRow(tx: Executor, id: string): Promise<ServiceRow | null> {
  const [row] = await tx.select().from(directoryServices).where(eq(directoryServices.id, id));
  return row ?? null;
}

export async function locateService(tx: Executor, id: string): Promise<Target | null> {
  const row = await findServiceRow(tx, id);
  return row ? serviceTarget(row) : null;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/**
 * The rules beyond the field formats: every factor key exists in the factor catalogue, and every
 * municipality is in the keeping organisation's service area. Refused with a field error per value.
 */
export async function checkServiceRules(tx: Executor, organisationId: string, input: Pick<ServiceCreate, 'factorKeys' | 'municipalityCodes'>): Promise<void> {
  const unknownFactors = input.factorKeys.map((key, index) => ({ key, index })).filter(({ key }) => !isKnownFactorKey(key));
  if (unknownFactors.length > 0) {
    throw new AppError('service_unknown_factor', {
      errors: unknownFactors.map(({ key, index }) => ({ path: `body.factorKeys.${index}`, message: fill(nl.services.errorUnknownFactor, { key }) })),
    });
  }
  const area = new Set(
    (
      await tx
        .select({ code: organisationMunicipalities.municipalityCode })
        .from(organisationMunicipalities)
        .where(eq(organisationMunicipalities.organisationId, organisationId))
    ).map((entry) => entry.code),
  );
  const outside = input.municipalityCodes.map((code, index) => ({ code, index })).filter(({ code }) => !area.has(code));
  if (outside.length > 0) {
    throw new AppError('service_municipality_outside_area', {
      errors: outside.map(({ code, index }) => ({ path: `body.municipalityCodes.${index}`, message: fill(nl.services.errorMunicipalityOutsideArea, { code }) })),
    });
  }
}

/** The columns a create or correction writes (deduplicated lists, in the order given). */
export function serviceValues(input: Omit<ServiceCreate, 'organisationId'>) {
  return {
    externalProviderName: input.externalProviderName || null,
    name: input.name,
    description: input.description || null,
    category: input.category,
    factorKeys: [...new Set(input.factorKeys)],
    municipalityCodes: [...new Set(input.municipalityCodes)],
    intakeRoutes: [...new Set(input.intakeRoutes)],
    eligibility: input.eligibility || null,
    languages: [...new Set(input.languages)],
    cost: input.cost,
    costNote: input.costNote || null,
    phone: input.phone || null,
    email: input.email || null,
    website: input.website || null,
    openingHours: input.openingHours || null,
    isActive: input.isActive,
  };
}

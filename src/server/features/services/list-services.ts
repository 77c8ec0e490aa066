// SPDX-License-Identifier: EUPL-1.2
// The directory for everyone logged in: search (name, provider, description) and filter by
// municipality, risk factor, kind of help and keeping organisation; each service with how current it is.
import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { hasAnyGrant } from '../../platform/access/policy.js';
import type { Service, ServicePage } from '../../../contracts/services.js';
import type { z } from 'zod';
import type { serviceQuerySchema } from '../../../contracts/services.js';
import { directoryServices } from './schema.js';
import { toService, withOrganisationNames, type UseCaseContext } from './store.js';

export type ServiceQuery = z.infer<typeof serviceQuerySchema>;

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

export function serviceConditions(query: Omit<ServiceQuery, 'page' | 'pageSize'>): SQL[] {
  const s = directoryServices;
  const conditions: SQL[] = [];
  if (!query.includeInactive) conditions.push(eq(s.isActive, true));
  if (query.municipalityCode) conditions.push(sql`${s.municipalityCodes} @> ${JSON.stringify([query.municipalityCode])}::jsonb`);
  if (query.factorKey) conditions.push(sql`${s.factorKeys} @> ${JSON.stringify([query.factorKey])}::jsonb`);
  if (query.category) conditions.push(eq(s.category, query.category));
  if (query.organisationId) conditions.push(eq(s.organisationId, query.organisationId));
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(or(ilike(s.name, pattern), ilike(s.description, pattern), ilike(s.externalProviderName, pattern))!);
  }
  return conditions;
}

export async function listServices(ctx: UseCaseContext, query: ServiceQuery): Promise<ServicePage> {
  const now = ctx.now();
  const result = await ctx.store.search({
    resource: 'service',
    perform: async (tx) => {
      const where = and(...serviceConditions(query));
      const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(directoryServices).where(where);
      const rows = await tx
        .select()
        .from(directoryServices)
        .where(where)
        .orderBy(asc(directoryServices.name), asc(directoryServices.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const items = (await withOrganisationNames(tx, rows)).map(({ row, organisationName }) => toService(row, organisationName, ctx.actor, now));
      return { items, total: Number(total) };
    },
    details: (found) => ({ count: found.items.length }),
  });
  return {
    ...result,
    page: query.page,
    pageSize: query.pageSize,
    allowedActions: hasAnyGrant(ctx.actor, 'service', 'create') ? ['create'] : [],
  };
}

/** Every matching service (for the FHIR search, which pages the combined result itself); `active` undefined: both. */
export async function findServices(
  ctx: UseCaseContext,
  filter: { municipalityCode?: string; factorKey?: string; category?: ServiceQuery['category']; organisationId?: string; active?: boolean },
): Promise<Service[]> {
  const now = ctx.now();
  return ctx.store.search({
    resource: 'service',
    perform: async (tx) => {
      const conditions = serviceConditions({ ...filter, includeInactive: true });
      if (filter.active !== undefined) conditions.push(eq(directoryServices.isActive, filter.active));
      const rows = await tx
        .select()
        .from(directoryServices)
        .where(and(...conditions))
        .orderBy(asc(directoryServices.name), asc(directoryServices.id))
        .limit(FHIR_SEARCH_LIMIT);
      return (await withOrganisationNames(tx, rows)).map(({ row, organisationName }) => toService(row, organisationName, ctx.actor, now));
    },
    details: (found) => ({ count: found.length }),
  });
}

/** The most directory services one FHIR search combines (its pages are cut from these). */
const FHIR_SEARCH_LIMIT = 5000;

// SPDX-License-Identifier: EUPL-1.2
// The national overview (issue 10 item 1; seed 003 "Coalities" reports 212 formed, 66 in development,
// 31 none): every municipality once in its status for the year (not answered where none is recorded),
// the active coalitions per level with the municipalities in them now — a municipality in a local
// coalition and a regional collaboration counts once at each level — and each municipality's coalitions.
// Public register data, not personal: read as an aggregate (a refusal is audited, a read is not).
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { CoalitionOverview, MunicipalityStatus } from '../../../contracts/coalitions.js';
import { hasAnyGrant } from '../../platform/access/policy.js';
import { municipalities, provinces } from '../reference/schema.js';
import { coalitionMunicipalities, coalitions, municipalityCoalitionStatuses } from './schema.js';
import { currentYearOf, type UseCaseContext } from './register-store.js';

export async function getOverview(ctx: UseCaseContext, year?: number): Promise<CoalitionOverview> {
  const chosenYear = year ?? currentYearOf(ctx);
  return ctx.store.readAggregates({
    resource: 'coalition',
    action: 'list',
    perform: async (db) => {
      const rows = await db
        .select({
          code: municipalities.code,
          name: municipalities.name,
          provinceName: provinces.name,
          status: municipalityCoalitionStatuses.status,
          source: municipalityCoalitionStatuses.source,
        })
        .from(municipalities)
        .innerJoin(provinces, eq(provinces.code, municipalities.provinceCode))
        .leftJoin(municipalityCoalitionStatuses, and(eq(municipalityCoalitionStatuses.municipalityCode, municipalities.code), eq(municipalityCoalitionStatuses.year, chosenYear)))
        .orderBy(asc(municipalities.name), asc(municipalities.code));
      const memberRows = await db
        .select({ municipalityCode: coalitionMunicipalities.municipalityCode, kind: coalitions.kind, code: coalitions.code, name: coalitions.name })
        .from(coalitionMunicipalities)
        .innerJoin(coalitions, eq(coalitions.id, coalitionMunicipalities.coalitionId))
        .where(and(isNull(coalitionMunicipalities.until), eq(coalitions.isActive, true)));
      const counted = await db
        .select({ kind: coalitions.kind, total: sql<number>`count(*)::int` })
        .from(coalitions)
        .where(eq(coalitions.isActive, true))
        .groupBy(coalitions.kind);
      const local = new Map<string, { code: string; name: string }>();
      const regional = new Map<string, { code: string; name: string }>();
      for (const row of memberRows) (row.kind === 'local' ? local : regional).set(row.municipalityCode, { code: row.code, name: row.name });
      const statusCounts: Record<MunicipalityStatus, number> = { formed: 0, in_development: 0, none: 0, not_answered: 0 };
      const items = rows.map((row) => {
        const status = row.status ?? 'not_answered';
        statusCounts[status] += 1;
        return {
          code: row.code,
          name: row.name,
          provinceName: row.provinceName,
          status,
          source: row.source,
          localCoalition: local.get(row.code) ?? null,
          regionalCoalition: regional.get(row.code) ?? null,
        };
      });
      const coalitionsOf = (kind: 'local' | 'regional') => counted.find((row) => row.kind === kind)?.total ?? 0;
      return {
        year: chosenYear,
        statusCounts,
        levels: {
          local: { coalitions: coalitionsOf('local'), municipalities: local.size },
          regional: { coalitions: coalitionsOf('regional'), municipalities: regional.size },
        },
        municipalities: items,
        allowedActions: hasAnyGrant(ctx.store.actor, 'coalition', 'create') ? ['create' as const] : [],
      };
    },
  });
}

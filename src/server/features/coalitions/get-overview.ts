// SPDX-License-Identifier: EUPL-1.2
// The national overview (issue 10 item 1; seed 003 "Coalities" reports 212 formed, 66 in development,
// 31 none): every municipality once in its status for the year (not answered where none is recorded),
// the active coalitions per level with the municipalities in them now — a municipality in a local
// coalition and a regional collaboration counts once at each level — and each municipality's coalitions.
// Public register data, not personal: read as an aggregate (a refusal is audited, a read is not).
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
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
      // One query: every municipality with its status and its current coalition per level (at most one
      // each: coalition_municipalities_current_idx), and the active coalitions per level (InitPlans, run once).
      const localCoalition = alias(coalitions, 'local_coalition');
      const localMember = alias(coalitionMunicipalities, 'local_member');
      const regionalCoalition = alias(coalitions, 'regional_coalition');
      const regionalMember = alias(coalitionMunicipalities, 'regional_member');
      const activeOfKind = (kind: 'local' | 'regional') =>
        sql<number>`(SELECT count(*)::int FROM ${coalitions} WHERE ${coalitions.isActive} AND ${coalitions.kind} = ${kind})`;
      const rows = await db
        .select({
          code: municipalities.code,
          name: municipalities.name,
          provinceName: provinces.name,
          status: municipalityCoalitionStatuses.status,
          source: municipalityCoalitionStatuses.source,
          localCode: localCoalition.code,
          localName: localCoalition.name,
          regionalCode: regionalCoalition.code,
          regionalName: regionalCoalition.name,
          localCoalitions: activeOfKind('local'),
          regionalCoalitions: activeOfKind('regional'),
        })
        .from(municipalities)
        .innerJoin(provinces, eq(provinces.code, municipalities.provinceCode))
        .leftJoin(municipalityCoalitionStatuses, and(eq(municipalityCoalitionStatuses.municipalityCode, municipalities.code), eq(municipalityCoalitionStatuses.year, chosenYear)))
        .leftJoin(localMember, and(eq(localMember.municipalityCode, municipalities.code), eq(localMember.kind, 'local'), isNull(localMember.until)))
        .leftJoin(localCoalition, and(eq(localCoalition.id, localMember.coalitionId), eq(localCoalition.isActive, true)))
        .leftJoin(regionalMember, and(eq(regionalMember.municipalityCode, municipalities.code), eq(regionalMember.kind, 'regional'), isNull(regionalMember.until)))
        .leftJoin(regionalCoalition, and(eq(regionalCoalition.id, regionalMember.coalitionId), eq(regionalCoalition.isActive, true)))
        .orderBy(asc(municipalities.name), asc(municipalities.code));
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
          localCoalition: row.localCode !== null && row.localName !== null ? { code: row.localCode, name: row.localName } : null,
          regionalCoalition: row.regionalCode !== null && row.regionalName !== null ? { code: row.regionalCode, name: row.regionalName } : null,
        };
      });
      return {
        year: chosenYear,
        statusCounts,
        levels: {
          local: { coalitions: rows[0]?.localCoalitions ?? 0, municipalities: items.filter((item) => item.localCoalition).length },
          regional: { coalitions: rows[0]?.regionalCoalitions ?? 0, municipalities: items.filter((item) => item.regionalCoalition).length },
        },
        municipalities: items,
        allowedActions: hasAnyGrant(ctx.store.actor, 'coalition', 'create') ? ['create' as const] : [],
      };
    },
  });
}

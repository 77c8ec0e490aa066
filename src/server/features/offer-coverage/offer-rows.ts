// SPDX-License-Identifier: EUPL-1.2
// The running local offer of menu interventions for the municipalities of a scope: offers of one of
// them, and whole-coalition offers of a coalition one of them belongs to now.
import { sql } from 'drizzle-orm';
import type { FundingRoute } from '../../../contracts/intervention-menu.js';
import { queryRows, type Executor } from '../../platform/db/connection.js';

export interface RunningOffer {
  coalitionCode: string;
  municipalityCode: string | null;
  interventionKey: string;
  serviceName: string;
  fundingRoute: FundingRoute;
  capacityPerYear: number | null;
  /** The scope's municipalities this offer reaches. */
  reaches: string[];
}

export async function runningMenuOffers(tx: Executor, municipalityCodes: readonly string[], today: string): Promise<RunningOffer[]> {
  const codes = JSON.stringify(municipalityCodes);
  const rows = await queryRows<{
    coalition_code: string;
    municipality_code: string | null;
    intervention_key: string;
    service_name: string;
    funding_route: FundingRoute;
    capacity_per_year: number | null;
    reaches: string[] | null;
  }>(tx, sql`
    SELECT c.code AS coalition_code, o.municipality_code, o.intervention_key, s.name AS service_name, o.funding_route, o.capacity_per_year,
      CASE WHEN o.municipality_code IS NOT NULL THEN ARRAY[o.municipality_code]
        ELSE (SELECT array_agg(cm.municipality_code) FROM coalition_municipalities cm
          WHERE cm.coalition_id = o.coalition_id AND cm.until IS NULL
            AND cm.municipality_code IN (SELECT jsonb_array_elements_text(${codes}::jsonb))) END AS reaches
    FROM local_offers o JOIN coalitions c ON c.id = o.coalition_id JOIN directory_services s ON s.id = o.service_id
    WHERE o.intervention_key IS NOT NULL AND o.since <= ${today}::date AND (o.until IS NULL OR o.until >= ${today}::date)
    ORDER BY c.code, o.intervention_key, o.municipality_code NULLS FIRST`);
  const inScope = new Set(municipalityCodes);
  return rows
    .map((row) => ({
      coalitionCode: row.coalition_code,
      municipalityCode: row.municipality_code,
      interventionKey: row.intervention_key,
      serviceName: row.service_name,
      fundingRoute: row.funding_route,
      capacityPerYear: row.capacity_per_year,
      reaches: (row.reaches ?? []).filter((code) => inScope.has(code)),
    }))
    .filter((offer) => offer.reaches.length > 0);
}

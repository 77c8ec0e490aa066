// SPDX-License-Identifier: EUPL-1.2
// Queries of the coalition register. For now only what the monitor needs: the active coalitions of
// both kinds and their current member municipalities (the coalition workspace adds the rest).
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import { coalitionMunicipalities, coalitions } from './schema.js';

export interface ActiveCoalition {
  code: string;
  name: string;
  kind: 'local' | 'regional';
  /** Sorted; the current members (a municipality is in at most one coalition of each kind at a time). */
  municipalityCodes: string[];
}

export async function listActiveCoalitions(db: Executor): Promise<ActiveCoalition[]> {
  const rows = await db
    .select({ code: coalitions.code, name: coalitions.name, kind: coalitions.kind, municipalityCode: coalitionMunicipalities.municipalityCode })
    .from(coalitions)
    .leftJoin(coalitionMunicipalities, and(eq(coalitionMunicipalities.coalitionId, coalitions.id), isNull(coalitionMunicipalities.until)))
    .where(eq(coalitions.isActive, true))
    .orderBy(asc(coalitions.code), asc(coalitionMunicipalities.municipalityCode));
  const byCode = new Map<string, ActiveCoalition>();
  for (const row of rows) {
    const coalition = byCode.get(row.code) ?? { code: row.code, name: row.name, kind: row.kind, municipalityCodes: [] };
    if (row.municipalityCode) coalition.municipalityCodes.push(row.municipalityCode);
    byCode.set(row.code, coalition);
  }
  return [...byCode.values()];
}

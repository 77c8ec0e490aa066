// SPDX-License-Identifier: EUPL-1.2
// A coalition as the access policy sees it: every workspace record of a coalition (partners,
// agreements, plans, analysis rounds) is decided on this target — the coalition itself for
// 'own_coalition', its current member municipalities for 'own_municipality'.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import type { Target } from '../../platform/access/policy.js';
import { coalitionMunicipalities, coalitions, type CoalitionKind } from './schema.js';

export interface CoalitionRef {
  id: string;
  code: string;
  name: string;
  kind: CoalitionKind;
  isActive: boolean;
  /** Current members, sorted. */
  municipalityCodes: string[];
}

/** The coalition with this public code (KSnnnn), with its current members; null when there is none. */
export async function findCoalitionRef(db: Executor, code: string): Promise<CoalitionRef | null> {
  const rows = await db
    .select({
      id: coalitions.id,
      code: coalitions.code,
      name: coalitions.name,
      kind: coalitions.kind,
      isActive: coalitions.isActive,
      municipalityCode: coalitionMunicipalities.municipalityCode,
    })
    .from(coalitions)
    .leftJoin(coalitionMunicipalities, and(eq(coalitionMunicipalities.coalitionId, coalitions.id), isNull(coalitionMunicipalities.until)))
    .where(eq(coalitions.code, code))
    .orderBy(asc(coalitionMunicipalities.municipalityCode));
  const [first] = rows;
  if (!first) return null;
  const { municipalityCode: _municipalityCode, ...coalition } = first;
  return { ...coalition, municipalityCodes: rows.flatMap((row) => (row.municipalityCode ? [row.municipalityCode] : [])) };
}

/** The policy target of a coalition's records. */
export function coalitionTarget(coalition: Pick<CoalitionRef, 'id' | 'municipalityCodes'>): Target {
  return { organisationIds: [], coalitionIds: [coalition.id], municipalityCodes: coalition.municipalityCodes };
}

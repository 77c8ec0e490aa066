// SPDX-License-Identifier: EUPL-1.2
// Queries on care pathways: those that apply to a municipality (its own and its coalition's).
import { and, asc, eq, or, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import type { CarePathway } from '../../../contracts/pathways.js';
import { FACTOR_CATALOGUE } from '../../../contracts/screening/factor-catalogue.js';
import { carePathways } from './schema.js';
import { pathwaySchema, type Pathway } from './domain/pathway.js';

export type UseCaseContext = Pick<RequestContext, 'store' | 'now'> & { db: Executor };

export interface StoredPathway {
  id: string;
  pathway: Pathway;
}

export interface CoalitionOf {
  code: string;
  name: string;
}

/** The active local coalition a municipality belongs to today, if any. */
export async function coalitionOfMunicipality(db: Executor, municipalityCode: string): Promise<CoalitionOf | null> {
  const [row] = await queryRows<CoalitionOf>(db, sql`
    SELECT c.code, c.name FROM coalition_municipalities cm JOIN coalitions c ON c.id = cm.coalition_id
    WHERE cm.municipality_code = ${municipalityCode} AND c.is_active AND cm.kind = 'local' AND cm.until IS NULL`);
  return row ?? null;
}

/** The published pathways of a municipality and (when given) its coalition; every published pathway when no municipality is given. Drafts, archived and withdrawn versions are never read here. */
export async function pathwaysFor(db: Executor, municipalityCode: string | null, coalitionCode: string | null): Promise<StoredPathway[]> {
  const scope = municipalityCode
    ? or(
        and(eq(carePathways.scopeKind, 'municipality'), eq(carePathways.scopeCode, municipalityCode)),
        coalitionCode ? and(eq(carePathways.scopeKind, 'coalition'), eq(carePathways.scopeCode, coalitionCode)) : sql`false`,
      )
    : undefined;
  const rows = await db
    .select({ id: carePathways.id, content: carePathways.content, version: carePathways.version, updatedAt: carePathways.updatedAt })
    .from(carePathways)
    .where(and(eq(carePathways.status, 'published'), scope))
    .orderBy(asc(carePathways.scopeKind), asc(carePathways.scopeCode), asc(carePathways.factorKey));
  // Stored in the editor's shape; a row that no longer fits it is skipped rather than shown half.
  return rows.flatMap((row) => {
    // The row's version and time are the truth; the copy in the content follows them.
    const parsed = pathwaySchema.safeParse({ ...(row.content as object), version: row.version, updatedAt: row.updatedAt.toISOString() });
    return parsed.success ? [{ id: row.id, pathway: parsed.data }] : [];
  });
}

export function toCarePathway(stored: StoredPathway): CarePathway {
  const { pathway } = stored;
  const isMunicipality = 'municipalityCode' in pathway.scope;
  const factor = FACTOR_CATALOGUE.get(pathway.factorKey);
  return {
    id: stored.id,
    factorKey: pathway.factorKey,
    factorLabel: factor?.riskLabel ?? pathway.factorKey,
    level: isMunicipality ? 'municipality' : 'coalition',
    scopeCode: 'municipalityCode' in pathway.scope ? pathway.scope.municipalityCode : pathway.scope.coalitionCode,
    title: pathway.title,
    localAgreements: pathway.localAgreements,
    steps: pathway.steps,
    version: pathway.version,
    updatedAt: pathway.updatedAt,
  };
}

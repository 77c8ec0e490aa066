// SPDX-License-Identifier: EUPL-1.2
// The local coalition a municipality belonged to on the edition's peildatum: the coalition whose plan,
// agreements and partners the municipality's answers are prefilled from.
import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/connection.js';
import { coalitionMunicipalities, coalitions } from '../../coalitions/schema.js';

export interface LocalCoalition {
  id: string;
  code: string;
  name: string;
}

export async function localCoalitionOn(db: Executor, municipalityCode: string, referenceDate: string): Promise<LocalCoalition | null> {
  const [row] = await db
    .select({ id: coalitions.id, code: coalitions.code, name: coalitions.name })
    .from(coalitionMunicipalities)
    .innerJoin(coalitions, eq(coalitions.id, coalitionMunicipalities.coalitionId))
    .where(
      and(
        eq(coalitionMunicipalities.municipalityCode, municipalityCode),
        eq(coalitionMunicipalities.kind, 'local'),
        lte(coalitionMunicipalities.since, referenceDate),
        or(isNull(coalitionMunicipalities.until), gte(coalitionMunicipalities.until, referenceDate)),
      ),
    )
    .limit(1);
  return row ?? null;
}

// SPDX-License-Identifier: EUPL-1.2
// What the parents' pages and the self-registration share: the coalition whose parent pages serve a
// municipality, and the youth health care organisation a parent there registers with — the one whose
// service offers the prenatal home visit (or else any youth health care service) in the current local offer.
import { and, asc, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { Executor } from '../../platform/db/connection.js';
import { coalitionMunicipalities, coalitions } from '../coalitions/schema.js';
import { localOffers } from '../local-offer/schema.js';
import { organisations } from '../organisations/schema.js';
import { municipalities } from '../reference/schema.js';
import { directoryServices } from '../services/schema.js';
import { parentPages } from './schema.js';

/** The menu intervention a prenatal self-registration is about. */
export const PRENATAL_HOME_VISIT_KEY = 'prenataal-huisbezoek-jgz';

/** Offers of the municipality's current, active coalitions — for the whole coalition or for it — that run today. */
export function offeredIn(municipalityCode: string, now: Date): SQL {
  const today = amsterdamDate(now);
  return and(
    eq(coalitions.isActive, true),
    lte(localOffers.since, today),
    or(isNull(localOffers.until), gte(localOffers.until, today)),
    or(eq(localOffers.municipalityCode, municipalityCode), isNull(localOffers.municipalityCode)),
    sql`EXISTS (SELECT 1 FROM ${coalitionMunicipalities} WHERE ${coalitionMunicipalities.coalitionId} = ${localOffers.coalitionId}
         AND ${coalitionMunicipalities.municipalityCode} = ${municipalityCode} AND ${coalitionMunicipalities.until} IS NULL)`,
  )!;
}

/** Municipalities that have parent pages: current members of an active coalition that wrote them. */
export async function parentMunicipalities(db: Executor, code?: string) {
  return db
    .selectDistinctOn([municipalities.name, municipalities.code], {
      code: municipalities.code,
      name: municipalities.name,
      coalitionId: coalitions.id,
      coalitionCode: coalitions.code,
      coalitionName: coalitions.name,
    })
    .from(coalitionMunicipalities)
    .innerJoin(coalitions, eq(coalitions.id, coalitionMunicipalities.coalitionId))
    .innerJoin(parentPages, eq(parentPages.coalitionId, coalitions.id))
    .innerJoin(municipalities, eq(municipalities.code, coalitionMunicipalities.municipalityCode))
    .where(and(eq(coalitions.isActive, true), isNull(coalitionMunicipalities.until), code ? eq(municipalities.code, code) : undefined))
    // One coalition per municipality: a local coalition before a regional one.
    .orderBy(asc(municipalities.name), asc(municipalities.code), sql`${coalitions.kind} = 'regional'`, asc(coalitions.code));
}

/** The youth health care organisation a parent in this municipality registers with, or null when there is none. */
export async function youthHealthCareIn(db: Executor, municipalityCode: string, now: Date): Promise<{ id: string; name: string } | null> {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(localOffers)
    .innerJoin(coalitions, eq(coalitions.id, localOffers.coalitionId))
    .innerJoin(directoryServices, eq(directoryServices.id, localOffers.serviceId))
    .innerJoin(organisations, eq(organisations.id, directoryServices.organisationId))
    .where(
      and(
        offeredIn(municipalityCode, now),
        eq(organisations.type, 'jgz'),
        eq(organisations.isActive, true),
        eq(directoryServices.isActive, true),
        sql`${directoryServices.municipalityCodes} @> ${JSON.stringify([municipalityCode])}::jsonb`,
      ),
    )
    .orderBy(sql`${localOffers.interventionKey} IS DISTINCT FROM ${PRENATAL_HOME_VISIT_KEY}`, asc(organisations.name))
    .limit(1);
  return row ?? null;
}

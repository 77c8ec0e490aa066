// SPDX-License-Identifier: EUPL-1.2
// The finder for professionals (issue 13 item 5): for one municipality and one risk factor, the
// published pathway of the municipality, else its coalition's (the pathways feature's own rule), and
// the active directory services for that factor in that municipality with how current they are.
// Public agreements and the directory: every logged-in person (the policy's care_pathway and service reads).
import { eq, inArray } from 'drizzle-orm';
import type { OfferFinderResult } from '../../../contracts/offer-coverage.js';
import type { VerificationStatus } from '../../../contracts/services.js';
import { FACTOR_CATALOGUE } from '../../../contracts/screening/factor-catalogue.js';
import { AppError } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { municipalities } from '../reference/schema.js';
import { coalitionOfMunicipality, pathwaysFor, toCarePathway } from '../pathways/store.js';
import { pathwayForFactor } from '../pathways/domain/pathway.js';
import { findServices } from '../services/list-services.js';
import { directoryServices } from '../services/schema.js';
import { verificationStatus } from '../services/domain/verification.js';

export async function findOffer(ctx: RequestContext, municipalityCode: string, factorKey: string): Promise<OfferFinderResult> {
  const factorLabel = FACTOR_CATALOGUE.get(factorKey)?.riskLabel ?? factorKey;
  const found = await ctx.store.readAggregates({
    resource: 'care_pathway',
    action: 'read',
    perform: async (db) => {
      const [municipality] = await db.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.code, municipalityCode));
      if (!municipality) throw new AppError('not_found', { message: 'Deze gemeente bestaat niet.' });
      const coalition = await coalitionOfMunicipality(db, municipalityCode);
      const stored = await pathwaysFor(db, municipalityCode, coalition?.code ?? null);
      const chosen = pathwayForFactor(factorKey, factorLabel, municipalityCode, coalition?.code ?? null, stored.map((entry) => entry.pathway));
      const entry = chosen.pathway ? stored.find((candidate) => candidate.pathway === chosen.pathway)! : null;
      const serviceIds = [...new Set(chosen.pathway?.steps.flatMap((step) => step.services.flatMap((service) => (service.serviceId ? [service.serviceId] : []))) ?? [])];
      const verification: Record<string, VerificationStatus> = {};
      if (serviceIds.length > 0) {
        const now = ctx.now();
        const rows = await db
          .select({ id: directoryServices.id, lastConfirmedAt: directoryServices.lastConfirmedAt })
          .from(directoryServices)
          .where(inArray(directoryServices.id, serviceIds));
        for (const row of rows) verification[row.id] = verificationStatus(row.lastConfirmedAt, now);
      }
      return { municipality, coalition, level: chosen.level, pathway: entry ? toCarePathway(entry) : null, verification };
    },
  });
  const services = await findServices(ctx, { municipalityCode, factorKey, active: true });
  return {
    municipalityCode,
    municipalityName: found.municipality.name,
    coalitionCode: found.coalition?.code ?? null,
    coalitionName: found.coalition?.name ?? null,
    factorKey,
    factorLabel,
    level: found.level,
    pathway: found.pathway,
    pathwayServiceVerification: found.verification,
    services,
  };
}

// SPDX-License-Identifier: EUPL-1.2
// From factor to help: for each risk factor in a family's (latest) completed screening, the care
// pathway of the family's municipality, or else its coalition's; a factor without one says so.
// Reading the profile is reading the family's file, so it goes through actOnFamily.
import { and, desc, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { FamilyPathways } from '../../../contracts/pathways.js';
import { actOnFamily } from '../families/care-access.js';
import { families } from '../families/schema.js';
import { municipalities } from '../reference/schema.js';
import { screenings } from '../screening/schema.js';
import type { FactorProfile } from '../screening/factor-profile.js';
import { findPathwaysForProfile } from './domain/pathway.js';
import { showPathways } from './directory-services.js';
import { coalitionOfMunicipality, pathwaysFor, toCarePathway, type UseCaseContext } from './store.js';

export async function findFamilyPathways(ctx: UseCaseContext, familyId: string, screeningId: string | undefined): Promise<FamilyPathways> {
  return actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'read',
    objectType: 'screening',
    perform: async (tx) => {
      const [family] = await tx
        .select({ municipalityCode: families.municipalityCode, municipalityName: municipalities.name })
        .from(families)
        .innerJoin(municipalities, eq(municipalities.code, families.municipalityCode))
        .where(eq(families.id, familyId));
      if (!family) throw new AppError('not_found');
      const [screening] = await tx
        .select({ id: screenings.id, status: screenings.status, profile: screenings.profile })
        .from(screenings)
        .where(
          screeningId
            ? and(eq(screenings.id, screeningId), eq(screenings.familyId, familyId))
            : and(eq(screenings.familyId, familyId), eq(screenings.status, 'completed')),
        )
        .orderBy(desc(screenings.completedAt))
        .limit(1);
      if (screeningId && !screening) throw new AppError('not_found', { message: 'Deze screening hoort niet bij dit gezin of bestaat niet.' });
      if (screening && screening.status !== 'completed') {
        throw new AppError('conflict', { message: 'Deze screening is nog niet afgerond: er is nog geen factorprofiel om zorgpaden bij te zoeken.' });
      }
      const coalition = await coalitionOfMunicipality(tx, family.municipalityCode);
      const base = {
        familyId,
        municipalityCode: family.municipalityCode,
        municipalityName: family.municipalityName,
        coalitionCode: coalition?.code ?? null,
        coalitionName: coalition?.name ?? null,
      };
      if (!screening) return { ...base, screeningId: null, suggestions: [] };
      const stored = await pathwaysFor(tx, family.municipalityCode, coalition?.code ?? null);
      const idOf = new Map(stored.map((entry) => [entry.pathway, entry.id]));
      const found = findPathwaysForProfile(
        screening.profile as FactorProfile,
        family.municipalityCode,
        coalition?.code ?? null,
        stored.map((entry) => entry.pathway),
      );
      // Every service as the directory has it now (with "niet recent gecontroleerd" and who receives a referral).
      const shown = await showPathways(
        tx,
        found.flatMap((entry) => (entry.pathway ? [toCarePathway({ id: idOf.get(entry.pathway)!, pathway: entry.pathway })] : [])),
        ctx.now(),
      );
      const shownById = new Map(shown.map((pathway) => [pathway.id, pathway]));
      return {
        ...base,
        screeningId: screening.id,
        suggestions: found.map((entry) => ({
          factorKey: entry.factorKey,
          factorLabel: entry.factorLabel,
          level: entry.level,
          pathway: entry.pathway ? (shownById.get(idOf.get(entry.pathway)!) ?? null) : null,
        })),
      };
    },
    details: (result) => ({ screeningId: result.screeningId, pathwaySuggestions: result.suggestions.length }),
  });
}

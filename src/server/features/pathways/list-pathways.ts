// SPDX-License-Identifier: EUPL-1.2
// The care pathways that apply in a municipality: its own and its coalition's. Public agreements,
// no personal data: every role may read them.
import type { z } from 'zod';
import type { carePathwayListSchema } from '../../../contracts/pathways.js';
import { showPathways } from './directory-services.js';
import { coalitionOfMunicipality, pathwaysFor, toCarePathway, type UseCaseContext } from './store.js';

export async function listPathways(ctx: UseCaseContext, municipalityCode: string | undefined): Promise<z.infer<typeof carePathwayListSchema>> {
  return ctx.store.readAggregates({
    resource: 'care_pathway',
    action: 'list',
    perform: async (db) => {
      const coalition = municipalityCode ? await coalitionOfMunicipality(db, municipalityCode) : null;
      const pathways = await pathwaysFor(db, municipalityCode ?? null, coalition?.code ?? null);
      const items = await showPathways(db, pathways.map(toCarePathway), ctx.now());
      return { municipalityCode: municipalityCode ?? null, coalitionCode: coalition?.code ?? null, items };
    },
  });
}

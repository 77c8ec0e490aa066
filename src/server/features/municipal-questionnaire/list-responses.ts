// SPDX-License-Identifier: EUPL-1.2
// The municipalities of an edition the actor may see, each with the state of its response and its
// coalition status for the year: a policy officer the municipalities their organisation serves, a
// coordinator the current members of their coalitions, an analyst every municipality.
import { amsterdamDate } from '../../../contracts/calendar.js';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { ResponseList } from '../../../contracts/municipal-questionnaire.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { coalitionMunicipalities, municipalityCoalitionStatuses } from '../coalitions/schema.js';
import { municipalities } from '../reference/schema.js';
import { phaseOn, viewState } from './response-state.js';
import { municipalQuestionnaireResponses } from './schema.js';
import { editionView, requireEdition } from './store.js';

export async function listResponses(ctx: RequestContext, year: number): Promise<ResponseList> {
  return ctx.store.search({
    resource: 'municipal_questionnaire',
    details: (result) => ({ year, municipalities: result.items.length }),
    perform: async (tx, scope) => {
      const edition = await requireEdition(tx, year);
      const today = amsterdamDate(ctx.now());
      let codes: string[] | null = null;
      if (scope.kind === 'municipalities') codes = scope.municipalityCodes;
      else if (scope.kind === 'coalitions') {
        const rows = await tx
          .select({ code: coalitionMunicipalities.municipalityCode })
          .from(coalitionMunicipalities)
          .where(and(inArray(coalitionMunicipalities.coalitionId, scope.coalitionIds), isNull(coalitionMunicipalities.until)));
        codes = rows.map((row) => row.code);
      } else if (scope.kind === 'organisations') codes = [];
      const places = await tx
        .select({
          code: municipalities.code,
          name: municipalities.name,
          state: municipalQuestionnaireResponses.state,
          submittedAt: municipalQuestionnaireResponses.submittedAt,
          status: municipalityCoalitionStatuses.status,
        })
        .from(municipalities)
        .leftJoin(municipalQuestionnaireResponses, and(eq(municipalQuestionnaireResponses.municipalityCode, municipalities.code), eq(municipalQuestionnaireResponses.editionId, edition.id)))
        .leftJoin(municipalityCoalitionStatuses, and(eq(municipalityCoalitionStatuses.municipalityCode, municipalities.code), eq(municipalityCoalitionStatuses.year, edition.year)))
        .where(codes === null ? undefined : inArray(municipalities.code, codes.length > 0 ? codes : ['-']))
        .orderBy(asc(municipalities.name));
      const phase = phaseOn(edition, today);
      return {
        edition: editionView(edition, today),
        items: places.map((place) => ({
          municipalityCode: place.code,
          municipalityName: place.name,
          state: viewState(place.state, phase),
          coalitionStatus: place.status ?? 'not_answered',
          submittedAt: place.submittedAt?.toISOString() ?? null,
        })),
      };
    },
  });
}

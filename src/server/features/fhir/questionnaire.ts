// SPDX-License-Identifier: EUPL-1.2
// Questionnaire: the screening instruments (versioned FHIR R4 Questionnaires, not personal data),
// from the screening feature's getQuestionnaire and listQuestionnaires.
import { AppError } from '../../platform/errors.js';
import { getQuestionnaire } from '../screening/get-questionnaire.js';
import { listQuestionnaires } from '../screening/list-questionnaires.js';
import type { QuestionnaireSummary } from '../../../contracts/screening.js';
import { pageOf } from './bundle.js';
import { SYSTEMS, instant, uuidOrNotFound, type FhirResource } from './fhir-types.js';
import { tokenCode } from './search-parameters.js';
import type { FhirContext, ResourceHandler } from './resource-handler.js';

export async function readQuestionnaire(ctx: FhirContext, id: string): Promise<FhirResource> {
  return { ...((await getQuestionnaire(ctx, uuidOrNotFound(id))) as FhirResource), id: id.toLowerCase() };
}

/** The instrument version a canonical (`url|version`, or `url` for the newest) names. */
export async function questionnaireByCanonical(ctx: FhirContext, canonical: string): Promise<QuestionnaireSummary | null> {
  const { items } = await listQuestionnaires(ctx);
  const [url, version] = canonical.split('|');
  const matching = items.filter((item) => item.url === url && (version === undefined || item.version === version));
  return matching.at(-1) ?? null;
}

/** An instrument version never changes once published (a change is a new version): versionId 1. */
function withMeta(summary: QuestionnaireSummary, resource: FhirResource): FhirResource {
  return { ...resource, id: summary.id, meta: { ...(resource.meta ?? {}), versionId: '1', lastUpdated: instant(summary.createdAt) } };
}

export const questionnaireHandler: ResourceHandler = {
  type: 'Questionnaire',
  documentation: 'De signaleringsinstrumenten, per versie; een QuestionnaireResponse verwijst naar url|version.',
  read: async (ctx, id) => {
    const { items } = await listQuestionnaires(ctx);
    const summary = items.find((item) => item.id === id.toLowerCase());
    const resource = await readQuestionnaire(ctx, id);
    return summary ? withMeta(summary, resource) : resource;
  },
  search: {
    parameters: [
      { name: 'url', type: 'uri', documentation: 'De canonieke url van het instrument.' },
      { name: 'version', type: 'token', documentation: 'De versie.' },
      { name: 'status', type: 'token', documentation: `draft, active of retired (${SYSTEMS.publicationStatus}).` },
    ],
    run: async (ctx, parameters, window) => {
      const { items } = await listQuestionnaires(ctx);
      const status = parameters.status === undefined ? undefined : tokenCode(parameters.status, SYSTEMS.publicationStatus);
      const matching = items.filter(
        (item) =>
          (parameters.url === undefined || item.url === parameters.url) &&
          (parameters.version === undefined || item.version === parameters.version) &&
          (status === undefined || item.status === status),
      );
      const page = pageOf(matching, window);
      const resources: FhirResource[] = [];
      for (const summary of page.items) {
        try {
          resources.push(withMeta(summary, await readQuestionnaire(ctx, summary.id)));
        } catch (error) {
          if (!(error instanceof AppError && error.code === 'not_found')) throw error;
        }
      }
      return { items: resources, total: page.total };
    },
  },
};

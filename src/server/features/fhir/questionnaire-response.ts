// SPDX-License-Identifier: EUPL-1.2
// QuestionnaireResponse: a screening of a family (id = the screening). Read and search through the
// screening feature (getScreening, listScreenings: audited reads of the file); create = a completed
// screening, through startScreening + completeScreening after the answers were checked in full, so
// a response that does not fit the instrument saves nothing.
import { AppError } from '../../platform/errors.js';
import type { Screening } from '../../../contracts/screening.js';
import { completeScreening } from '../screening/complete-screening.js';
import { getScreening } from '../screening/get-screening.js';
import { listScreenings } from '../screening/list-screenings.js';
import { startScreening } from '../screening/start-screening.js';
import { answersFromQuestionnaireResponse } from '../../../contracts/screening/questionnaire-response.js';
import type { Questionnaire } from '../../../contracts/screening/questionnaire-schema.js';
import { invalidParameter, pageOf } from './bundle.js';
import { SYSTEMS, instant, isUuid, referencedId, type FhirResource } from './fhir-types.js';
import { questionnaireByCanonical, readQuestionnaire } from './questionnaire.js';
import { locatePatient } from './family-index.js';
import { parseReference, tokenCode } from './search-parameters.js';
import type { FhirContext, ResourceHandler } from './resource-handler.js';

export function toFhirQuestionnaireResponse(screening: Screening): FhirResource {
  const response = screening.questionnaireResponse as unknown as FhirResource;
  return {
    ...response,
    id: screening.id,
    meta: { versionId: String(screening.version), lastUpdated: instant(screening.updatedAt) },
    // We publish no Practitioner resources: the author is named, with the organisation.
    author: { display: `${screening.authorName} (${screening.organisationName})` },
  };
}

function invalid(path: string, message: string): never {
  throw new AppError('validation_failed', { message, errors: [{ path, message }] });
}

async function familyOfSubject(ctx: FhirContext, body: Record<string, unknown>): Promise<string> {
  const subject = body.subject as { reference?: unknown } | undefined;
  const id = referencedId(typeof subject?.reference === 'string' ? subject.reference : undefined, 'Patient');
  if (!id || !isUuid(id)) invalid('subject', 'Geef de cliënt aan wie de vragen gesteld zijn: subject.reference = Patient/{id}.');
  const location = await locatePatient(ctx.db, id.toLowerCase());
  if (!location || location.childId) invalid('subject', 'Deze cliënt bestaat niet, of u heeft er geen toegang toe.');
  return location.familyId;
}

async function createQuestionnaireResponse(ctx: FhirContext, body: unknown) {
  const resource = body as Record<string, unknown>;
  if (resource.status !== 'completed') invalid('status', "Alleen een afgeronde screening kan worden aangeleverd (status 'completed').");
  if (typeof resource.questionnaire !== 'string' || !resource.questionnaire.includes('|')) {
    invalid('questionnaire', 'Noem de vragenlijst met versie: questionnaire = url|versie.');
  }
  const familyId = await familyOfSubject(ctx, resource);
  const summary = await questionnaireByCanonical(ctx, resource.questionnaire);
  if (!summary) invalid('questionnaire', `Onbekende vragenlijst '${resource.questionnaire.slice(0, 200)}'.`);
  const questionnaire = (await readQuestionnaire(ctx, summary.id)) as unknown as Questionnaire;
  // Everything checked before anything is written: the answers must fit this version, complete.
  const answers = answersFromQuestionnaireResponse(questionnaire, resource);
  if (!answers.isValid) {
    throw new AppError('validation_failed', {
      message: `De antwoorden passen niet bij de vragenlijst: ${answers.errors.length === 1 ? '1 fout' : `${answers.errors.length} fouten`}.`,
      errors: answers.errors.map((error) => ({ path: `item.${error.path}`, message: error.message })),
    });
  }
  const draft = await startScreening(ctx, familyId, { questionnaireId: summary.id });
  const completed = await completeScreening(ctx, draft.id, { answers: answers.value as NonNullable<Parameters<typeof completeScreening>[2]['answers']>, version: draft.version });
  return { resource: toFhirQuestionnaireResponse(completed), isNew: true };
}

export const questionnaireResponseHandler: ResourceHandler = {
  type: 'QuestionnaireResponse',
  policyResource: 'family',
  documentation: 'Een screening van een cliënt met een signaleringsinstrument; het factorprofiel volgt uit de antwoorden.',
  read: async (ctx, id) => {
    if (!isUuid(id)) throw new AppError('not_found');
    return toFhirQuestionnaireResponse(await getScreening(ctx, id.toLowerCase()));
  },
  search: {
    parameters: [
      { name: 'patient', type: 'reference', documentation: 'De cliënt: Patient/{id} (verplicht).' },
      { name: 'status', type: 'token', documentation: `in-progress of completed (${SYSTEMS.questionnaireResponseStatus}).` },
    ],
    run: async (ctx, parameters, window) => {
      if (!parameters.patient) throw invalidParameter('patient', "Zoek screenings per cliënt: geef de zoekparameter 'patient'.");
      const id = parseReference('patient', parameters.patient, 'Patient');
      const location = isUuid(id) ? await locatePatient(ctx.db, id.toLowerCase()) : null;
      if (!location || location.childId) return { items: [], total: 0 };
      const { items } = await listScreenings(ctx, location.familyId);
      const status = parameters.status === undefined ? undefined : tokenCode(parameters.status, SYSTEMS.questionnaireResponseStatus);
      const page = pageOf(items.filter((item) => status === undefined || item.status === status), window);
      const resources: FhirResource[] = [];
      for (const summary of page.items) resources.push(toFhirQuestionnaireResponse(await getScreening(ctx, summary.id)));
      return { items: resources, total: page.total };
    },
  },
  create: {
    isConditional: false,
    documentation:
      "Een afgeronde screening aanleveren: status 'completed', questionnaire = url|versie, subject = Patient/{id}. " +
      'De antwoorden moeten volledig bij die versie passen; anders wordt niets opgeslagen.',
    run: (ctx, body) => createQuestionnaireResponse(ctx, body),
  },
};

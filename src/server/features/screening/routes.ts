// SPDX-License-Identifier: EUPL-1.2
// HTTP face of screening: instruments (/questionnaires) and the screenings in a family's file.
import type { FeatureDependencies, ZodApp } from '../../app.js';
import type { FastifyRequest } from 'fastify';
import { contextOf } from '../../platform/http/request-context.js';
import { uuidParamSchema } from '../../../contracts/common.js';
import {
  familyIdParamSchema,
  questionnaireListSchema,
  questionnaireResourceSchema,
  questionnaireSummarySchema,
  questionnaireUploadSchema,
  screeningAnswersUpdateSchema,
  screeningCompletionSchema,
  screeningListSchema,
  screeningSchema,
  screeningStartSchema,
} from '../../../contracts/screening.js';
import type { UseCaseContext } from './store.js';
import { listQuestionnaires } from './list-questionnaires.js';
import { getQuestionnaire } from './get-questionnaire.js';
import { uploadQuestionnaire } from './upload-questionnaire.js';
import { startScreening } from './start-screening.js';
import { saveAnswers } from './save-answers.js';
import { completeScreening } from './complete-screening.js';
import { getScreening } from './get-screening.js';
import { listScreenings } from './list-screenings.js';

export function registerScreeningRoutes(app: ZodApp, deps: FeatureDependencies) {
  const context = (request: FastifyRequest): UseCaseContext => ({ ...contextOf(request, deps), db: deps.db });
  const instrumentTags = ['Screeningsinstrumenten'];
  const tags = ['Screenings'];

  app.get(
    '/questionnaires',
    {
      schema: {
        tags: instrumentTags,
        summary: 'Screeningsinstrumenten',
        description: 'Alle versies van de screeningsinstrumenten (FHIR R4 Questionnaire). Geen persoonsgegevens.',
        response: { 200: questionnaireListSchema },
      },
    },
    async (request) => listQuestionnaires(context(request)),
  );
  app.get(
    '/questionnaires/:id',
    {
      schema: {
        tags: instrumentTags,
        summary: 'Eén versie van een screeningsinstrument',
        description: 'Het FHIR R4 Questionnaire-resource waaruit het formulier wordt opgebouwd.',
        params: uuidParamSchema,
        response: { 200: questionnaireResourceSchema },
      },
    },
    async (request) => getQuestionnaire(context(request), request.params.id),
  );
  app.post(
    '/questionnaires',
    {
      schema: {
        tags: instrumentTags,
        summary: 'Nieuwe versie van een screeningsinstrument',
        description:
          'Alleen voor de beheerder van het platform. Het FHIR R4 Questionnaire wordt volledig gecontroleerd (vorm, enableWhen, ' +
          'factoren); alle fouten komen tegelijk terug, met hun plek. Dezelfde url en versie twee keer geeft een conflict.',
        body: questionnaireUploadSchema,
        response: { 201: questionnaireSummarySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await uploadQuestionnaire(context(request), request.body)),
  );

  app.get(
    '/families/:familyId/screenings',
    {
      schema: { tags, summary: 'Screenings van een gezin', description: 'Alle screenings bij het gezin (lopend en afgerond), voor wie een zorgrelatie met het gezin heeft.', params: familyIdParamSchema, response: { 200: screeningListSchema } },
    },
    async (request) => listScreenings(context(request), request.params.familyId),
  );
  app.post(
    '/families/:familyId/screenings',
    {
      schema: {
        tags,
        summary: 'Screening beginnen',
        description: 'Begint een concept met de nieuwste actieve versie van het instrument (of de gekozen versie).',
        params: familyIdParamSchema,
        body: screeningStartSchema.nullish(),
        response: { 201: screeningSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await startScreening(context(request), request.params.familyId, { questionnaireId: request.body?.questionnaireId })),
  );
  app.get(
    '/screenings/:id',
    {
      schema: {
        tags,
        summary: 'Eén screening',
        description: 'Antwoorden, factorprofiel en de antwoorden als FHIR R4 QuestionnaireResponse.',
        params: uuidParamSchema,
        response: { 200: screeningSchema },
      },
    },
    async (request) => getScreening(context(request), request.params.id),
  );
  app.put(
    '/screenings/:id/answers',
    {
      schema: {
        tags,
        summary: 'Concept-antwoorden opslaan',
        description: 'Slaat het concept op. `version` is de versie waarop de antwoorden gebaseerd zijn; is die verouderd, dan volgt 409 stale_version.',
        params: uuidParamSchema,
        body: screeningAnswersUpdateSchema,
        response: { 200: screeningSchema },
      },
    },
    async (request) => saveAnswers(context(request), request.params.id, request.body),
  );
  app.post(
    '/screenings/:id/completion',
    {
      schema: {
        tags,
        summary: 'Screening afronden',
        description:
          'Controleert de antwoorden (verplichte vragen, enableWhen), berekent het factorprofiel en het voorgestelde ondersteuningsniveau ' +
          'en rondt de screening af. Nogmaals afronden geeft de afgeronde screening ongewijzigd terug.',
        params: uuidParamSchema,
        body: screeningCompletionSchema.nullish(),
        response: { 200: screeningSchema },
      },
    },
    async (request) => completeScreening(context(request), request.params.id, request.body ?? {}),
  );
}

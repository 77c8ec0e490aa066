// SPDX-License-Identifier: EUPL-1.2
// HTTP face of the yearly municipal questionnaire (issue 10 item 6).
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { contextOf } from '../../platform/http/request-context.js';
import {
  editionCreateSchema,
  editionListSchema,
  editionParamSchema,
  editionSchema,
  reopenResponseSchema,
  responseListSchema,
  responseParamSchema,
  responseSchema,
  saveResponseSchema,
} from '../../../contracts/municipal-questionnaire.js';
import { createEdition } from './create-edition.js';
import { listEditions } from './list-editions.js';
import { listResponses } from './list-responses.js';
import { getResponse } from './get-response.js';
import { saveResponse } from './save-response.js';
import { submitResponse } from './submit-response.js';
import { reopenResponse } from './reopen-response.js';

const ACCESS =
  'De beleidsmedewerker van de gemeente (van een organisatie die de gemeente bedient) vult in; coördinatoren van de coalities van de gemeente lezen mee; analisten en de platformbeheerder lezen alles en heropenen na de uiterste datum. Alles staat in het auditlog.';
const BASE = '/municipal-questionnaire/editions';

export function registerMunicipalQuestionnaireRoutes(app: ZodApp, deps: FeatureDependencies) {
  const tags = ['Vragenlijst gemeenten'];
  app.get(BASE, { schema: { tags, summary: 'Edities van de jaarlijkse vragenlijst', description: ACCESS, response: { 200: editionListSchema } } }, async (request) =>
    listEditions(contextOf(request, deps)),
  );
  app.post(
    BASE,
    { schema: { tags, summary: 'Een editie uitzetten', description: `Jaar, peildatum, openingsdatum en uiterste datum; één editie per jaar. ${ACCESS}`, body: editionCreateSchema, response: { 201: editionSchema } } },
    async (request, reply) => reply.status(201).send(await createEdition(contextOf(request, deps), request.body)),
  );
  app.get(
    `${BASE}/:year/responses`,
    { schema: { tags, summary: 'Gemeenten van een editie met de stand van hun vragenlijst', description: ACCESS, params: editionParamSchema, response: { 200: responseListSchema } } },
    async (request) => listResponses(contextOf(request, deps), request.params.year),
  );
  app.get(
    `${BASE}/:year/responses/:municipalityCode`,
    { schema: { tags, summary: 'De vragenlijst van een gemeente, vooraf ingevuld met bron', description: ACCESS, params: responseParamSchema, response: { 200: responseSchema } } },
    async (request) => getResponse(contextOf(request, deps), request.params.year, request.params.municipalityCode),
  );
  app.put(
    `${BASE}/:year/responses/:municipalityCode`,
    { schema: { tags, summary: 'Concept opslaan', description: ACCESS, params: responseParamSchema, body: saveResponseSchema, response: { 200: responseSchema } } },
    async (request) => saveResponse(contextOf(request, deps), request.params.year, request.params.municipalityCode, request.body.answers),
  );
  app.post(
    `${BASE}/:year/responses/:municipalityCode/submission`,
    {
      schema: {
        tags,
        summary: 'Indienen',
        description: `Schrijft de status van de gemeente voor het jaar in het register (bron 'questionnaire') en rekent de monitor bij. Nogmaals indienen met dezelfde antwoorden verandert niets. Na de uiterste datum geweigerd. ${ACCESS}`,
        params: responseParamSchema,
        body: saveResponseSchema,
        response: { 200: responseSchema },
      },
    },
    async (request) => submitResponse(contextOf(request, deps), request.params.year, request.params.municipalityCode, request.body.answers),
  );
  app.post(
    `${BASE}/:year/responses/:municipalityCode/reopening`,
    { schema: { tags, summary: 'Heropenen na de uiterste datum', description: `Met een reden. ${ACCESS}`, params: responseParamSchema, body: reopenResponseSchema, response: { 200: responseSchema } } },
    async (request) => reopenResponse(contextOf(request, deps), request.params.year, request.params.municipalityCode, request.body.reason),
  );
}

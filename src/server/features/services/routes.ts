// SPDX-License-Identifier: EUPL-1.2
// HTTP face of the service directory (sociale kaart, issue 13 item 2): search and read for everyone
// logged in; an organisation admin adds, corrects and confirms the services of their own organisation,
// and sees which are due. The same services are served as FHIR HealthcareService (fhir/healthcare-service.ts).
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { contextOf } from '../../platform/http/request-context.js';
import { uuidParamSchema } from '../../../contracts/common.js';
import {
  serviceCreateSchema,
  servicePageSchema,
  serviceQuerySchema,
  serviceSchema,
  serviceTaskPageSchema,
  serviceTaskQuerySchema,
  serviceUpdateSchema,
  type Service,
} from '../../../contracts/services.js';
import { listServices } from './list-services.js';
import { getService } from './get-service.js';
import { createService } from './create-service.js';
import { updateService } from './update-service.js';
import { confirmService } from './confirm-service.js';
import { listVerificationTasks } from './list-verification-tasks.js';

/** Only the fields of the contract (a use-case may return more for its audit row). */
function plain({ changedFields: _changed, previousDueAt: _previous, ...service }: Service & { changedFields?: unknown; previousDueAt?: unknown }): Service {
  return service;
}

const READERS = 'Voor iedereen die is ingelogd (geen persoonsgegevens).';
const KEEPERS =
  'Alleen de beheerder van de organisatie die de dienst bijhoudt (en de platformbeheerder). Gemeenten moeten in het werkgebied van die organisatie liggen ' +
  '(422 `service_municipality_outside_area`), risicofactoren in de factorcatalogus (422 `service_unknown_factor`); telefoon, e-mail en website worden gecontroleerd (400). ' +
  'Bij een fout wordt niets opgeslagen. Elke wijziging staat in het auditlog.';

export function registerServiceRoutes(app: ZodApp, deps: FeatureDependencies) {
  const tags = ['Sociale kaart'];
  app.get(
    '/services',
    {
      schema: {
        tags,
        summary: 'Sociale kaart: diensten zoeken',
        description:
          'Zoeken (`q`: naam, omschrijving, externe aanbieder) en filteren op gemeente, risicofactor, soort hulp en organisatie. ' +
          "Elke dienst met `verification`: 'overdue' betekent niet recent gecontroleerd (langer dan zes maanden niet bevestigd). " +
          READERS,
        querystring: serviceQuerySchema,
        response: { 200: servicePageSchema },
      },
    },
    async (request) => listServices(contextOf(request, deps), request.query),
  );
  app.get(
    '/services/verification-tasks',
    {
      schema: {
        tags,
        summary: 'Sociale kaart: diensten om te bevestigen',
        description:
          'De diensten van de eigen organisatie die binnen 30 dagen bevestigd moeten worden of al te laat zijn, de oudste bevestiging eerst. ' +
          'Alleen voor de beheerder van de organisatie (de platformbeheerder ziet alle organisaties).',
        querystring: serviceTaskQuerySchema,
        response: { 200: serviceTaskPageSchema },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const result = await listVerificationTasks(contextOf(request, deps), { page, pageSize });
      return { ...result, page, pageSize };
    },
  );
  app.get(
    '/services/:id',
    {
      schema: { tags, summary: 'Sociale kaart: één dienst', description: `Alles over één dienst, met de laatste bevestiging. ${READERS}`, params: uuidParamSchema, response: { 200: serviceSchema } },
    },
    async (request) => getService(contextOf(request, deps), request.params.id),
  );
  app.post(
    '/services',
    {
      schema: {
        tags,
        summary: 'Sociale kaart: dienst toevoegen',
        description: `Een dienst van (of bijgehouden door) de eigen organisatie; toevoegen geldt als eerste bevestiging. ${KEEPERS}`,
        body: serviceCreateSchema,
        response: { 201: serviceSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createService(contextOf(request, deps), request.body)),
  );
  app.put(
    '/services/:id',
    {
      schema: {
        tags,
        summary: 'Sociale kaart: dienst corrigeren',
        description: `Alle velden opnieuw, met de versie waarop de wijziging is gebaseerd (409 \`stale_version\` als iemand anders intussen wijzigde). Een correctie geldt ook als bevestiging. ${KEEPERS}`,
        params: uuidParamSchema,
        body: serviceUpdateSchema,
        response: { 200: serviceSchema },
      },
    },
    async (request) => plain(await updateService(contextOf(request, deps), request.params.id, request.body)),
  );
  app.post(
    '/services/:id/confirmation',
    {
      schema: {
        tags,
        summary: 'Sociale kaart: gegevens bevestigen',
        description: 'De beheerder van de organisatie bevestigt dat de gegevens nog kloppen: de zes maanden beginnen opnieuw. Staat in het auditlog.',
        params: uuidParamSchema,
        response: { 200: serviceSchema },
      },
    },
    async (request) => plain(await confirmService(contextOf(request, deps), request.params.id)),
  );
}

// SPDX-License-Identifier: EUPL-1.2
// HTTP face of interventions: the menukaart (/interventions, /interventions/:key) and a family's enrolments.
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { contextOf } from '../../platform/http/request-context.js';
import { uuidParamSchema } from '../../../contracts/common.js';
import {
  enrolmentCreateSchema,
  enrolmentListSchema,
  enrolmentSchema,
  enrolmentUpdateSchema,
  familyIdParamSchema,
} from '../../../contracts/care.js';
import {
  interventionDetailSchema,
  interventionKeyParamSchema,
  interventionPageSchema,
  interventionQuerySchema,
} from '../../../contracts/intervention-menu.js';
import { listInterventions } from './list-interventions.js';
import { getIntervention } from './get-intervention.js';
import { enrolFamily } from './enrol-family.js';
import { updateEnrolment } from './update-enrolment.js';
import { listEnrolments } from './list-enrolments.js';

const ACCESS = 'Alleen voor professionals van een organisatie met een zorgrelatie met het gezin (of met noodtoegang); elke inzage en wijziging staat in het auditlog.';

export function registerInterventionRoutes(app: ZodApp, deps: FeatureDependencies) {
  const tags = ['Interventies'];
  const MENU = 'De landelijke menukaart Kansrijke Start (een versie van meegeleverde gegevens, geen persoonsgegevens): voor iedereen die is ingelogd.';
  app.get(
    '/interventions',
    {
      schema: {
        tags,
        summary: 'Menukaart: interventies zoeken',
        description: `Zoeken (\`q\`: naam, andere namen, doelgroep, doel, aanbieder) en filteren op fase (V/T/N), pijler, erkenningsniveau en financieringsroute, met pagina's en \`sorteer\`. Elke interventie met fase, pijlers, doelgroep, erkenning en de gebruikelijke financieringsroutes. ${MENU}`,
        querystring: interventionQuerySchema,
        response: { 200: interventionPageSchema },
      },
    },
    async (request) => listInterventions(contextOf(request, deps), request.query),
  );
  app.get(
    '/interventions/:key',
    {
      schema: {
        tags,
        summary: 'Menukaart: één interventie',
        description: `Alles over één interventie: aanpak, werkzame elementen, licentiehouder, erkenning (niveau, datum, geldig tot, bron), voorwaarden, kostenmodel (alleen gepubliceerde bedragen, met bron) en financieringsroutes. Onbekende sleutel: 404. ${MENU}`,
        params: interventionKeyParamSchema,
        response: { 200: interventionDetailSchema },
      },
    },
    async (request) => getIntervention(contextOf(request, deps), request.params.key),
  );
  app.get(
    '/families/:familyId/enrolments',
    { schema: { tags, summary: 'Interventies van een gezin', description: ACCESS, params: familyIdParamSchema, response: { 200: enrolmentListSchema } } },
    async (request) => listEnrolments(contextOf(request, deps), request.params.familyId),
  );
  app.post(
    '/families/:familyId/enrolments',
    {
      schema: {
        tags,
        summary: 'Gezin aanmelden voor een interventie',
        description: `Interventie uit de menukaart, aanbiedende organisatie en startdatum. ${ACCESS}`,
        params: familyIdParamSchema,
        body: enrolmentCreateSchema,
        response: { 201: enrolmentSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await enrolFamily(contextOf(request, deps), request.params.familyId, request.body)),
  );
  app.patch(
    '/enrolments/:id',
    {
      schema: {
        tags,
        summary: 'Deelname beëindigen of uitval vastleggen',
        description: `\`action\`: \`end\` (afgerond) of \`drop_out\` (uitval, met \`reason\`; bij \`other\` ook \`explanation\`). Alleen vanaf de laatst geziene \`version\`. ${ACCESS}`,
        params: uuidParamSchema,
        body: enrolmentUpdateSchema,
        response: { 200: enrolmentSchema },
      },
    },
    async (request) => updateEnrolment(contextOf(request, deps), deps.db, request.params.id, request.body),
  );
}

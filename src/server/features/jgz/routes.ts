// SPDX-License-Identifier: EUPL-1.2
// HTTP face of the JGZ: the prenatal home visit (/families/:familyId/home-visits, /home-visits/:id) and
// the caseload by support tier (/families/:familyId/caseload, /caseload).
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { contextOf } from '../../platform/http/request-context.js';
import { csvOrJson, pageOrCsv } from '../../platform/http/listing.js';
import { uuidParamSchema } from '../../../contracts/common.js';
import {
  caseloadEntrySchema,
  caseloadPageSchema,
  caseloadQuerySchema,
  caseloadUpdateSchema,
  careTeamSchema,
  familyCaseloadSchema,
  familyIdParamSchema,
  homeVisitCreateSchema,
  homeVisitListSchema,
  homeVisitSchema,
  homeVisitUpdateSchema,
} from '../../../contracts/care.js';
import { planHomeVisit } from './plan-home-visit.js';
import { recordHomeVisit } from './record-home-visit.js';
import { listHomeVisits } from './list-home-visits.js';
import { setCaseload } from './set-caseload.js';
import { getFamilyCaseload } from './get-family-caseload.js';
import { listCaseload } from './list-caseload.js';
import { exportCaseload } from './export-caseload.js';
import { listCareTeam } from './list-care-team.js';

const ACCESS = 'Alleen voor professionals van een organisatie met een zorgrelatie met het gezin (of met noodtoegang); elke inzage en wijziging staat in het auditlog.';

export function registerJgzRoutes(app: ZodApp, deps: FeatureDependencies) {
  const tags = ['JGZ'];
  app.get(
    '/families/:familyId/home-visits',
    { schema: { tags, summary: 'Prenatale huisbezoeken van een gezin', description: ACCESS, params: familyIdParamSchema, response: { 200: homeVisitListSchema } } },
    async (request) => listHomeVisits(contextOf(request, deps), request.params.familyId),
  );
  app.post(
    '/families/:familyId/home-visits',
    {
      schema: {
        tags,
        summary: 'Prenataal huisbezoek plannen',
        description: `Datum en verpleegkundige (een professional van de eigen organisatie). ${ACCESS}`,
        params: familyIdParamSchema,
        body: homeVisitCreateSchema,
        response: { 201: homeVisitSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await planHomeVisit(contextOf(request, deps), request.params.familyId, request.body)),
  );
  app.patch(
    '/home-visits/:id',
    {
      schema: {
        tags,
        summary: 'Huisbezoek vastleggen of verzetten',
        description:
          'Doorgegaan op een datum (de zwangerschapsweek op die dag wordt berekend uit de uitgerekende datum en opgeslagen) of niet doorgegaan met een reden; ' +
          'bevindingen per levensdomein en het afgesproken vervolg. Alleen de organisatie die het bezoek plande, en alleen vanaf de laatst geziene `version` ' +
          `(anders 409 stale_version). ${ACCESS}`,
        params: uuidParamSchema,
        body: homeVisitUpdateSchema,
        response: { 200: homeVisitSchema },
      },
    },
    async (request) => recordHomeVisit(contextOf(request, deps), deps.db, request.params.id, request.body),
  );
  app.get(
    '/families/:familyId/caseload',
    {
      schema: {
        tags,
        summary: 'Ondersteuningsniveau van een gezin',
        description: `Het niveau op de caseload van de eigen organisatie met de komende contactmomenten, en het voorstel uit de laatste afgeronde screening. ${ACCESS}`,
        params: familyIdParamSchema,
        response: { 200: familyCaseloadSchema },
      },
    },
    async (request) => getFamilyCaseload(contextOf(request, deps), request.params.familyId),
  );
  app.put(
    '/families/:familyId/caseload',
    {
      schema: {
        tags,
        summary: 'Gezin op de caseload zetten of het niveau wijzigen',
        description:
          'Niveau universeel, extra of intensief (klantroute), verpleegkundige en oordeel. Plant de contactmomenten van het niveau: ' +
          'universeel: de standaard JGZ-contactmomenten tot 2 jaar (huisbezoek na 2 weken, consulten na 4 en 8 weken en 3, 4, 6, 9, 11, 14, 18 en 24 maanden); ' +
          'extra: daarbij huisbezoeken na 6 weken, 5 en 12 maanden en, tijdens de zwangerschap, een prenataal huisbezoek binnen 2 weken; ' +
          'intensief: daarbij elke maand een huisbezoek tot de tweede verjaardag. Een lager niveau dan de screening voorstelt vraagt een toelichting. ' +
          `Staat het gezin al op de caseload, geef dan \`version\` mee. ${ACCESS}`,
        params: familyIdParamSchema,
        body: caseloadUpdateSchema,
        response: { 200: caseloadEntrySchema },
      },
    },
    async (request) => setCaseload(contextOf(request, deps), request.params.familyId, request.body),
  );
  app.get(
    '/care-team',
    {
      schema: {
        tags,
        summary: 'Professionals van de eigen organisatie',
        description: 'Namen van de actieve professionals van de organisatie waarvoor u werkt, om een verpleegkundige te kiezen. Staat in het auditlog.',
        response: { 200: careTeamSchema },
      },
    },
    async (request) => listCareTeam(contextOf(request, deps)),
  );
  app.get(
    '/caseload',
    {
      schema: {
        tags,
        summary: 'Caseload: werklijst per verpleegkundige',
        description:
          'De gezinnen op de caseload van de eigen organisatie die u mag inzien, met het volgende contactmoment. `nurse=me` (standaard) of `all`, filter op niveau. ' +
          'Met `Accept: text/csv` alle passende rijen (maximaal 10.000) als CSV-bestand. Zoeken en exporteren staan in het auditlog.',
        querystring: caseloadQuerySchema,
        response: { 200: csvOrJson(caseloadPageSchema) },
      },
    },
    async (request, reply) => pageOrCsv(request, reply, contextOf(request, deps), { list: listCaseload, exportCsv: exportCaseload, csvName: 'caseload' }),
  );
}

// SPDX-License-Identifier: EUPL-1.2
// HTTP face of outcomes: the birth and the measurements around age two in a family's file.
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { contextOf } from '../../platform/http/request-context.js';
import {
  birthCreateSchema,
  birthOutcomeSchema,
  familyIdParamSchema,
  outcomesSchema,
  twoYearOutcomeCreateSchema,
  twoYearOutcomeSchema,
} from '../../../contracts/care.js';
import { recordBirth } from './record-birth.js';
import { recordTwoYearOutcome } from './record-two-year-outcome.js';
import { listOutcomes } from './list-outcomes.js';

const ACCESS = 'Alleen voor professionals van een organisatie met een zorgrelatie met het gezin (of met noodtoegang); elke inzage en wijziging staat in het auditlog.';

export function registerOutcomeRoutes(app: ZodApp, deps: FeatureDependencies) {
  const tags = ['Uitkomsten'];
  app.get(
    '/families/:familyId/outcomes',
    { schema: { tags, summary: 'Uitkomsten van een gezin', description: ACCESS, params: familyIdParamSchema, response: { 200: outcomesSchema } } },
    async (request) => listOutcomes(contextOf(request, deps), request.params.familyId),
  );
  app.post(
    '/families/:familyId/birth',
    {
      schema: {
        tags,
        summary: 'Geboorte vastleggen',
        description:
          'Geboortedatum, zwangerschapsduur (weken + dagen, 22+0 tot 44+0), geboortegewicht (300–6500 gram, passend bij de duur), geslacht, meerling, ' +
          'levend of doodgeboren, kraamzorg en uren. Bepaalt vroeggeboorte (< 37 weken), klein voor de zwangerschapsduur (< p10 van de referentie, ' +
          'waarvan de sleutel bij de geboorte wordt opgeslagen) en Big2; voegt het kind toe aan het gezin, zet de zwangerschap op geboren en voegt ' +
          `een gepseudonimiseerde rij toe aan het geboorteregister van de monitor — alles of niets. ${ACCESS}`,
        params: familyIdParamSchema,
        body: birthCreateSchema,
        response: { 201: birthOutcomeSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await recordBirth(contextOf(request, deps), request.params.familyId, request.body)),
  );
  app.post(
    '/families/:familyId/two-year-outcome',
    {
      schema: {
        tags,
        summary: 'Uitkomsten rond 2 jaar vastleggen',
        description:
          'Taal- en spraakscreening, gewicht en lengte (BMI en overgewicht/obesitas volgens de IOTF-afkappunten, Cole et al. 2000, bij 24–30 maanden), ' +
          `kinderbeschermingsmaatregel en uithuisplaatsing met data. ${ACCESS}`,
        params: familyIdParamSchema,
        body: twoYearOutcomeCreateSchema,
        response: { 201: twoYearOutcomeSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await recordTwoYearOutcome(contextOf(request, deps), request.params.familyId, request.body)),
  );
}

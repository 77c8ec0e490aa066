// SPDX-License-Identifier: EUPL-1.2
// HTTP face of care pathways: the public agreements per municipality, and the suggestions per risk
// factor of a family's screening.
import type { FastifyRequest } from 'fastify';
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { contextOf } from '../../platform/http/request-context.js';
import { familyIdParamSchema } from '../../../contracts/screening.js';
import { carePathwayListSchema, familyPathwayQuerySchema, familyPathwaysSchema, pathwayQuerySchema } from '../../../contracts/pathways.js';
import type { UseCaseContext } from './store.js';
import { listPathways } from './list-pathways.js';
import { findFamilyPathways } from './find-family-pathways.js';

export function registerPathwayRoutes(app: ZodApp, deps: FeatureDependencies) {
  const context = (request: FastifyRequest): UseCaseContext => ({ ...contextOf(request, deps), db: deps.db });
  const tags = ['Zorgpaden'];
  app.get(
    '/pathways',
    {
      schema: {
        tags,
        summary: 'Zorgpaden',
        description:
          'De zorgpaden die in een gemeente gelden: die van de gemeente zelf en die van haar coalitie (lokale afspraken, ' +
          'aanbod en wie te benaderen). Zonder `municipality` alle zorgpaden. Geen persoonsgegevens.',
        querystring: pathwayQuerySchema,
        response: { 200: carePathwayListSchema },
      },
    },
    async (request) => listPathways(context(request), request.query.municipality),
  );
  app.get(
    '/families/:familyId/pathways',
    {
      schema: {
        tags,
        summary: 'Zorgpaden bij het factorprofiel van een gezin',
        description:
          'Per risicofactor in de (gekozen, anders de laatste) afgeronde screening het zorgpad van de woongemeente, anders dat van ' +
          'de coalitie. Een factor zonder zorgpad staat er ook in (zonder zorgpad).',
        params: familyIdParamSchema,
        querystring: familyPathwayQuerySchema,
        response: { 200: familyPathwaysSchema },
      },
    },
    async (request) => findFamilyPathways(context(request), request.params.familyId, request.query.screeningId),
  );
}

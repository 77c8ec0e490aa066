// SPDX-License-Identifier: EUPL-1.2
import { z } from 'zod';
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { AppError } from '../../platform/errors.js';
import {
  municipalityCodeSchema,
  municipalityQuerySchema,
  municipalitySchema,
  regionSchema,
} from '../../../contracts/reference.js';
import { getMunicipality, listMunicipalities, listRegions } from './list-municipalities.js';

const tags = ['Referentiegegevens'];

export function registerReferenceRoutes(app: ZodApp, deps: FeatureDependencies) {
  const publicAccess = { access: 'public' as const };
  app.get(
    '/municipalities',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: 'Gemeenten zoeken',
        description: 'Alle 342 gemeenten (indeling 2025) met provincie, GGD-regio en inwonertal. Bron: CBS.',
        querystring: municipalityQuerySchema,
        response: { 200: z.array(municipalitySchema) },
      },
    },
    async (request) => listMunicipalities(deps.db, request.query),
  );
  app.get(
    '/municipalities/:code',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: 'Eén gemeente',
        description: 'Een gemeente op haar CBS-code (GM gevolgd door vier cijfers), met provincie en GGD-regio. Openbaar.',
        params: z.object({ code: municipalityCodeSchema }),
        response: { 200: municipalitySchema },
      },
    },
    async (request) => {
      const municipality = await getMunicipality(deps.db, request.params.code);
      if (!municipality) throw new AppError('not_found');
      return municipality;
    },
  );
  app.get(
    '/provinces',
    { config: publicAccess, schema: { tags, summary: 'Provincies', description: 'Alle provincies (referentiegegevens, openbaar).', response: { 200: z.array(regionSchema) } } },
    async () => listRegions(deps.db, 'province'),
  );
  app.get(
    '/ggd-regions',
    { config: publicAccess, schema: { tags, summary: "GGD-regio's", description: "Alle GGD-regio's (referentiegegevens, openbaar).", response: { 200: z.array(regionSchema) } } },
    async () => listRegions(deps.db, 'ggd_region'),
  );
}

// SPDX-License-Identifier: EUPL-1.2
// HTTP face of the parents' public pages: without login, the municipalities that have them and one
// page per municipality, phase and language.
import { z } from 'zod';
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { parentMunicipalitySchema, parentPageParamsSchema, parentPageQuerySchema, parentPageSchema } from '../../../contracts/parents-public.js';
import { getParentPage, listParentMunicipalities, type PublicContext } from './get-parent-page.js';

export const PARENTS_TAG = 'Ouders';

export function registerParentOfferRoutes(app: ZodApp, deps: FeatureDependencies) {
  const tags = [PARENTS_TAG];
  const context = (): PublicContext => ({ db: deps.db, now: () => deps.clock.now() });
  app.get(
    '/public/parent-pages',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Gemeenten met informatie voor ouders',
        description: 'Zonder inloggen: de gemeenten waarvan een coalitie informatie voor (aanstaande) ouders heeft vastgelegd, op naam.',
        response: { 200: z.array(parentMunicipalitySchema) },
      },
    },
    async () => listParentMunicipalities(context()),
  );
  app.get(
    '/public/parent-pages/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Informatie voor ouders in een gemeente',
        description:
          'Zonder inloggen: per fase (kinderwens, zwanger, baby) de teksten en links van de coalitie en het lopende lokale aanbod, ' +
          'met wie het betaalt, in het Nederlands, Engels of Arabisch. Een tekst zonder vertaling komt in het Nederlands, met `lang: "nl"`. ' +
          '404 voor een gemeente die (nog) niet meedoet.',
        params: parentPageParamsSchema,
        querystring: parentPageQuerySchema,
        response: { 200: parentPageSchema },
      },
    },
    async (request) => getParentPage(context(), request.params.code, request.query),
  );
}

// SPDX-License-Identifier: EUPL-1.2
// HTTP face of the parents' public pages: without login, the municipalities that have them and one
// page per municipality, phase and language.
import { z } from 'zod';
import type { FeatureDependencies, ZodApp } from '../../app.js';
import {
  parentContentRecordSchema,
  parentContentUpdateSchema,
  parentMunicipalitySchema,
  parentPageParamsSchema,
  parentPageQuerySchema,
  parentPageSchema,
} from '../../../contracts/parents-public.js';
import { coalitionCodeParamSchema } from '../../../contracts/coalition-partners.js';
import { contextOf } from '../../platform/http/request-context.js';
import { getParentPage, listParentMunicipalities, type PublicContext } from './get-parent-page.js';
import { getParentContent, updateParentContent } from './parent-content.js';

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
  app.get(
    '/coalitions/:code/parent-content',
    {
      schema: {
        tags,
        summary: 'Informatie voor ouders van een coalitie',
        description: 'De teksten per fase en taal, de links, wat het aanbod een ouder kost en de datum van controle. Voor iedereen die is ingelogd; 404 als de coalitie nog niets heeft vastgelegd.',
        params: coalitionCodeParamSchema,
        response: { 200: parentContentRecordSchema },
      },
    },
    async (request) => getParentContent(contextOf(request, deps), request.params.code),
  );
  app.put(
    '/coalitions/:code/parent-content',
    {
      schema: {
        tags,
        summary: 'Informatie voor ouders vastleggen',
        description:
          'Alles tegelijk, met de dag waarop iemand het heeft gecontroleerd (niet in de toekomst). `version` is de versie die u zag, 0 als er ' +
          'nog niets is (anders `stale_version`). Alleen de coördinator van de coalitie.',
        params: coalitionCodeParamSchema,
        body: parentContentUpdateSchema,
        response: { 200: parentContentRecordSchema },
      },
    },
    async (request) => updateParentContent(contextOf(request, deps), request.params.code, request.body),
  );
}

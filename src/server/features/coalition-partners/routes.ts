// SPDX-License-Identifier: EUPL-1.2
// HTTP face of a coalition's partners: parse, call one use-case, format.
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { contextOf } from '../../platform/http/request-context.js';
import { csvOrJson, sendCsv, wantsCsv } from '../../platform/http/listing.js';
import { coalitionCodeParamSchema, coalitionItemParamSchema, partnerInputSchema, partnerListSchema, partnerSchema } from '../../../contracts/coalition-partners.js';
import { listPartners } from './list-partners.js';
import { exportPartners } from './export-partners.js';
import { createPartner } from './create-partner.js';
import { updatePartner } from './update-partner.js';

export function registerCoalitionPartnerRoutes(app: ZodApp, deps: FeatureDependencies) {
  const tags = ['Coalities'];
  app.get(
    '/coalitions/:code/partners',
    {
      schema: {
        tags,
        summary: 'Partners van een coalitie',
        description:
          'Alle partners (organisaties op het platform en externe), met domein, niveau (bestuurlijk, beleidsmatig, uitvoerend), rol, periode ' +
          'en contactpersoon, en de gewenste partners die nog niet aangesloten zijn. Voor iedereen die is ingelogd. Met `Accept: text/csv` als CSV ' +
          '(vastgelegd in het auditlog).',
        params: coalitionCodeParamSchema,
        response: { 200: csvOrJson(partnerListSchema) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      if (wantsCsv(request)) return sendCsv(reply, `partners-${request.params.code}`, await exportPartners(ctx, request.params.code), ctx.now());
      return listPartners(ctx, request.params.code);
    },
  );
  app.post(
    '/coalitions/:code/partners',
    {
      schema: {
        tags,
        summary: 'Partner toevoegen',
        description:
          'Een organisatie uit de organisatielijst (`organisationId`) of een externe organisatie (`externalName`), of een gewenste partner ' +
          '(`isWanted`). Alleen de coördinator van de coalitie. Dezelfde partner nog eens sturen geeft de bestaande terug (200).',
        params: coalitionCodeParamSchema,
        body: partnerInputSchema,
        response: { 200: partnerSchema, 201: partnerSchema },
      },
    },
    async (request, reply) => {
      const created = await createPartner(contextOf(request, deps), request.params.code, request.body);
      return reply.status(created.isNew ? 201 : 200).send(created.partner);
    },
  );
  app.put(
    '/coalitions/:code/partners/:id',
    {
      schema: {
        tags,
        summary: 'Partner wijzigen of beëindigen',
        description: 'Alle gegevens van de partner tegelijk. Beëindigen is een einddatum (`until`) invullen. Alleen de coördinator van de coalitie.',
        params: coalitionItemParamSchema,
        body: partnerInputSchema,
        response: { 200: partnerSchema },
      },
    },
    async (request) => updatePartner(contextOf(request, deps), request.params.code, request.params.id, request.body),
  );
}

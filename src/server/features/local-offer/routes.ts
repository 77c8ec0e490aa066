// SPDX-License-Identifier: EUPL-1.2
// HTTP face of the local offer: a coalition's offer (read by everyone logged in, kept by its
// coordinators) and the offer across coalitions per municipality or intervention.
import { z } from 'zod';
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { contextOf } from '../../platform/http/request-context.js';
import { csvOrJson, pageOrCsv, sendCsv, wantsCsv } from '../../platform/http/listing.js';
import { coalitionCodeParamSchema, coalitionItemParamSchema } from '../../../contracts/coalition-partners.js';
import {
  coalitionLocalOfferSchema,
  localOfferCreateSchema,
  localOfferPageSchema,
  localOfferQuerySchema,
  localOfferSchema,
  localOfferUpdateSchema,
} from '../../../contracts/local-offer.js';
import { listCoalitionOffer, offerCsv } from './list-coalition-offer.js';
import { createOffer } from './create-offer.js';
import { deleteOffer, updateOffer } from './update-offer.js';
import { exportLocalOffer, findLocalOffer } from './find-local-offer.js';

export function registerLocalOfferRoutes(app: ZodApp, deps: FeatureDependencies) {
  const tags = ['Lokaal aanbod'];
  app.get(
    '/coalitions/:code/local-offer',
    {
      schema: {
        tags,
        summary: 'Lokaal aanbod van een coalitie',
        description:
          'Welke interventies van het menu en welke lokale activiteiten de coalitie aanbiedt, voor de hele coalitie of per gemeente: ' +
          'door welke dienst van de sociale kaart (met de controlestatus), capaciteit per jaar, wachttijd, financiering, periode. ' +
          'Voor iedereen die is ingelogd. Met `Accept: text/csv` als CSV.',
        params: coalitionCodeParamSchema,
        response: { 200: csvOrJson(coalitionLocalOfferSchema) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const offer = await listCoalitionOffer(ctx, request.params.code);
      if (wantsCsv(request)) return sendCsv(reply, `lokaal-aanbod-${request.params.code}`, offerCsv(offer.items), ctx.now());
      return offer;
    },
  );
  app.post(
    '/coalitions/:code/local-offer',
    {
      schema: {
        tags,
        summary: 'Aanbod vastleggen',
        description:
          'Een interventie van het menu (`interventionKey`) of een lokale activiteit (`activityName`), één van beide; de dienst uit de ' +
          'sociale kaart die haar aanbiedt (actief, en werkzaam in de gemeente of de coalitie); de hele coalitie of een van haar ' +
          'gemeenten. Alleen de coördinator. Dezelfde `idempotencyKey` nog eens geeft het eerder vastgelegde aanbod terug (200).',
        params: coalitionCodeParamSchema,
        body: localOfferCreateSchema,
        response: { 200: localOfferSchema, 201: localOfferSchema },
      },
    },
    async (request, reply) => {
      const created = await createOffer(contextOf(request, deps), request.params.code, request.body);
      return reply.status(created.isNew ? 201 : 200).send(created.offer);
    },
  );
  app.put(
    '/coalitions/:code/local-offer/:id',
    {
      schema: {
        tags,
        summary: 'Aanbod wijzigen',
        description: 'Alle gegevens tegelijk; beëindigen is een einddatum. `version` is de versie die u zag (anders `stale_version`). Alleen de coördinator.',
        params: coalitionItemParamSchema,
        body: localOfferUpdateSchema,
        response: { 200: localOfferSchema },
      },
    },
    async (request) => updateOffer(contextOf(request, deps), request.params.code, request.params.id, request.body),
  );
  app.delete(
    '/coalitions/:code/local-offer/:id',
    {
      schema: {
        tags,
        summary: 'Aanbod verwijderen',
        description: 'Voor aanbod dat per vergissing is vastgelegd; aanbod dat stopt, krijgt een einddatum. Alleen de coördinator.',
        params: coalitionItemParamSchema,
        response: { 204: z.null().describe('Verwijderd.') },
      },
    },
    async (request, reply) => {
      await deleteOffer(contextOf(request, deps), request.params.code, request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/local-offer',
    {
      schema: {
        tags,
        summary: 'Lokaal aanbod zoeken',
        description:
          'Het aanbod van alle actieve coalities, te filteren op gemeente (het aanbod van haar coalities voor de hele coalitie of voor die ' +
          'gemeente), op interventie van het menu en op wat vandaag loopt. Voor iedereen die is ingelogd. Met `Accept: text/csv` als CSV.',
        querystring: localOfferQuerySchema,
        response: { 200: csvOrJson(localOfferPageSchema) },
      },
    },
    async (request, reply) =>
      pageOrCsv(request, reply, contextOf(request, deps), { list: findLocalOffer, exportCsv: exportLocalOffer, csvName: 'lokaal-aanbod' }),
  );
}

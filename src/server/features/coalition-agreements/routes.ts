// SPDX-License-Identifier: EUPL-1.2
// HTTP face of a coalition's collaboration agreements, their documents and the "te herzien" list.
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { contextOf } from '../../platform/http/request-context.js';
import { csvOrJson, sendCsv, wantsCsv } from '../../platform/http/listing.js';
import { AppError, logFailure, normaliseError, sendProblem } from '../../platform/errors.js';
import { coalitionCodeParamSchema, coalitionItemParamSchema } from '../../../contracts/coalition-partners.js';
import {
  agreementCreateSchema,
  agreementOverviewSchema,
  agreementSchema,
  agreementUpdateSchema,
  DOCUMENT_MAX_BYTES,
  DOCUMENT_MEDIA_TYPES,
  documentInfoSchema,
  documentQuerySchema,
  noAgreementReasonSchema,
  topicParamSchema,
  toReviewListSchema,
  toReviewQuerySchema,
} from '../../../contracts/coalition-agreements.js';
import { listAgreements } from './list-agreements.js';
import { createAgreement } from './create-agreement.js';
import { updateAgreement } from './update-agreement.js';
import { setNoAgreementReason } from './set-no-agreement-reason.js';
import { uploadDocument } from './upload-document.js';
import { downloadDocument } from './download-document.js';
import { exportToReview, listToReview } from './list-to-review.js';
import { attachmentHeader } from './domain/document-type.js';

const MEDIA_TYPES = Object.values(DOCUMENT_MEDIA_TYPES);

export function registerCoalitionAgreementRoutes(app: ZodApp, deps: FeatureDependencies) {
  // Its own plugin context: the document body parsers (with their size limit) apply to these routes only.
  app.register(async (scope) => {
    const agreements = scope.withTypeProvider<ZodTypeProvider>();
    // The limit is checked against Content-Length before reading, and while reading a body without it:
    // a 200 MB upload is refused without being buffered (ADR 0014).
    agreements.addContentTypeParser(MEDIA_TYPES, { parseAs: 'buffer', bodyLimit: DOCUMENT_MAX_BYTES }, (_request, body, done) => done(null, body));
    agreements.setErrorHandler((error, request, reply) => {
      const isUpload = request.routeOptions.url?.endsWith('/document') && request.method === 'PUT';
      const code = (error as { code?: string }).code;
      const mapped =
        isUpload && code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? new AppError('document_too_large')
          : isUpload && code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? new AppError('document_type_not_allowed')
            : null;
      const { appError, isUnexpected } = mapped ? { appError: mapped, isUnexpected: false } : normaliseError(error);
      logFailure(request, error, appError, isUnexpected);
      return sendProblem(request, reply, appError);
    });
    registerRoutes(agreements as unknown as ZodApp, deps);
  });
}

function registerRoutes(app: ZodApp, deps: FeatureDependencies) {
  const tags = ['Coalities'];
  app.get(
    '/coalitions/:code/agreements',
    {
      schema: {
        tags,
        summary: 'Samenwerkingsafspraken van een coalitie',
        description:
          'Per onderwerp de afspraken (niveau, status, partijen met hun rol, datum, herzieningsdatum, document) of de reden dat er geen ' +
          'afspraak is. Voor iedereen die is ingelogd.',
        params: coalitionCodeParamSchema,
        response: { 200: agreementOverviewSchema },
      },
    },
    async (request) => listAgreements(contextOf(request, deps), request.params.code),
  );
  app.post(
    '/coalitions/:code/agreements',
    {
      schema: {
        tags,
        summary: 'Samenwerkingsafspraak vastleggen',
        description:
          'Onderwerp, niveau, status, datum, herzieningsdatum (niet vóór de datum van de afspraak) en partijen: elke partij is een partner ' +
          'van deze coalitie. Alleen de coördinator. Dezelfde `idempotencyKey` nog eens geeft de eerder gemaakte afspraak terug (200).',
        params: coalitionCodeParamSchema,
        body: agreementCreateSchema,
        response: { 200: agreementSchema, 201: agreementSchema },
      },
    },
    async (request, reply) => {
      const created = await createAgreement(contextOf(request, deps), request.params.code, request.body);
      return reply.status(created.isNew ? 201 : 200).send(created.agreement);
    },
  );
  app.put(
    '/coalitions/:code/agreements/:id',
    {
      schema: {
        tags,
        summary: 'Samenwerkingsafspraak wijzigen',
        description:
          'Alle gegevens tegelijk, ook de status: in ontwikkeling → afgesproken → in herziening → afgesproken of verlopen; verlopen → in ' +
          'ontwikkeling of in herziening. `version` is de versie die u zag (anders `stale_version`).',
        params: coalitionItemParamSchema,
        body: agreementUpdateSchema,
        response: { 200: agreementSchema },
      },
    },
    async (request) => updateAgreement(contextOf(request, deps), request.params.code, request.params.id, request.body),
  );
  app.put(
    '/coalitions/:code/agreement-topics/:topic/no-agreement-reason',
    {
      schema: {
        tags,
        summary: 'Reden dat er geen afspraak is',
        description: 'Waarom de coalitie over dit onderwerp (nog) geen afspraak heeft; `null` haalt de reden weg. Alleen zolang er geen afspraak is.',
        params: topicParamSchema,
        body: noAgreementReasonSchema,
        response: { 200: agreementOverviewSchema },
      },
    },
    async (request) => setNoAgreementReason(contextOf(request, deps), request.params.code, request.params.topic, request.body.reason),
  );
  app.put(
    '/coalitions/:code/agreements/:id/document',
    {
      bodyLimit: DOCUMENT_MAX_BYTES,
      schema: {
        tags,
        summary: 'Document bij een afspraak uploaden',
        description:
          'Het bestand zelf als body, met het juiste Content-Type: PDF (`application/pdf`) of een kantoorbestand (docx, xlsx, odt, ods), ' +
          'hoogstens 10 MB; de bestandsnaam in `fileName`. De inhoud bepaalt wat het is: een ander bestand met een andere naam wordt geweigerd. ' +
          'Eerdere versies blijven bewaard.',
        params: coalitionItemParamSchema,
        querystring: documentQuerySchema,
        response: { 200: documentInfoSchema },
      },
    },
    async (request) => {
      const content = request.body;
      if (!Buffer.isBuffer(content)) throw new AppError('document_type_not_allowed');
      const declaredType = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      return uploadDocument(contextOf(request, deps), request.params.code, request.params.id, { content, declaredType, fileName: request.query.fileName });
    },
  );
  app.get(
    '/coalitions/:code/agreements/:id/document',
    {
      schema: {
        tags,
        summary: 'Document bij een afspraak downloaden',
        description: 'Het huidige document, als bijlage (Content-Disposition: attachment).',
        params: coalitionItemParamSchema,
        response: {
          200: { content: Object.fromEntries(MEDIA_TYPES.map((type) => [type, { schema: z.string().meta({ format: 'binary' }) }])) },
        },
      },
    },
    async (request, reply) => {
      const document = await downloadDocument(contextOf(request, deps), request.params.code, request.params.id);
      return reply
        .type(document.mediaType)
        .header('Content-Disposition', attachmentHeader(document.fileName))
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Security-Policy', "default-src 'none'; sandbox")
        .header('Cache-Control', 'private, no-store')
        .header('ETag', `"${document.sha256}"`)
        .send(document.content as unknown as string);
    },
  );
  app.get(
    '/coalition-agreements/to-review',
    {
      schema: {
        tags,
        summary: 'Te herzien',
        description:
          'Afspraken die gelden (afgesproken of in herziening) en waarvan de herzieningsdatum voorbij is. Standaard (`scope=mine`) van de ' +
          'coalities die u coördineert; `scope=all` van alle coalities (standaard voor wie geen coalitie coördineert). Met `Accept: text/csv` als CSV.',
        querystring: toReviewQuerySchema,
        response: { 200: csvOrJson(toReviewListSchema) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      if (wantsCsv(request)) return sendCsv(reply, 'te-herzien', await exportToReview(ctx, request.query), ctx.now());
      return listToReview(ctx, request.query);
    },
  );
}

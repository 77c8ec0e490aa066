// SPDX-License-Identifier: EUPL-1.2
// HTTP face of the platform admin's mail page (issue 16 item 1): the outbox, sending a dead letter
// again, and — in the development mode only — a sent mail's subject and text.
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { contextOf } from '../../platform/http/request-context.js';
import { uuidParamSchema } from '../../../contracts/common.js';
import { mailOutboxItemSchema, mailOutboxPageSchema, mailOutboxQuerySchema, mailPreviewSchema } from '../../../contracts/mail-admin.js';
import { listMail } from './list-mail.js';
import { retryMail } from './retry-mail.js';
import { previewMail } from './preview-mail.js';

export function registerMailAdminRoutes(app: ZodApp, deps: FeatureDependencies) {
  const tags = ['Uitgaande e-mail'];
  const devFolder = deps.config.mail.kind === 'folder' ? deps.config.mail.folder : null;
  app.get(
    '/mail-outbox',
    {
      schema: {
        tags,
        summary: 'Uitgaande e-mail',
        description:
          'De wachtrij van uitgaande e-mail, nieuwste eerst: per bericht de status (wachtend, verstuurd, onbestelbaar), het sjabloon, de pogingen, de volgende poging, de laatste foutcode en de data. Nooit de inhoud; het adres alleen gemaskeerd. Alleen voor de beheerder van het platform.',
        querystring: mailOutboxQuerySchema,
        response: { 200: mailOutboxPageSchema },
      },
    },
    async (request) => listMail(contextOf(request, deps), request.query, devFolder !== null),
  );
  app.post(
    '/mail-outbox/:id/retry',
    {
      schema: {
        tags,
        summary: 'Onbestelbaar bericht opnieuw versturen',
        description: 'Zet een onbestelbaar bericht opnieuw in de wachtrij, meteen aan de beurt. Een bericht dat wacht of verstuurd is blijft zoals het is (opnieuw vragen verandert niets).',
        params: uuidParamSchema,
        response: { 200: mailOutboxItemSchema },
      },
    },
    async (request) => retryMail(contextOf(request, deps), request.params.id),
  );
  app.get(
    '/mail-outbox/:id/preview',
    {
      schema: {
        tags,
        summary: 'Verstuurd bericht bekijken (ontwikkeling)',
        description: 'Alleen als e-mail naar een map wordt geschreven (ontwikkeling, MAIL_DEV_FOLDER): onderwerp en tekst van een verstuurd bericht. Anders 404.',
        params: uuidParamSchema,
        response: { 200: mailPreviewSchema },
      },
    },
    async (request) => previewMail(contextOf(request, deps), request.params.id, devFolder),
  );
}

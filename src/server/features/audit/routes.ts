// SPDX-License-Identifier: EUPL-1.2
// HTTP face of the audit log search (/audit-events).
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { contextOf } from '../../platform/http/request-context.js';
import { auditEventPageSchema, auditQuerySchema } from '../../../contracts/audit.js';
import { csvOrJson, pageOrCsv } from '../../platform/http/listing.js';
import { searchAuditEvents } from './search-audit-events.js';
import { exportAuditEvents } from './export-audit-events.js';

export function registerAuditRoutes(app: ZodApp, deps: FeatureDependencies) {
  app.get(
    '/audit-events',
    {
      schema: {
        tags: ['Auditlog'],
        summary: 'Auditlog doorzoeken',
        description:
          'Wie wat wanneer deed (NEN 7513), nieuwste eerst. De beheerder van het platform ziet alles, de beheerder van een ' +
          'organisatie alleen wat namens de eigen organisatie gebeurde. Datums (`from`, `to`, tot en met) zijn kalenderdagen ' +
          'in Nederlandse tijd. Met `Accept: text/csv` komen alle passende regels (maximaal 10.000) als CSV-bestand. ' +
          'Ook het doorzoeken en exporteren zelf wordt vastgelegd.',
        querystring: auditQuerySchema,
        response: { 200: csvOrJson(auditEventPageSchema) },
      },
    },
    async (request, reply) =>
      pageOrCsv(request, reply, contextOf(request, deps), { list: searchAuditEvents, exportCsv: exportAuditEvents, csvName: 'auditlog' }),
  );
}

// SPDX-License-Identifier: EUPL-1.2
// The audit events matching the filters as CSV, newest first (audited as an export).
import type { z } from 'zod';
import type { auditQuerySchema } from '../../../contracts/audit.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { EXPORT_WINDOW, toCsv, type CsvColumn } from '../../platform/http/listing.js';
import { checkPeriod, findAuditEvents, type AuditEventRow, type UseCaseContext } from './store.js';

const text = nl.audit;
const COLUMNS: CsvColumn<AuditEventRow>[] = [
  { header: text.columnSequence, value: (row) => row.sequence },
  { header: text.columnOccurredAt, value: (row) => row.occurredAt.toISOString() },
  { header: text.columnActorId, value: (row) => row.actorId },
  { header: text.columnActorName, value: (row) => row.actorName },
  { header: text.columnOnBehalfOfId, value: (row) => row.onBehalfOfId },
  { header: text.columnOrganisationId, value: (row) => row.organisationId },
  { header: text.columnOrganisationName, value: (row) => row.organisationName },
  { header: text.columnRole, value: (row) => row.role },
  { header: text.columnAction, value: (row) => row.action },
  { header: text.columnObjectType, value: (row) => row.objectType },
  { header: text.columnObjectId, value: (row) => row.objectId },
  { header: text.columnClientId, value: (row) => row.clientId },
  { header: text.columnOutcome, value: (row) => row.outcome },
  { header: text.columnSourceIp, value: (row) => row.sourceIp },
  { header: text.columnUserAgent, value: (row) => row.userAgent },
  { header: text.columnReason, value: (row) => row.reason },
];

export async function exportAuditEvents(ctx: UseCaseContext, query: z.infer<typeof auditQuerySchema>): Promise<string> {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  checkPeriod(filters);
  const found = await ctx.store.export({
    resource: 'audit_event',
    perform: (tx, scope) => findAuditEvents(tx, scope, filters, EXPORT_WINDOW),
    details: (result) => ({ rowCount: result.rows.length, total: result.total }),
  });
  return toCsv(COLUMNS, found.rows);
}

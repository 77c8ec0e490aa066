// SPDX-License-Identifier: EUPL-1.2
// Searching the audit log; the search itself is logged too (by the scoped store).
import type { z } from 'zod';
import type { AuditEventView, auditQuerySchema } from '../../../contracts/audit.js';
import { windowOf, type Page } from '../../platform/http/listing.js';
import { checkPeriod, findAuditEvents, toAuditEvent, type UseCaseContext } from './store.js';

export async function searchAuditEvents(
  ctx: UseCaseContext,
  query: z.infer<typeof auditQuerySchema>,
): Promise<Page<AuditEventView>> {
  const { page, pageSize, ...filters } = query;
  checkPeriod(filters);
  const found = await ctx.store.search({
    resource: 'audit_event',
    perform: (tx, scope) => findAuditEvents(tx, scope, filters, windowOf({ page, pageSize })),
    details: (result) => ({ resultCount: result.rows.length, total: result.total }),
  });
  return { items: found.rows.map(toAuditEvent), total: found.total, page, pageSize };
}

// SPDX-License-Identifier: EUPL-1.2
// The working list per nurse: the families on the organisation's caseload that the actor may see,
// with the next contact moment. Searching it is a search of personal data: audited as such.
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { z } from 'zod';
import type { CaseloadRow, caseloadQuerySchema } from '../../../contracts/care.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { windowOf, type Page } from '../../platform/http/listing.js';
import { findCaseload } from './caseload-store.js';

export async function listCaseload(ctx: RequestContext, query: z.infer<typeof caseloadQuerySchema>): Promise<Page<CaseloadRow>> {
  const { page, pageSize, ...filters } = query;
  const found = await ctx.store.search({
    resource: 'family',
    objectType: 'caseload',
    perform: (tx) => findCaseload(tx, ctx.actor, ctx.now(), amsterdamDate(ctx.now()), filters, windowOf({ page, pageSize })),
    details: (result) => ({ resultCount: result.rows.length, total: result.total, nurse: filters.nurse, tier: filters.tier ?? null }),
    clientIds: (result) => result.rows.map((row) => row.familyId),
  });
  return { items: found.rows, total: found.total, page, pageSize };
}

// SPDX-License-Identifier: EUPL-1.2
// The working list as a CSV file (all matching rows up to the export limit), audited as an export.
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { z } from 'zod';
import type { CaseloadRow, caseloadQuerySchema } from '../../../contracts/care.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { EXPORT_WINDOW, toCsv, type CsvColumn } from '../../platform/http/listing.js';
import { findCaseload } from './caseload-store.js';

const t = nl.careCaseload;
const COLUMNS: CsvColumn<CaseloadRow>[] = [
  { header: t.columnClient, value: (row) => row.clientName },
  { header: t.columnMunicipality, value: (row) => row.municipalityName },
  { header: t.columnTier, value: (row) => nl.careTiers[row.tier] },
  { header: t.columnSuggestedTier, value: (row) => (row.suggestedTier ? nl.careTiers[row.suggestedTier] : null) },
  { header: t.columnNurse, value: (row) => row.nurseName },
  { header: t.columnNextContact, value: (row) => row.nextContactOn },
  { header: t.columnNextKind, value: (row) => (row.nextContactKind ? (nl.careContactKinds as Record<string, string>)[row.nextContactKind] ?? row.nextContactKind : null) },
];

export async function exportCaseload(ctx: RequestContext, query: z.infer<typeof caseloadQuerySchema>): Promise<string> {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  const found = await ctx.store.export({
    resource: 'family',
    objectType: 'caseload',
    perform: (tx) => findCaseload(tx, ctx.actor, ctx.now(), amsterdamDate(ctx.now()), filters, EXPORT_WINDOW),
    details: (result) => ({ resultCount: result.rows.length, nurse: filters.nurse, tier: filters.tier ?? null }),
    clientIds: (result) => result.rows.map((row) => row.familyId),
  });
  return toCsv(COLUMNS, found.rows);
}

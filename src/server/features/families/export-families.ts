// SPDX-License-Identifier: EUPL-1.2
// The families list as CSV (audited as an export).
import type { z } from 'zod';
import type { FamilySummary, familyQuerySchema } from '../../../contracts/families.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { EXPORT_WINDOW, toCsv, type CsvColumn } from '../../platform/http/listing.js';
import { findFamilies, type UseCaseContext } from './store.js';

const text = nl.families;
const COLUMNS: CsvColumn<FamilySummary>[] = [
  { header: 'id', value: (row) => row.id },
  { header: text.columnClient, value: (row) => row.clientName },
  { header: text.columnBirthDate, value: (row) => row.birthDate },
  { header: text.columnMunicipality, value: (row) => row.municipalityName },
  { header: text.columnPostcode, value: (row) => row.postcode },
  { header: text.columnDueDate, value: (row) => row.dueDate },
  { header: text.columnRegisteredBy, value: (row) => row.registeredByName },
];

export async function exportFamilies(ctx: UseCaseContext, query: z.infer<typeof familyQuerySchema>): Promise<string> {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  const found = await ctx.store.export({
    resource: 'family',
    perform: (tx) => findFamilies(tx, ctx.store.actor, ctx.now(), filters, EXPORT_WINDOW),
    details: (result) => ({ rowCount: result.rows.length, total: result.total }),
    clientIds: (result) => result.rows.map((row) => row.id),
  });
  return toCsv(COLUMNS, found.rows);
}

// SPDX-License-Identifier: EUPL-1.2
// Every coalition matching the filters as CSV (audited as an export).
import type { z } from 'zod';
import type { CoalitionListItem, coalitionQuerySchema } from '../../../contracts/coalitions.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { EXPORT_WINDOW, toCsv, type CsvColumn } from '../../platform/http/listing.js';
import { findCoalitions, type UseCaseContext } from './register-store.js';

const text = nl.coalitions;
const COLUMNS: CsvColumn<CoalitionListItem>[] = [
  { header: text.columnCode, value: (row) => row.code },
  { header: text.columnName, value: (row) => row.name },
  { header: text.columnKind, value: (row) => nl.coalitionKinds[row.kind] },
  { header: text.columnStartDate, value: (row) => row.startDate },
  { header: text.columnTranche, value: (row) => row.impulseTranche },
  { header: text.columnMandateHolder, value: (row) => row.mandateHolderCode },
  { header: text.columnActive, value: (row) => row.isActive },
  { header: text.columnProvinces, value: (row) => row.provinceNames.join(', ') },
  { header: `${text.columnMunicipalities} (code)`, value: (row) => row.municipalityCodes.join(', ') },
  { header: text.columnMunicipalities, value: (row) => row.municipalityNames.join(', ') },
];

export async function exportCoalitions(ctx: UseCaseContext, query: z.infer<typeof coalitionQuerySchema>): Promise<string> {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  const found = await ctx.store.export({
    resource: 'coalition',
    perform: (tx) => findCoalitions(tx, filters, EXPORT_WINDOW),
    details: (result) => ({ rowCount: result.rows.length, total: result.total }),
  });
  return toCsv(COLUMNS, found.rows);
}

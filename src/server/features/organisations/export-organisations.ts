// SPDX-License-Identifier: EUPL-1.2
// Every organisation matching the filters as CSV (audited as an export).
import type { z } from 'zod';
import type { organisationQuerySchema } from '../../../contracts/organisations.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { EXPORT_WINDOW, toCsv, type CsvColumn } from '../../platform/http/listing.js';
import { findOrganisations, type OrganisationRow, type UseCaseContext } from './store.js';

const text = nl.organisations;
const COLUMNS: CsvColumn<OrganisationRow>[] = [
  { header: 'id', value: (row) => row.id },
  { header: text.columnName, value: (row) => row.name },
  { header: text.columnType, value: (row) => nl.organisationTypes[row.type] },
  { header: nl.organisationIdentifiers.agbCode, value: (row) => row.agbCode },
  { header: nl.organisationIdentifiers.uraCode, value: (row) => row.uraCode },
  { header: nl.organisationIdentifiers.otherIdentifier, value: (row) => row.identifier },
  { header: text.columnActive, value: (row) => row.isActive },
  { header: text.columnMunicipalities, value: (row) => row.municipalityCodes.join(', ') },
  { header: text.columnCreatedAt, value: (row) => row.createdAt.toISOString() },
  { header: text.columnUpdatedAt, value: (row) => row.updatedAt.toISOString() },
];

export async function exportOrganisations(
  ctx: UseCaseContext,
  query: z.infer<typeof organisationQuerySchema>,
): Promise<string> {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  const found = await ctx.store.export({
    resource: 'organisation',
    perform: (tx, scope) => findOrganisations(tx, scope, filters, EXPORT_WINDOW),
    details: (result) => ({ rowCount: result.rows.length, total: result.total }),
  });
  return toCsv(COLUMNS, found.rows);
}

// SPDX-License-Identifier: EUPL-1.2
// Every staff account matching the filters as CSV (audited as an export), scoped like the list.
import { organisationIdsOf } from '../../platform/access/policy.js';
import type { z } from 'zod';
import type { personQuerySchema } from '../../../contracts/organisations.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { EXPORT_WINDOW, toCsv, type CsvColumn } from '../../platform/http/listing.js';
import { findPeople, personStatus, type PersonRow } from './people-store.js';
import type { UseCaseContext } from './store.js';

const text = nl.organisations;
const STATUS_LABELS = { invited: text.statusInvited, active: text.statusActive, inactive: text.statusInactive };
const COLUMNS: CsvColumn<PersonRow>[] = [
  { header: 'id', value: (row) => row.id },
  { header: text.columnName, value: (row) => row.name },
  { header: text.columnEmail, value: (row) => row.email },
  { header: text.columnStatus, value: (row) => STATUS_LABELS[personStatus(row)] },
  { header: text.columnTwoFactor, value: (row) => row.hasTwoFactor },
  {
    header: text.columnMemberships,
    value: (row) =>
      row.memberships
        .map((membership) => `${membership.organisationName} (${membership.roles.map((role) => nl.roles[role]).join(', ')})`)
        .join('; '),
  },
  { header: text.columnCreatedAt, value: (row) => row.createdAt.toISOString() },
];

export async function exportPeople(ctx: UseCaseContext, query: z.infer<typeof personQuerySchema>): Promise<string> {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  const found = await ctx.store.export({
    resource: 'person',
    perform: (tx, scope) => findPeople(tx, organisationIdsOf(scope), filters, EXPORT_WINDOW),
    details: (result) => ({ rowCount: result.rows.length, total: result.total }),
  });
  return toCsv(COLUMNS, found.rows);
}

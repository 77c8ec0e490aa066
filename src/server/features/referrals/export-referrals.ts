// SPDX-License-Identifier: EUPL-1.2
// The whole working list (up to the export limit) as CSV, audited as an export.
import type { ReferralQuery } from '../../../contracts/referrals.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { EXPORT_WINDOW, toCsv, type CsvColumn } from '../../platform/http/listing.js';
import { findWorkingList } from './referral-query.js';
import type { ListRow, UseCaseContext } from './store.js';

const text = nl.referrals;
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

const COLUMNS: CsvColumn<ListRow>[] = [
  { header: 'id', value: (row) => row.id },
  { header: text.columnClient, value: (row) => row.client_name },
  { header: text.columnStatus, value: (row) => nl.referralStatuses[row.status] },
  { header: text.columnOutcome, value: (row) => (row.outcome ? nl.referralOutcomes[row.outcome] : null) },
  { header: text.columnOverdue, value: (row) => row.is_overdue },
  { header: text.columnSender, value: (row) => row.sender_organisation_name },
  { header: text.columnReceiver, value: (row) => row.receiver_organisation_name },
  { header: text.columnMunicipality, value: (row) => `${row.municipality_name} (${row.municipality_code})` },
  { header: text.columnAssignedTo, value: (row) => row.assigned_to_name },
  { header: text.columnRequestedAt, value: (row) => iso(row.requested_at) },
  { header: text.columnRespondBy, value: (row) => iso(row.respond_by) },
  { header: text.columnWithoutConsent, value: (row) => row.legal_ground !== null },
];

export async function exportReferrals(ctx: UseCaseContext, query: ReferralQuery): Promise<string> {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  const found = await ctx.store.export({
    resource: 'referral',
    perform: (tx, scope) => findWorkingList(tx, scope, ctx.store.actor, filters, EXPORT_WINDOW, ctx.now()),
    details: (result) => ({ box: filters.box, filter: filters.filter ?? null, rowCount: result.rows.length, total: result.total }),
    clientIds: (result) => result.rows.map((row) => row.family_id),
  });
  return toCsv(COLUMNS, found.rows);
}

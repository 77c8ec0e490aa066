// SPDX-License-Identifier: EUPL-1.2
// Audit log search (NEN 7513): filters, a paged table, and a server-side CSV export (itself audited).
import { useState } from 'react';
import { auditApi, type AuditEvent } from '../../api/endpoints.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { FilterBar } from '../../components/filter-bar.js';
import { SelectField, TextField } from '../../components/fields.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { useMessages } from '../../i18n/messages.js';
import { auditLabels } from '../../../contracts/i18n/audit-labels.js';

const PAGE_SIZE = 25;
const EMPTY_FILTERS = { from: '', to: '', action: '', outcome: '', objectType: '', objectId: '' };

export default function AuditPage() {
  const { m, formatDateTime } = useMessages();
  const [filters, setFilters] = useState(EMPTY_FILTERS);
  const [query, setQuery] = useState({ ...EMPTY_FILTERS, page: 1, pageSize: PAGE_SIZE });
  const events = useAsync(() => auditApi.search(query), [query]);
  const set = (key: keyof typeof EMPTY_FILTERS) => (value: string) => setFilters({ ...filters, [key]: value });
  const labels = auditLabels(m);

  const columns: Column<AuditEvent>[] = [
    { key: 'time', header: m.auditPage.time, cell: (row) => formatDateTime(row.occurredAt), csv: (row) => row.occurredAt },
    { key: 'actor', header: m.auditPage.actor, cell: (row) => row.actorName ?? m.auditPage.system },
    { key: 'organisation', header: m.auditPage.organisation, cell: (row) => row.organisationName ?? '' },
    { key: 'role', header: m.auditPage.role, cell: (row) => labels.roles(row.role) },
    { key: 'action', header: m.auditPage.action, cell: (row) => labels.action(row.action) },
    // The kind of record in words; its identifier (a UUID) is in the CSV export, for investigation.
    { key: 'object', header: m.auditPage.object, cell: (row) => labels.objectType(row.objectType) },
    { key: 'outcome', header: m.auditPage.outcome, cell: (row) => labels.outcome(row.outcome) },
    { key: 'ip', header: m.auditPage.sourceIp, cell: (row) => row.sourceIp ?? '' },
  ];

  return (
    <Page title={m.auditPage.title} intro={m.auditPage.intro}>
      <FilterBar onApply={() => setQuery({ ...filters, page: 1, pageSize: PAGE_SIZE })}>
        <TextField id="from" label={m.auditPage.from} type="date" value={filters.from} onValueChange={set('from')} isOptional />
        <TextField id="to" label={m.auditPage.to} type="date" value={filters.to} onValueChange={set('to')} isOptional />
        <SelectField id="action" label={m.auditPage.action} value={filters.action} onValueChange={set('action')} emptyOption={m.shell.any} options={labels.actionOptions} />
        <SelectField
          id="outcome"
          label={m.auditPage.outcome}
          value={filters.outcome}
          onValueChange={set('outcome')}
          emptyOption={m.shell.any}
          options={labels.outcomeOptions}
        />
        <SelectField id="object-type" label={m.auditPage.objectType} value={filters.objectType} onValueChange={set('objectType')} emptyOption={m.shell.any} options={labels.objectTypeOptions} />
        <TextField id="object-id" label={m.auditPage.objectId} value={filters.objectId} onValueChange={set('objectId')} isOptional />
      </FilterBar>
      <AsyncContent state={events}>
        {(page) => (
          <DataTable
            caption={m.auditPage.caption}
            columns={columns}
            rows={page.items}
            rowKey={(row) => String(row.sequence)}
            csvName="auditlog"
            fetchCsv={() => auditApi.exportCsv({ ...query, page: undefined, pageSize: undefined })}
            paging={{ page: page.page, pageSize: page.pageSize, total: page.total, onPageChange: (next) => setQuery({ ...query, page: next }) }}
          />
        )}
      </AsyncContent>
    </Page>
  );
}

// SPDX-License-Identifier: EUPL-1.2
// Who looked at this file: every access from the audit log, newest first, with CSV export.
import { useState } from 'react';
import { DataTable, type Column } from '../../components/data-table.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { useMessages } from '../../i18n/messages.js';
import { familyApi, type AccessLogEntry } from './api.js';
import { useFamily } from './family-context.js';
import { auditLabels } from '../../../contracts/i18n/audit-labels.js';

const PAGE_SIZE = 50;

export default function FamilyAccessLogPage() {
  const { m, formatDateTime } = useMessages();
  const text = m.accessLog;
  const { family } = useFamily();
  const [page, setPage] = useState(1);
  const state = useAsync(() => familyApi.accessLog(family.id, { page, pageSize: PAGE_SIZE }), [family.id, page]);
  const labels = auditLabels(m);
  const columns: Column<AccessLogEntry>[] = [
    { key: 'at', header: text.columnAt, cell: (row) => formatDateTime(row.at), csv: (row) => row.at },
    { key: 'person', header: text.columnPerson, cell: (row) => row.personName ?? '' },
    { key: 'organisation', header: text.columnOrganisation, cell: (row) => row.organisationName ?? '' },
    { key: 'role', header: text.columnRole, cell: (row) => labels.roles(row.role) },
    { key: 'action', header: text.columnAction, cell: (row) => labels.action(row.action) },
    { key: 'object', header: text.columnObject, cell: (row) => labels.objectType(row.objectType) },
    { key: 'outcome', header: text.columnOutcome, cell: (row) => labels.outcome(row.outcome) },
    { key: 'emergency', header: text.columnEmergency, cell: (row) => (row.emergency ? <strong>{text.emergencyYes}</strong> : ''), csv: (row) => (row.emergency ? text.emergencyYes : '') },
    { key: 'ip', header: text.columnSourceIp, cell: (row) => row.sourceIp ?? '' },
  ];
  return (
    <Page title={text.title} intro={text.intro}>
      <AsyncContent state={state}>
        {(data) => (
          <DataTable
            caption={text.title}
            columns={columns}
            rows={data.items}
            rowKey={(row) => `${row.at}-${row.action}-${row.personName}-${row.objectType}`}
            csvName="inzage"
            fetchCsv={() => familyApi.exportAccessLog(family.id)}
            paging={{ page: data.page, pageSize: data.pageSize, total: data.total, onPageChange: setPage }}
          />
        )}
      </AsyncContent>
    </Page>
  );
}

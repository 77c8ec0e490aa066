// SPDX-License-Identifier: EUPL-1.2
// For the coalition coordinator: referrals in the municipalities their organisation serves that were
// not answered in time — sender, receiver, municipality, days overdue. No client data.
import { useState } from 'react';
import { DataTable, type Column } from '../../components/data-table.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { referralApi, type OverdueReferral } from './api.js';

const PAGE_SIZE = 50;

export default function OverdueReferralsPage() {
  const { m, formatDate, formatNumber } = useMessages();
  const [page, setPage] = useState(1);
  const list = useAsync(() => referralApi.overdue({ page, pageSize: PAGE_SIZE }), [page]);
  const columns: Column<OverdueReferral>[] = [
    { key: 'municipality', header: m.referrals.columnMunicipality, cell: (row) => row.municipalityName },
    { key: 'sender', header: m.referrals.columnSender, cell: (row) => row.senderOrganisationName },
    { key: 'receiver', header: m.referrals.columnReceiver, cell: (row) => row.receiverOrganisationName },
    { key: 'dueDate', header: m.referrals.columnDueDate, cell: (row) => formatDate(row.dueDate), csv: (row) => row.dueDate },
    { key: 'daysOverdue', header: m.referrals.columnDaysOverdue, cell: (row) => formatNumber(row.daysOverdue), csv: (row) => row.daysOverdue, isNumeric: true },
  ];
  return (
    <Page title={m.referrals.overdueTitle} intro={m.referrals.overdueIntro}>
      <AsyncContent state={list}>
        {(result) =>
          result.total === 0 ? (
            <Paragraph>{m.referrals.noOverdue}</Paragraph>
          ) : (
            <DataTable
              caption={m.referrals.overdueCaption}
              columns={columns}
              rows={result.items}
              rowKey={(row) => `${row.municipalityCode}-${row.senderOrganisationName}-${row.receiverOrganisationName}-${row.dueDate}-${result.items.indexOf(row)}`}
              csvName="te-late-verwijzingen"
              paging={{ page: result.page, pageSize: result.pageSize, total: result.total, onPageChange: setPage }}
            />
          )
        }
      </AsyncContent>
    </Page>
  );
}

// SPDX-License-Identifier: EUPL-1.2
// /coalities/te-herzien: agreements in force whose review date has passed — by default of the
// coalitions the person coordinates (the server decides), or of all coalitions; CSV from the server.
import { useState } from 'react';
import { DataTable, type Column } from '../../components/data-table.js';
import { SelectField } from '../../components/fields.js';
import { FilterBar } from '../../components/filter-bar.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { agreementApi, type ToReviewItem } from './api.js';

export default function ToReviewPage() {
  const { m, formatDate, formatNumber } = useMessages();
  const text = m.coalitionAgreements;
  const [choice, setChoice] = useState('');
  const [scope, setScope] = useState<'mine' | 'all' | undefined>(undefined);
  const list = useAsync(() => agreementApi.toReview(scope), [scope]);
  const columns: Column<ToReviewItem>[] = [
    { key: 'coalition', header: text.columnCoalition, cell: (row) => <Link to={`/coalities/${row.coalitionCode}/afspraken`}>{row.coalitionName}</Link>, csv: (row) => row.coalitionName },
    { key: 'topic', header: text.columnTopic, cell: (row) => m.coalitionAgreementTopics[row.topic] },
    { key: 'title', header: text.columnTitle, cell: (row) => row.title ?? text.untitled },
    { key: 'status', header: text.columnStatus, cell: (row) => m.coalitionAgreementStatuses[row.status] },
    { key: 'reviewDue', header: text.columnReviewDue, cell: (row) => formatDate(row.reviewDue), csv: (row) => row.reviewDue },
    { key: 'daysOverdue', header: text.columnDaysOverdue, cell: (row) => formatNumber(row.daysOverdue), csv: (row) => row.daysOverdue, isNumeric: true },
  ];
  return (
    <Page title={text.toReviewTitle} intro={text.toReviewIntro}>
      <FilterBar onApply={() => setScope(choice === 'mine' || choice === 'all' ? choice : undefined)}>
        <SelectField
          id="to-review-scope"
          label={text.toReviewScope}
          value={choice}
          onValueChange={setChoice}
          emptyOption={m.shell.any}
          options={[
            { value: 'mine', label: text.toReviewMine },
            { value: 'all', label: text.toReviewAll },
          ]}
        />
      </FilterBar>
      <AsyncContent state={list}>
        {(result) =>
          result.items.length === 0 ? (
            <Paragraph>{text.toReviewEmpty}</Paragraph>
          ) : (
            <DataTable
              caption={`${text.toReviewCaption} (${result.scope === 'mine' ? text.toReviewMine : text.toReviewAll})`}
              columns={columns}
              rows={result.items}
              rowKey={(row) => row.agreementId}
              csvName="te-herzien"
              fetchCsv={() => agreementApi.toReviewCsv(scope)}
            />
          )
        }
      </AsyncContent>
    </Page>
  );
}

// SPDX-License-Identifier: EUPL-1.2
// /zelfanalyse: the rounds the logged-in person is invited to answer.
import type { MyInvitationList } from '../../../contracts/coalition-analysis.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { analysisApi } from './api.js';
import { statusLabel } from './labels.js';

type Invitation = MyInvitationList['items'][number];

export default function MyInvitationsPage() {
  const { m, format } = useMessages();
  const state = useAsync(() => analysisApi.myInvitations(), []);
  const columns: Column<Invitation>[] = [
    {
      key: 'round',
      header: m.analysis.columnTitle,
      cell: (row) => (
        <Link to={`/zelfanalyse/uitnodigingen/${row.respondentId}`} aria-label={format(m.analysis.answerRound, { title: row.roundTitle })}>
          {row.roundTitle}
        </Link>
      ),
      csv: (row) => row.roundTitle,
    },
    { key: 'coalition', header: m.analysis.columnCoalition, cell: (row) => row.coalition.name },
    { key: 'status', header: m.analysis.columnStatus, cell: (row) => statusLabel(row.status, m) },
    { key: 'progress', header: m.analysis.columnProgress, cell: (row) => format(m.analysis.progress, { count: row.answeredCount, total: row.statementCount }) },
  ];
  return (
    <Page title={m.analysis.myTitle} intro={m.analysis.myIntro}>
      <AsyncContent state={state}>
        {(list) =>
          list.items.length === 0 ? (
            <Paragraph>{m.analysis.myEmpty}</Paragraph>
          ) : (
            <DataTable caption={m.analysis.myCaption} columns={columns} rows={list.items} rowKey={(row) => row.respondentId} csvName="mijn-zelfanalyses" />
          )
        }
      </AsyncContent>
    </Page>
  );
}

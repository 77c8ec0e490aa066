// SPDX-License-Identifier: EUPL-1.2
// /vragenlijst/{year}: the municipalities of an edition the person may see, with the state of their
// questionnaire and their coalition status for the year.
import { useParams } from 'react-router';
import { DataTable, type Column } from '../../components/data-table.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { questionnaireApi, type ResponseList } from './api.js';
import { stateLabel, statusLabel } from './labels.js';

export default function ResponsesPage() {
  const { m, format, formatDate } = useMessages();
  const t = m.mq;
  const year = Number(useParams().year);
  const list = useAsync(() => questionnaireApi.responses(year), [year]);
  const columns: Column<ResponseList['items'][number]>[] = [
    {
      key: 'municipality',
      header: t.columnMunicipality,
      cell: (row) => <Link to={`/vragenlijst/${year}/${row.municipalityCode}`}>{row.municipalityName}</Link>,
      csv: (row) => row.municipalityName,
    },
    { key: 'state', header: t.columnState, cell: (row) => stateLabel(row.state, m) },
    { key: 'status', header: t.columnStatus, cell: (row) => statusLabel(row.coalitionStatus, m) },
    { key: 'submitted', header: t.columnSubmittedAt, cell: (row) => (row.submittedAt ? formatDate(row.submittedAt.slice(0, 10)) : ''), csv: (row) => row.submittedAt ?? '' },
  ];
  return (
    <Page title={format(t.responsesTitle, { year })}>
      <AsyncContent state={list}>
        {(data) => (
          <>
            <Paragraph>{format(t.deadlineLine, { referenceDate: formatDate(data.edition.referenceDate), deadline: formatDate(data.edition.deadline) })}</Paragraph>
            {data.items.length === 0 ? <Paragraph>{t.noResponses}</Paragraph> : null}
            <DataTable caption={t.responsesCaption} columns={columns} rows={data.items} rowKey={(row) => row.municipalityCode} csvName={`vragenlijst-${year}`} />
          </>
        )}
      </AsyncContent>
    </Page>
  );
}

// SPDX-License-Identifier: EUPL-1.2
// The 'Screening' section of a family's file: the screenings done so far, and starting a new one.
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { ScreeningSummary } from '../../../contracts/screening.js';
import { ApiError } from '../../api/client.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Alert, Button, ButtonGroup, Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { screeningApi } from './api.js';

export default function ScreeningListPage() {
  const { m, format, formatDate, formatDateTime } = useMessages();
  const { familyId = '' } = useParams();
  const navigate = useNavigate();
  const list = useAsync(() => screeningApi.listForFamily(familyId), [familyId]);
  const [isStarting, setIsStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);

  const start = async () => {
    setIsStarting(true);
    setStartError(null);
    try {
      const screening = await screeningApi.start(familyId);
      navigate(`/clienten/${familyId}/screening/${screening.id}`);
    } catch (error) {
      setStartError(error instanceof ApiError ? m.errors[error.code] : m.errors.internal);
      setIsStarting(false);
    }
  };

  const columns: Column<ScreeningSummary>[] = [
    { key: 'started', header: m.screening.columnStarted, cell: (row) => formatDateTime(row.createdAt), csv: (row) => row.createdAt },
    { key: 'status', header: m.screening.columnStatus, cell: (row) => (row.status === 'completed' ? m.screening.statusCompleted : m.screening.statusDraft) },
    { key: 'instrument', header: m.screening.columnInstrument, cell: (row) => format(m.screening.instrumentVersion, { title: row.questionnaireTitle, version: row.questionnaireVersion }) },
    { key: 'by', header: m.screening.columnBy, cell: (row) => `${row.authorName} (${row.organisationName})` },
    { key: 'tier', header: m.screening.columnTier, cell: (row) => (row.supportTier ? m.screening[`tier_${row.supportTier}`] : '') },
    {
      key: 'open',
      header: m.screening.columnOpen,
      cell: (row) => {
        const action = row.status === 'completed' ? m.screening.viewProfile : m.screening.continueDraft;
        return (
          <Link to={`/clienten/${familyId}/screening/${row.id}`} aria-label={format(m.screening.openLabel, { action, date: formatDate(row.createdAt) })}>
            {action}
          </Link>
        );
      },
      csv: () => '',
    },
  ];

  return (
    <Page title={m.screening.listTitle} intro={m.screening.listIntro}>
      {startError ? <Alert type="error">{startError}</Alert> : null}
      <ButtonGroup>
        <Button variant="primary" onClick={start} busy={isStarting} disabled={isStarting}>
          {m.screening.newScreening}
        </Button>
      </ButtonGroup>
      <AsyncContent state={list}>
        {(data) =>
          data.items.length === 0 ? (
            <Paragraph>{m.screening.noScreenings}</Paragraph>
          ) : (
            <DataTable caption={m.screening.listCaption} columns={columns} rows={data.items} rowKey={(row) => row.id} csvName="screenings" />
          )
        }
      </AsyncContent>
    </Page>
  );
}

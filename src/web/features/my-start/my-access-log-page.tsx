// SPDX-License-Identifier: EUPL-1.2
// "Wie heeft mijn dossier bekeken": every access to the parent's file, newest first — when, which
// organisation, in which role, what, the outcome, and emergency access with its review state.
import { useEffect } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { DataTable, type Column } from '../../components/data-table.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { auditLabels } from '../../../contracts/i18n/audit-labels.js';
import { myStartApi, type MyAccessLog } from './api.js';
import { isSessionEnd, useParentSession } from './parent-area.js';

type Entry = MyAccessLog['items'][number];

export default function MyAccessLogPage() {
  const session = useParentSession();
  // A partner has no file of their own, so no log of it: back to Mijn Kansrijke Start.
  const familyId = session.familyIds[0];
  return familyId ? <AccessLog familyId={familyId} /> : <Navigate to="/mijn" replace />;
}

function AccessLog({ familyId }: { familyId: string }) {
  const { m, formatDateTime } = useMessages();
  const navigate = useNavigate();
  const state = useAsync(() => myStartApi.accessLog(familyId), [familyId]);
  useEffect(() => {
    if (state.error && isSessionEnd(state.error)) navigate('/mijn/inloggen?uit=1');
  }, [state.error, navigate]);
  const text = m.myStart;
  const labels = auditLabels(m);
  const columns: Column<Entry>[] = [
    { key: 'at', header: text.columnAt, cell: (row) => formatDateTime(row.at), csv: (row) => row.at },
    { key: 'organisation', header: text.columnOrganisation, cell: (row) => (row.isOwnAction ? text.you : row.organisationName ?? '') },
    { key: 'role', header: text.columnRole, cell: (row) => labels.roles(row.role) },
    { key: 'what', header: text.columnWhat, cell: (row) => [labels.action(row.action), labels.objectType(row.objectType)].filter(Boolean).join(': ') },
    { key: 'outcome', header: text.columnOutcome, cell: (row) => labels.outcome(row.outcome) },
    {
      key: 'emergency',
      header: text.columnEmergency,
      cell: (row) => (row.emergency === 'pending_review' ? <strong>{text.emergencyPending}</strong> : row.emergency === 'reviewed' ? text.emergencyReviewed : ''),
      csv: (row) => (row.emergency === 'pending_review' ? text.emergencyPending : row.emergency === 'reviewed' ? text.emergencyReviewed : ''),
    },
  ];
  return (
    <Page title={text.accessLogTitle} intro={text.accessLogIntro}>
      <AsyncContent state={state}>
        {(data) => (
          <DataTable caption={text.accessLogTitle} columns={columns} rows={data.items} rowKey={(row) => `${row.at}-${row.action}-${row.objectType}-${row.outcome}`} csvName="wie-keek-mee" />
        )}
      </AsyncContent>
      <Paragraph>
        <Link to="/mijn">{text.back}</Link>
      </Paragraph>
    </Page>
  );
}

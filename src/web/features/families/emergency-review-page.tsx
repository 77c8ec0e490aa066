// SPDX-License-Identifier: EUPL-1.2
// Reviewing emergency accesses (organisation admin: their own organisation's; platform admin: all):
// who opened which file, why, and a note on what was checked.
import { useState } from 'react';
import { DataTable, type Column } from '../../components/data-table.js';
import { CheckboxField, TextAreaField } from '../../components/fields.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Button } from '../../components/ui.js';
import { Panel } from '../../components/panel.js';
import { useMessages } from '../../i18n/messages.js';
import { familyApi, type EmergencyAccess } from './api.js';
import { Confirmation } from '../../components/confirmation.js';

const PAGE_SIZE = 25;

export default function EmergencyReviewPage() {
  const { m, formatDateTime } = useMessages();
  const text = m.emergency;
  const [showAll, setShowAll] = useState(false);
  const [page, setPage] = useState(1);
  const [reviewing, setReviewing] = useState<EmergencyAccess | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const query = { status: showAll ? 'all' : 'to_review', page, pageSize: PAGE_SIZE };
  const state = useAsync(() => familyApi.emergencyAccesses(query), [showAll, page]);
  const columns: Column<EmergencyAccess>[] = [
    { key: 'startedAt', header: text.columnStartedAt, cell: (row) => formatDateTime(row.startedAt), csv: (row) => row.startedAt },
    { key: 'person', header: text.columnPerson, cell: (row) => row.personName },
    { key: 'organisation', header: text.columnOrganisation, cell: (row) => row.organisationName },
    { key: 'reason', header: text.columnReason, cell: (row) => row.reason },
    { key: 'expiresAt', header: text.columnExpiresAt, cell: (row) => formatDateTime(row.expiresAt), csv: (row) => row.expiresAt },
    {
      key: 'review',
      header: text.columnReviewedAt,
      csv: (row) => row.reviewedAt,
      cell: (row) =>
        row.reviewedAt ? (
          `${formatDateTime(row.reviewedAt)} (${row.reviewedByName ?? ''}): ${row.reviewNote ?? ''}`
        ) : (
          <Button variant="secondary" onClick={() => setReviewing(row)} aria-label={`${text.reviewAction}: ${row.personName}, ${formatDateTime(row.startedAt)}`}>
            {text.reviewAction}
          </Button>
        ),
    },
  ];
  return (
    <Page title={text.reviewTitle} intro={text.reviewIntro}>
      <Confirmation text={message} />
      {reviewing ? (
        <ReviewForm
          access={reviewing}
          onClose={() => setReviewing(null)}
          onDone={() => {
            setReviewing(null);
            setMessage(text.reviewed);
            state.reload();
          }}
        />
      ) : null}
      <CheckboxField id="show-all" label={text.showAll} checked={showAll} onCheckedChange={(value) => { setShowAll(value); setPage(1); }} />
      <AsyncContent state={state}>
        {(data) => (
          <DataTable
            caption={text.reviewTitle}
            columns={columns}
            rows={data.items}
            rowKey={(row) => row.id}
            csvName="noodtoegang"
            fetchCsv={() => familyApi.exportEmergencyAccesses({ status: query.status })}
            paging={{ page: data.page, pageSize: data.pageSize, total: data.total, onPageChange: setPage }}
          />
        )}
      </AsyncContent>
    </Page>
  );
}

function ReviewForm({ access, onClose, onDone }: { access: EmergencyAccess; onClose(): void; onDone(): void }) {
  const { m } = useMessages();
  const text = m.emergency;
  const [note, setNote] = useState('');
  const form = useForm({ note: 'review-note' });
  const submit = form.submitWith(
    () => (note.trim().length >= 5 ? {} : { note: m.validation.required }),
    async () => {
      await familyApi.review(access.id, note.trim());
      onDone();
    },
  );
  return (
    <Panel id="review-panel" title={`${text.reviewAction}: ${access.personName}`} onClose={onClose}>
      <ErrorSummary {...form.summary} labels={{ note: text.reviewNote }} />
      <Form onSubmit={submit}>
        <TextAreaField id="review-note" label={text.reviewNote} value={note} onValueChange={setNote} error={form.errors.note} />
        <FormButtons submitLabel={text.reviewAction} isSubmitting={form.isSubmitting} />
      </Form>
    </Panel>
  );
}

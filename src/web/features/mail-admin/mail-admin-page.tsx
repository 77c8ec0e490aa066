// SPDX-License-Identifier: EUPL-1.2
// The platform admin's outgoing mail (issue 16 item 1): the outbox filtered by state, each mail's
// template, masked address, attempts, next attempt, last error and dates — never its content; a dead
// letter sent again with one button; in development a sent mail's subject and text in a panel.
import { useState } from 'react';
import { DataTable, type Column } from '../../components/data-table.js';
import { SelectField } from '../../components/fields.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Panel } from '../../components/panel.js';
import { Button, Paragraph } from '../../components/ui.js';
import { Confirmation } from '../../components/confirmation.js';
import { useMessages } from '../../i18n/messages.js';
import type { Catalogue } from '../../../contracts/i18n/nl.js';
import { MAIL_STATUSES } from '../../../contracts/mail-admin.js';
import { mailAdminApi, type MailOutboxItem, type MailStatus } from './api.js';
import './mail-admin.css';

const PAGE_SIZE = 50;

function templateLabel(t: Catalogue['mailAdmin'], template: string): string {
  const key = `template${template.charAt(0).toUpperCase()}${template.slice(1)}` as keyof Catalogue['mailAdmin'];
  return t[key] ?? template;
}

export default function MailAdminPage() {
  const { m, format, formatDateTime, formatNumber } = useMessages();
  const t = m.mailAdmin;
  const [status, setStatus] = useState<MailStatus | ''>('');
  const [page, setPage] = useState(1);
  const [message, setMessage] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState<MailOutboxItem | null>(null);
  const list = useAsync(() => mailAdminApi.list({ status: status || undefined, page, pageSize: PAGE_SIZE }), [status, page]);
  const statusLabel: Record<MailStatus, string> = { pending: t.statusPending, sent: t.statusSent, dead: t.statusDead };
  const canPreview = list.data?.canPreview ?? false;
  const names = (row: MailOutboxItem) => ({ created: formatDateTime(row.createdAt), recipient: row.recipient });

  const retry = async (row: MailOutboxItem) => {
    await mailAdminApi.retry(row.id);
    setMessage(format(t.retried, { recipient: row.recipient }));
    list.reload();
  };

  const columns: Column<MailOutboxItem>[] = [
    { key: 'created', header: t.columnCreated, cell: (row) => formatDateTime(row.createdAt), csv: (row) => row.createdAt },
    { key: 'template', header: t.columnTemplate, cell: (row) => templateLabel(t, row.template) },
    { key: 'recipient', header: t.columnRecipient, cell: (row) => row.recipient },
    { key: 'status', header: t.columnStatus, cell: (row) => statusLabel[row.status] },
    { key: 'attempts', header: t.columnAttempts, cell: (row) => formatNumber(row.attempts), csv: (row) => row.attempts, isNumeric: true },
    { key: 'next', header: t.columnNextAttempt, cell: (row) => (row.nextAttemptAt ? formatDateTime(row.nextAttemptAt) : ''), csv: (row) => row.nextAttemptAt ?? '' },
    { key: 'error', header: t.columnLastError, cell: (row) => (row.lastError ? <code>{row.lastError}</code> : ''), csv: (row) => row.lastError ?? '' },
    { key: 'sent', header: t.columnSent, cell: (row) => (row.sentAt ? formatDateTime(row.sentAt) : ''), csv: (row) => row.sentAt ?? '' },
    {
      key: 'actions',
      header: t.columnActions,
      cell: (row) =>
        row.status === 'dead' ? (
          <Button variant="secondary" onClick={() => void retry(row)} aria-label={format(t.retryLabel, names(row))}>
            {t.retry}
          </Button>
        ) : row.status === 'sent' && canPreview ? (
          <Button variant="subtle" onClick={() => setPreviewing(row)} aria-label={format(t.previewLabel, names(row))}>
            {t.preview}
          </Button>
        ) : null,
      csv: () => '',
    },
  ];

  return (
    <Page title={t.title} intro={t.intro}>
      <Confirmation text={message} />
      <SelectField
        id="mail-status"
        label={t.filterLabel}
        value={status}
        emptyOption={t.filterAll}
        options={MAIL_STATUSES.map((value) => ({ value, label: statusLabel[value] }))}
        onValueChange={(value) => {
          setStatus(value as MailStatus | '');
          setPage(1);
          setMessage(null);
        }}
      />
      {previewing ? <PreviewPanel mail={previewing} onClose={() => setPreviewing(null)} /> : null}
      <AsyncContent state={list}>
        {(result) =>
          result.total === 0 ? (
            <Paragraph>{t.empty}</Paragraph>
          ) : (
            <DataTable
              caption={t.listCaption}
              columns={columns}
              rows={result.items}
              rowKey={(row) => row.id}
              csvName="uitgaande-e-mail"
              paging={{ page: result.page, pageSize: result.pageSize, total: result.total, onPageChange: setPage }}
            />
          )
        }
      </AsyncContent>
    </Page>
  );
}

function PreviewPanel({ mail, onClose }: { mail: MailOutboxItem; onClose(): void }) {
  const { m } = useMessages();
  const t = m.mailAdmin;
  const preview = useAsync(() => mailAdminApi.preview(mail.id), [mail.id]);
  return (
    <Panel id="mail-preview" title={t.previewTitle} onClose={onClose}>
      <Paragraph>{t.previewNote}</Paragraph>
      <AsyncContent state={preview}>
        {(data) => (
          <dl className="mail-preview">
            <dt>{t.previewSubject}</dt>
            <dd>{data.subject}</dd>
            <dt>{t.previewText}</dt>
            <dd>
              <pre className="mail-preview__text">{data.text}</pre>
            </dd>
          </dl>
        )}
      </AsyncContent>
    </Panel>
  );
}

// SPDX-License-Identifier: EUPL-1.2
// The organisation admin's "Te bevestigen": her organisation's services due within 30 days or overdue
// ("niet recent gecontroleerd"), each with a button to confirm it and a link to correct it.
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { Confirmation } from '../../components/confirmation.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Alert, Button, ButtonGroup, Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { serviceApi, type Service } from './api.js';
import { checkText } from './labels.js';

export default function VerificationTasksPage() {
  const { m, format, formatDate } = useMessages();
  const t = m.services;
  const [page, setPage] = useState(1);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const list = useAsync(() => serviceApi.tasks(page), [page]);

  const confirm = async (service: Service) => {
    setBusy(service.id);
    setError(null);
    try {
      await serviceApi.confirm(service.id);
      setMessage(format(t.confirmed, { name: service.name }));
      list.reload();
    } catch (failure) {
      setError(failure instanceof ApiError ? (m.errors[failure.code] ?? m.errors.internal) : m.shell.networkError);
    } finally {
      setBusy(null);
    }
  };

  const columns: Column<Service>[] = [
    { key: 'name', header: t.columnName, cell: (row) => <Link to={`/sociale-kaart/${row.id}`}>{row.name}</Link>, csv: (row) => row.name },
    { key: 'provider', header: t.columnProvider, cell: (row) => row.providerName },
    { key: 'due', header: t.columnDue, cell: (row) => formatDate(row.confirmationDueAt) },
    {
      key: 'check',
      header: t.columnCheck,
      cell: (row) => (row.verification === 'overdue' ? <strong className="kr-service-overdue">{t.notRecentlyChecked}</strong> : checkText(m, row, formatDate, format)),
      csv: (row) => checkText(m, row, formatDate, format),
    },
    {
      key: 'actions',
      header: t.columnActions,
      cell: (row) => (
        <ButtonGroup>
          {row.allowedActions.includes('confirm') ? (
            <Button variant="secondary" onClick={() => void confirm(row)} disabled={busy === row.id} aria-label={format(t.confirmLabel, { name: row.name })}>
              {t.confirm}
            </Button>
          ) : null}
          {row.allowedActions.includes('update') ? <Link to={`/sociale-kaart/${row.id}/wijzigen`}>{t.edit}</Link> : null}
        </ButtonGroup>
      ),
      csv: () => '',
    },
  ];

  return (
    <Page title={t.tasksTitle} intro={t.tasksIntro}>
      <Confirmation text={message} />
      {error ? <Alert type="error">{error}</Alert> : null}
      <AsyncContent state={list}>
        {(data) =>
          data.items.length === 0 ? (
            <Paragraph>{t.tasksEmpty}</Paragraph>
          ) : (
            <DataTable
              caption={t.tasksCaption}
              columns={columns}
              rows={data.items}
              rowKey={(row) => row.id}
              csvName="te-bevestigen"
              paging={{ page: data.page, pageSize: data.pageSize, total: data.total, onPageChange: setPage }}
            />
          )
        }
      </AsyncContent>
    </Page>
  );
}

// SPDX-License-Identifier: EUPL-1.2
// The organisation admin's notifications to systems (FHIR Subscriptions, issue 11 item 5): which of
// the organisation's systems hear of its referrals, how the deliveries fared and why the last one
// failed; switching one in error on again, or ending one, each after a confirming step.
import { useState } from 'react';
import { subscriptionApi, type SubscriptionSummary } from './api.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Panel } from '../../components/panel.js';
import { Alert, Button, ButtonGroup, Paragraph } from '../../components/ui.js';
import { Confirmation } from '../../components/confirmation.js';
import { useMessages } from '../../i18n/messages.js';
import { useSession } from '../../session/session.js';

type Step = { kind: 'reactivate' | 'end'; subscription: SubscriptionSummary };

export default function SubscriptionsPage() {
  const { m, format, formatDateTime, formatCount } = useMessages();
  const t = m.subscriptions;
  const { session } = useSession();
  const [page, setPage] = useState(1);
  const list = useAsync(() => subscriptionApi.list(page), [page]);
  const [step, setStep] = useState<Step | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const statusLabel: Record<SubscriptionSummary['status'], string> = {
    requested: t.statusRequested,
    active: t.statusActive,
    error: t.statusError,
    off: t.statusOff,
  };

  const failureText = (row: SubscriptionSummary): string => {
    const failure = row.lastFailure;
    if (!failure) return t.noFailure;
    const at = formatDateTime(failure.at);
    if (failure.kind === 'http') return format(t.failureHttp, { at, status: failure.httpStatus ?? '' });
    if (failure.kind === 'timeout') return format(t.failureTimeout, { at });
    return failure.networkCode ? format(t.failureNetwork, { at, code: failure.networkCode }) : format(t.failureNetworkNoCode, { at });
  };

  const columns: Column<SubscriptionSummary>[] = [
    { key: 'endpoint', header: t.columnEndpoint, cell: (row) => <code className="kr-break-anywhere">{row.endpoint}</code>, csv: (row) => row.endpoint },
    { key: 'kind', header: t.columnKind, cell: (row) => (row.criteriaKind === 'owner' ? t.kindOwner : t.kindRequester) },
    { key: 'reason', header: t.columnReason, cell: (row) => row.reason },
    { key: 'status', header: t.columnStatus, cell: (row) => statusLabel[row.status] },
    { key: 'delivered', header: t.columnDelivered, cell: (row) => row.deliveries.delivered, isNumeric: true },
    { key: 'pending', header: t.columnPending, cell: (row) => row.deliveries.pending, isNumeric: true },
    { key: 'failed', header: t.columnFailed, cell: (row) => row.deliveries.failed, isNumeric: true },
    { key: 'lastFailure', header: t.columnLastFailure, cell: failureText },
    {
      key: 'actions',
      header: t.columnActions,
      cell: (row) => (
        <ButtonGroup>
          {row.status === 'error' ? (
            <Button variant="secondary" onClick={() => setStep({ kind: 'reactivate', subscription: row })} aria-label={format(t.reactivateLabel, { endpoint: row.endpoint })}>
              {t.reactivate}
            </Button>
          ) : null}
          <Button variant="subtle" onClick={() => setStep({ kind: 'end', subscription: row })} aria-label={format(t.endLabel, { endpoint: row.endpoint })}>
            {t.end}
          </Button>
        </ButtonGroup>
      ),
      csv: () => '',
    },
  ];

  const subscribeUrl = `${window.location.origin}/fhir/R4/Subscription`;
  return (
    <Page title={t.title} intro={t.intro}>
      <Paragraph>{format(t.howToSubscribe, { url: subscribeUrl, organisationId: session?.organisation?.id ?? '' })}</Paragraph>
      <Confirmation text={message} />
      {step ? (
        <StepPanel
          step={step}
          onClose={() => setStep(null)}
          onDone={(text) => {
            setStep(null);
            setMessage(text);
            list.reload();
          }}
        />
      ) : null}
      <AsyncContent state={list}>
        {(data) => {
          const inError = data.items.filter((item) => item.status === 'error').length;
          return data.items.length === 0 ? (
            <Paragraph>{t.empty}</Paragraph>
          ) : (
            <>
              {inError > 0 ? <Alert type="warning">{formatCount(inError, { one: t.errorNoticeOne, many: t.errorNoticeMany })}</Alert> : null}
              <DataTable
                caption={t.listCaption}
                columns={columns}
                rows={data.items}
                rowKey={(row) => row.id}
                csvName="meldingen-aan-systemen"
                paging={{ page: data.page, pageSize: data.pageSize, total: data.total, onPageChange: setPage }}
              />
            </>
          );
        }}
      </AsyncContent>
    </Page>
  );
}

/** The confirming step of switching on again or ending: its own title, the consequence, and the button. */
function StepPanel({ step, onClose, onDone }: { step: Step; onClose(): void; onDone(message: string): void }) {
  const { m, format } = useMessages();
  const t = m.subscriptions;
  const form = useForm({});
  const endpoint = step.subscription.endpoint;
  const isEnd = step.kind === 'end';
  const submit = form.submitWith(
    () => ({}),
    async () => {
      if (isEnd) await subscriptionApi.end(step.subscription.id);
      else await subscriptionApi.reactivate(step.subscription.id);
      onDone(format(isEnd ? t.ended : t.reactivated, { endpoint }));
    },
  );
  return (
    <Panel id="subscription-step" title={isEnd ? format(t.endConfirmTitle, { endpoint }) : format(t.reactivateLabel, { endpoint })}>
      <ErrorSummary {...form.summary} labels={{}} />
      {isEnd ? <Paragraph>{t.endConfirmText}</Paragraph> : null}
      <Form onSubmit={submit}>
        <FormButtons submitLabel={isEnd ? t.endConfirm : t.reactivate} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{t.cancel}</Button>
        </FormButtons>
      </Form>
    </Panel>
  );
}

// SPDX-License-Identifier: EUPL-1.2
// /coalities/{code}/zelfanalyse/{roundId}: who is invited (and how far, unless anonymous), inviting
// someone with an account or through a personal link (shown once, to copy), closing the round.
import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import type { RoundDetail } from '../../../contracts/coalition-analysis.js';
import { Confirmation } from '../../components/confirmation.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { SelectField, TextField } from '../../components/fields.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { CopyField } from '../../components/panel.js';
import { ButtonGroup, ButtonLink, Heading, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { analysisApi } from './api.js';
import { anonymityHint, anonymityLabel, statusLabel } from './labels.js';

type Respondent = RoundDetail['respondents'][number];

export default function RoundPage() {
  const { code = '', roundId = '' } = useParams();
  const location = useLocation();
  const { m, format } = useMessages();
  const [message, setMessage] = useState<string | null>((location.state as { flash?: string } | null)?.flash ?? null);
  const [messageKey, setMessageKey] = useState(0);
  const [link, setLink] = useState<{ name: string; url: string } | null>(null);
  const state = useAsync(() => analysisApi.getRound(code, roundId), [code, roundId]);
  const confirm = (text: string) => {
    setMessage(text);
    setMessageKey((key) => key + 1);
  };
  return (
    <AsyncContent state={state}>
      {(detail) => {
        const columns: Column<Respondent>[] = [
          { key: 'name', header: m.analysis.columnName, cell: (row) => row.name },
          { key: 'kind', header: m.analysis.columnKind, cell: (row) => (row.kind === 'account' ? m.analysis.kindAccount : m.analysis.kindLink) },
          { key: 'organisation', header: m.analysis.columnOrganisation, cell: (row) => row.organisationName ?? '' },
          {
            key: 'progress',
            header: m.analysis.columnProgress,
            cell: (row) =>
              row.answeredCount === null ? m.analysis.progressHidden : format(m.analysis.progress, { count: row.answeredCount, total: detail.statementCount }),
          },
        ];
        const canUpdate = detail.allowedActions.includes('update');
        return (
          <Page
            title={detail.round.title}
            intro={`${detail.coalition.name}. ${statusLabel(detail.round.status, m)}. ${format(m.analysis.roundIntro, { statements: detail.statementCount, anonymity: anonymityLabel(detail.round.anonymity, m) })}`}
          >
            <Confirmation text={message} focusKey={messageKey} />
            <Paragraph>{anonymityHint(detail.round.anonymity, m)}</Paragraph>
            <ButtonGroup>
              <ButtonLink to={`/coalities/${code}/zelfanalyse/${roundId}/rapport`} variant="secondary">
                {m.analysis.reportLink}
              </ButtonLink>
            </ButtonGroup>
            {/* Not a Panel: focus stays on the confirmation just above, which says where the link is. */}
            {link ? (
              <section aria-labelledby="analysis-link-title" className="kr-panel">
                <Heading level={2} id="analysis-link-title">
                  {format(m.analysis.linkTitle, { name: link.name })}
                </Heading>
                <Paragraph>{format(m.analysis.linkText, { name: link.name })}</Paragraph>
                <CopyField id="analysis-link-url" label={m.analysis.linkLabel} value={link.url} />
              </section>
            ) : null}
            {detail.respondents.length === 0 ? (
              <Paragraph>{m.analysis.noRespondents}</Paragraph>
            ) : (
              <DataTable caption={m.analysis.respondentsCaption} columns={columns} rows={detail.respondents} rowKey={(row) => row.id} csvName={`zelfanalyse-uitgenodigd-${code}`} />
            )}
            {canUpdate ? (
              <>
                <InviteAccountForm
                  code={code}
                  roundId={roundId}
                  onInvited={(name, isNew) => {
                    confirm(format(isNew ? m.analysis.invited : m.analysis.alreadyInvited, { name }));
                    state.reload();
                  }}
                />
                <InviteLinkForm
                  code={code}
                  roundId={roundId}
                  onInvited={(name, url) => {
                    setLink({ name, url });
                    confirm(format(m.analysis.linkMade, { name }));
                    state.reload();
                  }}
                />
                <CloseRound
                  code={code}
                  roundId={roundId}
                  onClosed={() => {
                    confirm(m.analysis.closed);
                    state.reload();
                  }}
                />
              </>
            ) : detail.round.status === 'closed' ? (
              <Paragraph>{m.analysis.isClosed}</Paragraph>
            ) : null}
          </Page>
        );
      }}
    </AsyncContent>
  );
}

function InviteAccountForm({ code, roundId, onInvited }: { code: string; roundId: string; onInvited(name: string, isNew: boolean): void }) {
  const { m } = useMessages();
  const [personId, setPersonId] = useState('');
  const candidates = useAsync(() => analysisApi.candidates(code, roundId), [code, roundId]);
  const form = useForm({ personId: 'invite-person' });
  const options = (candidates.data?.items ?? []).map((candidate) => ({ value: candidate.personId, label: `${candidate.name} (${candidate.organisationName})` }));
  const submit = form.submitWith(
    () => (personId ? {} : { personId: m.analysis.candidateRequired }),
    async () => {
      const before = await analysisApi.getRound(code, roundId);
      const result = await analysisApi.invite(code, roundId, { personId });
      setPersonId('');
      onInvited(result.name, !before.respondents.some((respondent) => respondent.id === result.id));
    },
  );
  return (
    <section aria-labelledby="invite-account-title">
      <Heading level={2} id="invite-account-title">
        {m.analysis.inviteAccountTitle}
      </Heading>
      <Form onSubmit={submit} label={m.analysis.inviteAccountTitle}>
        <ErrorSummary {...form.summary} labels={{ personId: m.analysis.candidate }} />
        <SelectField
          id="invite-person"
          label={m.analysis.candidate}
          description={m.analysis.candidateHint}
          value={personId}
          onValueChange={setPersonId}
          emptyOption={m.analysis.candidateEmpty}
          options={options}
          error={form.errors.personId}
        />
        <FormButtons submitLabel={m.analysis.inviteSubmit} isSubmitting={form.isSubmitting} />
      </Form>
    </section>
  );
}

function InviteLinkForm({ code, roundId, onInvited }: { code: string; roundId: string; onInvited(name: string, url: string): void }) {
  const { m } = useMessages();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const form = useForm({ name: 'invite-name', email: 'invite-email' });
  const submit = form.submitWith(
    () => ({ ...(name.trim() ? {} : { name: m.analysis.nameRequired }), ...(email.trim() ? {} : { email: m.analysis.emailRequired }) }),
    async () => {
      const result = await analysisApi.invite(code, roundId, { name: name.trim(), email: email.trim() });
      setName('');
      setEmail('');
      onInvited(result.name, result.link ?? '');
    },
  );
  return (
    <section aria-labelledby="invite-link-title">
      <Heading level={2} id="invite-link-title">
        {m.analysis.inviteLinkTitle}
      </Heading>
      <Form onSubmit={submit} label={m.analysis.inviteLinkTitle}>
        <ErrorSummary {...form.summary} labels={{ name: m.analysis.name, email: m.analysis.email }} />
        <TextField id="invite-name" label={m.analysis.name} value={name} onValueChange={setName} error={form.errors.name} autoComplete="off" />
        <TextField id="invite-email" label={m.analysis.email} type="email" value={email} onValueChange={setEmail} error={form.errors.email} autoComplete="off" />
        <FormButtons submitLabel={m.analysis.inviteLinkSubmit} isSubmitting={form.isSubmitting} />
      </Form>
    </section>
  );
}

function CloseRound({ code, roundId, onClosed }: { code: string; roundId: string; onClosed(): void }) {
  const { m } = useMessages();
  const form = useForm({});
  const submit = form.submitWith(
    () => ({}),
    async () => {
      await analysisApi.close(code, roundId);
      onClosed();
    },
  );
  return (
    <section aria-labelledby="close-round-title">
      <Heading level={2} id="close-round-title">
        {m.analysis.close}
      </Heading>
      <Paragraph>{m.analysis.closeText}</Paragraph>
      <Form onSubmit={submit} label={m.analysis.close}>
        <ErrorSummary {...form.summary} labels={{}} />
        <FormButtons submitLabel={m.analysis.close} isSubmitting={form.isSubmitting} />
      </Form>
    </section>
  );
}

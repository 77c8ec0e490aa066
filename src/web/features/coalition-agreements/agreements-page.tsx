// SPDX-License-Identifier: EUPL-1.2
// /coalities/{code}/afspraken: per topic (seed 003 "Samenwerking") the agreements or the reason there
// is none; record and edit agreements with their parties and a document (only where allowed).
import { useState } from 'react';
import { useParams } from 'react-router';
import { Confirmation } from '../../components/confirmation.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Panel } from '../../components/panel.js';
import { Button, ButtonGroup, Fieldset, FieldsetLegend, Heading, Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { ApiError } from '../../api/client.js';
import { partnerApi, type Partner } from '../coalition-partners/api.js';
import { agreementApi, type Agreement, type AgreementLevel, type AgreementStatus, type AgreementTopic } from './api.js';
import { FileField } from './file-field.js';

const ACCEPT = '.pdf,.docx,.xlsx,.odt,.ods,application/pdf';

export default function AgreementsPage() {
  const { code = '' } = useParams();
  const { m, format, formatDate } = useMessages();
  const text = m.coalitionAgreements;
  const overview = useAsync(() => agreementApi.overview(code), [code]);
  const partners = useAsync(() => partnerApi.list(code), [code]);
  const [editing, setEditing] = useState<Agreement | 'new' | null>(null);
  const [reasonTopic, setReasonTopic] = useState<AgreementTopic | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState(0);

  const confirm = (sentence: string) => {
    setEditing(null);
    setReasonTopic(null);
    setMessage(sentence);
    setFocusKey((key) => key + 1);
    overview.reload();
  };

  const columns: Column<Agreement>[] = [
    { key: 'title', header: text.columnTitle, cell: (row) => row.title ?? text.untitled },
    { key: 'level', header: text.columnLevel, cell: (row) => m.coalitionAgreementLevels[row.level] },
    { key: 'status', header: text.columnStatus, cell: (row) => m.coalitionAgreementStatuses[row.status] },
    { key: 'agreedOn', header: text.columnAgreedOn, cell: (row) => (row.agreedOn ? formatDate(row.agreedOn) : ''), csv: (row) => row.agreedOn },
    {
      key: 'reviewDue',
      header: text.columnReviewDue,
      cell: (row) => (row.reviewDue ? `${formatDate(row.reviewDue)}${row.isReviewOverdue ? ` (${text.overdue})` : ''}` : ''),
      csv: (row) => row.reviewDue,
    },
    { key: 'parties', header: text.columnParties, cell: (row) => row.parties.map((party) => `${party.name} (${party.role})`).join('; ') },
    {
      key: 'document',
      header: text.columnDocument,
      cell: (row) =>
        row.document ? (
          <a className="utrecht-link utrecht-link--html-a" href={agreementApi.documentUrl(code, row.id)} download={row.document.fileName}>
            {format(text.download, { name: row.document.fileName })}
          </a>
        ) : (
          text.noDocument
        ),
      csv: (row) => row.document?.fileName ?? '',
    },
    {
      key: 'actions',
      header: text.columnActions,
      cell: (row) =>
        row.allowedActions.includes('update') ? (
          <Button variant="subtle" onClick={() => setEditing(row)} aria-label={`${text.edit}: ${row.title ?? m.coalitionAgreementTopics[row.topic]}`}>
            {text.edit}
          </Button>
        ) : null,
      csv: () => '',
    },
  ];

  return (
    <AsyncContent state={overview}>
      {(data) => {
        const mayEdit = data.allowedActions.includes('create');
        return (
          <Page title={format(text.title, { name: data.coalition.name })} intro={text.intro}>
            <Confirmation text={message} focusKey={focusKey} />
            {mayEdit && editing === null ? (
              <ButtonGroup>
                <Button variant="primary" onClick={() => setEditing('new')}>
                  {text.add}
                </Button>
              </ButtonGroup>
            ) : null}
            <Paragraph>
              <Link to={`/coalities/${code}/partners`}>{m.coalitionPartners.toPartners}</Link>
            </Paragraph>
            {editing !== null ? (
              <AgreementEditor
                key={editing === 'new' ? 'new' : editing.id}
                code={code}
                agreement={editing === 'new' ? null : editing}
                partners={(partners.data?.items ?? []).filter((partner) => !partner.isWanted)}
                onSaved={confirm}
                onClose={() => setEditing(null)}
              />
            ) : null}
            {reasonTopic !== null ? (
              <ReasonEditor
                code={code}
                topic={reasonTopic}
                current={data.topics.find((topic) => topic.topic === reasonTopic)?.noAgreementReason ?? null}
                onSaved={confirm}
                onClose={() => setReasonTopic(null)}
              />
            ) : null}
            {data.topics.map((topic) => (
              <section key={topic.topic} aria-labelledby={`topic-${topic.topic}`}>
                <Heading level={2} id={`topic-${topic.topic}`}>
                  {m.coalitionAgreementTopics[topic.topic]}
                </Heading>
                {topic.agreements.length > 0 ? (
                  <DataTable
                    caption={format(text.topicCaption, { topic: m.coalitionAgreementTopics[topic.topic] })}
                    columns={columns}
                    rows={topic.agreements}
                    rowKey={(row) => row.id}
                    csvName={`afspraken-${topic.topic}-${code}`}
                  />
                ) : (
                  <>
                    <Paragraph>{topic.noAgreementReason ? format(text.noAgreementReason, { reason: topic.noAgreementReason }) : text.noAgreement}</Paragraph>
                    {mayEdit && reasonTopic === null ? (
                      <Button variant="subtle" onClick={() => setReasonTopic(topic.topic)} aria-label={`${text.setReason}: ${m.coalitionAgreementTopics[topic.topic]}`}>
                        {text.setReason}
                      </Button>
                    ) : null}
                  </>
                )}
              </section>
            ))}
          </Page>
        );
      }}
    </AsyncContent>
  );
}

type Field = 'topic' | 'level' | 'status' | 'title' | 'agreedOn' | 'reviewDue' | 'parties' | 'document';

function AgreementEditor({
  code,
  agreement,
  partners,
  onSaved,
  onClose,
}: {
  code: string;
  agreement: Agreement | null;
  partners: Partner[];
  onSaved(message: string): void;
  onClose(): void;
}) {
  const { m, format } = useMessages();
  const text = m.coalitionAgreements;
  const [topic, setTopic] = useState<string>(agreement?.topic ?? '');
  const [level, setLevel] = useState<string>(agreement?.level ?? '');
  const [status, setStatus] = useState<string>(agreement?.status ?? '');
  const [title, setTitle] = useState(agreement?.title ?? '');
  const [agreedOn, setAgreedOn] = useState(agreement?.agreedOn ?? '');
  const [reviewDue, setReviewDue] = useState(agreement?.reviewDue ?? '');
  const [roles, setRoles] = useState<Record<string, string>>(Object.fromEntries((agreement?.parties ?? []).map((party) => [party.partnerId, party.role])));
  const [file, setFile] = useState<File | null>(null);
  // One key per form: a repeated submit (double click, retry after a lost answer) makes no second agreement.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const form = useForm<Field>({
    topic: 'agreement-topic',
    level: 'agreement-level',
    status: 'agreement-status',
    title: 'agreement-title',
    agreedOn: 'agreement-agreed-on',
    reviewDue: 'agreement-review-due',
    parties: 'agreement-parties',
    document: 'agreement-document',
  });
  const statuses = (agreement ? [agreement.status, ...agreement.nextStatuses] : (Object.keys(m.coalitionAgreementStatuses) as AgreementStatus[])).map((value) => ({
    value,
    label: m.coalitionAgreementStatuses[value],
  }));

  const submit = form.submitWith(
    () => ({
      ...(topic === '' ? { topic: m.validation.required } : {}),
      ...(level === '' ? { level: m.validation.required } : {}),
      ...(status === '' ? { status: m.validation.required } : {}),
      ...(Object.entries(roles).some(([, role]) => role.trim() === '') ? { parties: text.partiesDescription } : {}),
    }),
    async () => {
      const body = {
        topic: topic as AgreementTopic,
        level: level as AgreementLevel,
        status: status as AgreementStatus,
        title: title.trim() || null,
        agreedOn: agreedOn || null,
        reviewDue: reviewDue || null,
        parties: Object.entries(roles).map(([partnerId, role]) => ({ partnerId, role: role.trim() })),
      };
      const saved = agreement ? await agreementApi.update(code, agreement.id, { ...body, version: agreement.version }) : await agreementApi.create(code, { ...body, idempotencyKey });
      if (!file) return onSaved(text.created);
      try {
        await agreementApi.upload(code, saved.id, file);
        onSaved(text.createdWithDocument);
      } catch (error) {
        onSaved(format(text.documentFailed, { reason: error instanceof ApiError ? m.errors[error.code] : m.errors.internal }));
      }
    },
  );

  return (
    <Panel id="agreement-editor" title={agreement ? text.editTitle : text.addTitle} onClose={onClose}>
      <ErrorSummary
        {...form.summary}
        labels={{ topic: text.topic, level: text.level, status: text.status, title: text.agreementTitle, agreedOn: text.agreedOn, reviewDue: text.reviewDue, parties: text.parties, document: text.document }}
      />
      <Form onSubmit={submit}>
        <SelectField
          id="agreement-topic"
          label={text.topic}
          value={topic}
          onValueChange={setTopic}
          emptyOption={m.shell.choose}
          options={(Object.keys(m.coalitionAgreementTopics) as AgreementTopic[]).map((value) => ({ value, label: m.coalitionAgreementTopics[value] }))}
          error={form.errors.topic}
        />
        <TextField id="agreement-title" label={text.agreementTitle} value={title} onValueChange={setTitle} error={form.errors.title} isOptional />
        <SelectField
          id="agreement-level"
          label={text.level}
          value={level}
          onValueChange={setLevel}
          emptyOption={m.shell.choose}
          options={(Object.keys(m.coalitionAgreementLevels) as AgreementLevel[]).map((value) => ({ value, label: m.coalitionAgreementLevels[value] }))}
          error={form.errors.level}
        />
        <SelectField id="agreement-status" label={text.status} value={status} onValueChange={setStatus} emptyOption={m.shell.choose} options={statuses} error={form.errors.status} />
        <TextField id="agreement-agreed-on" label={text.agreedOn} type="date" value={agreedOn} onValueChange={setAgreedOn} error={form.errors.agreedOn} isOptional />
        <TextField id="agreement-review-due" label={text.reviewDue} type="date" value={reviewDue} onValueChange={setReviewDue} error={form.errors.reviewDue} isOptional />
        <Fieldset id="agreement-parties" tabIndex={-1} aria-describedby="agreement-parties-description">
          <FieldsetLegend>{text.parties}</FieldsetLegend>
          <Paragraph id="agreement-parties-description">{partners.length === 0 ? text.noPartners : text.partiesDescription}</Paragraph>
          {form.errors.parties ? <Paragraph className="kr-field-error">{form.errors.parties}</Paragraph> : null}
          {partners.map((partner) => {
            const isChosen = partner.id in roles;
            return (
              <div key={partner.id} className="kr-party">
                <CheckboxField
                  id={`party-${partner.id}`}
                  label={partner.name}
                  checked={isChosen}
                  onCheckedChange={(checked) =>
                    setRoles((current) => {
                      const next = { ...current };
                      if (checked) next[partner.id] = partner.role ?? '';
                      else delete next[partner.id];
                      return next;
                    })
                  }
                />
                {isChosen ? (
                  <TextField
                    id={`party-role-${partner.id}`}
                    label={format(text.partyRole, { name: partner.name })}
                    value={roles[partner.id] ?? ''}
                    onValueChange={(value) => setRoles((current) => ({ ...current, [partner.id]: value }))}
                  />
                ) : null}
              </div>
            );
          })}
        </Fieldset>
        {agreement?.document ? <Paragraph>{format(text.documentCurrent, { name: agreement.document.fileName })}</Paragraph> : null}
        <FileField id="agreement-document" label={text.document} description={text.documentDescription} accept={ACCEPT} error={form.errors.document} onFileChange={setFile} />
        <FormButtons submitLabel={m.app.save} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </Panel>
  );
}

function ReasonEditor({ code, topic, current, onSaved, onClose }: { code: string; topic: AgreementTopic; current: string | null; onSaved(message: string): void; onClose(): void }) {
  const { m } = useMessages();
  const text = m.coalitionAgreements;
  const [reason, setReason] = useState(current ?? '');
  const form = useForm<'reason'>({ reason: 'no-agreement-reason' });
  const submit = form.submitWith(
    () => (reason.trim() === '' ? { reason: m.validation.required } : {}),
    async () => {
      await agreementApi.setReason(code, topic, reason.trim());
      onSaved(text.reasonSaved);
    },
  );
  const remove = form.submitWith(
    () => ({}),
    async () => {
      await agreementApi.setReason(code, topic, null);
      onSaved(text.reasonRemoved);
    },
  );
  return (
    <Panel id="reason-editor" title={`${text.reason}: ${m.coalitionAgreementTopics[topic]}`} onClose={onClose}>
      <ErrorSummary {...form.summary} labels={{ reason: text.reason }} />
      <Form onSubmit={submit}>
        <TextAreaField id="no-agreement-reason" label={text.reason} value={reason} onValueChange={setReason} error={form.errors.reason} />
        <FormButtons submitLabel={m.app.save} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
          {current ? <Button onClick={() => remove()}>{text.removeReason}</Button> : null}
        </FormButtons>
      </Form>
    </Panel>
  );
}

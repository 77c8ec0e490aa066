// SPDX-License-Identifier: EUPL-1.2
// /zorgpaden/:scopeCode/:factorKey: one care pathway — its published version, the draft (for its
// editors: the server only sends it to them), and the archived and withdrawn versions, still readable
// ("vervangen door versie N"). Offers only what the server says this person may do: make a new draft,
// publish (with confirmation), withdraw (with confirmation), print, and add an improvement action to
// the coalition's plan of approach.
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { Confirmation } from '../../components/confirmation.js';
import { TextField } from '../../components/fields.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Panel } from '../../components/panel.js';
import { Alert, Button, ButtonGroup, ButtonLink, Heading, Link, Paragraph } from '../../components/ui.js';
import { ApiError } from '../../api/client.js';
import { useMessages } from '../../i18n/messages.js';
import { pathwayApi, pathwayPaths, type PathwayDetail, type PathwayVersion } from './api.js';
import { PathwayView } from './pathway-view.js';

type Step = { kind: 'publish' | 'withdraw'; version: number };

export default function PathwayPage() {
  const { scopeCode = '', factorKey = '' } = useParams();
  const location = useLocation();
  const [message, setMessage] = useState<string | null>((location.state as { flash?: string } | null)?.flash ?? null);
  const state = useAsync(() => pathwayApi.get(scopeCode, factorKey), [scopeCode, factorKey]);
  return (
    <AsyncContent state={state}>
      {(detail) => <PathwayDetailView detail={detail} message={message} setMessage={setMessage} reload={state.reload} />}
    </AsyncContent>
  );
}

function PathwayDetailView({ detail, message, setMessage, reload }: { detail: PathwayDetail; message: string | null; setMessage(text: string | null): void; reload(): void }) {
  const { m, format, formatDate, formatDateTime } = useMessages();
  const t = m.pathways;
  const navigate = useNavigate();
  const [step, setStep] = useState<Step | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const published = detail.versions.find((version) => version.status === 'published');
  const draft = detail.versions.find((version) => version.status === 'draft');
  const earlier = detail.versions.filter((version) => version.status === 'archived' || version.status === 'withdrawn');
  const may = (action: PathwayDetail['allowedActions'][number]) => detail.allowedActions.includes(action);
  const meta = (version: PathwayVersion) =>
    format(version.reviewDue ? t.meta : t.metaNoReview, {
      owner: version.ownerCode,
      reviewDue: version.reviewDue ? formatDate(version.reviewDue) : '',
      updatedAt: formatDateTime(version.updatedAt),
      by: version.updatedByName ?? t.unknownPerson,
    });

  const startDraft = async () => {
    setStartError(null);
    try {
      await pathwayApi.startDraft(detail.scopeCode, detail.factorKey);
      navigate(pathwayPaths.editor(detail.scopeCode, detail.factorKey));
    } catch (error) {
      setStartError(error instanceof ApiError ? (m.errors[error.code] ?? m.errors.internal) : m.errors.internal);
    }
  };

  return (
    <Page title={format(t.pageTitle, { factor: detail.factorLabel, scope: detail.scopeName })}>
      <Paragraph className="kr-no-print">
        <Link to={pathwayPaths.register(detail.coalitionCode ?? detail.scopeCode)}>{format(t.backToList, { name: detail.coalitionCode ?? detail.scopeName })}</Link>
      </Paragraph>
      <Paragraph className="kr-pathway-print-only">{format(t.printedOn, { date: formatDate(new Date().toISOString().slice(0, 10)) })}</Paragraph>
      <Confirmation text={message} />
      {startError ? <Alert type="error">{startError}</Alert> : null}
      <ButtonGroup>
        {may('start_draft') ? (
          <Button variant="primary" onClick={startDraft}>
            {t.startDraft}
          </Button>
        ) : null}
        {draft && may('edit') ? <ButtonLink to={pathwayPaths.editor(detail.scopeCode, detail.factorKey)}>{t.editDraft}</ButtonLink> : null}
        {draft && may('publish') ? (
          <Button variant="secondary" onClick={() => setStep({ kind: 'publish', version: draft.version })}>
            {t.publish}
          </Button>
        ) : null}
        {published && may('withdraw') ? (
          <Button variant="secondary" onClick={() => setStep({ kind: 'withdraw', version: published.version })}>
            {t.withdraw}
          </Button>
        ) : null}
        {published ? (
          <Button variant="secondary" onClick={() => window.print()}>
            {t.print}
          </Button>
        ) : null}
      </ButtonGroup>
      {step ? (
        <StepPanel
          detail={detail}
          step={step}
          onClose={() => setStep(null)}
          onDone={(text) => {
            setStep(null);
            setMessage(text);
            reload();
          }}
        />
      ) : null}

      {published ? (
        <section aria-labelledby="published-heading">
          <Heading level={2} id="published-heading">
            {format(t.publishedHeading, { version: published.version })}
          </Heading>
          <Paragraph>{meta(published)}</Paragraph>
          <PathwayView pathway={published} headingLevel={3} />
        </section>
      ) : (
        <Alert type="info">{t.noPublished}</Alert>
      )}

      {draft ? (
        <section aria-labelledby="draft-heading" className="kr-no-print kr-pathway-box">
          <Heading level={2} id="draft-heading">
            {format(t.draftHeading, { version: draft.version })}
          </Heading>
          <Paragraph>{meta(draft)}</Paragraph>
          <PathwayView pathway={draft} headingLevel={3} />
        </section>
      ) : null}

      {earlier.length > 0 ? (
        <section aria-labelledby="history-heading" className="kr-no-print">
          <Heading level={2} id="history-heading">
            {t.historyHeading}
          </Heading>
          {earlier.map((version) => (
            <details key={version.version} className="kr-pathway-box">
              <summary>{format(t.archivedSummary, { version: version.version, status: m.pathwayStatuses[version.status] })}</summary>
              <Paragraph>{version.replacedByVersion ? format(t.replacedBy, { version: version.replacedByVersion }) : t.withdrawnNote}</Paragraph>
              <Paragraph>{meta(version)}</Paragraph>
              <PathwayView pathway={version} headingLevel={3} />
            </details>
          ))}
        </section>
      ) : null}

      {may('add_improvement_action') ? <ImprovementAction detail={detail} onDone={setMessage} /> : null}
    </Page>
  );
}

function StepPanel({ detail, step, onClose, onDone }: { detail: PathwayDetail; step: Step; onClose(): void; onDone(message: string): void }) {
  const { m, format } = useMessages();
  const t = m.pathways;
  const form = useForm({});
  const isPublish = step.kind === 'publish';
  const submit = form.submitWith(
    () => ({}),
    async () => {
      if (isPublish) await pathwayApi.publish(detail.scopeCode, detail.factorKey, step.version);
      else await pathwayApi.withdraw(detail.scopeCode, detail.factorKey, step.version);
      onDone(format(isPublish ? t.published : t.withdrawn, { version: step.version }));
    },
  );
  return (
    <Panel id="pathway-step" title={format(isPublish ? t.publishConfirmTitle : t.withdrawConfirmTitle, { version: step.version })}>
      <ErrorSummary {...form.summary} labels={{}} />
      <Paragraph>{isPublish ? t.publishConfirmText : t.withdrawConfirmText}</Paragraph>
      <Form onSubmit={submit}>
        <FormButtons submitLabel={isPublish ? t.publishConfirm : t.withdrawConfirm} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{t.cancel}</Button>
        </FormButtons>
      </Form>
    </Panel>
  );
}

function ImprovementAction({ detail, onDone }: { detail: PathwayDetail; onDone(message: string): void }) {
  const { m, format } = useMessages();
  const t = m.pathways;
  const [title, setTitle] = useState('');
  const form = useForm({ title: 'pathway-improvement' });
  const submit = form.submitWith(
    () => (title.trim() ? {} : { title: m.errors.validation_failed }),
    async () => {
      const created = await pathwayApi.addImprovementAction(detail.scopeCode, detail.factorKey, title.trim());
      setTitle('');
      onDone(format(t.improvementAdded, { coalition: created.coalitionCode }));
    },
  );
  return (
    <section aria-labelledby="improvement-heading" className="kr-no-print">
      <Heading level={2} id="improvement-heading">
        {t.improvementHeading}
      </Heading>
      <Paragraph>{t.improvementHint}</Paragraph>
      <ErrorSummary {...form.summary} labels={{ title: t.improvementField }} />
      <Form onSubmit={submit}>
        <TextField id="pathway-improvement" label={t.improvementField} value={title} onValueChange={setTitle} error={form.errors.title} />
        <FormButtons submitLabel={t.improvementSubmit} isSubmitting={form.isSubmitting} />
      </Form>
    </section>
  );
}

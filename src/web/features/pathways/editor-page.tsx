// SPDX-License-Identifier: EUPL-1.2
// /zorgpaden/:scopeCode/:factorKey/concept: the draft editor — title, local agreements (and the
// coalition's collaboration agreements they rest on), review date, steps with their description and
// services (with contact details); preview as professionals will see it; save; publish (confirmed).
// Only the pathway's editors get here with a draft (the server sends drafts to them only).
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Confirmation } from '../../components/confirmation.js';
import { CheckboxGroup, TextAreaField, TextField } from '../../components/fields.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Panel } from '../../components/panel.js';
import { Alert, Button, ButtonGroup, Fieldset, FieldsetLegend, Heading, Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { agreementApi } from '../coalition-agreements/api.js';
import { pathwayApi, pathwayPaths, type PathwayDetail, type PathwayDraftInput, type PathwayVersion } from './api.js';
import { PathwayView } from './pathway-view.js';

interface ServiceState {
  serviceId?: string;
  name: string;
  organisationName: string;
  phone: string;
  email: string;
  website: string;
  conditions: string;
}
interface StepState {
  title: string;
  description: string;
  services: ServiceState[];
}
interface DraftState {
  title: string;
  localAgreements: string;
  agreementIds: string[];
  reviewDue: string;
  steps: StepState[];
}

const emptyService = (): ServiceState => ({ name: '', organisationName: '', phone: '', email: '', website: '', conditions: '' });

function toState(version: PathwayVersion): DraftState {
  return {
    title: version.title,
    localAgreements: version.localAgreements,
    agreementIds: version.agreementIds,
    reviewDue: version.reviewDue ?? '',
    steps: version.steps.map((step) => ({
      title: step.title,
      description: step.description,
      services: step.services.map((service) => ({
        ...(service.serviceId ? { serviceId: service.serviceId } : {}),
        name: service.name,
        organisationName: service.organisationName,
        phone: service.contact.phone ?? '',
        email: service.contact.email ?? '',
        website: service.contact.website ?? '',
        conditions: service.conditions ?? '',
      })),
    })),
  };
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

function toInput(state: DraftState): PathwayDraftInput {
  return {
    title: state.title,
    localAgreements: state.localAgreements,
    agreementIds: state.agreementIds,
    reviewDue: state.reviewDue || null,
    steps: state.steps.map((step) => ({
      title: step.title,
      description: step.description,
      services: step.services.map((service) => ({
        ...(service.serviceId ? { serviceId: service.serviceId } : {}),
        name: service.name,
        organisationName: service.organisationName,
        contact: { phone: optional(service.phone), email: optional(service.email), website: optional(service.website) },
        ...(optional(service.conditions) ? { conditions: optional(service.conditions) } : {}),
      })),
    })),
  };
}

function toPreview(state: DraftState) {
  return {
    title: state.title,
    localAgreements: state.localAgreements,
    steps: state.steps.map((step) => ({
      title: step.title,
      description: step.description,
      services: step.services.map((service) => ({
        name: service.name,
        organisationName: service.organisationName,
        contact: { phone: optional(service.phone), email: optional(service.email), website: optional(service.website) },
        conditions: optional(service.conditions),
      })),
    })),
  };
}

export default function PathwayEditorPage() {
  const { scopeCode = '', factorKey = '' } = useParams();
  const state = useAsync(() => pathwayApi.get(scopeCode, factorKey), [scopeCode, factorKey]);
  return <AsyncContent state={state}>{(detail) => <Editor detail={detail} />}</AsyncContent>;
}

function Editor({ detail }: { detail: PathwayDetail }) {
  const { m, format } = useMessages();
  const t = m.pathways;
  const draft = detail.versions.find((version) => version.status === 'draft');
  const back = pathwayPaths.pathway(detail.scopeCode, detail.factorKey);
  if (!draft || !detail.allowedActions.includes('edit')) {
    return (
      <Page title={t.editorCrumb}>
        <Alert type="info">{t.noDraft}</Alert>
        <Paragraph>
          <Link to={back}>{t.backToPathway}</Link>
        </Paragraph>
      </Page>
    );
  }
  return (
    <Page title={format(t.editorTitle, { version: draft.version })}>
      <Paragraph>
        <Link to={back}>{t.backToPathway}</Link>
      </Paragraph>
      <DraftForm detail={detail} draft={draft} />
    </Page>
  );
}

function DraftForm({ detail, draft }: { detail: PathwayDetail; draft: PathwayVersion }) {
  const { m, format } = useMessages();
  const t = m.pathways;
  const navigate = useNavigate();
  const [state, setState] = useState<DraftState>(() => toState(draft));
  const [message, setMessage] = useState<string | null>(null);
  const [isPreview, setIsPreview] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  const agreements = useAsync(
    () => (detail.coalitionCode ? agreementApi.overview(detail.coalitionCode) : Promise.resolve(null)),
    [detail.coalitionCode],
  );

  // Field ids per server path, so a refusal links to the very field.
  const fieldIds: Record<string, string> = { title: 'pathway-title', localAgreements: 'pathway-local-agreements', agreementIds: 'pathway-agreement-ids', reviewDue: 'pathway-review-due' };
  state.steps.forEach((step, stepIndex) => {
    fieldIds[`steps.${stepIndex}.title`] = `step-${stepIndex}-title`;
    fieldIds[`steps.${stepIndex}.description`] = `step-${stepIndex}-description`;
    step.services.forEach((_service, serviceIndex) => {
      const prefix = `steps.${stepIndex}.services.${serviceIndex}`;
      const id = `step-${stepIndex}-service-${serviceIndex}`;
      fieldIds[`${prefix}.name`] = `${id}-name`;
      fieldIds[`${prefix}.organisationName`] = `${id}-organisation`;
      fieldIds[`${prefix}.contact`] = `${id}-phone`;
      fieldIds[`${prefix}.contact.phone`] = `${id}-phone`;
      fieldIds[`${prefix}.contact.email`] = `${id}-email`;
      fieldIds[`${prefix}.contact.website`] = `${id}-website`;
      fieldIds[`${prefix}.conditions`] = `${id}-conditions`;
    });
  });
  const form = useForm(fieldIds);
  const labels: Record<string, string> = { title: t.fieldTitle, localAgreements: t.fieldLocalAgreements, agreementIds: t.fieldAgreements, reviewDue: t.fieldReviewDue };
  const errorOf = (path: string) => form.errors[path];

  const update = (change: (draftState: DraftState) => DraftState) => {
    setMessage(null);
    setState((current) => change(current));
  };
  const updateStep = (stepIndex: number, change: Partial<StepState>) =>
    update((current) => ({ ...current, steps: current.steps.map((step, index) => (index === stepIndex ? { ...step, ...change } : step)) }));
  const updateService = (stepIndex: number, serviceIndex: number, change: Partial<ServiceState>) =>
    updateStep(stepIndex, {
      services: state.steps[stepIndex]!.services.map((service, index) => (index === serviceIndex ? { ...service, ...change } : service)),
    });

  const save = form.submitWith(
    () => (state.title.trim() ? {} : { title: t.fieldTitle }),
    async () => {
      await pathwayApi.saveDraft(detail.scopeCode, detail.factorKey, draft.version, toInput(state));
      setMessage(t.draftSaved);
    },
  );
  const publish = form.submitWith(
    () => ({}),
    async () => {
      await pathwayApi.saveDraft(detail.scopeCode, detail.factorKey, draft.version, toInput(state));
      await pathwayApi.publish(detail.scopeCode, detail.factorKey, draft.version);
      navigate(pathwayPaths.pathway(detail.scopeCode, detail.factorKey), { state: { flash: format(t.published, { version: draft.version }) } });
    },
  );

  const agreementOptions = (overview: Awaited<ReturnType<typeof agreementApi.overview>> | null) =>
    (overview?.topics ?? []).flatMap((topic) =>
      topic.agreements.map((agreement) => ({ value: agreement.id, label: `${m.coalitionAgreementTopics[topic.topic]}: ${agreement.title ?? m.coalitionAgreements.untitled}` })),
    );

  return (
    <>
      <Confirmation text={message} />
      <ErrorSummary {...form.summary} labels={labels} />
      <Form onSubmit={save}>
        <TextField id="pathway-title" label={t.fieldTitle} value={state.title} onValueChange={(title) => update((current) => ({ ...current, title }))} error={errorOf('title')} />
        <TextAreaField
          id="pathway-local-agreements"
          label={t.fieldLocalAgreements}
          value={state.localAgreements}
          onValueChange={(localAgreements) => update((current) => ({ ...current, localAgreements }))}
          error={errorOf('localAgreements')}
          rows={5}
        />
        <AsyncContent state={agreements}>
          {(overview) => {
            const options = agreementOptions(overview);
            return options.length === 0 ? (
              <Paragraph>{t.noAgreements}</Paragraph>
            ) : (
              <CheckboxGroup
                id="pathway-agreement-ids"
                legend={t.fieldAgreements}
                description={t.fieldAgreementsHint}
                error={errorOf('agreementIds')}
                options={options}
                selected={state.agreementIds}
                onSelectedChange={(agreementIds) => update((current) => ({ ...current, agreementIds }))}
              />
            );
          }}
        </AsyncContent>
        <TextField
          id="pathway-review-due"
          type="date"
          label={t.fieldReviewDue}
          isOptional
          value={state.reviewDue}
          onValueChange={(reviewDue) => update((current) => ({ ...current, reviewDue }))}
          error={errorOf('reviewDue')}
        />
        {state.steps.map((step, stepIndex) => (
          <Fieldset key={stepIndex} className="kr-pathway-box">
            <FieldsetLegend>{format(t.stepLegend, { number: stepIndex + 1 })}</FieldsetLegend>
            <TextField id={`step-${stepIndex}-title`} label={t.fieldStepTitle} value={step.title} onValueChange={(title) => updateStep(stepIndex, { title })} error={errorOf(`steps.${stepIndex}.title`)} />
            <TextAreaField
              id={`step-${stepIndex}-description`}
              label={t.fieldStepDescription}
              isOptional
              value={step.description}
              onValueChange={(description) => updateStep(stepIndex, { description })}
              error={errorOf(`steps.${stepIndex}.description`)}
              rows={3}
            />
            {step.services.map((service, serviceIndex) => {
              const id = `step-${stepIndex}-service-${serviceIndex}`;
              const path = `steps.${stepIndex}.services.${serviceIndex}`;
              return (
                <Fieldset key={serviceIndex} className="kr-pathway-box">
                  <FieldsetLegend>{format(t.serviceLegend, { number: serviceIndex + 1, step: stepIndex + 1 })}</FieldsetLegend>
                  <TextField id={`${id}-name`} label={t.fieldServiceName} value={service.name} onValueChange={(name) => updateService(stepIndex, serviceIndex, { name })} error={errorOf(`${path}.name`)} />
                  <TextField
                    id={`${id}-organisation`}
                    label={t.fieldServiceOrganisation}
                    value={service.organisationName}
                    onValueChange={(organisationName) => updateService(stepIndex, serviceIndex, { organisationName })}
                    error={errorOf(`${path}.organisationName`)}
                  />
                  <TextField
                    id={`${id}-phone`}
                    type="tel"
                    label={t.fieldServicePhone}
                    isOptional
                    value={service.phone}
                    onValueChange={(phone) => updateService(stepIndex, serviceIndex, { phone })}
                    error={errorOf(`${path}.contact.phone`) ?? errorOf(`${path}.contact`)}
                  />
                  <TextField
                    id={`${id}-email`}
                    type="email"
                    label={t.fieldServiceEmail}
                    isOptional
                    value={service.email}
                    onValueChange={(email) => updateService(stepIndex, serviceIndex, { email })}
                    error={errorOf(`${path}.contact.email`)}
                  />
                  <TextField
                    id={`${id}-website`}
                    label={t.fieldServiceWebsite}
                    isOptional
                    value={service.website}
                    onValueChange={(website) => updateService(stepIndex, serviceIndex, { website })}
                    error={errorOf(`${path}.contact.website`)}
                  />
                  <TextAreaField
                    id={`${id}-conditions`}
                    label={t.fieldServiceConditions}
                    isOptional
                    value={service.conditions}
                    onValueChange={(conditions) => updateService(stepIndex, serviceIndex, { conditions })}
                    error={errorOf(`${path}.conditions`)}
                    rows={2}
                  />
                  <ButtonGroup>
                    <Button variant="subtle" onClick={() => updateStep(stepIndex, { services: step.services.filter((_candidate, index) => index !== serviceIndex) })}>
                      {format(t.removeService, { number: serviceIndex + 1, step: stepIndex + 1 })}
                    </Button>
                  </ButtonGroup>
                </Fieldset>
              );
            })}
            <ButtonGroup>
              <Button variant="secondary" onClick={() => updateStep(stepIndex, { services: [...step.services, emptyService()] })}>
                {format(t.addService, { number: stepIndex + 1 })}
              </Button>
              <Button variant="subtle" onClick={() => update((current) => ({ ...current, steps: current.steps.filter((_candidate, index) => index !== stepIndex) }))}>
                {format(t.removeStep, { number: stepIndex + 1 })}
              </Button>
            </ButtonGroup>
          </Fieldset>
        ))}
        <ButtonGroup>
          <Button variant="secondary" onClick={() => update((current) => ({ ...current, steps: [...current.steps, { title: '', description: '', services: [] }] }))}>
            {t.addStep}
          </Button>
        </ButtonGroup>
        <FormButtons submitLabel={t.saveDraft} isSubmitting={form.isSubmitting}>
          <Button onClick={() => setIsPreview((value) => !value)} aria-expanded={isPreview} aria-controls="pathway-preview">
            {t.preview}
          </Button>
          {detail.allowedActions.includes('publish') ? (
            <Button variant="secondary" onClick={() => setIsConfirming(true)}>
              {t.publish}
            </Button>
          ) : null}
        </FormButtons>
      </Form>
      {isConfirming ? (
        <Panel id="pathway-publish" title={format(t.publishConfirmTitle, { version: draft.version })}>
          <Paragraph>{t.publishConfirmText}</Paragraph>
          <Form onSubmit={(event) => {
            setIsConfirming(false);
            void publish(event);
          }}>
            <FormButtons submitLabel={t.publishConfirm} isSubmitting={form.isSubmitting}>
              <Button onClick={() => setIsConfirming(false)}>{t.cancel}</Button>
            </FormButtons>
          </Form>
        </Panel>
      ) : null}
      <div id="pathway-preview">
        {isPreview ? (
          <section aria-labelledby="preview-heading" className="kr-pathway-box">
            <Heading level={2} id="preview-heading">
              {t.previewHeading}
            </Heading>
            <PathwayView pathway={toPreview(state)} headingLevel={3} />
          </section>
        ) : null}
      </div>
    </>
  );
}

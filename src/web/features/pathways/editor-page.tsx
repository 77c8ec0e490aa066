// SPDX-License-Identifier: EUPL-1.2
// /zorgpaden/:scopeCode/:factorKey/concept: the draft editor — title, local agreements (and the
// coalition's collaboration agreements they rest on), review date, steps with their description and
// services chosen from the service directory (active services of the pathway's municipality, or of the
// coalition's municipalities; those for the pathway's factor first); preview as professionals will see
// it; save; publish (confirmed). Hand-typed services of an older version are shown, to be chosen again.
// Only the pathway's editors get here with a draft (the server sends drafts to them only).
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Confirmation } from '../../components/confirmation.js';
import { CheckboxField, CheckboxGroup, SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Panel } from '../../components/panel.js';
import { Alert, Button, ButtonGroup, Fieldset, FieldsetLegend, Heading, Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { agreementApi } from '../coalition-agreements/api.js';
import { pathwayApi, pathwayPaths, type PathwayDetail, type PathwayDraftInput, type PathwayVersion } from './api.js';
import { PathwayView } from './pathway-view.js';
import { serviceApi, type Service } from '../services/api.js';

interface ServiceState {
  /** Empty: not chosen yet (or a hand-typed service of an older version, kept in `legacy` to show). */
  serviceId: string;
  conditions: string;
  /** As the server shows it (name, provider, marks), for the preview. */
  shown?: PathwayVersion['steps'][number]['services'][number];
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

const emptyService = (): ServiceState => ({ serviceId: '', conditions: '' });

function toState(version: PathwayVersion): DraftState {
  return {
    title: version.title,
    localAgreements: version.localAgreements,
    agreementIds: version.agreementIds,
    reviewDue: version.reviewDue ?? '',
    steps: version.steps.map((step) => ({
      title: step.title,
      description: step.description,
      services: step.services.map((service) => ({ serviceId: service.serviceId ?? '', conditions: service.conditions ?? '', shown: service })),
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
      // A hand-typed service not chosen again is sent without serviceId: the server refuses it with a Dutch message.
      services: step.services.map((service) => ({
        serviceId: service.serviceId,
        ...(optional(service.conditions) ? { conditions: optional(service.conditions) } : {}),
      })),
    })),
  };
}

function toPreview(state: DraftState, directory: ReadonlyMap<string, Service>) {
  return {
    title: state.title,
    localAgreements: state.localAgreements,
    steps: state.steps.map((step) => ({
      title: step.title,
      description: step.description,
      services: step.services.flatMap((service) => {
        const chosen = directory.get(service.serviceId);
        if (!chosen) return service.shown ? [service.shown] : [];
        return [
          {
            serviceId: chosen.id,
            name: chosen.name,
            organisationName: chosen.providerName,
            contact: { phone: chosen.phone ?? undefined, email: chosen.email ?? undefined, website: chosen.website ?? undefined },
            conditions: optional(service.conditions),
            directory: {
              isActive: chosen.isActive,
              verification: chosen.verification,
              notRecentlyChecked: chosen.verification === 'overdue',
              referralOrganisationId: chosen.externalProviderName === null ? chosen.organisationId : null,
              externalProviderName: chosen.externalProviderName,
              openingHours: chosen.openingHours,
            },
          },
        ];
      }),
    })),
  };
}

/** The active directory services a step may name: of every municipality of the pathway, deduplicated, by name. */
async function loadOptions(municipalityCodes: readonly string[]): Promise<Service[]> {
  const pages = await Promise.all(municipalityCodes.map((municipalityCode) => serviceApi.list({ municipalityCode, pageSize: 200 })));
  const byId = new Map(pages.flatMap((page) => page.items).map((service) => [service.id, service]));
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
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
  const municipalityKey = detail.serviceMunicipalityCodes.join(',');
  const options = useAsync(() => loadOptions(detail.serviceMunicipalityCodes), [municipalityKey]);
  const [isOnlyFactor, setIsOnlyFactor] = useState(true);
  const directory = new Map((options.data ?? []).map((service) => [service.id, service]));
  const optionsFor = (chosenId: string) =>
    (options.data ?? [])
      // The pathway's factor first: by default only services for it (and always the one already chosen).
      .filter((service) => !isOnlyFactor || service.factorKeys.includes(detail.factorKey) || service.id === chosenId)
      .sort((a, b) => Number(b.factorKeys.includes(detail.factorKey)) - Number(a.factorKeys.includes(detail.factorKey)))
      .map((service) => ({
        value: service.id,
        label: format(service.verification === 'overdue' ? m.pathwayServices.optionOverdue : m.pathwayServices.optionLabel, { name: service.name, provider: service.providerName }),
      }));

  // Field ids per server path, so a refusal links to the very field.
  const fieldIds: Record<string, string> = { title: 'pathway-title', localAgreements: 'pathway-local-agreements', agreementIds: 'pathway-agreement-ids', reviewDue: 'pathway-review-due' };
  state.steps.forEach((step, stepIndex) => {
    fieldIds[`steps.${stepIndex}.title`] = `step-${stepIndex}-title`;
    fieldIds[`steps.${stepIndex}.description`] = `step-${stepIndex}-description`;
    step.services.forEach((_service, serviceIndex) => {
      const prefix = `steps.${stepIndex}.services.${serviceIndex}`;
      const id = `step-${stepIndex}-service-${serviceIndex}`;
      fieldIds[prefix] = `${id}-service`;
      fieldIds[`${prefix}.serviceId`] = `${id}-service`;
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
        <CheckboxField id="pathway-only-factor" label={m.pathwayServices.onlyFactor} checked={isOnlyFactor} onCheckedChange={setIsOnlyFactor} />
        {options.data && options.data.length === 0 ? <Paragraph>{m.pathwayServices.noOptions}</Paragraph> : null}
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
                  {!service.serviceId && service.shown ? (
                    <Paragraph>
                      <strong>{service.shown.name}</strong> — {service.shown.organisationName} ({m.pathwayServices.handTyped}). {m.pathwayServices.handTypedHint}
                    </Paragraph>
                  ) : null}
                  <SelectField
                    id={`${id}-service`}
                    label={m.pathwayServices.chooseService}
                    value={service.serviceId}
                    emptyOption={m.pathwayServices.chooseServicePlaceholder}
                    options={optionsFor(service.serviceId)}
                    onValueChange={(serviceId) => updateService(stepIndex, serviceIndex, { serviceId, shown: undefined })}
                    error={errorOf(`${path}.serviceId`) ?? errorOf(path)}
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
            <PathwayView pathway={toPreview(state, directory)} headingLevel={3} />
          </section>
        ) : null}
      </div>
    </>
  );
}

// SPDX-License-Identifier: EUPL-1.2
// /vragenlijst/{year}/{municipalityCode}: a municipality's yearly questionnaire. Prefilled answers
// show where they came from; the policy officer corrects, saves a draft or submits; after the
// deadline it is read-only, and an analyst may reopen it with a reason.
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { ANSWERABLE_STATUSES, PARTNER_DOMAINS, PLAN_STATUSES, type Answer, type AnswersInput } from '../../../contracts/municipal-questionnaire.js';
import { CheckboxGroup, SelectField, TextAreaField } from '../../components/fields.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { Confirmation } from '../../components/confirmation.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Alert, Button, Heading, Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import type { Catalogue } from '../../../contracts/i18n/nl.js';
import { questionnaireApi, type QuestionnaireResponse } from './api.js';
import { stateLabel, statusLabel } from './labels.js';
import { AgreementsFieldset, agreementAnswerOf, agreementDraftOf, agreementFieldId, agreementsText } from './agreements-fieldset.js';
import { AGREEMENT_TOPICS } from '../../../contracts/coalition-agreements.js';
import './questionnaire.css';

type Field = 'coalition_status' | 'plan_status' | 'agreements' | 'experts_by_experience_involved' | 'interventions_offered' | 'partners_consulted' | 'partners_wanted';
const FIELD_IDS: Record<Field, string> = {
  coalition_status: 'mq-coalition-status',
  plan_status: 'mq-plan-status',
  agreements: agreementFieldId(AGREEMENT_TOPICS[0]),
  experts_by_experience_involved: 'mq-experts',
  interventions_offered: 'mq-interventions',
  partners_consulted: 'mq-partners-consulted',
  partners_wanted: 'mq-partners-wanted',
};

/** "Vooraf ingevuld uit: Coalitieregister … (12 mei 2024)" or "Door de gemeente ingevuld of aangepast." */
function sourceText(answer: Answer | undefined, m: Catalogue, format: (template: string, values: Record<string, string>) => string, formatDate: (date: string) => string): string | undefined {
  if (!answer) return undefined;
  if (answer.origin === 'respondent') return m.mq.answeredByYou;
  if (!answer.sourceLabel) return undefined;
  return answer.sourceDate ? format(m.mq.prefilledFrom, { source: answer.sourceLabel, date: formatDate(answer.sourceDate) }) : format(m.mq.prefilledFromNoDate, { source: answer.sourceLabel });
}

function initialValues(response: QuestionnaireResponse) {
  const value = (key: string) => response.answers[key]?.value;
  const list = (key: string) => (Array.isArray(value(key)) ? (value(key) as string[]) : []);
  const flag = value('experts_by_experience_involved');
  return {
    coalition_status: typeof value('coalition_status') === 'string' ? (value('coalition_status') as string) : '',
    plan_status: typeof value('plan_status') === 'string' ? (value('plan_status') as string) : '',
    agreements: agreementDraftOf(value('agreements')),
    experts_by_experience_involved: flag === true ? 'yes' : flag === false ? 'no' : '',
    interventions_offered: list('interventions_offered'),
    partners_consulted: list('partners_consulted'),
    partners_wanted: list('partners_wanted'),
  };
}

export default function ResponsePage() {
  const params = useParams();
  const year = Number(params.year);
  const code = params.municipalityCode ?? '';
  const state = useAsync(() => Promise.all([questionnaireApi.response(year, code), questionnaireApi.interventions()]), [year, code]);
  const { m, format } = useMessages();
  return (
    <AsyncContent state={state}>
      {([response, interventions]) => (
        <Page title={format(m.mq.responseTitle, { year, municipality: response.municipalityName })}>
          <ResponseForm initial={response} interventions={interventions.items.map((item) => ({ value: item.key, label: item.name }))} />
        </Page>
      )}
    </AsyncContent>
  );
}

function ResponseForm({ initial, interventions }: { initial: QuestionnaireResponse; interventions: { value: string; label: string }[] }) {
  const { m, format, formatDate } = useMessages();
  const t = m.mq;
  const [response, setResponse] = useState(initial);
  const [values, setValues] = useState(() => initialValues(initial));
  const [confirmation, setConfirmation] = useState<{ text: string; key: number } | null>(null);
  const [reason, setReason] = useState('');
  const form = useForm(FIELD_IDS);
  const reopenForm = useForm({ reason: 'mq-reopen-reason' });
  useEffect(() => setValues(initialValues(response)), [response]);
  const canEdit = response.allowedActions.includes('update');
  const source = (key: string) => sourceText(response.answers[key], m, format, formatDate);
  const answers = (): AnswersInput => ({
    ...(values.coalition_status ? { coalition_status: values.coalition_status as AnswersInput['coalition_status'] } : {}),
    ...(values.plan_status ? { plan_status: values.plan_status as AnswersInput['plan_status'] } : {}),
    // Nothing answered and nothing stored: no answer at all (not an empty list as the respondent's own).
    ...(agreementAnswerOf(values.agreements).length > 0 || response.answers.agreements ? { agreements: agreementAnswerOf(values.agreements) } : {}),
    ...(values.experts_by_experience_involved ? { experts_by_experience_involved: values.experts_by_experience_involved === 'yes' } : {}),
    interventions_offered: values.interventions_offered,
    partners_consulted: values.partners_consulted as AnswersInput['partners_consulted'],
    partners_wanted: values.partners_wanted as AnswersInput['partners_wanted'],
  });
  const confirm = (text: string) => setConfirmation((previous) => ({ text, key: (previous?.key ?? 0) + 1 }));
  const labels: Record<Field, string> = {
    coalition_status: t.coalitionStatus,
    plan_status: t.planStatus,
    agreements: t.agreementsLegend,
    experts_by_experience_involved: t.expertsInvolved,
    interventions_offered: t.interventionsOffered,
    partners_consulted: t.partnersConsulted,
    partners_wanted: t.partnersWanted,
  };
  const domains = PARTNER_DOMAINS.map((domain) => ({ value: domain, label: t[`domain_${domain}`] }));
  const registerFact = (key: 'local_coalition' | 'regional_collaboration', label: string) => {
    const answer = response.answers[key];
    return (
      <div className="kr-mq-fact">
        <dt>{label}</dt>
        <dd>
          {typeof answer?.value === 'string' ? answer.value : t.notAnswered}
          {answer ? <span className="kr-mq-source"> — {source(key)}</span> : null}
        </dd>
      </div>
    );
  };
  const readOnlyFact = (label: string, text: string, key: string) => (
    <div className="kr-mq-fact">
      <dt>{label}</dt>
      <dd>
        {text || t.notAnswered}
        {text && response.answers[key] ? <span className="kr-mq-source"> — {source(key)}</span> : null}
      </dd>
    </div>
  );
  return (
    <>
      <Confirmation text={confirmation?.text} focusKey={confirmation?.key} />
      <Paragraph>{format(t.deadlineLine, { referenceDate: formatDate(response.edition.referenceDate), deadline: formatDate(response.edition.deadline) })}</Paragraph>
      <Paragraph>
        {t.columnState}: <strong>{stateLabel(response.state, m)}</strong>
        {response.submittedAt ? ` — ${format(t.submittedNotice, { date: formatDate(response.submittedAt.slice(0, 10)) })}` : ''}
      </Paragraph>
      {response.state === 'locked' ? <Alert type="info">{t.lockedNotice}</Alert> : null}
      {response.state === 'reopened' && response.reopenReason ? <Alert type="info">{format(t.reopenedNotice, { reason: response.reopenReason })}</Alert> : null}
      <dl className="kr-mq-facts">
        {registerFact('local_coalition', t.localCoalition)}
        {registerFact('regional_collaboration', t.regionalCollaboration)}
      </dl>
      {canEdit ? (
        <>
          <ErrorSummary {...form.summary} labels={labels} />
          <Form
            label={format(t.responseTitle, { year: response.edition.year, municipality: response.municipalityName })}
            onSubmit={form.submitWith(
              () => (values.coalition_status ? {} : { coalition_status: t.coalitionStatus }),
              async () => {
                const next = await questionnaireApi.submit(response.edition.year, response.municipalityCode, answers());
                setResponse(next);
                confirm(format(t.submittedConfirmation, { municipality: next.municipalityName, year: next.edition.year }));
              },
            )}
          >
            <SelectField
              id={FIELD_IDS.coalition_status}
              label={t.coalitionStatus}
              description={source('coalition_status')}
              error={form.errors.coalition_status}
              value={values.coalition_status}
              emptyOption={t.notAnswered}
              options={ANSWERABLE_STATUSES.map((status) => ({ value: status, label: statusLabel(status, m) }))}
              onValueChange={(coalition_status) => setValues({ ...values, coalition_status })}
            />
            <SelectField
              id={FIELD_IDS.plan_status}
              label={t.planStatus}
              isOptional
              description={source('plan_status')}
              error={form.errors.plan_status}
              value={values.plan_status}
              emptyOption={t.notAnswered}
              options={PLAN_STATUSES.map((status) => ({ value: status, label: t[`plan_${status}`] }))}
              onValueChange={(plan_status) => setValues({ ...values, plan_status })}
            />
            <AgreementsFieldset draft={values.agreements} source={source('agreements')} error={form.errors.agreements} onChange={(agreements) => setValues({ ...values, agreements })} />
            <CheckboxGroup
              id={FIELD_IDS.interventions_offered}
              legend={t.interventionsOffered}
              description={source('interventions_offered')}
              error={form.errors.interventions_offered}
              options={interventions}
              selected={values.interventions_offered}
              onSelectedChange={(interventions_offered) => setValues({ ...values, interventions_offered })}
            />
            <CheckboxGroup
              id={FIELD_IDS.partners_consulted}
              legend={t.partnersConsulted}
              description={source('partners_consulted')}
              options={domains}
              selected={values.partners_consulted}
              onSelectedChange={(partners_consulted) => setValues({ ...values, partners_consulted })}
            />
            <CheckboxGroup
              id={FIELD_IDS.partners_wanted}
              legend={t.partnersWanted}
              description={source('partners_wanted')}
              options={domains}
              selected={values.partners_wanted}
              onSelectedChange={(partners_wanted) => setValues({ ...values, partners_wanted })}
            />
            <SelectField
              id={FIELD_IDS.experts_by_experience_involved}
              label={t.expertsInvolved}
              isOptional
              description={source('experts_by_experience_involved')}
              value={values.experts_by_experience_involved}
              emptyOption={t.notAnswered}
              options={[
                { value: 'yes', label: t.yes },
                { value: 'no', label: t.no },
              ]}
              onValueChange={(experts_by_experience_involved) => setValues({ ...values, experts_by_experience_involved })}
            />
            <FormButtons submitLabel={t.submit} isSubmitting={form.isSubmitting}>
              <Button
                type="button"
                variant="secondary"
                onClick={() =>
                  void form.submitWith(
                    () => ({}),
                    async () => {
                      setResponse(await questionnaireApi.save(response.edition.year, response.municipalityCode, answers()));
                      confirm(t.saved);
                    },
                  )()
                }
              >
                {t.save}
              </Button>
            </FormButtons>
          </Form>
        </>
      ) : (
        <dl className="kr-mq-facts">
          {readOnlyFact(t.coalitionStatus, values.coalition_status ? statusLabel(values.coalition_status as 'formed', m) : '', 'coalition_status')}
          {readOnlyFact(t.planStatus, values.plan_status ? t[`plan_${values.plan_status as 'approved'}`] : '', 'plan_status')}
          {readOnlyFact(t.agreementsLegend, agreementsText(response.answers.agreements?.value, m), 'agreements')}
          {readOnlyFact(t.interventionsOffered, interventions.filter((item) => values.interventions_offered.includes(item.value)).map((item) => item.label).join(', '), 'interventions_offered')}
          {readOnlyFact(t.partnersConsulted, domains.filter((item) => values.partners_consulted.includes(item.value)).map((item) => item.label).join(', '), 'partners_consulted')}
          {readOnlyFact(t.partnersWanted, domains.filter((item) => values.partners_wanted.includes(item.value)).map((item) => item.label).join(', '), 'partners_wanted')}
          {readOnlyFact(t.expertsInvolved, values.experts_by_experience_involved === 'yes' ? t.yes : values.experts_by_experience_involved === 'no' ? t.no : '', 'experts_by_experience_involved')}
        </dl>
      )}
      {response.allowedActions.includes('reopen') ? (
        <section aria-labelledby="mq-reopen-title">
          <Heading level={2} id="mq-reopen-title">
            {t.reopen}
          </Heading>
          <ErrorSummary {...reopenForm.summary} labels={{ reason: t.reopenReason }} />
          <Form
            label={t.reopen}
            onSubmit={reopenForm.submitWith(
              () => ({}),
              async () => {
                setResponse(await questionnaireApi.reopen(response.edition.year, response.municipalityCode, reason));
                confirm(t.reopened);
              },
            )}
          >
            <TextAreaField id="mq-reopen-reason" label={t.reopenReason} value={reason} error={reopenForm.errors.reason} onValueChange={setReason} />
            <FormButtons submitLabel={t.reopen} isSubmitting={reopenForm.isSubmitting} />
          </Form>
        </section>
      ) : null}
      <Paragraph>
        <Link to={`/vragenlijst/${response.edition.year}`}>{format(t.backToEdition, { year: response.edition.year })}</Link>
      </Paragraph>
    </>
  );
}

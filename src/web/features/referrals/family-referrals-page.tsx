// SPDX-License-Identifier: EUPL-1.2
// The family file section "Verwijzingen": the client's consents (record, withdraw) and the referrals
// of this family (send one with consent or, exceptionally, on a legal ground).
import { amsterdamDate } from '../../../contracts/calendar.js';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { useParams, useSearchParams } from 'react-router';
import { organisationApi } from '../../api/endpoints.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { CheckboxField, CheckboxGroup, SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Panel } from '../../components/panel.js';
import { Alert, Button, ButtonGroup, Fieldset, FieldsetLegend, Heading, Link, Paragraph } from '../../components/ui.js';
import { useMessages, type Messages } from '../../i18n/messages.js';
import { useSession } from '../../session/session.js';
import { FACTOR_CATALOGUE } from '../../../contracts/screening/factor-catalogue.js';
import { newIdempotencyKey, referralApi, type Consent, type ReferralListItem } from './api.js';
import { LegalBasisFields, type ReferralBasis } from './legal-basis-fields.js';
import { errorText, statusColumn, statusText } from './parts.js';
import { useFamily } from '../families/family-context.js';
import { Confirmation } from '../../components/confirmation.js';
import { ConfirmPanel } from '../../components/confirm-panel.js';

type Catalogue = Messages['m'];
type Purpose = keyof Catalogue['consentPurposes'];
type DataCategory = keyof Catalogue['consentDataCategories'];


function addMonths(isoDate: string, months: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

export default function FamilyReferralsPage() {
  const { m, format, formatDate, formatCount } = useMessages();
  const { familyId = '' } = useParams();
  const { session } = useSession();
  const consents = useAsync(() => referralApi.consents(familyId), [familyId]);
  const referrals = useAsync(() => referralApi.familyReferrals(familyId), [familyId]);
  const organisations = useAsync(() => organisationApi.list({ pageSize: 200 }), []);
  const { family } = useFamily();
  const mayRefer = family.allowedActions.includes('refer');
  // "Verwijzen" on a screening's factor profile opens the referral form here, for that screening.
  const [searchParams] = useSearchParams();
  const [screeningToReferFrom] = useState(() => searchParams.get('verwijzen') ?? undefined);
  // A service's "Verwijzen" in the pathway adds the receiver, the factor and a reason (validated; else ignored and said so).
  const [prefill] = useState(() => parseReferralPrefill(searchParams));
  const [panel, setPanel] = useState<'consent' | 'referral' | { withdraw: Consent } | null>(() =>
    screeningToReferFrom !== undefined && mayRefer ? 'referral' : null,
  );
  const [message, setMessage] = useState<string | null>(null);

  const receivers = (organisations.data?.items ?? [])
    .filter((organisation) => organisation.isActive && organisation.id !== session?.organisation?.id)
    .map((organisation) => ({ value: organisation.id, label: organisation.name }));

  const done = (text: string) => {
    setPanel(null);
    setMessage(text);
    consents.reload();
    referrals.reload();
  };

  const consentColumns: Column<Consent>[] = [
    { key: 'receiver', header: m.referrals.columnReceiverOrganisation, cell: (row) => row.receiverOrganisationName },
    { key: 'purposes', header: m.referrals.columnPurposes, cell: (row) => row.purposes.map((purpose) => m.consentPurposes[purpose as Purpose] ?? purpose).join(', ') },
    { key: 'validity', header: m.referrals.columnValidity, cell: (row) => format(m.referrals.validFromTo, { from: formatDate(row.givenOn), until: formatDate(row.validUntil) }) },
    { key: 'status', header: m.referrals.columnConsentStatus, cell: (row) => m.consentStatuses[row.status] },
    {
      key: 'actions',
      header: m.shell.actions,
      cell: (row) =>
        row.status === 'withdrawn' ? (
          ''
        ) : (
          <Button variant="subtle" onClick={() => setPanel({ withdraw: row })} aria-label={format(m.referrals.withdrawConsent, { organisation: row.receiverOrganisationName })}>
            {m.referrals.withdraw}
          </Button>
        ),
      csv: () => '',
    },
  ];

  const referralColumns: Column<ReferralListItem>[] = [
    {
      key: 'receiver',
      header: m.referrals.columnReceiver,
      cell: (row) => (
        <Link to={`/verwijzingen/${row.id}`} aria-label={`${m.referrals.open}: ${row.receiverOrganisationName}`}>
          {row.receiverOrganisationName}
        </Link>
      ),
      csv: (row) => row.receiverOrganisationName,
    },
    { key: 'sender', header: m.referrals.columnSender, cell: (row) => row.senderOrganisationName },
    statusColumn(m),
    { key: 'requestedAt', header: m.referrals.columnRequestedAt, cell: (row) => (row.requestedAt ? formatDate(row.requestedAt) : '') },
  ];

  return (
    <Page title={m.referrals.familyTitle} intro={m.referrals.familyIntro}>
      <Confirmation text={message} />
      <ButtonGroup>
        {mayRefer ? (
          <Button variant="primary" onClick={() => setPanel('referral')} aria-expanded={panel === 'referral'}>
            {m.referrals.sendReferral}
          </Button>
        ) : null}
        <Button onClick={() => setPanel('consent')} aria-expanded={panel === 'consent'}>
          {m.referrals.recordConsent}
        </Button>
      </ButtonGroup>

      {panel === 'consent' ? (
        <ConsentForm
          familyId={familyId}
          receivers={receivers}
          onClose={() => setPanel(null)}
          onSaved={(consent) => done(format(m.referrals.consentRecorded, { organisation: consent.receiverOrganisationName }))}
        />
      ) : null}
      {panel === 'referral' ? (
        <ReferralForm
          familyId={familyId}
          receivers={receivers}
          consents={consents.data ?? []}
          referrals={referrals.data ?? []}
          screeningId={screeningToReferFrom || undefined}
          prefill={prefill}
          onClose={() => setPanel(null)}
          onSent={done}
        />
      ) : null}
      {panel !== null && typeof panel === 'object' ? (
        <WithdrawPanel consent={panel.withdraw} onClose={() => setPanel(null)} onDone={(count) => done(formatCount(count, { one: m.referrals.withdrawnOne, many: m.referrals.withdrawnMany }))} />
      ) : null}

      <section className="kr-section" aria-labelledby="referrals-title">
        <Heading level={2} id="referrals-title">
          {m.referrals.referralsTitle}
        </Heading>
        <AsyncContent state={referrals}>
          {(rows) =>
            rows.length === 0 ? (
              <Paragraph>{m.referrals.noReferrals}</Paragraph>
            ) : (
              <DataTable caption={m.referrals.referralsCaption} columns={referralColumns} rows={rows} rowKey={(row) => row.id} csvName="verwijzingen-client" />
            )
          }
        </AsyncContent>
      </section>

      <section className="kr-section" aria-labelledby="consents-title">
        <Heading level={2} id="consents-title">
          {m.referrals.consentsTitle}
        </Heading>
        <AsyncContent state={consents}>
          {(rows) =>
            rows.length === 0 ? (
              <Paragraph>{m.referrals.noConsents}</Paragraph>
            ) : (
              <DataTable caption={m.referrals.consentsCaption} columns={consentColumns} rows={rows} rowKey={(row) => row.id} csvName="toestemmingen" />
            )
          }
        </AsyncContent>
      </section>
    </Page>
  );
}

/** What a consent says, apart from its receiver: filled in on its own form or inside the referral form. */
export interface ConsentDraft {
  givenBy: 'client' | 'legal_representative';
  representativeName: string;
  purposes: string[];
  dataCategories: string[];
  form: 'verbal' | 'written';
  givenOn: string;
  validUntil: string;
}

type ConsentDraftField = keyof ConsentDraft;

function newConsentDraft(): ConsentDraft {
  const today = amsterdamDate(new Date());
  return {
    givenBy: 'client',
    representativeName: '',
    purposes: ['referral', 'follow_up'],
    dataCategories: ['contact_details', 'pregnancy', 'risk_factors', 'referral_reason'],
    form: 'written',
    givenOn: today,
    validUntil: addMonths(today, 12),
  };
}

/** The element ids of the consent fields, with a prefix per form. */
function consentFieldIds(prefix: string): Record<ConsentDraftField, string> {
  return {
    givenBy: `${prefix}-given-by`,
    representativeName: `${prefix}-representative`,
    purposes: `${prefix}-purposes`,
    dataCategories: `${prefix}-data`,
    form: `${prefix}-form`,
    givenOn: `${prefix}-given-on`,
    validUntil: `${prefix}-valid-until`,
  };
}

function consentLabels(m: Catalogue): Record<ConsentDraftField, string> {
  return {
    givenBy: m.referrals.givenBy,
    representativeName: m.referrals.representativeName,
    purposes: m.referrals.purposes,
    dataCategories: m.referrals.dataCategories,
    form: m.referrals.form,
    givenOn: m.referrals.givenOn,
    validUntil: m.referrals.validUntil,
  };
}

/** The client's own checks of a consent draft (the server checks again). */
function checkConsentDraft(m: Catalogue, draft: ConsentDraft): Partial<Record<ConsentDraftField, string>> {
  return {
    ...(draft.givenBy === 'legal_representative' && draft.representativeName.trim() === '' ? { representativeName: m.validation.required } : {}),
    ...(draft.purposes.length === 0 ? { purposes: m.validation.required } : {}),
    ...(draft.dataCategories.length === 0 ? { dataCategories: m.validation.required } : {}),
  };
}

function recordConsentDraft(familyId: string, receiverOrganisationId: string, draft: ConsentDraft): Promise<Consent> {
  return referralApi.recordConsent(familyId, {
    givenBy: draft.givenBy,
    ...(draft.givenBy === 'legal_representative' ? { representativeName: draft.representativeName.trim() } : {}),
    receiverOrganisationId,
    purposes: draft.purposes as Purpose[],
    dataCategories: draft.dataCategories as DataCategory[],
    form: draft.form,
    givenOn: draft.givenOn,
    validUntil: draft.validUntil,
  });
}

/** The fields of a consent (who gave it, purposes, data, form, dates). */
function ConsentFields({
  idPrefix,
  draft,
  onChange,
  errors,
}: {
  idPrefix: string;
  draft: ConsentDraft;
  onChange(draft: ConsentDraft): void;
  errors: Partial<Record<ConsentDraftField, string | undefined>>;
}) {
  const { m } = useMessages();
  const ids = consentFieldIds(idPrefix);
  const set = <Field extends ConsentDraftField>(field: Field, value: ConsentDraft[Field]) => onChange({ ...draft, [field]: value });
  return (
    <>
      <SelectField
        id={ids.givenBy}
        label={m.referrals.givenBy}
        value={draft.givenBy}
        onValueChange={(value) => set('givenBy', value === 'legal_representative' ? 'legal_representative' : 'client')}
        options={[
          { value: 'client', label: m.referrals.givenByClient },
          { value: 'legal_representative', label: m.referrals.givenByRepresentative },
        ]}
        error={errors.givenBy}
      />
      {draft.givenBy === 'legal_representative' ? (
        <TextField
          id={ids.representativeName}
          label={m.referrals.representativeName}
          value={draft.representativeName}
          onValueChange={(value) => set('representativeName', value)}
          error={errors.representativeName}
          autoComplete="off"
        />
      ) : null}
      <CheckboxGroup
        id={ids.purposes}
        legend={m.referrals.purposes}
        options={(Object.keys(m.consentPurposes) as Purpose[]).map((value) => ({ value, label: m.consentPurposes[value] }))}
        selected={draft.purposes}
        onSelectedChange={(value) => set('purposes', value)}
        error={errors.purposes}
      />
      <CheckboxGroup
        id={ids.dataCategories}
        legend={m.referrals.dataCategories}
        options={(Object.keys(m.consentDataCategories) as DataCategory[]).map((value) => ({ value, label: m.consentDataCategories[value] }))}
        selected={draft.dataCategories}
        onSelectedChange={(value) => set('dataCategories', value)}
        error={errors.dataCategories}
      />
      <SelectField
        id={ids.form}
        label={m.referrals.form}
        value={draft.form}
        onValueChange={(value) => set('form', value === 'verbal' ? 'verbal' : 'written')}
        options={[
          { value: 'written', label: m.referrals.formWritten },
          { value: 'verbal', label: m.referrals.formVerbal },
        ]}
        error={errors.form}
      />
      <TextField
        id={ids.givenOn}
        type="date"
        label={m.referrals.givenOn}
        description={m.referrals.dateDescription}
        value={draft.givenOn}
        onValueChange={(value) => set('givenOn', value)}
        error={errors.givenOn}
      />
      <TextField
        id={ids.validUntil}
        type="date"
        label={m.referrals.validUntil}
        description={m.referrals.dateDescription}
        value={draft.validUntil}
        onValueChange={(value) => set('validUntil', value)}
        error={errors.validUntil}
      />
    </>
  );
}

function ConsentForm({
  familyId,
  receivers,
  onClose,
  onSaved,
}: {
  familyId: string;
  receivers: { value: string; label: string }[];
  onClose(): void;
  onSaved(consent: Consent): void;
}) {
  const { m } = useMessages();
  const [receiverOrganisationId, setReceiver] = useState('');
  const [draft, setDraft] = useState(newConsentDraft);
  const state = useForm({ receiverOrganisationId: 'consent-receiver', ...consentFieldIds('consent') });
  const submit = state.submitWith(
    () => ({
      ...(receiverOrganisationId === '' ? { receiverOrganisationId: m.validation.required } : {}),
      ...checkConsentDraft(m, draft),
    }),
    async () => onSaved(await recordConsentDraft(familyId, receiverOrganisationId, draft)),
  );
  return (
    <Panel id="consent-panel" title={m.referrals.consentTitle} onClose={onClose}>
      <ErrorSummary {...state.summary} labels={{ receiverOrganisationId: m.referrals.receiverOrganisation, ...consentLabels(m) }} />
      <Form onSubmit={submit}>
        <SelectField
          id="consent-receiver"
          label={m.referrals.receiverOrganisation}
          value={receiverOrganisationId}
          onValueChange={setReceiver}
          emptyOption={m.shell.choose}
          options={receivers}
          error={state.errors.receiverOrganisationId}
        />
        <ConsentFields idPrefix="consent" draft={draft} onChange={setDraft} errors={state.errors} />
        <FormButtons submitLabel={m.referrals.recordConsent} isSubmitting={state.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </Panel>
  );
}

/** What a pathway service's "Verwijzen" puts in the address: ontvanger (organisation id), factor, reden. */
const referralPrefillSchema = z.object({
  receiverOrganisationId: z.uuid().optional(),
  factorKey: z.string().refine((key) => FACTOR_CATALOGUE.has(key)).optional(),
  reason: z.string().trim().min(1).max(1000).optional(),
});
export interface ReferralPrefill {
  /** Null: the address had prefill that did not pass; the form starts empty and says so. */
  values: z.infer<typeof referralPrefillSchema> | null;
}

export function parseReferralPrefill(params: URLSearchParams): ReferralPrefill | undefined {
  const raw = { receiverOrganisationId: params.get('ontvanger'), factorKey: params.get('factor'), reason: params.get('reden') };
  if (raw.receiverOrganisationId === null && raw.factorKey === null && raw.reason === null) return undefined;
  const parsed = referralPrefillSchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== null)));
  return { values: parsed.success ? parsed.data : null };
}

function ReferralForm({
  familyId,
  receivers,
  consents,
  referrals,
  screeningId,
  prefill,
  onClose,
  onSent,
}: {
  familyId: string;
  receivers: { value: string; label: string }[];
  consents: Consent[];
  /** The family's referrals as the server lists them (to warn about an open one to the same receiver). */
  referrals: ReferralListItem[];
  /** The screening to refer from (the factor profile's "Verwijzen"); else the latest completed one. */
  screeningId?: string | undefined;
  /** From a pathway service's "Verwijzen": receiver, factor and reason filled in beforehand. */
  prefill?: ReferralPrefill | undefined;
  onClose(): void;
  onSent(message: string): void;
}) {
  const { m, format, formatDate } = useMessages();
  // Made once per form: pressing send twice (or a retry after a lost answer) sends one referral.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [receiverOrganisationId, setReceiver] = useState(prefill?.values?.receiverOrganisationId ?? '');
  const [reason, setReason] = useState(prefill?.values?.reason ?? '');
  const [factorKeys, setFactorKeys] = useState<string[]>(prefill?.values?.factorKey ? [prefill.values.factorKey] : []);
  // The risk factors of the screening are ticked beforehand (the professional may change them).
  const [screening, setScreening] = useState<{ id: string; completedAt: string } | null>(null);
  useEffect(() => {
    let isCurrent = true;
    (screeningId ? referralApi.screening(screeningId) : referralApi.latestScreening(familyId)).then(
      (chosen) => {
        if (!isCurrent || !chosen?.profile) return;
        const risks = chosen.profile.domains.flatMap((domain) => domain.risks.map((risk) => risk.key)).filter((key) => FACTOR_CATALOGUE.has(key));
        setScreening({ id: chosen.id, completedAt: chosen.completedAt ?? chosen.updatedAt });
        setFactorKeys((current) => (current.length === 0 ? [...new Set(risks)] : current));
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [familyId, screeningId]);
  const [basis, setBasis] = useState<ReferralBasis>('consent');
  const [consentId, setConsentId] = useState('');
  // A prefilled receiver (from a pathway's "Verwijzen") takes its valid consent as choosing it would, once the consents have loaded.
  const prefilledReceiver = prefill?.values?.receiverOrganisationId;
  useEffect(() => {
    if (!prefilledReceiver) return;
    const first = consents.find((consent) => consent.status === 'valid' && consent.receiverOrganisationId === prefilledReceiver && consent.purposes.includes('referral'));
    if (first) setConsentId((current) => (current === '' ? first.id : current));
  }, [consents, prefilledReceiver]);
  const [legalGround, setLegalGround] = useState('');
  const [justification, setJustification] = useState('');
  // No valid consent for the receiver yet: the professional records it here, in the same flow.
  const [consentDraft, setConsentDraft] = useState(newConsentDraft);
  // Recorded by an earlier attempt whose referral then failed: not recorded twice.
  const [recordedConsent, setRecordedConsent] = useState<Consent | null>(null);
  const [isDuplicateConfirmed, setIsDuplicateConfirmed] = useState(false);
  const state = useForm(
    {
      receiverOrganisationId: 'referral-receiver',
      reason: 'referral-reason',
      factorKeys: 'referral-factors',
      consentId: 'referral-consent',
      legalGround: 'referral-legal-ground',
      justification: 'referral-justification',
      duplicate: 'referral-duplicate',
      ...consentFieldIds('referral-consent'),
    },
    { fieldForCode: { consent_required: 'consentId' } },
  );
  const isValidFor = (consent: Consent, receiver: string) => consent.status === 'valid' && consent.receiverOrganisationId === receiver && consent.purposes.includes('referral');
  const validConsents = [...consents, ...(recordedConsent ? [recordedConsent] : [])].filter((consent) => isValidFor(consent, receiverOrganisationId));
  const isConsentRecordedHere = basis === 'consent' && receiverOrganisationId !== '' && validConsents.length === 0;
  // The server says which referrals are open and to whom. The same receiver twice is usually double work
  // (two inbox items, the client called twice), so the form points to the open one; but it can be a new
  // question (another child, another problem), so she may still send it, after saying so explicitly.
  const openReferral = referrals.find((referral) => referral.isOpen && referral.role === 'sender' && referral.receiverOrganisationId === receiverOrganisationId);
  const receiverName = receivers.find((receiver) => receiver.value === receiverOrganisationId)?.label ?? '';

  const submit = state.submitWith(
    () => ({
      ...(receiverOrganisationId === '' ? { receiverOrganisationId: m.validation.required } : {}),
      ...(reason.trim().length < 10 ? { reason: m.referrals.referralReasonDescription } : {}),
      ...(openReferral && !isDuplicateConfirmed ? { duplicate: m.referrals.openReferralConfirmRequired } : {}),
      ...(basis === 'consent' && !isConsentRecordedHere && consentId === '' ? { consentId: m.referrals.noValidConsent } : {}),
      ...(isConsentRecordedHere ? checkConsentDraft(m, consentDraft) : {}),
      ...(isConsentRecordedHere && consentDraft.purposes.length > 0 && !consentDraft.purposes.includes('referral')
        ? { purposes: m.referrals.inlineConsentNeedsReferral }
        : {}),
      ...(basis === 'legal' && legalGround === '' ? { legalGround: m.validation.required } : {}),
      ...(basis === 'legal' && justification.trim().length < 30 ? { justification: m.referrals.justificationDescription } : {}),
    }),
    async () => {
      let basisConsentId = consentId;
      if (isConsentRecordedHere) {
        const consent = await recordConsentDraft(familyId, receiverOrganisationId, consentDraft);
        setRecordedConsent(consent);
        setConsentId(consent.id);
        basisConsentId = consent.id;
      }
      const referral = await referralApi.send({
        familyId,
        receiverOrganisationId,
        reason: reason.trim(),
        factorKeys,
        ...(screening ? { screeningId: screening.id } : {}),
        idempotencyKey,
        ...(basis === 'consent' ? { consentId: basisConsentId } : basis === 'client' ? { awaitClientConsent: true } : { legalGround, justification: justification.trim() }),
      });
      const organisation = referral.receiver.organisationName;
      const sentence = basis === 'client' ? m.referrals.awaitingClientConsentSaved : isConsentRecordedHere ? m.referrals.consentRecordedAndSent : m.referrals.referralSent;
      onSent(format(sentence, { organisation }));
    },
  );
  return (
    <Panel id="referral-panel" title={m.referrals.referralFormTitle} onClose={onClose}>
      {prefill ? (
        <Alert type={prefill.values ? 'info' : 'warning'}>
          <Paragraph>{prefill.values ? m.pathwayServices.prefillNotice : m.pathwayServices.prefillInvalid}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary
        {...state.summary}
        labels={{
          receiverOrganisationId: m.referrals.receiver,
          reason: m.referrals.referralReason,
          factorKeys: m.referrals.factorKeys,
          consentId: m.referrals.consent,
          legalGround: m.referrals.legalGround,
          justification: m.referrals.justification,
          ...consentLabels(m),
        }}
      />
      <Form onSubmit={submit}>
        <SelectField
          id="referral-receiver"
          label={m.referrals.receiver}
          value={receiverOrganisationId}
          onValueChange={(value) => {
            setReceiver(value);
            setIsDuplicateConfirmed(false);
            const first = [...consents, ...(recordedConsent ? [recordedConsent] : [])].find((consent) => isValidFor(consent, value));
            setConsentId(first?.id ?? '');
          }}
          emptyOption={m.shell.choose}
          options={receivers}
          error={state.errors.receiverOrganisationId}
        />
        {openReferral ? (
          <Alert type="warning">
            <Paragraph>
              {format(m.referrals.openReferralWarning, {
                organisation: openReferral.receiverOrganisationName,
                status: statusText(m, openReferral.status, openReferral.outcome),
                date: openReferral.requestedAt ? formatDate(openReferral.requestedAt) : '',
              })}
            </Paragraph>
            <Paragraph>
              <Link to={`/verwijzingen/${openReferral.id}`}>{format(m.referrals.openReferralLink, { organisation: openReferral.receiverOrganisationName })}</Link>
            </Paragraph>
            <CheckboxField id="referral-duplicate" label={m.referrals.openReferralConfirm} checked={isDuplicateConfirmed} onCheckedChange={setIsDuplicateConfirmed} />
          </Alert>
        ) : null}
        <TextAreaField
          rows={3}
          id="referral-reason"
          label={m.referrals.referralReason}
          description={m.referrals.referralReasonDescription}
          value={reason}
          onValueChange={setReason}
          error={state.errors.reason}
        />
        <CheckboxGroup
          id="referral-factors"
          legend={m.referrals.factorKeys}
          description={screening ? format(m.referrals.factorsFromScreening, { date: formatDate(screening.completedAt) }) : undefined}
          options={[...FACTOR_CATALOGUE.values()].map((factor) => ({ value: factor.key, label: factor.riskLabel }))}
          selected={factorKeys}
          onSelectedChange={setFactorKeys}
          error={state.errors.factorKeys}
          isScrollable
        />
        <LegalBasisFields
          allowsClientConsent
          ids={{ basis: 'referral-basis', consent: 'referral-consent', legalGround: 'referral-legal-ground', justification: 'referral-justification' }}
          basis={basis}
          onBasisChange={setBasis}
          consents={validConsents}
          isNoValidConsentShown={false}
          consentId={consentId}
          onConsentIdChange={setConsentId}
          legalGround={legalGround}
          onLegalGroundChange={setLegalGround}
          justification={justification}
          onJustificationChange={setJustification}
          errors={{ consent: state.errors.consentId, legalGround: state.errors.legalGround, justification: state.errors.justification }}
          consentInstead={
            isConsentRecordedHere ? (
              <Fieldset id="referral-consent">
                <FieldsetLegend>{format(m.referrals.inlineConsentLegend, { organisation: receiverName })}</FieldsetLegend>
                <Paragraph>{m.referrals.inlineConsentIntro}</Paragraph>
                <ConsentFields idPrefix="referral-consent" draft={consentDraft} onChange={setConsentDraft} errors={state.errors} />
              </Fieldset>
            ) : undefined
          }
        />
        <FormButtons submitLabel={m.referrals.sendReferral} isSubmitting={state.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </Panel>
  );
}

function WithdrawPanel({ consent, onClose, onDone }: { consent: Consent; onClose(): void; onDone(count: number): void }) {
  const { m, format } = useMessages();
  return (
    <ConfirmPanel
      id="withdraw-panel"
      title={format(m.referrals.withdrawConsent, { organisation: consent.receiverOrganisationName })}
      question={format(m.referrals.withdrawConfirm, { organisation: consent.receiverOrganisationName })}
      submitLabel={m.referrals.withdraw}
      action={() => referralApi.withdrawConsent(consent.id)}
      onDone={(result) => onDone(result.cancelledReferralCount)}
      onClose={onClose}
      describeError={(failure) => errorText(m, failure)}
    />
  );
}

// SPDX-License-Identifier: EUPL-1.2
// The family file section "Verwijzingen": the client's consents (record, withdraw) and the referrals
// of this family (send one with consent or, exceptionally, on a legal ground).
import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { organisationApi } from '../../api/endpoints.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Panel } from '../../components/panel.js';
import { Alert, Button, ButtonGroup, Heading, Link, Paragraph } from '../../components/ui.js';
import { useMessages, type Messages } from '../../i18n/messages.js';
import { useSession } from '../../session/session.js';
import { FACTOR_CATALOGUE } from '../../../server/features/screening/factor-catalogue.js';
import { newIdempotencyKey, referralApi, type Consent, type ReferralListItem } from './api.js';
import { LegalBasisFields, type ReferralBasis } from './legal-basis-fields.js';
import { errorText, statusColumn } from './parts.js';

type Catalogue = Messages['m'];
type Purpose = keyof Catalogue['consentPurposes'];
type DataCategory = keyof Catalogue['consentDataCategories'];

function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

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
  const [panel, setPanel] = useState<'consent' | 'referral' | { withdraw: Consent } | null>(null);
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
      {message ? <Alert type="ok">{message}</Alert> : null}
      <ButtonGroup>
        <Button variant="primary" onClick={() => setPanel('referral')} aria-expanded={panel === 'referral'}>
          {m.referrals.sendReferral}
        </Button>
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
          onClose={() => setPanel(null)}
          onSent={(organisation) => done(format(m.referrals.referralSent, { organisation }))}
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
  const today = todayIso();
  const [givenBy, setGivenBy] = useState<'client' | 'legal_representative'>('client');
  const [representativeName, setRepresentativeName] = useState('');
  const [receiverOrganisationId, setReceiver] = useState('');
  const [purposes, setPurposes] = useState<string[]>(['referral', 'follow_up']);
  const [dataCategories, setDataCategories] = useState<string[]>(['contact_details', 'pregnancy', 'risk_factors', 'referral_reason']);
  const [form, setFormKind] = useState<'verbal' | 'written'>('written');
  const [givenOn, setGivenOn] = useState(today);
  const [validUntil, setValidUntil] = useState(addMonths(today, 12));
  const state = useForm({
    givenBy: 'consent-given-by',
    representativeName: 'consent-representative',
    receiverOrganisationId: 'consent-receiver',
    purposes: 'consent-purposes',
    dataCategories: 'consent-data',
    form: 'consent-form',
    givenOn: 'consent-given-on',
    validUntil: 'consent-valid-until',
  });
  const submit = state.submitWith(
    () => ({
      ...(receiverOrganisationId === '' ? { receiverOrganisationId: m.validation.required } : {}),
      ...(givenBy === 'legal_representative' && representativeName.trim() === '' ? { representativeName: m.validation.required } : {}),
      ...(purposes.length === 0 ? { purposes: m.validation.required } : {}),
      ...(dataCategories.length === 0 ? { dataCategories: m.validation.required } : {}),
    }),
    async () => {
      const consent = await referralApi.recordConsent(familyId, {
        givenBy,
        ...(givenBy === 'legal_representative' ? { representativeName: representativeName.trim() } : {}),
        receiverOrganisationId,
        purposes: purposes as Purpose[],
        dataCategories: dataCategories as DataCategory[],
        form,
        givenOn,
        validUntil,
      });
      onSaved(consent);
    },
  );
  return (
    <Panel id="consent-panel" title={m.referrals.consentTitle} onClose={onClose}>
      <ErrorSummary
        {...state.summary}
        labels={{
          givenBy: m.referrals.givenBy,
          representativeName: m.referrals.representativeName,
          receiverOrganisationId: m.referrals.receiverOrganisation,
          purposes: m.referrals.purposes,
          dataCategories: m.referrals.dataCategories,
          form: m.referrals.form,
          givenOn: m.referrals.givenOn,
          validUntil: m.referrals.validUntil,
        }}
      />
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
        <SelectField
          id="consent-given-by"
          label={m.referrals.givenBy}
          value={givenBy}
          onValueChange={(value) => setGivenBy(value === 'legal_representative' ? 'legal_representative' : 'client')}
          options={[
            { value: 'client', label: m.referrals.givenByClient },
            { value: 'legal_representative', label: m.referrals.givenByRepresentative },
          ]}
          error={state.errors.givenBy}
        />
        {givenBy === 'legal_representative' ? (
          <TextField
            id="consent-representative"
            label={m.referrals.representativeName}
            value={representativeName}
            onValueChange={setRepresentativeName}
            error={state.errors.representativeName}
            autoComplete="off"
          />
        ) : null}
        <CheckboxGroup
          id="consent-purposes"
          legend={m.referrals.purposes}
          options={(Object.keys(m.consentPurposes) as Purpose[]).map((value) => ({ value, label: m.consentPurposes[value] }))}
          selected={purposes}
          onSelectedChange={setPurposes}
          error={state.errors.purposes}
        />
        <CheckboxGroup
          id="consent-data"
          legend={m.referrals.dataCategories}
          options={(Object.keys(m.consentDataCategories) as DataCategory[]).map((value) => ({ value, label: m.consentDataCategories[value] }))}
          selected={dataCategories}
          onSelectedChange={setDataCategories}
          error={state.errors.dataCategories}
        />
        <SelectField
          id="consent-form"
          label={m.referrals.form}
          value={form}
          onValueChange={(value) => setFormKind(value === 'verbal' ? 'verbal' : 'written')}
          options={[
            { value: 'written', label: m.referrals.formWritten },
            { value: 'verbal', label: m.referrals.formVerbal },
          ]}
          error={state.errors.form}
        />
        <TextField id="consent-given-on" type="date" label={m.referrals.givenOn} description={m.referrals.dateDescription} value={givenOn} onValueChange={setGivenOn} error={state.errors.givenOn} />
        <TextField
          id="consent-valid-until"
          type="date"
          label={m.referrals.validUntil}
          description={m.referrals.dateDescription}
          value={validUntil}
          onValueChange={setValidUntil}
          error={state.errors.validUntil}
        />
        <FormButtons submitLabel={m.referrals.recordConsent} isSubmitting={state.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </Panel>
  );
}

function ReferralForm({
  familyId,
  receivers,
  consents,
  onClose,
  onSent,
}: {
  familyId: string;
  receivers: { value: string; label: string }[];
  consents: Consent[];
  onClose(): void;
  onSent(organisation: string): void;
}) {
  const { m, format, formatDate } = useMessages();
  // Made once per form: pressing send twice (or a retry after a lost answer) sends one referral.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [receiverOrganisationId, setReceiver] = useState('');
  const [reason, setReason] = useState('');
  const [factorKeys, setFactorKeys] = useState<string[]>([]);
  // The risk factors of the latest completed screening are ticked beforehand (the professional may change them).
  const [screening, setScreening] = useState<{ id: string; completedAt: string } | null>(null);
  useEffect(() => {
    let isCurrent = true;
    referralApi.latestScreening(familyId).then(
      (latest) => {
        if (!isCurrent || !latest?.profile) return;
        const risks = latest.profile.domains.flatMap((domain) => domain.risks.map((risk) => risk.key)).filter((key) => FACTOR_CATALOGUE.has(key));
        setScreening({ id: latest.id, completedAt: latest.completedAt ?? latest.updatedAt });
        setFactorKeys((current) => (current.length === 0 ? [...new Set(risks)] : current));
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [familyId]);
  const [basis, setBasis] = useState<ReferralBasis>('consent');
  const [consentId, setConsentId] = useState('');
  const [legalGround, setLegalGround] = useState('');
  const [justification, setJustification] = useState('');
  const state = useForm(
    {
      receiverOrganisationId: 'referral-receiver',
      reason: 'referral-reason',
      factorKeys: 'referral-factors',
      consentId: 'referral-consent',
      legalGround: 'referral-legal-ground',
      justification: 'referral-justification',
    },
    { fieldForCode: { consent_required: 'consentId' } },
  );
  const validConsents = consents.filter(
    (consent) => consent.status === 'valid' && consent.receiverOrganisationId === receiverOrganisationId && consent.purposes.includes('referral'),
  );
  const submit = state.submitWith(
    () => ({
      ...(receiverOrganisationId === '' ? { receiverOrganisationId: m.validation.required } : {}),
      ...(reason.trim().length < 10 ? { reason: m.referrals.referralReasonDescription } : {}),
      ...(basis === 'consent' && consentId === '' ? { consentId: m.referrals.noValidConsent } : {}),
      ...(basis === 'legal' && legalGround === '' ? { legalGround: m.validation.required } : {}),
      ...(basis === 'legal' && justification.trim().length < 30 ? { justification: m.referrals.justificationDescription } : {}),
    }),
    async () => {
      const referral = await referralApi.send({
        familyId,
        receiverOrganisationId,
        reason: reason.trim(),
        factorKeys,
        ...(screening ? { screeningId: screening.id } : {}),
        idempotencyKey,
        ...(basis === 'consent' ? { consentId } : { legalGround, justification: justification.trim() }),
      });
      onSent(referral.receiver.organisationName);
    },
  );
  return (
    <Panel id="referral-panel" title={m.referrals.referralFormTitle} onClose={onClose}>
      <ErrorSummary
        {...state.summary}
        labels={{
          receiverOrganisationId: m.referrals.receiver,
          reason: m.referrals.referralReason,
          factorKeys: m.referrals.factorKeys,
          consentId: m.referrals.consent,
          legalGround: m.referrals.legalGround,
          justification: m.referrals.justification,
        }}
      />
      <Form onSubmit={submit}>
        <SelectField
          id="referral-receiver"
          label={m.referrals.receiver}
          value={receiverOrganisationId}
          onValueChange={(value) => {
            setReceiver(value);
            const first = consents.find((consent) => consent.status === 'valid' && consent.receiverOrganisationId === value && consent.purposes.includes('referral'));
            setConsentId(first?.id ?? '');
          }}
          emptyOption={m.shell.choose}
          options={receivers}
          error={state.errors.receiverOrganisationId}
        />
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
          ids={{ basis: 'referral-basis', consent: 'referral-consent', legalGround: 'referral-legal-ground', justification: 'referral-justification' }}
          basis={basis}
          onBasisChange={setBasis}
          consents={validConsents}
          isNoValidConsentShown={receiverOrganisationId !== '' && validConsents.length === 0}
          consentId={consentId}
          onConsentIdChange={setConsentId}
          legalGround={legalGround}
          onLegalGroundChange={setLegalGround}
          justification={justification}
          onJustificationChange={setJustification}
          errors={{ consent: state.errors.consentId, legalGround: state.errors.legalGround, justification: state.errors.justification }}
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
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    setIsBusy(true);
    try {
      const result = await referralApi.withdrawConsent(consent.id);
      onDone(result.cancelledReferralCount);
    } catch (failure) {
      setError(errorText(m, failure));
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <Panel id="withdraw-panel" title={format(m.referrals.withdrawConsent, { organisation: consent.receiverOrganisationName })} onClose={onClose}>
      {error ? <Alert type="error">{error}</Alert> : null}
      <Paragraph>{format(m.referrals.withdrawConfirm, { organisation: consent.receiverOrganisationName })}</Paragraph>
      <Form onSubmit={submit}>
        <FormButtons submitLabel={m.referrals.withdraw} isSubmitting={isBusy}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </Panel>
  );
}

// SPDX-License-Identifier: EUPL-1.2
// One service of the sociale kaart: what it offers, for whom, where and how to get in, the contact and
// opening hours, and when its organisation last confirmed it — with a warning when that is longer than
// six months ago. Its organisation's admin is offered to confirm or correct it.
import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { referenceApi } from '../../api/endpoints.js';
import { Confirmation } from '../../components/confirmation.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Alert, Button, ButtonGroup, ButtonLink, ExternalLink, Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { serviceApi, type Service } from './api.js';
import { categoryLabel, costLabel, factorLabel, intakeLabel, languageLabel } from './labels.js';

export default function ServicePage() {
  const { id = '' } = useParams();
  const { m } = useMessages();
  const [message, setMessage] = useState<string | null>(null);
  const state = useAsync(() => serviceApi.get(id), [id, message]);
  if (state.error instanceof ApiError && (state.error.status === 404 || state.error.status === 400)) {
    return (
      <Page title={m.services.title}>
        <Alert type="error">{m.services.notFound}</Alert>
        <Paragraph>
          <Link to="/sociale-kaart">{m.services.backToDirectory}</Link>
        </Paragraph>
      </Page>
    );
  }
  return <AsyncContent state={state}>{(service) => <ServiceView service={service} message={message} onConfirmed={setMessage} />}</AsyncContent>;
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function ServiceView({ service, message, onConfirmed }: { service: Service; message: string | null; onConfirmed(text: string): void }) {
  const { m, format, formatDate } = useMessages();
  const t = m.services;
  const municipalities = useAsync(() => referenceApi.municipalities({}), []);
  const names = new Map((municipalities.data ?? []).map((municipality) => [municipality.code, municipality.name]));
  const [isConfirming, setIsConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setIsConfirming(true);
    setError(null);
    try {
      await serviceApi.confirm(service.id);
      onConfirmed(format(t.confirmed, { name: service.name }));
    } catch (failure) {
      setError(failure instanceof ApiError ? (m.errors[failure.code] ?? m.errors.internal) : m.shell.networkError);
    } finally {
      setIsConfirming(false);
    }
  };
  const none = t.none;
  return (
    <Page title={service.name}>
      <Paragraph>
        <Link to="/sociale-kaart">{t.backToDirectory}</Link>
      </Paragraph>
      <Confirmation text={message} />
      {error ? <Alert type="error">{error}</Alert> : null}
      {service.verification === 'overdue' ? (
        <Alert type="warning">
          <Paragraph>
            <strong className="kr-service-overdue">{t.notRecentlyChecked}</strong>: {t.notRecentlyCheckedNotice}
          </Paragraph>
        </Alert>
      ) : null}
      {service.allowedActions.length > 0 ? (
        <ButtonGroup>
          {service.allowedActions.includes('confirm') ? (
            <Button variant="primary" onClick={confirm} disabled={isConfirming} aria-label={format(t.confirmLabel, { name: service.name })}>
              {t.confirm}
            </Button>
          ) : null}
          {service.allowedActions.includes('update') ? (
            <ButtonLink to={`/sociale-kaart/${service.id}/wijzigen`} variant="secondary">
              {t.edit}
            </ButtonLink>
          ) : null}
        </ButtonGroup>
      ) : null}
      <dl className="kr-details">
        <Fact term={t.detailProvider}>{service.providerName}</Fact>
        {service.externalProviderName ? <Fact term={t.detailKeptBy}>{service.organisationName}</Fact> : null}
        <Fact term={t.columnCategory}>{categoryLabel(m, service.category)}</Fact>
        <Fact term={t.detailDescription}>{service.description ?? none}</Fact>
        <Fact term={t.columnFactors}>{service.factorKeys.map(factorLabel).join(', ') || none}</Fact>
        <Fact term={t.columnMunicipalities}>{service.municipalityCodes.map((code) => names.get(code) ?? code).join(', ')}</Fact>
        <Fact term={t.columnIntake}>{service.intakeRoutes.map((route) => intakeLabel(m, route)).join(', ')}</Fact>
        <Fact term={t.detailEligibility}>{service.eligibility ?? none}</Fact>
        <Fact term={t.detailLanguages}>{service.languages.map((language) => languageLabel(m, language)).join(', ') || none}</Fact>
        <Fact term={t.detailCost}>{[costLabel(m, service.cost), service.costNote].filter(Boolean).join(': ')}</Fact>
        <Fact term={t.detailPhone}>{service.phone ? <ExternalLink href={`tel:${service.phone.replace(/[^\d+]/g, '')}`}>{service.phone}</ExternalLink> : none}</Fact>
        <Fact term={t.detailEmail}>{service.email ? <ExternalLink href={`mailto:${service.email}`}>{service.email}</ExternalLink> : none}</Fact>
        <Fact term={t.detailWebsite}>{service.website ? <ExternalLink href={service.website}>{service.website}</ExternalLink> : none}</Fact>
        <Fact term={t.detailOpeningHours}>{service.openingHours ?? none}</Fact>
        <Fact term={t.detailActive}>{service.isActive ? t.detailActive : t.detailInactive}</Fact>
        <Fact term={t.detailLastConfirmed}>{formatDate(service.lastConfirmedAt)}</Fact>
        <Fact term={t.detailDue}>{formatDate(service.confirmationDueAt)}</Fact>
      </dl>
    </Page>
  );
}

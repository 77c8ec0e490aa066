// SPDX-License-Identifier: EUPL-1.2
// One intervention of the menu: what it is, its recognition (level, date, valid until, source),
// conditions, published costs with their source, and the usual funding routes.
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { ApiError } from '../../api/client.js';
import { Alert, ExternalLink, Heading, Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { interventionMenuApi, type InterventionDetail } from './api.js';
import { OfferedLocally } from '../local-offer/offered-locally.js';

export default function InterventionPage() {
  const { key = '' } = useParams();
  const { m } = useMessages();
  const state = useAsync(() => interventionMenuApi.get(key), [key]);
  if (state.error instanceof ApiError && state.error.status === 404) {
    return (
      <Page title={m.interventionMenu.detailCrumb}>
        <Alert type="error">{m.interventionMenu.notFound}</Alert>
        <Paragraph>
          <Link to="/interventies">{m.interventionMenu.backToMenu}</Link>
        </Paragraph>
      </Page>
    );
  }
  return <AsyncContent state={state}>{(intervention) => <InterventionView intervention={intervention} />}</AsyncContent>;
}

function List({ items, empty }: { items: readonly string[]; empty: string }) {
  return items.length === 0 ? <>{empty}</> : <ul className="utrecht-unordered-list">{items.map((item) => <li key={item}>{item}</li>)}</ul>;
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function InterventionView({ intervention }: { intervention: InterventionDetail }) {
  const { m, format, formatDate, formatNumber } = useMessages();
  const t = m.interventionMenu;
  const recognition = intervention.recognition;
  const isRecognised = recognition.date !== null;
  return (
    <Page title={intervention.name}>
      <Paragraph>
        <Link to="/interventies">{t.backToMenu}</Link>
      </Paragraph>
      {intervention.isLegalTask ? <Paragraph>{t.legalTask}</Paragraph> : null}
      <dl className="kr-details">
        {intervention.aliases.length > 0 ? <Fact term={t.aliases}>{intervention.aliases.join(', ')}</Fact> : null}
        <Fact term={t.phase}>{intervention.phases.map((phase) => m.carePhases[phase]).join(', ')}</Fact>
        <Fact term={t.pillar}>{intervention.pillars.map((pillar) => m.interventionPillars[pillar]).join(', ')}</Fact>
        <Fact term={t.targetGroup}>{intervention.targetGroup ?? t.unknown}</Fact>
        <Fact term={t.goal}>{intervention.goal ?? t.unknown}</Fact>
        <Fact term={t.approach}>{intervention.approach ?? t.unknown}</Fact>
        <Fact term={t.workingElements}>
          <List items={intervention.workingElements} empty={t.unknown} />
        </Fact>
        <Fact term={t.providerType}>{intervention.providerType ?? t.unknown}</Fact>
        <Fact term={t.licenceHolder}>{intervention.licenceHolder ?? t.unknown}</Fact>
        <Fact term={t.website}>{intervention.website ? <ExternalLink href={intervention.website}>{intervention.website}</ExternalLink> : t.unknown}</Fact>
      </dl>

      <Heading level={2}>{t.recognitionTitle}</Heading>
      <dl className="kr-details">
        <Fact term={t.recognitionLevel}>{m.careRecognition[recognition.level]}</Fact>
        {isRecognised && recognition.date ? <Fact term={t.recognitionDate}>{formatDate(recognition.date)}</Fact> : null}
        {isRecognised ? <Fact term={t.recognitionValidUntil}>{recognition.validUntil ? formatDate(recognition.validUntil) : t.unknown}</Fact> : null}
        {recognition.source ? <Fact term={t.recognitionSource}>{recognition.source}</Fact> : null}
        {recognition.note ? <Fact term={t.recognitionNote}>{recognition.note}</Fact> : null}
      </dl>
      {recognition.level === 'niet_gevonden' ? <Paragraph>{t.recognitionUnknown}</Paragraph> : null}

      <Heading level={2}>{t.conditions}</Heading>
      <List items={intervention.conditions} empty={t.unknown} />

      <Heading level={2}>{t.costsTitle}</Heading>
      {intervention.costs.length === 0 ? <Paragraph>{t.costsNone}</Paragraph> : null}
      {intervention.costs.map((cost) => (
        <Paragraph key={`${cost.model}-${cost.year}`}>
          {format(t.costLine, { amount: `€ ${formatNumber(cost.amountEur)}`, model: m.interventionCostModels[cost.model], year: String(cost.year) })}
          {cost.note ? ` — ${cost.note}` : ''}
          <br />
          {format(t.costSource, { source: cost.source })}
        </Paragraph>
      ))}
      {intervention.costNote ? <Paragraph>{intervention.costNote}</Paragraph> : null}

      <Heading level={2}>{t.fundingTitle}</Heading>
      <dl className="kr-details">
        <Fact term={t.fundingRoutes}>{intervention.fundingRoutes.map((route) => m.interventionFundingRoutes[route]).join(', ') || t.unknown}</Fact>
        {intervention.fundingNote ? <Fact term={t.fundingNote}>{intervention.fundingNote}</Fact> : null}
      </dl>

      <OfferedLocally interventionKey={intervention.key} />

      <Heading level={2}>{t.sources}</Heading>
      <List items={intervention.sources} empty={t.unknown} />
      <Paragraph>{format(t.version, { version: intervention.menuVersion })}</Paragraph>
    </Page>
  );
}

// SPDX-License-Identifier: EUPL-1.2
// The finder for professionals (issue 13 item 5): choose a municipality and a risk factor; see the
// published pathway of the municipality (or its coalition's) and the services of the sociale kaart for
// that factor there, each marked "niet recent gecontroleerd" when nobody confirmed it for six months.
// By name only: Kansrijk has no postcode-to-municipality table.
import { useState } from 'react';
import { FACTOR_CATALOGUE } from '../../../contracts/screening/factor-catalogue.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { SelectField } from '../../components/fields.js';
import { FilterBar } from '../../components/filter-bar.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Alert, Heading, Link, Paragraph } from '../../components/ui.js';
import { referenceApi } from '../../api/endpoints.js';
import { useMessages } from '../../i18n/messages.js';
import { offerApi, type OfferFinderResult } from './api.js';

type Service = OfferFinderResult['services'][number];

export default function FinderPage() {
  const { m } = useMessages();
  const t = m.offerFinder;
  const [choice, setChoice] = useState({ municipality: '', factor: '' });
  const [asked, setAsked] = useState<{ municipality: string; factor: string } | null>(null);
  const [isIncomplete, setIsIncomplete] = useState(false);
  const municipalities = useAsync(() => referenceApi.municipalities({}), []);
  const result = useAsync(() => (asked ? offerApi.find(asked.municipality, asked.factor) : Promise.resolve(null)), [asked]);

  const apply = () => {
    const isComplete = choice.municipality !== '' && choice.factor !== '';
    setIsIncomplete(!isComplete);
    if (isComplete) setAsked({ ...choice });
  };

  return (
    <Page title={t.title} intro={t.intro}>
      <FilterBar onApply={apply} label={t.title}>
        <SelectField
          id="finder-municipality"
          label={t.municipality}
          value={choice.municipality}
          onValueChange={(municipality) => setChoice((current) => ({ ...current, municipality }))}
          emptyOption={t.municipalityChoose}
          options={(municipalities.data ?? []).map((municipality) => ({ value: municipality.code, label: municipality.name }))}
        />
        <SelectField
          id="finder-factor"
          label={t.factor}
          value={choice.factor}
          onValueChange={(factor) => setChoice((current) => ({ ...current, factor }))}
          emptyOption={t.factorChoose}
          options={[...FACTOR_CATALOGUE.values()].map((factor) => ({ value: factor.key, label: factor.riskLabel }))}
        />
      </FilterBar>
      {isIncomplete ? <Alert type="error">{t.missingChoice}</Alert> : null}
      <AsyncContent state={result}>{(found) => (found ? <FinderResult found={found} /> : null)}</AsyncContent>
    </Page>
  );

}

function FinderResult({ found }: { found: OfferFinderResult }) {
  const { m, format } = useMessages();
  const t = m.offerFinder;
  const pathway = found.pathway;
  const columns: Column<Service>[] = [
    { key: 'name', header: t.columnService, cell: (row) => <Link to={`/sociale-kaart/${row.id}`}>{row.name}</Link>, csv: (row) => row.name },
    { key: 'provider', header: t.columnProvider, cell: (row) => row.providerName },
    { key: 'contact', header: t.columnContact, cell: (row) => [row.phone, row.email].filter(Boolean).join(', ') },
    {
      key: 'checked',
      header: t.columnChecked,
      cell: (row) => (row.verification === 'overdue' ? <strong className="kr-service-overdue">{t.notRecentlyChecked}</strong> : t.checked),
      csv: (row) => (row.verification === 'overdue' ? t.notRecentlyChecked : t.checked),
    },
  ];
  return (
    <section aria-labelledby="finder-result">
      <Heading level={2} id="finder-result">
        {format(t.resultTitle, { factor: found.factorLabel, municipality: found.municipalityName })}
      </Heading>
      {pathway ? (
        <>
          <Paragraph>
            {found.level === 'municipality'
              ? format(t.levelMunicipality, { name: found.municipalityName })
              : format(t.levelCoalition, { name: found.coalitionName ?? found.coalitionCode ?? '' })}
          </Paragraph>
          <Heading level={3}>
            <Link to={`/zorgpaden/${pathway.scopeCode}/${pathway.factorKey}`}>{pathway.title}</Link> ({format(t.version, { version: pathway.version })})
          </Heading>
          <Heading level={4}>{t.agreements}</Heading>
          <Paragraph>{pathway.localAgreements}</Paragraph>
          <Heading level={4}>{t.steps}</Heading>
          <ol>
            {pathway.steps.map((step, index) => (
              <li key={index}>
                <strong>{step.title}</strong>
                {step.description ? <> — {step.description}</> : null}
                {step.services.length > 0 ? (
                  <ul>
                    {step.services.map((service, serviceIndex) => (
                      <li key={serviceIndex}>
                        {service.name} ({service.organisationName})
                        {service.serviceId && found.pathwayServiceVerification[service.serviceId] === 'overdue' ? (
                          <>
                            {' '}
                            <strong className="kr-service-overdue">{t.notRecentlyChecked}</strong>
                          </>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <Paragraph>{t.noPathway}</Paragraph>
      )}
      <Heading level={3}>{t.servicesTitle}</Heading>
      {found.services.length === 0 ? (
        <Paragraph>{t.servicesEmpty}</Paragraph>
      ) : (
        <DataTable
          caption={format(t.servicesCaption, { factor: found.factorLabel, municipality: found.municipalityName })}
          columns={columns}
          rows={found.services}
          rowKey={(row) => row.id}
          csvName={`diensten-${found.factorKey}-${found.municipalityCode}`}
        />
      )}
    </section>
  );
}

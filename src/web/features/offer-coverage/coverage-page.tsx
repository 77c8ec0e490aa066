// SPDX-License-Identifier: EUPL-1.2
// The coverage and funding overview (issue 13 item 7) for coordinators, policy officers, analysts and
// the platform admin: per coalition (or, for analysts and the platform admin, the whole country) the
// matrix of risk factors × municipalities (pathway present / outdated / missing), the menu
// interventions offered per phase with funding and capacity, and the number of recognised
// interventions compared with municipalities of the same size band. Each table's CSV comes from the
// server, with the same cells.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { CoverageStatus } from '../../../contracts/offer-coverage.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { SelectField } from '../../components/fields.js';
import { FilterBar } from '../../components/filter-bar.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Heading, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import type { Catalogue } from '../../../contracts/i18n/nl.js';
import { hasAnyRole, useSession } from '../../session/session.js';
import { coalitionApi } from '../coalitions/api.js';
import { offerApi, type CoverageMatrix, type PhaseOffer, type RecognisedComparison } from './api.js';

const NATIONAL = 'NL';

type MatrixRow = CoverageMatrix['rows'][number];
type Cell = MatrixRow['cells'][number];

/** The cell text, as the server's CSV writes it. */
function cellText(m: Catalogue, cell: Cell): string {
  const t = m.offerCoverage;
  const label: Record<CoverageStatus, string> = { present: t.present, outdated: t.outdated, missing: t.missing };
  return cell.level === 'coalition' ? `${label[cell.status]} ${t.viaCoalition}` : label[cell.status];
}

export default function CoveragePage() {
  const { m } = useMessages();
  const t = m.offerCoverage;
  const { session } = useSession();
  const seesCountry = hasAnyRole(session, ['analyst', 'platform_admin']);
  const [searchParams, setSearchParams] = useSearchParams();
  const chosen = searchParams.get('coalitie') ?? (seesCountry ? NATIONAL : '');
  const [draft, setDraft] = useState(chosen);
  const coalitions = useAsync(() => coalitionApi.list({ pageSize: 100 }), []);
  const scope = chosen === NATIONAL ? null : chosen;

  return (
    <Page title={t.title} intro={t.intro}>
      <FilterBar onApply={() => setSearchParams(draft ? { coalitie: draft } : {})} label={t.title}>
        <SelectField
          id="coverage-scope"
          label={t.scope}
          value={draft}
          onValueChange={setDraft}
          emptyOption={seesCountry ? undefined : t.noScope}
          options={[
            ...(seesCountry ? [{ value: NATIONAL, label: t.scopeNational }] : []),
            ...(coalitions.data?.items ?? []).map((coalition) => ({ value: coalition.code, label: `${coalition.name} (${coalition.code})` })),
          ]}
        />
      </FilterBar>
      {chosen === '' ? <Paragraph>{t.noScope}</Paragraph> : <CoverageTables key={chosen} scope={scope} />}
    </Page>
  );
}

function CoverageTables({ scope }: { scope: string | null }) {
  const matrix = useAsync(() => offerApi.matrix(scope), [scope]);
  const phases = useAsync(() => offerApi.phases(scope), [scope]);
  const recognised = useAsync(() => offerApi.recognised(scope), [scope]);
  const { m } = useMessages();
  const t = m.offerCoverage;
  return (
    <>
      <section aria-labelledby="coverage-matrix">
        <Heading level={2} id="coverage-matrix">
          {t.matrixTitle}
        </Heading>
        <AsyncContent state={matrix}>{(data) => <MatrixTable matrix={data} scope={scope} />}</AsyncContent>
      </section>
      <section aria-labelledby="coverage-phases">
        <Heading level={2} id="coverage-phases">
          {t.phaseTitle}
        </Heading>
        <Paragraph>{t.phaseNote}</Paragraph>
        <AsyncContent state={phases}>{(data) => <PhaseTable offer={data} scope={scope} />}</AsyncContent>
      </section>
      <section aria-labelledby="coverage-recognised">
        <Heading level={2} id="coverage-recognised">
          {t.comparisonTitle}
        </Heading>
        <Paragraph>{t.comparisonDefinition}</Paragraph>
        <AsyncContent state={recognised}>{(data) => <ComparisonTable comparison={data} scope={scope} />}</AsyncContent>
      </section>
    </>
  );
}

function MatrixTable({ matrix, scope }: { matrix: CoverageMatrix; scope: string | null }) {
  const { m } = useMessages();
  const t = m.offerCoverage;
  const columns: Column<MatrixRow>[] = [
    { key: 'municipality', header: t.columnMunicipality, cell: (row) => row.municipalityName },
    { key: 'code', header: t.columnCode, cell: (row) => row.municipalityCode },
    ...matrix.factors.map((factor, index) => ({
      key: factor.key,
      header: factor.label,
      cell: (row: MatrixRow) => {
        const cell = row.cells[index]!;
        const text = cellText(m, cell);
        return <span className={`kr-coverage-${cell.status}`}>{cell.status === 'present' ? text : <strong>{text}</strong>}</span>;
      },
      csv: (row: MatrixRow) => cellText(m, row.cells[index]!),
    })),
  ];
  return (
    <DataTable
      caption={t.matrixCaption}
      columns={columns}
      rows={matrix.rows}
      rowKey={(row) => row.municipalityCode}
      csvName={`dekking-${scope ?? 'nederland'}`}
      fetchCsv={() => offerApi.matrixCsv(scope)}
    />
  );
}

function PhaseTable({ offer, scope }: { offer: PhaseOffer; scope: string | null }) {
  const { m, format, formatNumber } = useMessages();
  const t = m.offerCoverage;
  const phaseLabel = { V: t.phaseV, T: t.phaseT, N: t.phaseN } as const;
  type Row = PhaseOffer['items'][number];
  const columns: Column<Row>[] = [
    { key: 'phase', header: t.columnPhase, cell: (row) => phaseLabel[row.phase] },
    { key: 'intervention', header: t.columnIntervention, cell: (row) => row.interventionName },
    { key: 'recognised', header: t.columnRecognised, cell: (row) => (row.isRecognised ? m.app.yes : m.app.no) },
    { key: 'area', header: t.columnArea, cell: (row) => row.municipalityName ?? format(t.wholeCoalition, { code: row.coalitionCode }) },
    { key: 'service', header: t.columnService, cell: (row) => row.serviceName },
    { key: 'funding', header: t.columnFunding, cell: (row) => m.interventionFundingRoutes[row.fundingRoute] },
    { key: 'capacity', header: t.columnCapacity, cell: (row) => (row.capacityPerYear === null ? '' : formatNumber(row.capacityPerYear)), csv: (row) => row.capacityPerYear, isNumeric: true },
  ];
  if (offer.items.length === 0) return <Paragraph>{t.phaseEmpty}</Paragraph>;
  return (
    <DataTable
      caption={t.phaseCaption}
      columns={columns}
      rows={offer.items}
      rowKey={(row) => `${row.phase}-${row.coalitionCode}-${row.interventionKey}-${row.municipalityCode ?? ''}-${row.serviceName}`}
      csvName={`aanbod-per-fase-${scope ?? 'nederland'}`}
      fetchCsv={() => offerApi.phasesCsv(scope)}
    />
  );
}

function ComparisonTable({ comparison, scope }: { comparison: RecognisedComparison; scope: string | null }) {
  const { m, formatNumber } = useMessages();
  const t = m.offerCoverage;
  type Row = RecognisedComparison['items'][number];
  const columns: Column<Row>[] = [
    { key: 'municipality', header: t.columnMunicipality, cell: (row) => row.municipalityName },
    { key: 'code', header: t.columnCode, cell: (row) => row.municipalityCode },
    { key: 'population', header: t.columnPopulation, cell: (row) => formatNumber(row.population), csv: (row) => row.population, isNumeric: true },
    { key: 'band', header: t.columnBand, cell: (row) => t[`band_${row.sizeBand}`] },
    { key: 'count', header: t.columnCount, cell: (row) => formatNumber(row.recognisedCount), csv: (row) => row.recognisedCount, isNumeric: true },
    { key: 'average', header: t.columnBandAverage, cell: (row) => row.bandAverage.toFixed(2).replace('.', ','), isNumeric: true },
    { key: 'size', header: t.columnBandSize, cell: (row) => formatNumber(row.bandMunicipalities), csv: (row) => row.bandMunicipalities, isNumeric: true },
  ];
  return (
    <DataTable
      caption={t.comparisonCaption}
      columns={columns}
      rows={comparison.items}
      rowKey={(row) => row.municipalityCode}
      csvName={`erkende-interventies-${scope ?? 'nederland'}`}
      fetchCsv={() => offerApi.recognisedCsv(scope)}
    />
  );
}

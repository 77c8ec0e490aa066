// SPDX-License-Identifier: EUPL-1.2
// /coalities: the national overview of the coalition register (issue 10 item 1; seed 003 "Coalities").
// Per year the municipalities per status, the coalitions and municipalities per level (a municipality
// in a local coalition and a regional collaboration counts once at each level), a map of the statuses
// (the monitor's choropleth: keyboard, and the table below it as the alternative), and the register
// with filters. Every table exports to CSV.
import { useMemo, useState } from 'react';
import { referenceApi } from '../../api/endpoints.js';
import { DataTable, toCsv, type Column } from '../../components/data-table.js';
import { FilterBar } from '../../components/filter-bar.js';
import { SelectField, TextField } from '../../components/fields.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { ButtonLink, Heading, Link } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { Choropleth } from '../monitor/charts/choropleth.js';
import { SEQUENTIAL_BLUES } from '../monitor/charts/scale.js';
import '../monitor/monitor.css';
import { MUNICIPALITY_STATUSES, type MunicipalityStatus } from '../../../contracts/coalitions.js';
import { coalitionApi, type CoalitionListItem, type CoalitionOverview } from './api.js';
import { statusYears } from './parts.js';

const PAGE_SIZE = 25;
/** The statuses drawn in colour; not answered is the map's "no data" grey. */
const DRAWN: MunicipalityStatus[] = ['formed', 'in_development', 'none'];
const FILLS = [SEQUENTIAL_BLUES[4], SEQUENTIAL_BLUES[2], SEQUENTIAL_BLUES[0]];

export default function CoalitionOverviewPage() {
  const { m, format } = useMessages();
  const t = m.coalitions;
  const [year, setYear] = useState(() => new Date().getFullYear());
  const overview = useAsync(() => coalitionApi.overview(year), [year]);
  return (
    <Page title={t.overviewTitle} intro={t.overviewIntro}>
      <SelectField
        id="overview-year"
        label={t.year}
        value={String(year)}
        onValueChange={(value) => setYear(Number(value))}
        options={statusYears().map((option) => ({ value: String(option), label: String(option) }))}
      />
      <AsyncContent state={overview}>
        {(data) => (
          <>
            {data.allowedActions.includes('create') ? <ButtonLink to="/coalities/nieuw">{t.newCoalition}</ButtonLink> : null}
            <Counts data={data} />
            <section aria-labelledby="coalition-map-heading" className="kr-chart">
              <Heading level={2} id="coalition-map-heading">
                {format(t.mapTitle, { year: data.year })}
              </Heading>
              <StatusMap data={data} />
            </section>
            <MunicipalityTable data={data} />
          </>
        )}
      </AsyncContent>
      <Register />
    </Page>
  );
}

function Counts({ data }: { data: CoalitionOverview }) {
  const { m, format } = useMessages();
  const t = m.coalitions;
  const statusRows = MUNICIPALITY_STATUSES.map((status) => ({ status, count: data.statusCounts[status] }));
  const statusColumns: Column<(typeof statusRows)[number]>[] = [
    { key: 'status', header: t.columnStatus, cell: (row) => m.municipalityStatuses[row.status] },
    { key: 'count', header: t.columnMunicipalities, cell: (row) => row.count, isNumeric: true },
  ];
  const levelRows = (['local', 'regional'] as const).map((level) => ({ level, ...data.levels[level] }));
  const levelColumns: Column<(typeof levelRows)[number]>[] = [
    { key: 'level', header: t.columnLevel, cell: (row) => m.coalitionLevels[row.level] },
    { key: 'coalitions', header: t.columnCoalitions, cell: (row) => row.coalitions, isNumeric: true },
    { key: 'municipalities', header: t.columnMunicipalities, cell: (row) => row.municipalities, isNumeric: true },
  ];
  return (
    <div className="kr-coalition-counts">
      <DataTable
        caption={format(t.statusCountsCaption, { year: data.year })}
        columns={statusColumns}
        rows={statusRows}
        rowKey={(row) => row.status}
        csvName={`coalities-status-${data.year}`}
      />
      <DataTable caption={t.levelsCaption} columns={levelColumns} rows={levelRows} rowKey={(row) => row.level} csvName="coalities-per-niveau" />
    </div>
  );
}

function StatusMap({ data }: { data: CoalitionOverview }) {
  const { m, format } = useMessages();
  const t = m.coalitions;
  const [chosen, setChosen] = useState<string | null>(null);
  const statusOf = useMemo(() => new Map(data.municipalities.map((municipality) => [municipality.code, municipality.status])), [data]);
  return (
    <Choropleth
      level="municipality"
      figures={[]}
      unit="percentage"
      title={format(t.mapTitle, { year: data.year })}
      selectedCode={chosen}
      onChoose={(code) => setChosen(code)}
      areaHref={(code) => `/monitor/gebieden/${code}`}
      noDataLabel={m.municipalityStatuses.not_answered}
      categories={{
        of: (code) => {
          const index = DRAWN.indexOf(statusOf.get(code) ?? 'not_answered');
          return index < 0 ? null : index;
        },
        labels: DRAWN.map((status) => m.municipalityStatuses[status]),
        fills: FILLS,
        description: format(t.mapDesc, { count: data.municipalities.length }),
      }}
    />
  );
}

function MunicipalityTable({ data }: { data: CoalitionOverview }) {
  const { m, format } = useMessages();
  const t = m.coalitions;
  const [page, setPage] = useState(1);
  type Row = CoalitionOverview['municipalities'][number];
  const columns: Column<Row>[] = [
    { key: 'name', header: t.columnMunicipality, cell: (row) => `${row.name} (${row.code})` },
    { key: 'province', header: t.columnProvince, cell: (row) => row.provinceName },
    { key: 'status', header: t.columnStatus, cell: (row) => m.municipalityStatuses[row.status] },
    { key: 'source', header: t.columnSource, cell: (row) => (row.source ? m.statusSources[row.source] : '') },
    {
      key: 'local',
      header: t.columnLocal,
      cell: (row) => (row.localCoalition ? <Link to={`/coalities/${row.localCoalition.code}`}>{row.localCoalition.name}</Link> : ''),
      csv: (row) => (row.localCoalition ? `${row.localCoalition.name} (${row.localCoalition.code})` : ''),
    },
    {
      key: 'regional',
      header: t.columnRegional,
      cell: (row) => (row.regionalCoalition ? <Link to={`/coalities/${row.regionalCoalition.code}`}>{row.regionalCoalition.name}</Link> : ''),
      csv: (row) => (row.regionalCoalition ? `${row.regionalCoalition.name} (${row.regionalCoalition.code})` : ''),
    },
  ];
  const rows = data.municipalities.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <DataTable
      caption={format(t.municipalitiesCaption, { year: data.year })}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.code}
      csvName={`gemeenten-status-${data.year}`}
      // Every municipality, not just this page.
      fetchCsv={() => Promise.resolve(toCsv(columns, data.municipalities))}
      paging={{ page, pageSize: PAGE_SIZE, total: data.municipalities.length, onPageChange: setPage }}
    />
  );
}

function Register() {
  const { m } = useMessages();
  const t = m.coalitions;
  const provinces = useAsync(() => referenceApi.provinces(), []);
  const [q, setQ] = useState('');
  const [kind, setKind] = useState('');
  const [provinceCode, setProvinceCode] = useState('');
  const [status, setStatus] = useState('active');
  const [query, setQuery] = useState({ q: '', kind: '', provinceCode: '', status: 'active', page: 1, pageSize: PAGE_SIZE });
  const list = useAsync(() => coalitionApi.list(query), [query]);
  const columns: Column<CoalitionListItem>[] = [
    { key: 'code', header: t.columnCode, cell: (row) => row.code },
    { key: 'name', header: t.columnName, cell: (row) => <Link to={`/coalities/${row.code}`}>{row.name}</Link>, csv: (row) => row.name },
    { key: 'kind', header: t.columnKind, cell: (row) => m.coalitionKinds[row.kind] },
    { key: 'provinces', header: t.columnProvinces, cell: (row) => row.provinceNames.join(', ') },
    { key: 'municipalities', header: t.columnMunicipalities, cell: (row) => row.municipalityNames.join(', ') },
    { key: 'start', header: t.columnStartDate, cell: (row) => row.startDate ?? '' },
  ];
  return (
    <section aria-labelledby="coalition-register-heading">
      <Heading level={2} id="coalition-register-heading">
        {t.listTitle}
      </Heading>
      <FilterBar onApply={() => setQuery({ q: q.trim(), kind, provinceCode, status, page: 1, pageSize: PAGE_SIZE })}>
        <TextField id="coalition-q" label={t.search} type="search" value={q} onValueChange={setQ} isOptional />
        <SelectField
          id="coalition-kind"
          label={t.kind}
          value={kind}
          onValueChange={setKind}
          emptyOption={m.shell.any}
          options={(['local', 'regional'] as const).map((value) => ({ value, label: m.coalitionKinds[value] }))}
        />
        <SelectField
          id="coalition-province"
          label={t.province}
          value={provinceCode}
          onValueChange={setProvinceCode}
          emptyOption={m.shell.any}
          options={(provinces.data ?? []).map((province) => ({ value: province.code, label: province.name }))}
        />
        <SelectField
          id="coalition-status"
          label={t.activity}
          value={status}
          onValueChange={setStatus}
          options={[
            { value: 'active', label: t.activityActive },
            { value: 'inactive', label: t.activityInactive },
            { value: 'all', label: t.activityAll },
          ]}
        />
      </FilterBar>
      <AsyncContent state={list}>
        {(page) => (
          <DataTable
            caption={t.listCaption}
            columns={columns}
            rows={page.items}
            rowKey={(row) => row.code}
            csvName="coalities"
            fetchCsv={() => coalitionApi.exportCsv({ ...query, page: undefined, pageSize: undefined })}
            paging={{ page: page.page, pageSize: page.pageSize, total: page.total, onPageChange: (next) => setQuery({ ...query, page: next }) }}
          />
        )}
      </AsyncContent>
    </section>
  );
}

// SPDX-License-Identifier: EUPL-1.2
// The national intervention menu: search and filter by phase, pillar, recognition and funding route,
// a table with a CSV export, each intervention linking to its own page. For everyone logged in.
import { useState } from 'react';
import {
  FUNDING_ROUTES,
  INTERVENTION_PHASES,
  INTERVENTION_PILLARS,
  RECOGNITION_LEVELS,
} from '../../../contracts/intervention-menu.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { SelectField, TextField } from '../../components/fields.js';
import { FilterBar } from '../../components/filter-bar.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { interventionMenuApi, type InterventionItem } from './api.js';

const PAGE_SIZE = 25;
const SORTS = { name: 'name', recognition: '-recognition,name', recognitionDate: '-recognitionDate,name' } as const;
type SortChoice = keyof typeof SORTS;
const EMPTY_FILTERS = { q: '', phase: '', pillar: '', recognition: '', fundingRoute: '', sort: 'name' as SortChoice };

export default function InterventionMenuPage() {
  const { m, format } = useMessages();
  const t = m.interventionMenu;
  const [filters, setFilters] = useState(EMPTY_FILTERS);
  const [query, setQuery] = useState({ ...EMPTY_FILTERS, page: 1 });
  const list = useAsync(
    () =>
      interventionMenuApi.list({
        q: query.q || undefined,
        phase: query.phase || undefined,
        pillar: query.pillar || undefined,
        recognition: query.recognition || undefined,
        fundingRoute: query.fundingRoute || undefined,
        sorteer: SORTS[query.sort],
        page: query.page,
        pageSize: PAGE_SIZE,
      }),
    [query],
  );
  const set = (field: keyof typeof EMPTY_FILTERS) => (value: string) => setFilters((current) => ({ ...current, [field]: value }));

  const phases = (row: InterventionItem) => row.phases.map((phase) => m.carePhases[phase]).join(', ');
  const pillars = (row: InterventionItem) => row.pillars.map((pillar) => m.interventionPillars[pillar]).join(', ');
  const funding = (row: InterventionItem) => row.fundingRoutes.map((route) => m.interventionFundingRoutes[route]).join(', ') || t.unknown;
  const columns: Column<InterventionItem>[] = [
    { key: 'name', header: t.columnName, cell: (row) => <Link to={`/interventies/${row.key}`}>{row.name}</Link>, csv: (row) => row.name },
    { key: 'phases', header: t.columnPhases, cell: phases },
    { key: 'pillars', header: t.columnPillars, cell: pillars },
    { key: 'targetGroup', header: t.columnTargetGroup, cell: (row) => row.targetGroup ?? t.unknown },
    { key: 'recognition', header: t.columnRecognition, cell: (row) => m.careRecognition[row.recognition] },
    { key: 'funding', header: t.columnFunding, cell: funding },
  ];

  return (
    <Page title={t.title} intro={t.intro}>
      <FilterBar onApply={() => setQuery({ ...filters, q: filters.q.trim(), page: 1 })}>
        <TextField id="menu-q" label={t.search} description={t.searchDescription} type="search" value={filters.q} onValueChange={set('q')} isOptional />
        <SelectField
          id="menu-phase"
          label={t.phase}
          value={filters.phase}
          onValueChange={set('phase')}
          emptyOption={m.shell.any}
          options={INTERVENTION_PHASES.map((value) => ({ value, label: m.carePhases[value] }))}
        />
        <SelectField
          id="menu-pillar"
          label={t.pillar}
          value={filters.pillar}
          onValueChange={set('pillar')}
          emptyOption={m.shell.any}
          options={INTERVENTION_PILLARS.map((value) => ({ value, label: m.interventionPillars[value] }))}
        />
        <SelectField
          id="menu-recognition"
          label={t.recognition}
          value={filters.recognition}
          onValueChange={set('recognition')}
          emptyOption={m.shell.any}
          options={RECOGNITION_LEVELS.map((value) => ({ value, label: m.careRecognition[value] }))}
        />
        <SelectField
          id="menu-funding"
          label={t.fundingRoute}
          value={filters.fundingRoute}
          onValueChange={set('fundingRoute')}
          emptyOption={m.shell.any}
          options={FUNDING_ROUTES.map((value) => ({ value, label: m.interventionFundingRoutes[value] }))}
        />
        <SelectField
          id="menu-sort"
          label={t.sort}
          value={filters.sort}
          onValueChange={set('sort')}
          options={[
            { value: 'name', label: t.sortName },
            { value: 'recognition', label: t.sortRecognition },
            { value: 'recognitionDate', label: t.sortRecognitionDate },
          ]}
        />
      </FilterBar>
      <AsyncContent state={list}>
        {(page) => (
          <>
            <Paragraph>
              <span role="status">{page.total === 1 ? t.totalOne : format(t.total, { count: page.total })}</span> {format(t.version, { version: page.menuVersion })}
            </Paragraph>
            {page.total === 0 ? (
              <Paragraph>{t.empty}</Paragraph>
            ) : (
              <DataTable
                caption={t.caption}
                columns={columns}
                rows={page.items}
                rowKey={(row) => row.key}
                csvName="menukaart"
                paging={{ page: page.page, pageSize: page.pageSize, total: page.total, onPageChange: (next) => setQuery({ ...query, page: next }) }}
              />
            )}
          </>
        )}
      </AsyncContent>
    </Page>
  );
}

// SPDX-License-Identifier: EUPL-1.2
// The sociale kaart for everyone logged in: search and filter by municipality, risk factor and kind of
// help; a table with a CSV export; a service not confirmed in six months shows "niet recent
// gecontroleerd". An organisation admin is offered to add a service (the server says whether she may).
import { useState } from 'react';
import { SERVICE_CATEGORIES } from '../../../contracts/services.js';
import { FACTOR_CATALOGUE } from '../../../contracts/screening/factor-catalogue.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { SelectField, TextField } from '../../components/fields.js';
import { FilterBar } from '../../components/filter-bar.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { ButtonLink, Link, Paragraph } from '../../components/ui.js';
import { referenceApi } from '../../api/endpoints.js';
import { useMessages } from '../../i18n/messages.js';
import { serviceApi, type Service } from './api.js';
import { categoryLabel, checkText, factorLabel, intakeLabel } from './labels.js';

const PAGE_SIZE = 25;
const EMPTY_FILTERS = { q: '', municipalityCode: '', factorKey: '', category: '' };

export default function ServicesPage() {
  const { m, format, formatDate } = useMessages();
  const t = m.services;
  const [filters, setFilters] = useState(EMPTY_FILTERS);
  const [query, setQuery] = useState({ ...EMPTY_FILTERS, page: 1 });
  const municipalities = useAsync(() => referenceApi.municipalities({}), []);
  const list = useAsync(
    () =>
      serviceApi.list({
        q: query.q || undefined,
        municipalityCode: query.municipalityCode || undefined,
        factorKey: query.factorKey || undefined,
        category: query.category || undefined,
        page: query.page,
        pageSize: PAGE_SIZE,
      }),
    [query],
  );
  const set = (field: keyof typeof EMPTY_FILTERS) => (value: string) => setFilters((current) => ({ ...current, [field]: value }));
  const names = new Map((municipalities.data ?? []).map((municipality) => [municipality.code, municipality.name]));
  const municipalityNames = (row: Service) => row.municipalityCodes.map((code) => names.get(code) ?? code).join(', ');

  const columns: Column<Service>[] = [
    { key: 'name', header: t.columnName, cell: (row) => <Link to={`/sociale-kaart/${row.id}`}>{row.name}</Link>, csv: (row) => row.name },
    { key: 'provider', header: t.columnProvider, cell: (row) => row.providerName },
    { key: 'category', header: t.columnCategory, cell: (row) => categoryLabel(m, row.category) },
    { key: 'municipalities', header: t.columnMunicipalities, cell: municipalityNames },
    { key: 'factors', header: t.columnFactors, cell: (row) => row.factorKeys.map(factorLabel).join(', ') },
    { key: 'intake', header: t.columnIntake, cell: (row) => row.intakeRoutes.map((route) => intakeLabel(m, route)).join(', ') },
    {
      key: 'check',
      header: t.columnCheck,
      cell: (row) =>
        row.verification === 'overdue' ? <strong className="kr-service-overdue">{t.notRecentlyChecked}</strong> : checkText(m, row, formatDate, format),
      csv: (row) => checkText(m, row, formatDate, format),
    },
  ];

  return (
    <Page title={t.title} intro={t.intro}>
      <FilterBar onApply={() => setQuery({ ...filters, q: filters.q.trim(), page: 1 })}>
        <TextField id="services-q" label={t.search} description={t.searchDescription} type="search" value={filters.q} onValueChange={set('q')} isOptional />
        <SelectField
          id="services-municipality"
          label={t.municipality}
          value={filters.municipalityCode}
          onValueChange={set('municipalityCode')}
          emptyOption={m.shell.any}
          options={(municipalities.data ?? []).map((municipality) => ({ value: municipality.code, label: municipality.name }))}
        />
        <SelectField
          id="services-factor"
          label={t.factor}
          value={filters.factorKey}
          onValueChange={set('factorKey')}
          emptyOption={m.shell.any}
          options={[...FACTOR_CATALOGUE.values()].map((factor) => ({ value: factor.key, label: factor.riskLabel }))}
        />
        <SelectField
          id="services-category"
          label={t.category}
          value={filters.category}
          onValueChange={set('category')}
          emptyOption={m.shell.any}
          options={SERVICE_CATEGORIES.map((value) => ({ value, label: categoryLabel(m, value) }))}
        />
      </FilterBar>
      <AsyncContent state={list}>
        {(page) => (
          <>
            {page.allowedActions.includes('create') ? (
              <Paragraph>
                <ButtonLink to="/sociale-kaart/nieuw" variant="secondary">
                  {t.newService}
                </ButtonLink>
              </Paragraph>
            ) : null}
            <Paragraph>
              <span role="status">{page.total === 1 ? t.totalOne : format(t.total, { count: page.total })}</span>
            </Paragraph>
            {page.total === 0 ? (
              <Paragraph>{t.empty}</Paragraph>
            ) : (
              <DataTable
                caption={t.caption}
                columns={columns}
                rows={page.items}
                rowKey={(row) => row.id}
                csvName="sociale-kaart"
                paging={{ page: page.page, pageSize: page.pageSize, total: page.total, onPageChange: (next) => setQuery({ ...query, page: next }) }}
              />
            )}
          </>
        )}
      </AsyncContent>
    </Page>
  );
}

// SPDX-License-Identifier: EUPL-1.2
// Municipality lookup: search by name or code, filter by province or GGD region; CSV of what is shown.
import { useState } from 'react';
import { referenceApi, type Municipality } from '../../api/endpoints.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { FilterBar } from '../../components/filter-bar.js';
import { SelectField, TextField } from '../../components/fields.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';

export default function MunicipalitiesPage() {
  const { m, format, formatNumber } = useMessages();
  const [q, setQ] = useState('');
  const [provinceCode, setProvinceCode] = useState('');
  const [ggdRegionCode, setGgdRegionCode] = useState('');
  const [query, setQuery] = useState({ q: '', provinceCode: '', ggdRegionCode: '' });
  const regions = useAsync(() => Promise.all([referenceApi.provinces(), referenceApi.ggdRegions()]), []);
  const municipalities = useAsync(() => referenceApi.municipalities(query), [query]);

  const columns: Column<Municipality>[] = [
    { key: 'code', header: m.municipalities.code, cell: (row) => row.code },
    { key: 'name', header: m.municipalities.name, cell: (row) => row.name },
    { key: 'province', header: m.municipalities.province, cell: (row) => row.provinceName },
    { key: 'ggd', header: m.municipalities.ggdRegion, cell: (row) => row.ggdRegionName },
    { key: 'population', header: m.municipalities.population, cell: (row) => formatNumber(row.population), csv: (row) => row.population, isNumeric: true },
    { key: 'year', header: m.municipalities.populationYear, cell: (row) => row.populationYear, isNumeric: true },
  ];
  const [provinces, ggdRegions] = regions.data ?? [[], []];
  return (
    <Page title={m.municipalities.title} intro={m.municipalities.intro}>
      <FilterBar onApply={() => setQuery({ q: q.trim(), provinceCode, ggdRegionCode })}>
        <TextField id="q" label={m.municipalities.search} type="search" value={q} onValueChange={setQ} isOptional />
        <SelectField
          id="province"
          label={m.municipalities.province}
          value={provinceCode}
          onValueChange={setProvinceCode}
          emptyOption={m.shell.any}
          options={provinces.map((region) => ({ value: region.code, label: region.name }))}
        />
        <SelectField
          id="ggd-region"
          label={m.municipalities.ggdRegion}
          value={ggdRegionCode}
          onValueChange={setGgdRegionCode}
          emptyOption={m.shell.any}
          options={ggdRegions.map((region) => ({ value: region.code, label: region.name }))}
        />
      </FilterBar>
      <AsyncContent state={municipalities}>
        {(rows) => (
          <DataTable
            caption={format(m.municipalities.caption, { count: rows.length })}
            columns={columns}
            rows={rows}
            rowKey={(row) => row.code}
            csvName="gemeenten"
          />
        )}
      </AsyncContent>
      <Paragraph className="kr-help">{m.municipalities.source}</Paragraph>
    </Page>
  );
}

// SPDX-License-Identifier: EUPL-1.2
// "Mijn caseload": the working list of a JGZ nurse — the families on the organisation's caseload
// that she may see, with their support tier and next contact moment; filter and CSV export.
import { useState } from 'react';
import { DataTable, type Column } from '../../components/data-table.js';
import { FilterBar } from '../../components/filter-bar.js';
import { SelectField } from '../../components/fields.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Link } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { careApi, type CaseloadRow } from './api.js';

const PAGE_SIZE = 25;

export default function CaseloadPage() {
  const { m, formatDate } = useMessages();
  const t = m.careCaseload;
  const [nurse, setNurse] = useState('me');
  const [tier, setTier] = useState('');
  const [query, setQuery] = useState({ nurse: 'me', tier: '', page: 1, pageSize: PAGE_SIZE });
  const list = useAsync(() => careApi.caseload(query), [query]);
  const columns: Column<CaseloadRow>[] = [
    { key: 'client', header: t.columnClient, cell: (row) => <Link to={`/clienten/${row.familyId}/zorg`}>{row.clientName}</Link>, csv: (row) => row.clientName },
    { key: 'municipality', header: t.columnMunicipality, cell: (row) => row.municipalityName },
    { key: 'tier', header: t.columnTier, cell: (row) => m.careTiers[row.tier] },
    { key: 'suggested', header: t.columnSuggestedTier, cell: (row) => (row.suggestedTier ? m.careTiers[row.suggestedTier] : '') },
    { key: 'nurse', header: t.columnNurse, cell: (row) => row.nurseName ?? '' },
    { key: 'next', header: t.columnNextContact, cell: (row) => (row.nextContactOn ? formatDate(row.nextContactOn) : ''), csv: (row) => row.nextContactOn },
    { key: 'kind', header: t.columnNextKind, cell: (row) => (row.nextContactKind ? m.careContactKinds[row.nextContactKind] ?? row.nextContactKind : '') },
  ];
  const tiers = (['universal', 'extra', 'intensive'] as const).map((value) => ({ value, label: m.careTiers[value] }));
  return (
    <Page title={t.title} intro={t.intro}>
      <FilterBar onApply={() => setQuery({ nurse, tier, page: 1, pageSize: PAGE_SIZE })}>
        <SelectField
          id="caseload-nurse"
          label={t.nurseFilter}
          value={nurse}
          onValueChange={setNurse}
          options={[
            { value: 'me', label: t.nurseMe },
            { value: 'all', label: t.nurseAll },
          ]}
        />
        <SelectField id="caseload-tier" label={t.tierFilter} value={tier} onValueChange={setTier} emptyOption={t.any} options={tiers} />
      </FilterBar>
      <AsyncContent state={list}>
        {(page) => (
          <DataTable
            caption={t.caption}
            columns={columns}
            rows={page.items}
            rowKey={(row) => row.familyId}
            csvName="caseload"
            fetchCsv={() => careApi.caseloadCsv({ nurse: query.nurse, tier: query.tier })}
            paging={{ page: page.page, pageSize: page.pageSize, total: page.total, onPageChange: (next) => setQuery({ ...query, page: next }) }}
          />
        )}
      </AsyncContent>
    </Page>
  );
}

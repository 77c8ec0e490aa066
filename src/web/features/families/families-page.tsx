// SPDX-License-Identifier: EUPL-1.2
// Clients of the professional's organisation: search by name, date of birth or BSN; register a new
// client; emergency access when a client cannot be found through a care relationship.
import { useState } from 'react';
import { DataTable, type Column } from '../../components/data-table.js';
import { FilterBar } from '../../components/filter-bar.js';
import { TextField } from '../../components/fields.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { ButtonGroup, ButtonLink, Link } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { familyApi, type FamilySummary } from './api.js';

const PAGE_SIZE = 25;

export default function FamiliesPage() {
  const { m, formatDate } = useMessages();
  const [q, setQ] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [bsn, setBsn] = useState('');
  const [query, setQuery] = useState({ q: '', birthDate: '', bsn: '', page: 1, pageSize: PAGE_SIZE });
  const list = useAsync(() => familyApi.list(query), [query]);
  const text = m.families;
  const columns: Column<FamilySummary>[] = [
    { key: 'client', header: text.columnClient, cell: (row) => <Link to={`/clienten/${row.id}`}>{row.clientName}</Link>, csv: (row) => row.clientName },
    { key: 'birthDate', header: text.columnBirthDate, cell: (row) => (row.birthDate ? formatDate(row.birthDate) : ''), csv: (row) => row.birthDate },
    { key: 'municipality', header: text.columnMunicipality, cell: (row) => row.municipalityName },
    { key: 'postcode', header: text.columnPostcode, cell: (row) => row.postcode ?? '' },
    { key: 'dueDate', header: text.columnDueDate, cell: (row) => (row.dueDate ? formatDate(row.dueDate) : ''), csv: (row) => row.dueDate },
    { key: 'registeredBy', header: text.columnRegisteredBy, cell: (row) => row.registeredByName },
  ];
  return (
    <Page title={text.title} intro={text.intro}>
      <ButtonGroup>
        <ButtonLink to="/clienten/nieuw">{text.registerAction}</ButtonLink>
        <ButtonLink to="/clienten/noodtoegang" variant="secondary">
          {text.emergencyAction}
        </ButtonLink>
      </ButtonGroup>
      <FilterBar onApply={() => setQuery({ q: q.trim(), birthDate, bsn: bsn.trim(), page: 1, pageSize: PAGE_SIZE })}>
        <TextField id="family-q" label={text.searchLabel} type="search" value={q} onValueChange={setQ} isOptional />
        <TextField id="family-birth-date" label={text.searchBirthDate} type="date" value={birthDate} onValueChange={setBirthDate} isOptional />
        <TextField id="family-bsn" label={text.searchBsn} inputMode="numeric" value={bsn} onValueChange={setBsn} isOptional />
      </FilterBar>
      <AsyncContent state={list}>
        {(page) => (
          <DataTable
            caption={text.title}
            columns={columns}
            rows={page.items}
            rowKey={(row) => row.id}
            csvName="clienten"
            fetchCsv={() => familyApi.exportCsv({ ...query, page: undefined, pageSize: undefined })}
            paging={{ page: page.page, pageSize: page.pageSize, total: page.total, onPageChange: (next) => setQuery({ ...query, page: next }) }}
          />
        )}
      </AsyncContent>
    </Page>
  );
}

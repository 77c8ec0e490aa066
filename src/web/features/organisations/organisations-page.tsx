// SPDX-License-Identifier: EUPL-1.2
// Managing organisations: search and filter, create, edit (with service area), deactivate.
import { useState } from 'react';
import { organisationApi, type Organisation } from '../../api/endpoints.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { FilterBar } from '../../components/filter-bar.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { CheckboxField, SelectField, TextField } from '../../components/fields.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Panel } from '../../components/panel.js';
import { Button, ButtonGroup } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { hasAnyRole, useSession } from '../../session/session.js';
import type { OrganisationType } from '../../../contracts/roles.js';
import { MunicipalityPicker } from '../reference/municipality-picker.js';
import { Confirmation } from '../../components/confirmation.js';

const PAGE_SIZE = 25;

export default function OrganisationsPage() {
  const { m, format } = useMessages();
  const { session } = useSession();
  const isPlatformAdmin = hasAnyRole(session, ['platform_admin']);
  const [q, setQ] = useState('');
  const [type, setType] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [query, setQuery] = useState({ q: '', type: '', includeInactive: 'false', page: 1, pageSize: PAGE_SIZE });
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const list = useAsync(() => organisationApi.list(query), [query]);
  const typeOptions = (Object.keys(m.organisationTypes) as OrganisationType[]).map((value) => ({ value, label: m.organisationTypes[value] }));

  const columns: Column<Organisation>[] = [
    { key: 'name', header: m.admin.organisationName, cell: (row) => row.name },
    { key: 'type', header: m.admin.organisationType, cell: (row) => m.organisationTypes[row.type] },
    { key: 'agbCode', header: m.organisationIdentifiers.agbCode, cell: (row) => row.agbCode ?? '' },
    { key: 'uraCode', header: m.organisationIdentifiers.uraCode, cell: (row) => row.uraCode ?? '' },
    { key: 'identifier', header: m.organisationIdentifiers.otherIdentifier, cell: (row) => row.identifier ?? '' },
    { key: 'area', header: m.admin.serviceArea, cell: (row) => row.municipalityCodes.length, isNumeric: true },
    { key: 'status', header: m.admin.status, cell: (row) => (row.isActive ? m.admin.active : m.admin.inactive) },
    {
      key: 'actions',
      header: m.shell.actions,
      // Only what the server says this person may do with this organisation.
      cell: (row) =>
        row.allowedActions.includes('update') ? (
          <Button variant="subtle" onClick={() => setEditing(row)} aria-label={`${m.app.edit}: ${row.name}`}>
            {m.app.edit}
          </Button>
        ) : null,
      csv: () => '',
    },
  ];

  const saved = (organisation: Organisation, isNew: boolean) => {
    setEditing(null);
    setMessage(format(isNew ? m.admin.organisationCreated : m.admin.organisationUpdated, { name: organisation.name }));
    list.reload();
  };

  return (
    <Page title={m.admin.organisationsTitle} intro={m.admin.organisationsIntro}>
      <Confirmation text={message} />
      {isPlatformAdmin && editing === null ? (
        <ButtonGroup>
          <Button variant="primary" onClick={() => setEditing('new')}>
            {m.admin.newOrganisation}
          </Button>
        </ButtonGroup>
      ) : null}
      {editing !== null ? (
        <OrganisationEditor
          key={editing === 'new' ? 'new' : editing.id}
          organisation={editing === 'new' ? null : editing}
          onSaved={saved}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <FilterBar onApply={() => setQuery({ q: q.trim(), type, includeInactive: String(includeInactive), page: 1, pageSize: PAGE_SIZE })}>
        <TextField id="q" label={m.admin.organisationSearch} type="search" value={q} onValueChange={setQ} isOptional />
        <SelectField id="type" label={m.admin.organisationType} value={type} onValueChange={setType} emptyOption={m.shell.any} options={typeOptions} />
        <CheckboxField id="include-inactive" label={m.admin.includeInactive} checked={includeInactive} onCheckedChange={setIncludeInactive} />
      </FilterBar>
      <AsyncContent state={list}>
        {(page) => (
          <DataTable
            caption={m.admin.organisationsCaption}
            columns={columns}
            rows={page.items}
            rowKey={(row) => row.id}
            csvName="organisaties"
            fetchCsv={() => organisationApi.exportCsv({ ...query, page: undefined, pageSize: undefined })}
            paging={{ page: page.page, pageSize: page.pageSize, total: page.total, onPageChange: (next) => setQuery({ ...query, page: next }) }}
          />
        )}
      </AsyncContent>
    </Page>
  );
}

function OrganisationEditor({
  organisation,
  onSaved,
  onClose,
}: {
  organisation: Organisation | null;
  onSaved(organisation: Organisation, isNew: boolean): void;
  onClose(): void;
}) {
  const { m } = useMessages();
  const [name, setName] = useState(organisation?.name ?? '');
  const [type, setType] = useState<string>(organisation?.type ?? '');
  const [agbCode, setAgbCode] = useState(organisation?.agbCode ?? '');
  const [uraCode, setUraCode] = useState(organisation?.uraCode ?? '');
  const [identifier, setIdentifier] = useState(organisation?.identifier ?? '');
  const [municipalityCodes, setMunicipalityCodes] = useState<string[]>(organisation?.municipalityCodes ?? []);
  const form = useForm({
    name: 'organisation-name',
    type: 'organisation-type',
    agbCode: 'organisation-agb-code',
    uraCode: 'organisation-ura-code',
    identifier: 'organisation-identifier',
    municipalityCodes: 'service-area-filter',
  });
  const typeOptions = (Object.keys(m.organisationTypes) as OrganisationType[]).map((value) => ({ value, label: m.organisationTypes[value] }));

  const submit = form.submitWith(
    () => ({
      ...(name.trim() === '' ? { name: m.validation.required } : {}),
      ...(type === '' ? { type: m.validation.required } : {}),
      // The same check as the API's (8 digits), so the field says it before a round trip.
      ...(isEightDigitsOrEmpty(agbCode) ? {} : { agbCode: m.fieldErrors.agbCodeFormat }),
      ...(isEightDigitsOrEmpty(uraCode) ? {} : { uraCode: m.fieldErrors.uraCodeFormat }),
    }),
    async () => {
      const body = {
        name: name.trim(),
        type: type as OrganisationType,
        agbCode: agbCode.trim() === '' ? null : agbCode.trim(),
        uraCode: uraCode.trim() === '' ? null : uraCode.trim(),
        identifier: identifier.trim() === '' ? null : identifier.trim(),
        municipalityCodes,
      };
      const result = organisation ? await organisationApi.update(organisation.id, body) : await organisationApi.create(body);
      onSaved(result, organisation === null);
    },
  );
  const setActive = form.submitWith(
    () => ({}),
    async () => {
      if (!organisation) return;
      onSaved(await organisationApi.update(organisation.id, { isActive: !organisation.isActive }), false);
    },
  );

  return (
    <Panel id="organisation-editor" title={organisation ? `${m.admin.editOrganisation}: ${organisation.name}` : m.admin.newOrganisation} onClose={onClose}>
      <ErrorSummary
        {...form.summary}
        labels={{
          name: m.admin.organisationName,
          type: m.admin.organisationType,
          agbCode: m.organisationIdentifiers.agbCode,
          uraCode: m.organisationIdentifiers.uraCode,
          identifier: m.organisationIdentifiers.otherIdentifier,
          municipalityCodes: m.admin.serviceArea,
        }}
      />
      <Form onSubmit={submit}>
        <TextField id="organisation-name" label={m.admin.organisationName} value={name} onValueChange={setName} error={form.errors.name} autoComplete="organization" />
        <SelectField id="organisation-type" label={m.admin.organisationType} value={type} onValueChange={setType} emptyOption={m.shell.choose} options={typeOptions} error={form.errors.type} />
        {(
          [
            { id: 'organisation-agb-code', field: 'agbCode', label: m.organisationIdentifiers.agbCode, description: m.organisationIdentifiers.agbCodeDescription, value: agbCode, set: setAgbCode },
            { id: 'organisation-ura-code', field: 'uraCode', label: m.organisationIdentifiers.uraCode, description: m.organisationIdentifiers.uraCodeDescription, value: uraCode, set: setUraCode },
          ] as const
        ).map((code) => (
          <TextField
            key={code.id}
            id={code.id}
            label={code.label}
            description={code.description}
            value={code.value}
            onValueChange={code.set}
            error={form.errors[code.field]}
            inputMode="numeric"
            spellCheck={false}
            isOptional
          />
        ))}
        <TextField
          id="organisation-identifier"
          label={m.organisationIdentifiers.otherIdentifier}
          description={m.organisationIdentifiers.otherIdentifierDescription}
          value={identifier}
          onValueChange={setIdentifier}
          error={form.errors.identifier}
          isOptional
        />
        <MunicipalityPicker id="service-area" selected={municipalityCodes} onSelectedChange={setMunicipalityCodes} error={form.errors.municipalityCodes} />
        <FormButtons submitLabel={m.app.save} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
          {organisation?.allowedActions.includes('deactivate') ? (
            <Button hint={organisation.isActive ? 'danger' : undefined} onClick={() => setActive()}>
              {organisation.isActive ? m.admin.deactivate : m.admin.reactivate}
            </Button>
          ) : null}
        </FormButtons>
      </Form>
    </Panel>
  );
}

/** An AGB code or URA: eight digits, or nothing (both are optional). */
function isEightDigitsOrEmpty(value: string): boolean {
  return value.trim() === '' || /^\d{8}$/.test(value.trim());
}

// SPDX-License-Identifier: EUPL-1.2
// Managing staff: search, invite (and hand on the invitation link), edit roles per organisation, deactivate.
import { useState } from 'react';
import { organisationApi, personApi, type InvitationLink, type Person } from '../../api/endpoints.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { FilterBar } from '../../components/filter-bar.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { CheckboxField, CheckboxGroup, SelectField, TextField } from '../../components/fields.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { CopyField, Panel } from '../../components/panel.js';
import { Button, ButtonGroup, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { useSession } from '../../session/session.js';
import type { Role } from '../../../contracts/roles.js';
import { Confirmation } from '../../components/confirmation.js';

const PAGE_SIZE = 25;

interface MembershipDraft {
  organisationId: string;
  organisationName: string;
  roles: Role[];
}

type Editing = { kind: 'new' } | { kind: 'edit'; person: Person } | null;

export default function PeoplePage() {
  const { m, format } = useMessages();
  const [q, setQ] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [query, setQuery] = useState({ q: '', organisationId: '', includeInactive: 'false', page: 1, pageSize: PAGE_SIZE });
  const [editing, setEditing] = useState<Editing>(null);
  const [invitation, setInvitation] = useState<{ name: string; link: InvitationLink } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const list = useAsync(() => personApi.list(query), [query]);
  const organisations = useAsync(() => organisationApi.list({ pageSize: 200 }), []);
  const organisationOptions = (organisations.data?.items ?? []).map((organisation) => ({ value: organisation.id, label: organisation.name }));

  const statusLabel = (person: Person) =>
    person.status === 'invited' ? m.admin.statusInvited : person.status === 'active' ? m.admin.statusActive : m.admin.statusInactive;
  const newInvitation = async (person: Person) => {
    setMessage(null);
    setInvitation({ name: person.name, link: await personApi.newInvitation(person.id) });
  };
  const columns: Column<Person>[] = [
    { key: 'name', header: m.admin.personName, cell: (row) => row.name },
    { key: 'email', header: m.admin.personEmail, cell: (row) => row.email },
    {
      key: 'memberships',
      header: m.admin.roles,
      cell: (row) => row.memberships.map((membership) => `${membership.organisationName}: ${membership.roles.map((role) => m.roles[role]).join(', ')}`).join('; '),
    },
    { key: 'status', header: m.admin.status, cell: statusLabel },
    { key: 'twoFactor', header: m.admin.twoFactor, cell: (row) => (row.hasTwoFactor ? m.app.yes : m.app.no) },
    {
      key: 'actions',
      header: m.shell.actions,
      cell: (row) => (
        <span className="kr-inline-actions">
          {row.allowedActions.includes('update') ? (
            <Button variant="subtle" onClick={() => setEditing({ kind: 'edit', person: row })} aria-label={`${m.app.edit}: ${row.name}`}>
              {m.app.edit}
            </Button>
          ) : null}
          {row.status === 'invited' ? (
            <Button variant="subtle" onClick={() => newInvitation(row)} aria-label={`${m.admin.newInvitation}: ${row.name}`}>
              {m.admin.newInvitation}
            </Button>
          ) : null}
        </span>
      ),
      csv: () => '',
    },
  ];

  return (
    <Page title={m.admin.peopleTitle} intro={m.admin.peopleIntro}>
      <Confirmation text={message} />
      {invitation ? (
        <InvitationPanel name={invitation.name} link={invitation.link} onClose={() => setInvitation(null)} />
      ) : null}
      {editing === null ? (
        <ButtonGroup>
          <Button variant="primary" onClick={() => setEditing({ kind: 'new' })}>
            {m.admin.invitePerson}
          </Button>
        </ButtonGroup>
      ) : (
        <PersonEditor
          key={editing.kind === 'new' ? 'new' : editing.person.id}
          person={editing.kind === 'edit' ? editing.person : null}
          organisationOptions={organisationOptions}
          onClose={() => setEditing(null)}
          onInvited={(person, link) => {
            setEditing(null);
            setMessage(format(m.admin.personCreated, { name: person.name }));
            setInvitation({ name: person.name, link });
            list.reload();
          }}
          onSaved={(person) => {
            setEditing(null);
            setMessage(format(m.admin.personUpdated, { name: person.name }));
            list.reload();
          }}
        />
      )}
      <FilterBar
        onApply={() => setQuery({ q: q.trim(), organisationId, includeInactive: String(includeInactive), page: 1, pageSize: PAGE_SIZE })}
      >
        <TextField id="q" label={m.admin.personSearch} type="search" value={q} onValueChange={setQ} isOptional />
        <SelectField id="organisation-filter" label={m.admin.organisation} value={organisationId} onValueChange={setOrganisationId} emptyOption={m.shell.any} options={organisationOptions} />
        <CheckboxField id="include-inactive" label={m.admin.includeInactive} checked={includeInactive} onCheckedChange={setIncludeInactive} />
      </FilterBar>
      <AsyncContent state={list}>
        {(page) => (
          <DataTable
            caption={m.admin.peopleCaption}
            columns={columns}
            rows={page.items}
            rowKey={(row) => row.id}
            csvName="medewerkers"
            fetchCsv={() => personApi.exportCsv({ ...query, page: undefined, pageSize: undefined })}
            paging={{ page: page.page, pageSize: page.pageSize, total: page.total, onPageChange: (next) => setQuery({ ...query, page: next }) }}
          />
        )}
      </AsyncContent>
    </Page>
  );
}

function InvitationPanel({ name, link, onClose }: { name: string; link: InvitationLink; onClose(): void }) {
  const { m, format, formatDateTime } = useMessages();
  return (
    <Panel id="invitation" title={format(m.admin.invitationTitle, { name })} onClose={onClose}>
      <Paragraph>{format(m.admin.invitationText, { name, date: formatDateTime(link.expiresAt) })}</Paragraph>
      <CopyField id="invitation-url" label={m.admin.invitationLinkLabel} value={link.invitationUrl} />
    </Panel>
  );
}

function PersonEditor({
  person,
  organisationOptions,
  onClose,
  onInvited,
  onSaved,
}: {
  person: Person | null;
  organisationOptions: { value: string; label: string }[];
  onClose(): void;
  onInvited(person: Person, link: InvitationLink): void;
  onSaved(person: Person): void;
}) {
  const { m, format } = useMessages();
  const { session } = useSession();
  const [name, setName] = useState(person?.name ?? '');
  const [email, setEmail] = useState(person?.email ?? '');
  // A new person starts in the organisation the admin acts for.
  const [memberships, setMemberships] = useState<MembershipDraft[]>(
    person?.memberships.map((membership) => ({ ...membership })) ??
      (session?.organisation ? [{ organisationId: session.organisation.id, organisationName: session.organisation.name, roles: [] }] : []),
  );
  const [toAdd, setToAdd] = useState('');
  const form = useForm({ name: 'person-name', email: 'person-email', memberships: 'add-organisation' });
  const roleOptions = (Object.keys(m.roles) as Role[]).map((role) => ({ value: role, label: m.roles[role] }));

  const addMembership = () => {
    const option = organisationOptions.find((candidate) => candidate.value === toAdd);
    if (!option || memberships.some((membership) => membership.organisationId === option.value)) return;
    setMemberships([...memberships, { organisationId: option.value, organisationName: option.label, roles: [] }]);
    setToAdd('');
  };
  const setRoles = (organisationId: string, roles: string[]) =>
    setMemberships(memberships.map((membership) => (membership.organisationId === organisationId ? { ...membership, roles: roles as Role[] } : membership)));

  const submit = form.submitWith(
    () => ({
      ...(name.trim() === '' ? { name: m.validation.required } : {}),
      ...(email.trim() === '' ? { email: m.validation.required } : !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? { email: m.validation.email } : {}),
      ...(memberships.length === 0 || memberships.some((membership) => membership.roles.length === 0) ? { memberships: m.admin.rolesRequired } : {}),
    }),
    async () => {
      const body = {
        name: name.trim(),
        email: email.trim(),
        memberships: memberships.map(({ organisationId, roles }) => ({ organisationId, roles })),
      };
      if (person) {
        onSaved(await personApi.update(person.id, body));
      } else {
        const created = await personApi.create(body);
        onInvited(created.person, created.invitation);
      }
    },
  );
  const setActive = form.submitWith(
    () => ({}),
    async () => {
      if (person) onSaved(await personApi.update(person.id, { isActive: !person.isActive }));
    },
  );

  return (
    <Panel id="person-editor" title={person ? `${m.admin.editPerson}: ${person.name}` : m.admin.invitePerson} onClose={onClose}>
      <ErrorSummary {...form.summary} labels={{ name: m.admin.personName, email: m.admin.personEmail, memberships: m.admin.roles }} />
      <Form onSubmit={submit}>
        <TextField id="person-name" label={m.admin.personName} value={name} onValueChange={setName} error={form.errors.name} autoComplete="off" />
        <TextField id="person-email" label={m.admin.personEmail} type="email" value={email} onValueChange={setEmail} error={form.errors.email} autoComplete="off" spellCheck={false} />
        {memberships.map((membership) => (
          <div key={membership.organisationId} className="kr-membership">
            <CheckboxGroup
              id={`roles-${membership.organisationId}`}
              legend={format(m.admin.rolesIn, { organisation: membership.organisationName })}
              description={m.admin.rolesDescription}
              error={membership.roles.length === 0 ? form.errors.memberships : undefined}
              options={roleOptions}
              selected={membership.roles}
              onSelectedChange={(roles) => setRoles(membership.organisationId, roles)}
            />
            <Button variant="subtle" onClick={() => setMemberships(memberships.filter((other) => other.organisationId !== membership.organisationId))}>
              {format(m.admin.removeOrganisation, { organisation: membership.organisationName })}
            </Button>
          </div>
        ))}
        <div className="kr-add-membership">
          <SelectField
            id="add-organisation"
            label={m.admin.addOrganisation}
            value={toAdd}
            onValueChange={setToAdd}
            emptyOption={m.shell.choose}
            options={organisationOptions.filter((option) => !memberships.some((membership) => membership.organisationId === option.value))}
            error={memberships.length === 0 ? form.errors.memberships : undefined}
          />
          <Button onClick={addMembership}>{m.admin.addOrganisation}</Button>
        </div>
        <FormButtons submitLabel={person ? m.app.save : m.admin.invitePerson} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
          {person?.allowedActions.includes('deactivate') ? (
            <Button hint={person.isActive ? 'danger' : undefined} onClick={() => setActive()}>
              {person.isActive ? m.admin.deactivate : m.admin.reactivate}
            </Button>
          ) : null}
        </FormButtons>
      </Form>
    </Panel>
  );
}

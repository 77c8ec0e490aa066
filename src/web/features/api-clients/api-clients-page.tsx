// SPDX-License-Identifier: EUPL-1.2
// The platform admin's integrations (API clients, ADR 0017): list them, register one (paste its public
// key as a JWK), revoke one after confirming. The server checks everything again.
import { useState } from 'react';
import { apiClientApi, type ApiClient } from './api.js';
import { organisationApi } from '../../api/endpoints.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Panel } from '../../components/panel.js';
import { Button, ButtonGroup, Paragraph } from '../../components/ui.js';
import { Confirmation } from '../../components/confirmation.js';
import { useMessages } from '../../i18n/messages.js';
import { ROLES, type Role } from '../../../contracts/roles.js';
import { TOKEN_PATH } from '../../../contracts/api-clients.js';

/** The roles a client can act in: every role but the platform admin's (the server refuses it too). */
const CLIENT_ROLES = ROLES.filter((role) => role !== 'platform_admin');

export default function ApiClientsPage() {
  const { m, format } = useMessages();
  const t = m.apiClients;
  const list = useAsync(() => apiClientApi.list(), []);
  const [isRegistering, setIsRegistering] = useState(false);
  const [revoking, setRevoking] = useState<ApiClient | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const statusLabel: Record<ApiClient['status'], string> = { active: t.statusActive, expired: t.statusExpired, revoked: t.statusRevoked };

  const columns: Column<ApiClient>[] = [
    { key: 'name', header: t.columnName, cell: (row) => row.name },
    { key: 'organisation', header: t.columnOrganisation, cell: (row) => row.organisationName },
    { key: 'id', header: t.columnClientId, cell: (row) => <code>{row.id}</code>, csv: (row) => row.id },
    { key: 'roles', header: t.columnRoles, cell: (row) => row.roles.map((role) => m.roles[role as Role]).join(', ') },
    { key: 'scopes', header: t.columnScopes, cell: (row) => row.scopes.join(' ') },
    { key: 'expires', header: t.columnExpires, cell: (row) => row.expiresAt.slice(0, 10) },
    { key: 'status', header: t.columnStatus, cell: (row) => statusLabel[row.status] },
    {
      key: 'actions',
      header: t.columnActions,
      cell: (row) =>
        row.status === 'revoked' ? null : (
          <Button variant="subtle" onClick={() => setRevoking(row)} aria-label={format(t.revokeLabel, { name: row.name })}>
            {t.revoke}
          </Button>
        ),
      csv: () => '',
    },
  ];

  return (
    <Page title={t.title} intro={t.intro}>
      <Paragraph>{format(t.tokenEndpoint, { url: `${window.location.origin}/api/v1${TOKEN_PATH}` })}</Paragraph>
      <Confirmation text={message} />
      {!isRegistering && !revoking ? (
        <ButtonGroup>
          <Button variant="primary" onClick={() => setIsRegistering(true)}>
            {t.register}
          </Button>
        </ButtonGroup>
      ) : null}
      {isRegistering ? (
        <RegisterPanel
          scopes={list.data?.scopes ?? []}
          onClose={() => setIsRegistering(false)}
          onRegistered={(client) => {
            setIsRegistering(false);
            setMessage(format(t.registered, { name: client.name, id: client.id }));
            list.reload();
          }}
        />
      ) : null}
      {revoking ? (
        <RevokePanel
          client={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={(client) => {
            setRevoking(null);
            setMessage(format(t.revoked, { name: client.name }));
            list.reload();
          }}
        />
      ) : null}
      <AsyncContent state={list}>
        {(data) =>
          data.items.length === 0 ? (
            <Paragraph>{t.empty}</Paragraph>
          ) : (
            <DataTable caption={t.listCaption} columns={columns} rows={data.items} rowKey={(row) => row.id} csvName="koppelingen" />
          )
        }
      </AsyncContent>
    </Page>
  );
}

function defaultExpiry(): string {
  const date = new Date();
  date.setFullYear(date.getFullYear() + 1);
  return date.toISOString().slice(0, 10);
}

function RegisterPanel({ scopes, onClose, onRegistered }: { scopes: string[]; onClose(): void; onRegistered(client: ApiClient): void }) {
  const { m } = useMessages();
  const t = m.apiClients;
  const organisations = useAsync(() => organisationApi.list({ page: 1, pageSize: 200 }), []);
  const [name, setName] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [chosenScopes, setChosenScopes] = useState<string[]>([]);
  const [jwk, setJwk] = useState('');
  const [expiresAt, setExpiresAt] = useState(defaultExpiry);
  const form = useForm({ name: 'client-name', organisationId: 'client-organisation', roles: 'client-roles', scopes: 'client-scopes', jwk: 'client-jwk', expiresAt: 'client-expires' });

  let parsedJwk: Record<string, unknown> | null = null;
  try {
    const value: unknown = JSON.parse(jwk);
    parsedJwk = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    parsedJwk = null;
  }

  const submit = form.submitWith(
    () => ({
      ...(name.trim() === '' ? { name: m.validation.required } : {}),
      ...(organisationId === '' ? { organisationId: m.validation.required } : {}),
      ...(roles.length === 0 ? { roles: m.validation.required } : {}),
      ...(chosenScopes.length === 0 ? { scopes: m.validation.required } : {}),
      ...(jwk.trim() === '' ? { jwk: m.validation.required } : parsedJwk === null ? { jwk: t.jwkInvalidJson } : {}),
      ...(expiresAt === '' ? { expiresAt: m.validation.required } : {}),
    }),
    async () => {
      const client = await apiClientApi.register({
        organisationId,
        name: name.trim(),
        roles: roles as Role[],
        scopes: chosenScopes,
        jwk: parsedJwk as never,
        expiresAt: new Date(`${expiresAt}T23:59:59`).toISOString(),
      });
      onRegistered(client);
    },
  );

  const organisationOptions = (organisations.data?.items ?? []).map((organisation) => ({ value: organisation.id, label: organisation.name }));
  return (
    <Panel id="api-client-register" title={t.registerTitle} onClose={onClose}>
      <ErrorSummary
        {...form.summary}
        labels={{ name: t.name, organisationId: t.organisation, roles: t.roles, scopes: t.scopes, jwk: t.jwk, expiresAt: t.expiresAt }}
      />
      <Form onSubmit={submit}>
        <TextField id="client-name" label={t.name} description={t.nameDescription} value={name} onValueChange={setName} error={form.errors.name} />
        <SelectField
          id="client-organisation"
          label={t.organisation}
          value={organisationId}
          onValueChange={setOrganisationId}
          emptyOption={m.shell.choose}
          options={organisationOptions}
          error={form.errors.organisationId}
        />
        <CheckboxGroup
          id="client-roles"
          legend={t.roles}
          description={t.rolesDescription}
          error={form.errors.roles}
          options={CLIENT_ROLES.map((role) => ({ value: role, label: m.roles[role] }))}
          selected={roles}
          onSelectedChange={setRoles}
        />
        <CheckboxGroup
          id="client-scopes"
          legend={t.scopes}
          description={t.scopesDescription}
          error={form.errors.scopes}
          options={scopes.map((scope) => ({ value: scope, label: scope }))}
          selected={chosenScopes}
          onSelectedChange={setChosenScopes}
          isScrollable
        />
        <TextAreaField id="client-jwk" label={t.jwk} description={t.jwkDescription} value={jwk} onValueChange={setJwk} rows={6} error={form.errors.jwk} />
        <TextField id="client-expires" type="date" label={t.expiresAt} description={t.expiresAtDescription} value={expiresAt} onValueChange={setExpiresAt} error={form.errors.expiresAt} />
        <FormButtons submitLabel={t.submit} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{t.cancel}</Button>
        </FormButtons>
      </Form>
    </Panel>
  );
}

function RevokePanel({ client, onClose, onRevoked }: { client: ApiClient; onClose(): void; onRevoked(client: ApiClient): void }) {
  const { m, format } = useMessages();
  const t = m.apiClients;
  const form = useForm({});
  const submit = form.submitWith(
    () => ({}),
    async () => onRevoked(await apiClientApi.revoke(client.id)),
  );
  return (
    <Panel id="api-client-revoke" title={format(t.revokeConfirmTitle, { name: client.name })}>
      <ErrorSummary {...form.summary} labels={{}} />
      <Paragraph>{t.revokeConfirmText}</Paragraph>
      <Form onSubmit={submit}>
        <FormButtons submitLabel={t.revokeConfirm} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{t.cancel}</Button>
        </FormButtons>
      </Form>
    </Panel>
  );
}

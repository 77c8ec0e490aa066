// SPDX-License-Identifier: EUPL-1.2
// /coalities/{code}/partners: a coalition's partners grouped by domain with counts, the wanted
// partners apart, add / edit / end (only where the server allows), CSV.
import { amsterdamDate } from '../../../contracts/calendar.js';
import { useState } from 'react';
import { useParams } from 'react-router';
import { downloadBlob } from '../../api/client.js';
import { organisationApi } from '../../api/endpoints.js';
import { Confirmation } from '../../components/confirmation.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { CheckboxField, SelectField, TextField } from '../../components/fields.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Panel } from '../../components/panel.js';
import { Button, ButtonGroup, Heading, Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { partnerApi, type Partner, type PartnerDomain, type PartnerInput, type PartnerLevel } from './api.js';

export default function PartnersPage() {
  const { code = '' } = useParams();
  const { m, format, formatDate } = useMessages();
  const list = useAsync(() => partnerApi.list(code), [code]);
  const [editing, setEditing] = useState<Partner | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState(0);
  const domains = Object.keys(m.coalitionPartnerDomains) as PartnerDomain[];
  const text = m.coalitionPartners;

  const saved = (partner: Partner, isNew: boolean) => {
    setEditing(null);
    setMessage(format(isNew ? (partner.isWanted ? text.createdWanted : text.created) : text.updated, { name: partner.name }));
    setFocusKey((key) => key + 1);
    list.reload();
  };

  const columns = (withDomain: boolean): Column<Partner>[] => [
    { key: 'name', header: text.columnName, cell: (row) => row.name },
    ...(withDomain ? [{ key: 'domain', header: text.columnDomain, cell: (row: Partner) => m.coalitionPartnerDomains[row.domain] }] : []),
    { key: 'level', header: text.columnLevel, cell: (row) => m.coalitionPartnerLevels[row.level] },
    { key: 'role', header: text.columnRole, cell: (row) => row.role ?? '' },
    { key: 'since', header: text.columnSince, cell: (row) => (row.since ? formatDate(row.since) : ''), csv: (row) => row.since },
    { key: 'until', header: text.columnUntil, cell: (row) => (row.until ? formatDate(row.until) : ''), csv: (row) => row.until },
    { key: 'contact', header: text.columnContact, cell: (row) => row.contactName ?? '' },
    {
      key: 'email',
      header: text.columnEmail,
      cell: (row) => (row.contactEmail ? <a className="utrecht-link utrecht-link--html-a" href={`mailto:${row.contactEmail}`}>{row.contactEmail}</a> : ''),
      csv: (row) => row.contactEmail,
    },
    {
      key: 'actions',
      header: text.columnActions,
      cell: (row) =>
        row.allowedActions.includes('update') ? (
          <Button variant="subtle" onClick={() => setEditing(row)} aria-label={`${text.edit}: ${row.name}`}>
            {text.edit}
          </Button>
        ) : null,
      csv: () => '',
    },
  ];

  return (
    <AsyncContent state={list}>
      {(data) => {
        const today = amsterdamDate(new Date());
        const isEnded = (partner: Partner) => !partner.isWanted && partner.until !== null && partner.until < today;
        const onBoard = data.items.filter((partner) => !partner.isWanted && !isEnded(partner));
        const ended = data.items.filter(isEnded);
        const wanted = data.items.filter((partner) => partner.isWanted);
        const counts = domains.map((domain) => ({
          domain,
          current: onBoard.filter((partner) => partner.domain === domain && partner.isCurrent).length,
          wanted: wanted.filter((partner) => partner.domain === domain).length,
        }));
        return (
          <Page title={format(text.title, { name: data.coalition.name })} intro={text.intro}>
            <Confirmation text={message} focusKey={focusKey} />
            <ButtonGroup>
              {data.allowedActions.includes('create') && editing === null ? (
                <Button variant="primary" onClick={() => setEditing('new')}>
                  {text.add}
                </Button>
              ) : null}
              <Button onClick={async () => downloadBlob(await partnerApi.exportCsv(code), `partners-${code}.csv`)}>{text.exportAll}</Button>
            </ButtonGroup>
            <Paragraph>
              <Link to={`/coalities/${code}/afspraken`}>{text.toAgreements}</Link>
            </Paragraph>
            {editing !== null ? (
              <PartnerEditor key={editing === 'new' ? 'new' : editing.id} code={code} partner={editing === 'new' ? null : editing} onSaved={saved} onClose={() => setEditing(null)} />
            ) : null}
            <DataTable
              caption={text.countsCaption}
              columns={[
                { key: 'domain', header: text.columnDomainCount, cell: (row) => m.coalitionPartnerDomains[row.domain] },
                { key: 'current', header: text.columnCurrent, cell: (row) => row.current, isNumeric: true },
                { key: 'wanted', header: text.columnWantedCount, cell: (row) => row.wanted, isNumeric: true },
              ]}
              rows={counts}
              rowKey={(row) => row.domain}
              csvName={`partners-per-domein-${code}`}
            />
            {onBoard.length === 0 ? <Paragraph>{text.emptyCurrent}</Paragraph> : null}
            {domains
              .filter((domain) => onBoard.some((partner) => partner.domain === domain))
              .map((domain) => {
                const rows = onBoard.filter((partner) => partner.domain === domain);
                return (
                  <section key={domain} aria-labelledby={`domain-${domain}`}>
                    <Heading level={2} id={`domain-${domain}`}>
                      {format(text.domainHeading, { domain: m.coalitionPartnerDomains[domain], count: rows.length })}
                    </Heading>
                    <DataTable
                      caption={format(text.domainCaption, { domain: m.coalitionPartnerDomains[domain] })}
                      columns={columns(false)}
                      rows={rows}
                      rowKey={(row) => row.id}
                      csvName={`partners-${domain}-${code}`}
                    />
                  </section>
                );
              })}
            <section aria-labelledby="wanted-partners">
              <Heading level={2} id="wanted-partners">
                {text.wantedTitle} ({wanted.length})
              </Heading>
              <Paragraph>{text.wantedIntro}</Paragraph>
              {wanted.length === 0 ? (
                <Paragraph>{text.wantedEmpty}</Paragraph>
              ) : (
                <DataTable caption={text.wantedCaption} columns={columns(true)} rows={wanted} rowKey={(row) => row.id} csvName={`gewenste-partners-${code}`} />
              )}
            </section>
            {ended.length > 0 ? (
              <section aria-labelledby="ended-partners">
                <Heading level={2} id="ended-partners">
                  {text.endedTitle} ({ended.length})
                </Heading>
                <DataTable caption={text.endedCaption} columns={columns(true)} rows={ended} rowKey={(row) => row.id} csvName={`beeindigde-partners-${code}`} />
              </section>
            ) : null}
          </Page>
        );
      }}
    </AsyncContent>
  );
}

type Field = 'organisationId' | 'externalName' | 'domain' | 'level' | 'role' | 'since' | 'until' | 'contactName' | 'contactEmail';

function PartnerEditor({ code, partner, onSaved, onClose }: { code: string; partner: Partner | null; onSaved(partner: Partner, isNew: boolean): void; onClose(): void }) {
  const { m, format } = useMessages();
  const text = m.coalitionPartners;
  const [kind, setKind] = useState<'platform' | 'external'>(partner && !partner.organisationId ? 'external' : 'platform');
  const [search, setSearch] = useState('');
  const [organisationId, setOrganisationId] = useState(partner?.organisationId ?? '');
  const [externalName, setExternalName] = useState(partner?.externalName ?? '');
  const [domain, setDomain] = useState<string>(partner?.domain ?? '');
  const [level, setLevel] = useState<string>(partner?.level ?? '');
  const [role, setRole] = useState(partner?.role ?? '');
  const [since, setSince] = useState(partner?.since ?? '');
  const [until, setUntil] = useState(partner?.until ?? '');
  const [isWanted, setIsWanted] = useState(partner?.isWanted ?? false);
  const [contactName, setContactName] = useState(partner?.contactName ?? '');
  const [contactEmail, setContactEmail] = useState(partner?.contactEmail ?? '');
  const organisations = useAsync(() => organisationApi.list({ q: search.trim(), pageSize: 50 }), [search]);
  const form = useForm<Field>({
    organisationId: kind === 'platform' ? 'partner-organisation' : 'partner-external-name',
    externalName: 'partner-external-name',
    domain: 'partner-domain',
    level: 'partner-level',
    role: 'partner-role',
    since: 'partner-since',
    until: 'partner-until',
    contactName: 'partner-contact-name',
    contactEmail: 'partner-contact-email',
  });
  const options = [
    ...(organisations.data?.items ?? []).map((organisation) => ({ value: organisation.id, label: organisation.name })),
    // Keep the chosen organisation selectable while another search shows other names.
    ...(partner?.organisationId && partner.organisationName && !organisations.data?.items.some((item) => item.id === partner.organisationId)
      ? [{ value: partner.organisationId, label: partner.organisationName }]
      : []),
  ];

  const body = (endToday: boolean): PartnerInput => ({
    organisationId: kind === 'platform' && organisationId ? organisationId : null,
    externalName: kind === 'external' ? externalName.trim() || null : null,
    domain: domain as PartnerDomain,
    level: level as PartnerLevel,
    role: role.trim() || null,
    since: since || null,
    until: endToday ? amsterdamDate(new Date()) : until || null,
    isWanted,
    contactName: contactName.trim() || null,
    contactEmail: contactEmail.trim() || null,
  });
  const check = () => ({
    ...(kind === 'platform' && !organisationId ? { organisationId: text.chooseOrganisation } : {}),
    ...(kind === 'external' && !externalName.trim() ? { externalName: m.validation.required } : {}),
    ...(domain === '' ? { domain: m.validation.required } : {}),
    ...(level === '' ? { level: m.validation.required } : {}),
  });
  const save = (endToday: boolean) =>
    form.submitWith(check, async () => {
      const input = body(endToday);
      const result = partner ? await partnerApi.update(code, partner.id, input) : await partnerApi.create(code, input);
      onSaved(result, partner === null);
    });

  return (
    <Panel id="partner-editor" title={partner ? format(text.editTitle, { name: partner.name }) : text.addTitle} onClose={onClose}>
      <ErrorSummary
        {...form.summary}
        labels={{
          organisationId: kind === 'platform' ? text.organisation : text.externalName,
          externalName: text.externalName,
          domain: text.domain,
          level: text.level,
          role: text.role,
          since: text.since,
          until: text.until,
          contactName: text.contactName,
          contactEmail: text.contactEmail,
        }}
      />
      <Form onSubmit={save(false)}>
        <SelectField
          id="partner-kind"
          label={text.kind}
          value={kind}
          onValueChange={(value) => setKind(value === 'external' ? 'external' : 'platform')}
          options={[
            { value: 'platform', label: text.kindPlatform },
            { value: 'external', label: text.kindExternal },
          ]}
        />
        {kind === 'platform' ? (
          <>
            <TextField id="partner-organisation-search" label={text.organisationSearch} description={text.organisationSearchDescription} type="search" value={search} onValueChange={setSearch} isOptional />
            <SelectField
              id="partner-organisation"
              label={text.organisation}
              value={organisationId}
              onValueChange={setOrganisationId}
              emptyOption={m.shell.choose}
              options={options}
              error={form.errors.organisationId}
            />
          </>
        ) : (
          <TextField id="partner-external-name" label={text.externalName} value={externalName} onValueChange={setExternalName} error={form.errors.externalName ?? form.errors.organisationId} autoComplete="organization" />
        )}
        <SelectField
          id="partner-domain"
          label={text.domain}
          value={domain}
          onValueChange={setDomain}
          emptyOption={m.shell.choose}
          options={(Object.keys(m.coalitionPartnerDomains) as PartnerDomain[]).map((value) => ({ value, label: m.coalitionPartnerDomains[value] }))}
          error={form.errors.domain}
        />
        <SelectField
          id="partner-level"
          label={text.level}
          description={text.levelDescription}
          value={level}
          onValueChange={setLevel}
          emptyOption={m.shell.choose}
          options={(Object.keys(m.coalitionPartnerLevels) as PartnerLevel[]).map((value) => ({ value, label: m.coalitionPartnerLevels[value] }))}
          error={form.errors.level}
        />
        <TextField id="partner-role" label={text.role} value={role} onValueChange={setRole} error={form.errors.role} isOptional />
        <CheckboxField id="partner-wanted" label={text.isWanted} checked={isWanted} onCheckedChange={setIsWanted} />
        <TextField id="partner-since" label={text.since} type="date" value={since} onValueChange={setSince} error={form.errors.since} isOptional />
        <TextField id="partner-until" label={text.until} type="date" value={until} onValueChange={setUntil} error={form.errors.until} isOptional />
        <TextField id="partner-contact-name" label={text.contactName} description={text.contactDescription} value={contactName} onValueChange={setContactName} error={form.errors.contactName} isOptional autoComplete="off" />
        <TextField id="partner-contact-email" label={text.contactEmail} type="email" value={contactEmail} onValueChange={setContactEmail} error={form.errors.contactEmail} isOptional autoComplete="off" />
        <FormButtons submitLabel={m.app.save} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
          {partner && partner.isCurrent ? (
            <Button hint="danger" onClick={() => save(true)()}>
              {text.end}
            </Button>
          ) : null}
        </FormButtons>
      </Form>
    </Panel>
  );
}

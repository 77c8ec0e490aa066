// SPDX-License-Identifier: EUPL-1.2
// /coalities/{code}: one coalition — details, member municipalities now and before, coordinators and
// deputy, steering group, funding, the status per member municipality per year, and links to the
// coalition's workspace (partners, agreements, plan, self-analysis). Edit actions only when the
// server's allowedActions says so; after each save the confirmation takes focus.
import { useState, type ReactNode } from 'react';
import { useLocation, useParams } from 'react-router';
import { referenceApi } from '../../api/endpoints.js';
import { ApiError } from '../../api/client.js';
import { Confirmation } from '../../components/confirmation.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { SelectField, TextField } from '../../components/fields.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Panel } from '../../components/panel.js';
import { Button, ButtonGroup, Heading, Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import type { Catalogue } from '../../../contracts/i18n/nl.js';
import {
  FUNDING_SOURCES,
  MUNICIPALITY_STATUSES,
  type CoalitionCoordinator,
  type CoalitionMember,
  type Funding,
  type FundingSource,
  type MemberStatus,
  type MunicipalityStatus,
  type SteeringMember,
} from '../../../contracts/coalitions.js';
import { coalitionApi, type Coalition } from './api.js';
import { FundingTable } from './funding-table.js';
import { parseEuro, periodText, statusYears } from './parts.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
type Editor =
  | { kind: 'details' }
  | { kind: 'member' }
  | { kind: 'endMember'; member: CoalitionMember }
  | { kind: 'coordinator' }
  | { kind: 'endCoordinator'; coordinator: CoalitionCoordinator }
  | { kind: 'steering' }
  | { kind: 'funding' }
  | { kind: 'status' };

export default function CoalitionPage() {
  const { code = '' } = useParams();
  const { m } = useMessages();
  const location = useLocation();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const loaded = useAsync(() => coalitionApi.get(code, year), [code, year]);
  const flash = (location.state as { flash?: string } | null)?.flash ?? null;
  if (loaded.error instanceof ApiError && (loaded.error.code === 'not_found' || loaded.error.code === 'validation_failed')) {
    return (
      <Page title={m.shell.notFoundTitle}>
        <Paragraph>{m.coalitions.notFoundCode.replace('{code}', code)}</Paragraph>
        <Link to="/coalities">{m.coalitions.linkOverview}</Link>
      </Page>
    );
  }
  return (
    <AsyncContent state={loaded}>
      {(coalition) => <CoalitionView key={`${coalition.code}-${coalition.statusYear}`} initial={coalition} flash={flash} year={year} onYear={setYear} />}
    </AsyncContent>
  );
}

function CoalitionView({ initial, flash, year, onYear }: { initial: Coalition; flash: string | null; year: number; onYear(year: number): void }) {
  const { m, format } = useMessages();
  const t = m.coalitions;
  const [coalition, setCoalition] = useState(initial);
  const [message, setMessage] = useState<{ text: string | null; key: number }>({ text: flash, key: 0 });
  const [editor, setEditor] = useState<Editor | null>(null);
  const mayEdit = coalition.allowedActions.includes('update');
  const saved = (next: Coalition, text: string) => {
    setCoalition(next);
    setEditor(null);
    setMessage((previous) => ({ text, key: previous.key + 1 }));
  };
  const open = (next: Editor) => {
    setMessage((previous) => ({ text: null, key: previous.key }));
    setEditor(next);
  };
  const panel = editor ? <EditorPanel coalition={coalition} editor={editor} year={year} onSaved={saved} onClose={() => setEditor(null)} /> : null;
  const panelFor = (...kinds: Editor['kind'][]) => (editor && kinds.includes(editor.kind) ? panel : null);
  const base = `/coalities/${coalition.code}`;

  return (
    <Page title={`${coalition.name} (${coalition.code})`}>
      <Confirmation text={message.text} focusKey={message.key} />
      <nav aria-labelledby="workspace-heading" className="kr-coalition-links">
        <Heading level={2} id="workspace-heading">
          {t.workspaceTitle}
        </Heading>
        <ul>
          <li>
            <Link to={`${base}/partners`}>{t.linkPartners}</Link>
          </li>
          <li>
            <Link to={`${base}/afspraken`}>{t.linkAgreements}</Link>
          </li>
          <li>
            <Link to={`${base}/plan`}>{t.linkPlan}</Link>
          </li>
          <li>
            <Link to={`${base}/aanbod`}>{m.localOffer.crumb}</Link>
          </li>
          <li>
            <Link to={`${base}/ouderinformatie`}>{m.parentContent.crumb}</Link>
          </li>
          <li>
            <Link to={`${base}/zelfanalyse`}>{t.linkSelfAnalysis}</Link>
          </li>
          <li>
            <Link to="/coalities">{t.linkOverview}</Link>
          </li>
        </ul>
      </nav>

      <Heading level={2}>{t.detailsTitle}</Heading>
      <dl className="kr-facts">
        <Fact label={t.columnCode}>{coalition.code}</Fact>
        <Fact label={t.columnKind}>{m.coalitionKinds[coalition.kind]}</Fact>
        <Fact label={t.startDate}>{coalition.startDate ?? t.none}</Fact>
        <Fact label={t.tranche}>{coalition.impulseTranche === null ? t.none : format(t.trancheOption, { tranche: coalition.impulseTranche })}</Fact>
        <Fact label={t.mandateHolder}>{coalition.mandateHolderName ?? t.none}</Fact>
        <Fact label={t.columnActive}>{coalition.isActive ? m.admin.active : m.admin.inactive}</Fact>
      </dl>
      {mayEdit ? <Actions onClick={() => open({ kind: 'details' })}>{t.edit}</Actions> : null}
      {panelFor('details')}

      <Heading level={2}>{t.membersTitle}</Heading>
      <MembersTable coalition={coalition} mayEdit={mayEdit} onEnd={(member) => open({ kind: 'endMember', member })} />
      {mayEdit ? <Actions onClick={() => open({ kind: 'member' })}>{t.addMember}</Actions> : null}
      {panelFor('member', 'endMember')}

      <Heading level={2}>{t.coordinatorsTitle}</Heading>
      <CoordinatorsTable coalition={coalition} mayEdit={mayEdit} onEnd={(coordinator) => open({ kind: 'endCoordinator', coordinator })} />
      {mayEdit ? <Actions onClick={() => open({ kind: 'coordinator' })}>{t.addCoordinator}</Actions> : null}
      {panelFor('coordinator', 'endCoordinator')}

      <Heading level={2}>{t.steeringTitle}</Heading>
      <SteeringTable coalition={coalition} mayEdit={mayEdit} onSaved={saved} />
      {mayEdit ? <Actions onClick={() => open({ kind: 'steering' })}>{t.addSteering}</Actions> : null}
      {panelFor('steering')}

      <Heading level={2}>{t.fundingTitle}</Heading>
      <EditableFundingTable coalition={coalition} mayEdit={mayEdit} onSaved={saved} />
      {mayEdit ? <Actions onClick={() => open({ kind: 'funding' })}>{t.addFunding}</Actions> : null}
      {panelFor('funding')}

      <Heading level={2}>{t.statusesTitle}</Heading>
      <SelectField
        id="status-year"
        label={t.year}
        value={String(year)}
        onValueChange={(value) => onYear(Number(value))}
        options={statusYears().map((option) => ({ value: String(option), label: String(option) }))}
      />
      <StatusTable coalition={coalition} />
      {mayEdit && coalition.municipalityCodes.length > 0 ? <Actions onClick={() => open({ kind: 'status' })}>{t.setStatus}</Actions> : null}
      {panelFor('status')}
    </Page>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Actions({ onClick, children }: { onClick(): void; children: ReactNode }) {
  return (
    <ButtonGroup>
      <Button onClick={onClick}>{children}</Button>
    </ButtonGroup>
  );
}

function MembersTable({ coalition, mayEdit, onEnd }: { coalition: Coalition; mayEdit: boolean; onEnd(member: CoalitionMember): void }) {
  const { m, format } = useMessages();
  const t = m.coalitions;
  const columns: Column<CoalitionMember>[] = [
    { key: 'municipality', header: t.columnMunicipality, cell: (row) => `${row.municipalityName} (${row.municipalityCode})` },
    { key: 'since', header: t.columnSince, cell: (row) => row.since },
    { key: 'until', header: t.columnUntil, cell: (row) => row.until ?? t.current },
    ...(mayEdit
      ? [
          {
            key: 'actions',
            header: m.shell.actions,
            cell: (row: CoalitionMember) =>
              row.isCurrent ? (
                <Button variant="subtle" onClick={() => onEnd(row)} aria-label={format(t.endMemberOf, { municipality: row.municipalityName })}>
                  {t.endMember}
                </Button>
              ) : null,
            csv: () => '',
          },
        ]
      : []),
  ];
  return (
    <DataTable
      caption={t.membersCaption}
      columns={columns}
      rows={coalition.members}
      rowKey={(row) => `${row.municipalityCode}-${row.since}`}
      csvName={`${coalition.code}-gemeenten`}
    />
  );
}

function CoordinatorsTable({ coalition, mayEdit, onEnd }: { coalition: Coalition; mayEdit: boolean; onEnd(coordinator: CoalitionCoordinator): void }) {
  const { m, format } = useMessages();
  const t = m.coalitions;
  const columns: Column<CoalitionCoordinator>[] = [
    { key: 'name', header: t.columnPerson, cell: (row) => row.name },
    { key: 'organisation', header: t.columnOrganisation, cell: (row) => row.organisationNames.join(', ') },
    { key: 'role', header: t.columnRole, cell: (row) => m.coordinatorRoles[row.role] },
    { key: 'since', header: t.columnSince, cell: (row) => row.since },
    { key: 'until', header: t.columnUntil, cell: (row) => row.until ?? t.current },
    ...(mayEdit
      ? [
          {
            key: 'actions',
            header: m.shell.actions,
            cell: (row: CoalitionCoordinator) =>
              row.until === null ? (
                <Button variant="subtle" onClick={() => onEnd(row)} aria-label={format(t.endCoordinatorOf, { name: row.name })}>
                  {t.endCoordinator}
                </Button>
              ) : null,
            csv: () => '',
          },
        ]
      : []),
  ];
  return <DataTable caption={t.coordinatorsCaption} columns={columns} rows={coalition.coordinators} rowKey={(row) => row.personId} csvName={`${coalition.code}-coordinatoren`} />;
}

/** A button that runs one change at once and reports its failure beside it. */
function useRemoval(onSaved: (coalition: Coalition, text: string) => void) {
  const { m } = useMessages();
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<Coalition>, text: string) => {
    setError(null);
    try {
      onSaved(await action(), text);
    } catch (failure) {
      setError(failure instanceof ApiError ? (m.errors[failure.code] ?? m.errors.internal) : m.errors.internal);
    }
  };
  return { error, run };
}

/** The "remove" column of a register table, only for who may edit (the CSV leaves it empty). */
function removeColumn<Row>(mayEdit: boolean, header: string, button: { text: string; label(row: Row): string; onRemove(row: Row): void }): Column<Row>[] {
  if (!mayEdit) return [];
  return [
    {
      key: 'actions',
      header,
      cell: (row) => (
        <Button variant="subtle" aria-label={button.label(row)} onClick={() => button.onRemove(row)}>
          {button.text}
        </Button>
      ),
      csv: () => '',
    },
  ];
}

function SteeringTable({ coalition, mayEdit, onSaved }: { coalition: Coalition; mayEdit: boolean; onSaved(coalition: Coalition, text: string): void }) {
  const { m, format } = useMessages();
  const t = m.coalitions;
  const removal = useRemoval(onSaved);
  const columns: Column<SteeringMember>[] = [
    { key: 'name', header: t.columnPerson, cell: (row) => row.name },
    { key: 'organisation', header: t.columnOrganisation, cell: (row) => row.organisation },
    { key: 'function', header: t.columnFunction, cell: (row) => row.function },
    ...removeColumn<SteeringMember>(mayEdit, m.shell.actions, {
      text: t.removeSteering,
      label: (row) => format(t.removeSteeringOf, { name: row.name }),
      onRemove: (row) => removal.run(() => coalitionApi.removeSteeringMember(coalition.code, row.id), format(t.steeringRemoved, { name: row.name })),
    }),
  ];
  return (
    <>
      {removal.error ? <Paragraph role="alert">{removal.error}</Paragraph> : null}
      <DataTable caption={t.steeringCaption} columns={columns} rows={coalition.steeringGroup} rowKey={(row) => row.id} csvName={`${coalition.code}-stuurgroep`} />
    </>
  );
}

function EditableFundingTable({ coalition, mayEdit, onSaved }: { coalition: Coalition; mayEdit: boolean; onSaved(coalition: Coalition, text: string): void }) {
  const { m, format } = useMessages();
  const t = m.coalitions;
  const removal = useRemoval(onSaved);
  const actions = removeColumn<Funding>(mayEdit, m.shell.actions, {
    text: t.removeFunding,
    label: (row) => format(t.removeFundingOf, { source: m.fundingSources[row.source], period: periodText(row.periodStart, row.periodEnd, m) }),
    onRemove: (row) => removal.run(() => coalitionApi.removeFunding(coalition.code, row.id), t.fundingRemoved),
  });
  return (
    <>
      {removal.error ? <Paragraph role="alert">{removal.error}</Paragraph> : null}
      <FundingTable coalition={coalition} extraColumns={actions} />
    </>
  );
}

function StatusTable({ coalition }: { coalition: Coalition }) {
  const { m, format } = useMessages();
  const t = m.coalitions;
  const columns: Column<MemberStatus>[] = [
    { key: 'municipality', header: t.columnMunicipality, cell: (row) => `${row.municipalityName} (${row.municipalityCode})` },
    { key: 'status', header: t.columnStatus, cell: (row) => m.municipalityStatuses[row.status] },
    { key: 'source', header: t.columnSource, cell: (row) => (row.source ? m.statusSources[row.source] : '') },
  ];
  return (
    <DataTable
      caption={format(t.statusesCaption, { year: coalition.statusYear })}
      columns={columns}
      rows={coalition.statuses}
      rowKey={(row) => row.municipalityCode}
      csvName={`${coalition.code}-status-${coalition.statusYear}`}
    />
  );
}

function EditorPanel({
  coalition,
  editor,
  year,
  onSaved,
  onClose,
}: {
  coalition: Coalition;
  editor: Editor;
  year: number;
  onSaved(coalition: Coalition, text: string): void;
  onClose(): void;
}) {
  const { m, format } = useMessages();
  const t = m.coalitions;
  switch (editor.kind) {
    case 'details':
      return (
        <Panel id="details-editor" title={t.editTitle} onClose={onClose}>
          <DetailsForm coalition={coalition} onSaved={(next) => onSaved(next, t.updated)} onClose={onClose} />
        </Panel>
      );
    case 'member':
      return (
        <Panel id="member-editor" title={t.addMember} onClose={onClose}>
          <MemberForm coalition={coalition} onSaved={onSaved} onClose={onClose} />
        </Panel>
      );
    case 'endMember':
      return (
        <Panel id="end-member-editor" title={format(t.endMemberOf, { municipality: editor.member.municipalityName })} onClose={onClose}>
          <EndForm
            id="end-member"
            since={editor.member.since}
            onEnd={(until) => coalitionApi.endMember(coalition.code, editor.member.municipalityCode, until)}
            onSaved={(next) => onSaved(next, format(t.memberEnded, { municipality: editor.member.municipalityName }))}
            onClose={onClose}
          />
        </Panel>
      );
    case 'coordinator':
      return (
        <Panel id="coordinator-editor" title={t.addCoordinator} onClose={onClose}>
          <CoordinatorForm coalition={coalition} onSaved={onSaved} onClose={onClose} />
        </Panel>
      );
    case 'endCoordinator':
      return (
        <Panel id="end-coordinator-editor" title={format(t.endCoordinatorOf, { name: editor.coordinator.name })} onClose={onClose}>
          <EndForm
            id="end-coordinator"
            since={editor.coordinator.since}
            onEnd={(until) => coalitionApi.endCoordinator(coalition.code, editor.coordinator.personId, until)}
            onSaved={(next) => onSaved(next, format(t.coordinatorEnded, { name: editor.coordinator.name }))}
            onClose={onClose}
          />
        </Panel>
      );
    case 'steering':
      return (
        <Panel id="steering-editor" title={t.addSteering} onClose={onClose}>
          <SteeringForm coalition={coalition} onSaved={onSaved} onClose={onClose} />
        </Panel>
      );
    case 'funding':
      return (
        <Panel id="funding-editor" title={t.addFunding} onClose={onClose}>
          <FundingForm coalition={coalition} onSaved={onSaved} onClose={onClose} />
        </Panel>
      );
    case 'status':
      return (
        <Panel id="status-editor" title={format(t.setStatusTitle, { year })} onClose={onClose}>
          <StatusForm coalition={coalition} year={year} onSaved={onSaved} onClose={onClose} />
        </Panel>
      );
  }
}

function dateError(value: string, t: Catalogue['coalitions'], isOptional = false): string | undefined {
  if (isOptional && value.trim() === '') return undefined;
  return DATE.test(value.trim()) ? undefined : t.dateDescription;
}

function useMunicipalityOptions() {
  const municipalities = useAsync(() => referenceApi.municipalities({}), []);
  return (municipalities.data ?? []).map((municipality) => ({ value: municipality.code, label: `${municipality.name} (${municipality.code})` }));
}

function DetailsForm({ coalition, onSaved, onClose }: { coalition: Coalition; onSaved(coalition: Coalition): void; onClose(): void }) {
  const { m, format } = useMessages();
  const t = m.coalitions;
  const options = useMunicipalityOptions();
  const [name, setName] = useState(coalition.name);
  const [startDate, setStartDate] = useState(coalition.startDate ?? '');
  const [tranche, setTranche] = useState(coalition.impulseTranche === null ? '' : String(coalition.impulseTranche));
  const [holder, setHolder] = useState(coalition.mandateHolderCode ?? '');
  const form = useForm({ name: 'details-name', startDate: 'details-start', impulseTranche: 'details-tranche', mandateHolderCode: 'details-holder' });
  const submit = form.submitWith(
    () => ({ ...(name.trim() === '' ? { name: m.validation.required } : {}), ...(dateError(startDate, t, true) ? { startDate: t.dateDescription } : {}) }),
    async () =>
      onSaved(
        await coalitionApi.update(coalition.code, {
          name: name.trim(),
          startDate: startDate.trim() === '' ? null : startDate.trim(),
          impulseTranche: tranche === '' ? null : Number(tranche),
          mandateHolderCode: holder === '' ? null : holder,
        }),
      ),
  );
  const toggle = form.submitWith(
    () => ({}),
    async () => onSaved(await coalitionApi.update(coalition.code, { isActive: !coalition.isActive })),
  );
  return (
    <>
      <ErrorSummary {...form.summary} labels={{ name: t.name, startDate: t.startDate, impulseTranche: t.tranche, mandateHolderCode: t.mandateHolder }} />
      <Form onSubmit={submit}>
        <TextField id="details-name" label={t.name} value={name} onValueChange={setName} error={form.errors.name} />
        <TextField id="details-start" label={t.startDate} description={t.dateDescription} value={startDate} onValueChange={setStartDate} error={form.errors.startDate} isOptional />
        <SelectField
          id="details-tranche"
          label={t.tranche}
          value={tranche}
          onValueChange={setTranche}
          emptyOption={t.trancheNone}
          options={[1, 2, 3, 4].map((value) => ({ value: String(value), label: format(t.trancheOption, { tranche: value }) }))}
          error={form.errors.impulseTranche}
        />
        <SelectField id="details-holder" label={t.mandateHolder} value={holder} onValueChange={setHolder} emptyOption={t.mandateHolderNone} options={options} error={form.errors.mandateHolderCode} />
        <FormButtons submitLabel={m.app.save} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
          {coalition.allowedActions.includes('deactivate') ? (
            <Button hint={coalition.isActive ? 'danger' : undefined} onClick={() => toggle()}>
              {coalition.isActive ? t.deactivate : t.reactivate}
            </Button>
          ) : null}
        </FormButtons>
      </Form>
    </>
  );
}

function MemberForm({ coalition, onSaved, onClose }: { coalition: Coalition; onSaved(coalition: Coalition, text: string): void; onClose(): void }) {
  const { m, format } = useMessages();
  const t = m.coalitions;
  const options = useMunicipalityOptions();
  const [municipalityCode, setMunicipalityCode] = useState('');
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const form = useForm({ municipalityCode: 'member-municipality', since: 'member-since', until: 'member-until' });
  const submit = form.submitWith(
    () => ({
      ...(municipalityCode === '' ? { municipalityCode: m.validation.required } : {}),
      ...(dateError(since, t) ? { since: t.dateDescription } : {}),
      ...(dateError(until, t, true) ? { until: t.dateDescription } : {}),
    }),
    async () => {
      const next = await coalitionApi.addMember(coalition.code, { municipalityCode, since: since.trim(), until: until.trim() === '' ? null : until.trim() });
      const name = options.find((option) => option.value === municipalityCode)?.label ?? municipalityCode;
      onSaved(next, format(t.memberAdded, { municipality: name }));
    },
  );
  return (
    <>
      <ErrorSummary {...form.summary} labels={{ municipalityCode: t.memberMunicipality, since: t.memberSince, until: t.memberUntil }} />
      <Form onSubmit={submit}>
        <SelectField id="member-municipality" label={t.memberMunicipality} value={municipalityCode} onValueChange={setMunicipalityCode} emptyOption={m.shell.choose} options={options} error={form.errors.municipalityCode} />
        <TextField id="member-since" label={t.memberSince} description={t.dateDescription} value={since} onValueChange={setSince} error={form.errors.since} />
        <TextField id="member-until" label={t.memberUntil} description={t.dateDescription} value={until} onValueChange={setUntil} error={form.errors.until} isOptional />
        <FormButtons submitLabel={m.app.save} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </>
  );
}

function EndForm({ id, since, onEnd, onSaved, onClose }: { id: string; since: string; onEnd(until: string): Promise<Coalition>; onSaved(coalition: Coalition): void; onClose(): void }) {
  const { m, format } = useMessages();
  const t = m.coalitions;
  const [until, setUntil] = useState('');
  const form = useForm({ until: `${id}-until` });
  const submit = form.submitWith(
    () => {
      if (dateError(until, t)) return { until: t.dateDescription };
      return until.trim() < since ? { until: format(t.endBeforeStart, { since, until: until.trim() }) } : {};
    },
    async () => onSaved(await onEnd(until.trim())),
  );
  return (
    <>
      <ErrorSummary {...form.summary} labels={{ until: t.endDate }} />
      <Form onSubmit={submit}>
        <TextField id={`${id}-until`} label={t.endDate} description={t.dateDescription} value={until} onValueChange={setUntil} error={form.errors.until} />
        <FormButtons submitLabel={m.app.save} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </>
  );
}

function CoordinatorForm({ coalition, onSaved, onClose }: { coalition: Coalition; onSaved(coalition: Coalition, text: string): void; onClose(): void }) {
  const { m, format } = useMessages();
  const t = m.coalitions;
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('deputy');
  const [since, setSince] = useState('');
  const form = useForm({ email: 'coordinator-email', role: 'coordinator-role', since: 'coordinator-since' });
  const submit = form.submitWith(
    () => ({ ...(email.trim() === '' ? { email: m.validation.required } : {}), ...(dateError(since, t) ? { since: t.dateDescription } : {}) }),
    async () => {
      const next = await coalitionApi.addCoordinator(coalition.code, { email: email.trim(), role: role as 'coordinator' | 'deputy', since: since.trim() });
      const person = next.coordinators.find((candidate) => candidate.since === since.trim() && candidate.role === role);
      onSaved(next, format(t.coordinatorAdded, { name: person?.name ?? email.trim(), role: m.coordinatorRoles[role as 'coordinator' | 'deputy'] }));
    },
  );
  return (
    <>
      <ErrorSummary {...form.summary} labels={{ email: t.coordinatorEmail, role: t.coordinatorRole, since: t.coordinatorSince }} />
      <Form onSubmit={submit}>
        <TextField id="coordinator-email" type="email" label={t.coordinatorEmail} description={t.coordinatorEmailDescription} value={email} onValueChange={setEmail} error={form.errors.email} autoComplete="off" />
        <SelectField
          id="coordinator-role"
          label={t.coordinatorRole}
          value={role}
          onValueChange={setRole}
          options={(['coordinator', 'deputy'] as const).map((value) => ({ value, label: m.coordinatorRoles[value] }))}
          error={form.errors.role}
        />
        <TextField id="coordinator-since" label={t.coordinatorSince} description={t.dateDescription} value={since} onValueChange={setSince} error={form.errors.since} />
        <FormButtons submitLabel={m.app.save} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </>
  );
}

function SteeringForm({ coalition, onSaved, onClose }: { coalition: Coalition; onSaved(coalition: Coalition, text: string): void; onClose(): void }) {
  const { m, format } = useMessages();
  const t = m.coalitions;
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [role, setRole] = useState('');
  const form = useForm({ name: 'steering-name', organisation: 'steering-organisation', function: 'steering-function' });
  const required = (value: string) => (value.trim() === '' ? m.validation.required : undefined);
  const submit = form.submitWith(
    () => Object.fromEntries(Object.entries({ name: required(name), organisation: required(organisation), function: required(role) }).filter(([, value]) => value)),
    async () => {
      const next = await coalitionApi.addSteeringMember(coalition.code, { name: name.trim(), organisation: organisation.trim(), function: role.trim() });
      onSaved(next, format(t.steeringAdded, { name: name.trim() }));
    },
  );
  return (
    <>
      <ErrorSummary {...form.summary} labels={{ name: t.steeringName, organisation: t.steeringOrganisation, function: t.steeringFunction }} />
      <Form onSubmit={submit}>
        <TextField id="steering-name" label={t.steeringName} value={name} onValueChange={setName} error={form.errors.name} />
        <TextField id="steering-organisation" label={t.steeringOrganisation} value={organisation} onValueChange={setOrganisation} error={form.errors.organisation} />
        <TextField id="steering-function" label={t.steeringFunction} value={role} onValueChange={setRole} error={form.errors.function} />
        <FormButtons submitLabel={m.app.save} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </>
  );
}

function FundingForm({ coalition, onSaved, onClose }: { coalition: Coalition; onSaved(coalition: Coalition, text: string): void; onClose(): void }) {
  const { m } = useMessages();
  const t = m.coalitions;
  const options = useMunicipalityOptions();
  const [source, setSource] = useState('');
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [amount, setAmount] = useState('');
  const [holder, setHolder] = useState(coalition.mandateHolderCode ?? '');
  const form = useForm({ source: 'funding-source', periodStart: 'funding-start', periodEnd: 'funding-end', amountCents: 'funding-amount', mandateHolderCode: 'funding-holder' });
  const submit = form.submitWith(
    () => ({
      ...(source === '' ? { source: m.validation.required } : {}),
      ...(dateError(periodStart, t) ? { periodStart: t.dateDescription } : {}),
      ...(dateError(periodEnd, t) ? { periodEnd: t.dateDescription } : {}),
      ...(parseEuro(amount) === null ? { amountCents: t.fundingAmountInvalid } : {}),
    }),
    async () => {
      const next = await coalitionApi.addFunding(coalition.code, {
        source: source as FundingSource,
        periodStart: periodStart.trim(),
        periodEnd: periodEnd.trim(),
        amountCents: parseEuro(amount)!,
        mandateHolderCode: holder === '' ? null : holder,
      });
      onSaved(next, t.fundingAdded);
    },
  );
  return (
    <>
      <ErrorSummary
        {...form.summary}
        labels={{ source: t.fundingSource, periodStart: t.fundingStart, periodEnd: t.fundingEnd, amountCents: t.fundingAmount, mandateHolderCode: t.columnMandateHolder }}
      />
      <Form onSubmit={submit}>
        <SelectField
          id="funding-source"
          label={t.fundingSource}
          value={source}
          onValueChange={setSource}
          emptyOption={m.shell.choose}
          options={FUNDING_SOURCES.map((value) => ({ value, label: m.fundingSources[value] }))}
          error={form.errors.source}
        />
        <TextField id="funding-start" label={t.fundingStart} description={t.dateDescription} value={periodStart} onValueChange={setPeriodStart} error={form.errors.periodStart} />
        <TextField id="funding-end" label={t.fundingEnd} description={t.dateDescription} value={periodEnd} onValueChange={setPeriodEnd} error={form.errors.periodEnd} />
        <TextField id="funding-amount" label={t.fundingAmount} description={t.fundingAmountDescription} value={amount} onValueChange={setAmount} inputMode="numeric" error={form.errors.amountCents} />
        <SelectField id="funding-holder" label={t.columnMandateHolder} value={holder} onValueChange={setHolder} emptyOption={t.mandateHolderNone} options={options} error={form.errors.mandateHolderCode} />
        <FormButtons submitLabel={m.app.save} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </>
  );
}

function StatusForm({ coalition, year, onSaved, onClose }: { coalition: Coalition; year: number; onSaved(coalition: Coalition, text: string): void; onClose(): void }) {
  const { m, format } = useMessages();
  const t = m.coalitions;
  const [status, setStatus] = useState('');
  const form = useForm({ status: 'status-value' });
  const submit = form.submitWith(
    () => (status === '' ? { status: m.validation.required } : {}),
    async () => {
      const next = await coalitionApi.setStatuses(coalition.code, year, { status: status as MunicipalityStatus });
      const count = next.statuses.filter((row) => row.status === status && row.source === 'register').length;
      onSaved(next, format(t.statusSet, { count }));
    },
  );
  return (
    <>
      <Paragraph>{t.statusSkipped}</Paragraph>
      <ErrorSummary {...form.summary} labels={{ status: t.columnStatus }} />
      <Form onSubmit={submit}>
        <SelectField
          id="status-value"
          label={t.columnStatus}
          value={status}
          onValueChange={setStatus}
          emptyOption={m.shell.choose}
          options={MUNICIPALITY_STATUSES.map((value) => ({ value, label: m.municipalityStatuses[value] }))}
          error={form.errors.status}
        />
        <FormButtons submitLabel={m.app.save} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </>
  );
}

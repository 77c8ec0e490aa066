// SPDX-License-Identifier: EUPL-1.2
// Interventions in the family file: enrol in one from the menukaart (with its provider and start
// date), and end it: completed, or a drop-out with its reason.
import { amsterdamDate } from '../../../contracts/calendar.js';
import { useState } from 'react';
import { organisationApi } from '../../api/endpoints.js';
import { AsyncContent, useAsync } from '../../components/page.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { Panel } from '../../components/panel.js';
import { Button, ButtonGroup, TableCell } from '../../components/ui.js';
import { CareSection, CareTable } from './care-section-parts.js';
import { useMessages } from '../../i18n/messages.js';
import { useSession } from '../../session/session.js';
import type { EnrolmentDropOutReason, EnrolmentEndReason } from '../../../contracts/care.js';
import { careApi, type Enrolment, type InterventionItem } from './api.js';

export function EnrolmentsSection({ familyId }: { familyId: string }) {
  const { m, formatDate } = useMessages();
  const t = m.careEnrolments;
  const enrolments = useAsync(() => careApi.enrolments(familyId), [familyId]);
  const [isEnrolling, setIsEnrolling] = useState(false);
  const [stopping, setStopping] = useState<Enrolment | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const done = (text: string) => {
    setIsEnrolling(false);
    setStopping(null);
    setMessage(text);
    enrolments.reload();
  };
  const statusOf = (enrolment: Enrolment) => {
    const status = m.careEnrolmentStatuses[enrolment.status];
    if (enrolment.status !== 'dropped_out' || !enrolment.dropOutReason) return status;
    return `${status}: ${m.careDropOutReasons[enrolment.dropOutReason]}${enrolment.dropOutExplanation ? ` (${enrolment.dropOutExplanation})` : ''}`;
  };
  return (
    <CareSection id="enrolments-title" title={t.title} message={message}>
      <AsyncContent state={enrolments}>
        {({ items }) => (
          <CareTable
            items={items}
            empty={t.empty}
            caption={t.caption}
            columns={[t.columnIntervention, t.columnOrganisation, t.columnStarted, t.columnEnded, t.columnStatus, t.columnActions]}
            renderCells={(enrolment) => (
              <>
                <TableCell>{enrolment.interventionName}</TableCell>
                <TableCell>{enrolment.organisationName}</TableCell>
                <TableCell>{formatDate(enrolment.startedOn)}</TableCell>
                <TableCell>{enrolment.endedOn ? formatDate(enrolment.endedOn) : ''}</TableCell>
                <TableCell>{statusOf(enrolment)}</TableCell>
                <TableCell>
                  {enrolment.status === 'active' ? (
                    <Button variant="subtle" onClick={() => setStopping(enrolment)} aria-label={`${t.stop}: ${enrolment.interventionName}`}>
                      {t.stop}
                    </Button>
                  ) : null}
                </TableCell>
              </>
            )}
          />
        )}
      </AsyncContent>
      {!isEnrolling && stopping === null ? (
        <ButtonGroup>
          <Button onClick={() => setIsEnrolling(true)}>{t.enrol}</Button>
        </ButtonGroup>
      ) : null}
      {isEnrolling ? <EnrolForm familyId={familyId} onDone={done} onClose={() => setIsEnrolling(false)} /> : null}
      {stopping ? <StopForm key={stopping.id} enrolment={stopping} onDone={() => done(t.ended)} onClose={() => setStopping(null)} /> : null}
    </CareSection>
  );
}

function describe(intervention: InterventionItem, m: ReturnType<typeof useMessages>['m'], format: ReturnType<typeof useMessages>['format']): string {
  const phases = intervention.phases.map((phase) => m.carePhases[phase]).join(', ');
  const recognition = (m.careRecognition as Record<string, string>)[intervention.recognition] ?? intervention.recognition;
  const details = format(m.careEnrolments.details, { phases, recognition });
  return intervention.targetGroup ? `${intervention.targetGroup}. ${details}` : details;
}

function EnrolForm({ familyId, onDone, onClose }: { familyId: string; onDone(message: string): void; onClose(): void }) {
  const { m, format } = useMessages();
  const t = m.careEnrolments;
  const { session } = useSession();
  const catalogue = useAsync(() => careApi.interventions(), []);
  const organisations = useAsync(() => organisationApi.list({ pageSize: 200 }), []);
  const [interventionKey, setInterventionKey] = useState('');
  const [organisationId, setOrganisationId] = useState(session?.organisation?.id ?? '');
  const [startedOn, setStartedOn] = useState(amsterdamDate(new Date()));
  const form = useForm({ interventionKey: 'enrol-intervention', organisationId: 'enrol-organisation', startedOn: 'enrol-started-on' });
  const chosen = catalogue.data?.items.find((item) => item.key === interventionKey);
  const submit = form.submitWith(
    () => ({
      ...(interventionKey === '' ? { interventionKey: m.validation.required } : {}),
      ...(organisationId === '' ? { organisationId: m.validation.required } : {}),
      ...(startedOn === '' ? { startedOn: m.validation.required } : {}),
    }),
    async () => {
      const enrolment = await careApi.enrol(familyId, { interventionKey, organisationId, startedOn });
      onDone(format(t.enrolled, { name: enrolment.interventionName }));
    },
  );
  return (
    <Panel id="enrol" title={t.enrolTitle} onClose={onClose}>
      <ErrorSummary {...form.summary} labels={{ interventionKey: t.intervention, organisationId: t.organisation, startedOn: t.startedOn }} />
      <Form onSubmit={submit}>
        <SelectField
          id="enrol-intervention"
          label={t.intervention}
          description={chosen ? describe(chosen, m, format) : undefined}
          value={interventionKey}
          onValueChange={setInterventionKey}
          emptyOption={catalogue.data ? m.shell.choose : m.care.loadingCatalogue}
          options={(catalogue.data?.items ?? []).map((item) => ({ value: item.key, label: item.name }))}
          error={form.errors.interventionKey}
        />
        <SelectField
          id="enrol-organisation"
          label={t.organisation}
          description={t.organisationDescription}
          value={organisationId}
          onValueChange={setOrganisationId}
          emptyOption={m.shell.choose}
          options={(organisations.data?.items ?? []).map((organisation) => ({ value: organisation.id, label: organisation.name }))}
          error={form.errors.organisationId}
        />
        <TextField id="enrol-started-on" label={t.startedOn} type="date" value={startedOn} onValueChange={setStartedOn} error={form.errors.startedOn} />
        <FormButtons submitLabel={t.enrol} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </Panel>
  );
}

function StopForm({ enrolment, onDone, onClose }: { enrolment: Enrolment; onDone(): void; onClose(): void }) {
  const { m, format } = useMessages();
  const t = m.careEnrolments;
  const [action, setAction] = useState<'end' | 'drop_out'>('end');
  const [on, setOn] = useState(amsterdamDate(new Date()));
  const [reason, setReason] = useState('');
  const [explanation, setExplanation] = useState('');
  const form = useForm({ action: 'stop-action', on: 'stop-on', reason: 'stop-reason', explanation: 'stop-explanation' });
  const submit = form.submitWith(
    () => ({
      ...(on === '' ? { on: m.validation.required } : {}),
      ...(action === 'drop_out' && reason === '' ? { reason: m.validation.required } : {}),
    }),
    async () => {
      await careApi.updateEnrolment(enrolment.id, {
        version: enrolment.version,
        action,
        on,
        ...(action === 'drop_out' ? { reason, explanation: explanation.trim() === '' ? null : explanation } : {}),
      });
      onDone();
    },
  );
  // A withdrawn consent is not a reason anyone chooses: it ends the enrolment by itself.
  const reasons = (Object.keys(m.careDropOutReasons) as EnrolmentEndReason[])
    .filter((value): value is EnrolmentDropOutReason => value !== 'consent_withdrawn')
    .map((value) => ({ value, label: m.careDropOutReasons[value] }));
  return (
    <Panel id="stop-enrolment" title={format(t.stopTitle, { name: enrolment.interventionName })} onClose={onClose}>
      <ErrorSummary {...form.summary} labels={{ action: t.action, on: t.on, reason: t.reason, explanation: t.explanation }} />
      <Form onSubmit={submit}>
        <SelectField
          id="stop-action"
          label={t.action}
          value={action}
          onValueChange={(value) => setAction(value as 'end' | 'drop_out')}
          options={[
            { value: 'end', label: t.actionEnd },
            { value: 'drop_out', label: t.actionDropOut },
          ]}
        />
        <TextField id="stop-on" label={t.on} type="date" value={on} onValueChange={setOn} error={form.errors.on} />
        {action === 'drop_out' ? (
          <>
            <SelectField id="stop-reason" label={t.reason} value={reason} onValueChange={setReason} emptyOption={m.shell.choose} options={reasons} error={form.errors.reason} />
            <TextAreaField rows={3} id="stop-explanation" label={t.explanation} value={explanation} onValueChange={setExplanation} error={form.errors.explanation} isOptional={reason !== 'other'} />
          </>
        ) : null}
        <FormButtons submitLabel={t.stop} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </Panel>
  );
}

// SPDX-License-Identifier: EUPL-1.2
// The prenatal home visit in the family file: plan one, record how it went (held with findings per
// life domain, or not held with a reason) and the follow-up agreed.
import { amsterdamDate } from '../../../contracts/calendar.js';
import { useState } from 'react';
import { AsyncContent, useAsync } from '../../components/page.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { Panel } from '../../components/panel.js';
import { Button, Fieldset, FieldsetLegend, ButtonGroup, Paragraph, TableCell } from '../../components/ui.js';
import { CareSection, CareTable } from './care-section-parts.js';
import { useMessages } from '../../i18n/messages.js';
import { useSession } from '../../session/session.js';
import type { CareLifeDomain, HomeVisitStatus } from '../../../contracts/care.js';
import { careApi, type HomeVisit } from './api.js';

export function HomeVisitsSection({ familyId, mayPlan }: { familyId: string; mayPlan: boolean }) {
  const { m, format, formatDate } = useMessages();
  const t = m.careHomeVisits;
  const visits = useAsync(() => careApi.homeVisits(familyId), [familyId]);
  const [isPlanning, setIsPlanning] = useState(false);
  const [recording, setRecording] = useState<HomeVisit | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const done = (text: string) => {
    setIsPlanning(false);
    setRecording(null);
    setMessage(text);
    visits.reload();
  };
  return (
    <CareSection id="home-visits-title" title={t.title} message={message}>
      <AsyncContent state={visits}>
        {({ items }) => (
          <CareTable
            items={items}
            empty={t.empty}
            caption={t.caption}
            columns={[t.columnPlanned, t.columnNurse, t.columnStatus, t.columnWeek, t.columnFollowUp, t.columnActions]}
            renderCells={(visit) => (
              <>
                <TableCell>{formatDate(visit.plannedOn)}</TableCell>
                <TableCell>{visit.nurseName}</TableCell>
                <TableCell>
                  {m.careHomeVisitStatuses[visit.status]}
                  {visit.heldOn ? ` (${formatDate(visit.heldOn)})` : ''}
                  {visit.reasonNotHeld ? `: ${visit.reasonNotHeld}` : ''}
                </TableCell>
                <TableCell>{visit.gestationalWeek === null ? '' : format(t.week, { week: visit.gestationalWeek })}</TableCell>
                <TableCell>{visit.followUp ?? ''}</TableCell>
                <TableCell>
                  {visit.allowedActions.includes('update') ? (
                    <Button variant="subtle" onClick={() => setRecording(visit)} aria-label={`${t.record}: ${formatDate(visit.plannedOn)}`}>
                      {t.record}
                    </Button>
                  ) : null}
                </TableCell>
              </>
            )}
          />
        )}
      </AsyncContent>
      {mayPlan && !isPlanning && recording === null ? (
        <ButtonGroup>
          <Button onClick={() => setIsPlanning(true)}>{t.plan}</Button>
        </ButtonGroup>
      ) : null}
      {isPlanning ? <PlanHomeVisit familyId={familyId} onDone={() => done(t.planned)} onClose={() => setIsPlanning(false)} /> : null}
      {recording ? <RecordHomeVisit key={recording.id} visit={recording} onDone={() => done(t.saved)} onClose={() => setRecording(null)} /> : null}
    </CareSection>
  );
}

function PlanHomeVisit({ familyId, onDone, onClose }: { familyId: string; onDone(): void; onClose(): void }) {
  const { m, format } = useMessages();
  const t = m.careHomeVisits;
  const { session } = useSession();
  const me = session?.person;
  const team = useAsync(() => careApi.careTeam(), []);
  const [plannedOn, setPlannedOn] = useState(amsterdamDate(new Date()));
  const [nurseId, setNurseId] = useState(me?.id ?? '');
  const form = useForm({ plannedOn: 'visit-planned-on', nurseId: 'visit-nurse' });
  const submit = form.submitWith(
    () => ({
      ...(plannedOn === '' ? { plannedOn: m.validation.required } : {}),
      ...(nurseId === '' ? { nurseId: m.validation.required } : {}),
    }),
    async () => {
      await careApi.planHomeVisit(familyId, { plannedOn, nurseId });
      onDone();
    },
  );
  const members = team.data?.items ?? (me ? [{ id: me.id, name: me.name }] : []);
  return (
    <Panel id="plan-home-visit" title={t.planTitle} onClose={onClose}>
      <ErrorSummary {...form.summary} labels={{ plannedOn: t.plannedOn, nurseId: t.nurse }} />
      <Form onSubmit={submit}>
        <TextField id="visit-planned-on" label={t.plannedOn} type="date" value={plannedOn} onValueChange={setPlannedOn} error={form.errors.plannedOn} />
        <SelectField
          id="visit-nurse"
          label={t.nurse}
          description={t.nurseDescription}
          value={nurseId}
          onValueChange={setNurseId}
          options={members.map((member) => ({ value: member.id, label: member.id === me?.id ? format(m.care.you, { name: member.name }) : member.name }))}
          error={form.errors.nurseId}
        />
        <FormButtons submitLabel={t.plan} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </Panel>
  );
}

const DOMAINS: readonly CareLifeDomain[] = ['lifestyle', 'parent', 'environment', 'child'];

function RecordHomeVisit({ visit, onDone, onClose }: { visit: HomeVisit; onDone(): void; onClose(): void }) {
  const { m, format, formatDate } = useMessages();
  const t = m.careHomeVisits;
  const [status, setStatus] = useState<HomeVisitStatus>(visit.status === 'planned' ? 'held' : visit.status);
  const [heldOn, setHeldOn] = useState(visit.heldOn ?? amsterdamDate(new Date()));
  const [reason, setReason] = useState(visit.reasonNotHeld ?? '');
  const [findings, setFindings] = useState<Partial<Record<CareLifeDomain, string>>>(visit.findings);
  const [followUp, setFollowUp] = useState(visit.followUp ?? '');
  const form = useForm({ status: 'visit-status', heldOn: 'visit-held-on', reasonNotHeld: 'visit-reason', findings: 'visit-findings-lifestyle', followUp: 'visit-follow-up' });
  const submit = form.submitWith(
    () => ({
      ...(status === 'held' && heldOn === '' ? { heldOn: m.validation.required } : {}),
      ...(status === 'not_held' && reason.trim() === '' ? { reasonNotHeld: m.validation.required } : {}),
    }),
    async () => {
      await careApi.updateHomeVisit(visit.id, {
        version: visit.version,
        status,
        heldOn: status === 'held' ? heldOn : null,
        reasonNotHeld: status === 'not_held' ? reason : null,
        findings: status === 'held' ? findings : {},
        followUp: followUp.trim() === '' ? null : followUp,
      });
      onDone();
    },
  );
  const statusOptions = (['planned', 'held', 'not_held'] as const).map((value) => ({ value, label: m.careHomeVisitStatuses[value] }));
  return (
    <Panel id="record-home-visit" title={format(t.recordTitle, { date: formatDate(visit.plannedOn) })} onClose={onClose}>
      <ErrorSummary
        {...form.summary}
        labels={{ status: t.status, heldOn: t.heldOn, reasonNotHeld: t.reasonNotHeld, findings: t.findingsLegend, followUp: t.followUp }}
      />
      <Form onSubmit={submit}>
        <SelectField id="visit-status" label={t.status} value={status} onValueChange={(value) => setStatus(value as HomeVisitStatus)} options={statusOptions} error={form.errors.status} />
        {status === 'held' ? (
          <>
            <TextField id="visit-held-on" label={t.heldOn} type="date" value={heldOn} onValueChange={setHeldOn} error={form.errors.heldOn} />
            <Fieldset>
              <FieldsetLegend>{t.findingsLegend}</FieldsetLegend>
              {form.errors.findings ? <Paragraph className="kr-field-error">{form.errors.findings}</Paragraph> : null}
              {DOMAINS.map((domain) => (
                <TextAreaField
                  rows={3}
                  key={domain}
                  id={`visit-findings-${domain}`}
                  label={m.careLifeDomains[domain]}
                  value={findings[domain] ?? ''}
                  onValueChange={(value) => setFindings({ ...findings, [domain]: value })}
                  isOptional
                />
              ))}
            </Fieldset>
          </>
        ) : null}
        {status === 'not_held' ? (
          <TextAreaField rows={3} id="visit-reason" label={t.reasonNotHeld} value={reason} onValueChange={setReason} error={form.errors.reasonNotHeld} />
        ) : null}
        <TextAreaField rows={3} id="visit-follow-up" label={t.followUp} value={followUp} onValueChange={setFollowUp} error={form.errors.followUp} isOptional />
        <FormButtons submitLabel={m.app.save} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </Panel>
  );
}

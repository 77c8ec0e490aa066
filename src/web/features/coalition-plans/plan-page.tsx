// SPDX-License-Identifier: EUPL-1.2
// /coalities/:code/plan — the plan of approach of a coalition (seed 001: the six steps and
// "bijsturen"): the current version (read, or edited while it is a draft), step 1's figures live from
// the monitor, goals with progress, vaststellen, a new version, the versions, and the improvement actions.
import { amsterdamDate } from '../../../contracts/calendar.js';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { Confirmation } from '../../components/confirmation.js';
import { DataTable } from '../../components/data-table.js';
import { SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Panel } from '../../components/panel.js';
import { Button, ButtonGroup, ButtonLink, Heading, Link, Paragraph } from '../../components/ui.js';
import { LocalOfferLink } from '../local-offer/local-offer-link.js';
import { useMessages } from '../../i18n/messages.js';
import {
  GOAL_PHASES,
  IMPROVEMENT_ACTION_STATUSES,
  PLAN_STEPS,
  PROGRAMME_GOALS_OF_PHASE,
  type ImprovementActionStatus,
  type PlanStep,
} from '../../../contracts/coalition-plans.js';
import { planApi, planPaths, type ImprovementAction, type PlanContent, type PlanGoal, type PlanOverview, type PlanVersion } from './api.js';
import { FactsTable, GoalsTable, PlanFunding, StepSection, StepText, phaseText, programmeGoalText, statusText } from './plan-parts.js';
import './plan.css';

export default function PlanPage() {
  const { code = '' } = useParams();
  const coalitionCode = code.toUpperCase();
  const { m, format } = useMessages();
  const t = m.coalitionPlan;
  const overview = useAsync(() => planApi.overview(coalitionCode), [coalitionCode]);
  const [message, setMessage] = useState<{ text: string; key: number } | null>(null);
  const done = (text: string) => {
    setMessage((previous) => ({ text, key: (previous?.key ?? 0) + 1 }));
    overview.reload();
  };
  if (overview.error instanceof ApiError && (overview.error.status === 404 || overview.error.status === 400)) {
    return (
      <Page title={t.crumb}>
        <Paragraph>{t.notFound}</Paragraph>
      </Page>
    );
  }
  return (
    <AsyncContent state={overview}>
      {(data) => (
        <Page title={format(t.title, { name: data.coalition.name })} intro={t.intro}>
          <Confirmation text={message?.text} focusKey={message?.key} />
          <PlanView overview={data} onDone={done} />
        </Page>
      )}
    </AsyncContent>
  );
}

function PlanView({ overview, onDone }: { overview: PlanOverview; onDone(message: string): void }) {
  const { m, format, formatDate } = useMessages();
  const t = m.coalitionPlan;
  const code = overview.coalition.code;
  const current = overview.current;
  const [isApproving, setIsApproving] = useState(false);
  const [busy, setBusy] = useState(false);
  const start = async (fromVersion?: number) => {
    setBusy(true);
    try {
      const version = await planApi.start(code, fromVersion);
      onDone(format(t.started, { version: version.version }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {!current ? (
        <>
          <Paragraph>{overview.allowedActions.includes('start_plan') ? t.noPlan : t.noPlanVisible}</Paragraph>
          {overview.allowedActions.includes('start_plan') ? (
            <ButtonGroup>
              <Button variant="primary" busy={busy} onClick={() => void start()}>
                {t.startPlan}
              </Button>
            </ButtonGroup>
          ) : null}
          <StepSection step="facts">
            <FactsTable facts={overview.facts} coalitionName={overview.coalition.name} members={overview.coalition.municipalities} />
          </StepSection>
          <StepSection step="interventions">
            <LocalOfferLink code={code} />
          </StepSection>
        </>
      ) : (
        <>
          <Heading level={2} id="current-version">
            {format(t.versionHeading, { version: current.version })}: {statusText(t, current)}
          </Heading>
          <Paragraph>
            {current.status === 'approved'
              ? format(t.approvedLine, { date: formatDate(current.approvedOn!), body: current.approvedBy ?? '' })
              : format(t.draftLine, { date: formatDate(current.updatedAt) })}{' '}
            {current.basedOnVersion ? format(t.basedOn, { version: current.basedOnVersion }) : null}
          </Paragraph>
          <ButtonGroup>
            {current.allowedActions.includes('approve') && !isApproving ? <Button onClick={() => setIsApproving(true)}>{t.approve}</Button> : null}
            {current.allowedActions.includes('new_version') ? (
              <Button busy={busy} onClick={() => void start(current.version)}>
                {t.newVersion}
              </Button>
            ) : null}
            <ButtonLink variant="secondary" to={planPaths.print(code, current.version)}>
              {format(t.printVersion, { version: current.version })}
            </ButtonLink>
            {overview.versions.length >= 2 ? (
              <ButtonLink variant="secondary" to={planPaths.compare(code, overview.versions[1]!.version, overview.versions[0]!.version)}>
                {t.compare}
              </ButtonLink>
            ) : null}
          </ButtonGroup>
          {isApproving ? (
            <ApproveForm
              code={code}
              version={current}
              onClose={() => setIsApproving(false)}
              onDone={() => {
                setIsApproving(false);
                onDone(format(t.approvedDone, { version: current.version }));
              }}
            />
          ) : null}
          {current.allowedActions.includes('update') ? (
            <DraftForm key={`${current.version}-${current.revision}`} overview={overview} version={current} onDone={onDone} />
          ) : (
            <VersionView overview={overview} version={current} />
          )}
        </>
      )}
      <VersionsTable overview={overview} />
      {overview.improvementActions ? <ImprovementActions overview={overview} actions={overview.improvementActions} onDone={onDone} /> : null}
    </>
  );
}

function indicatorNameOf(overview: PlanOverview) {
  return (key: string) => overview.facts?.items.find((item) => item.indicator.key === key)?.indicator.name ?? key;
}

function VersionView({ overview, version }: { overview: PlanOverview; version: PlanVersion }) {
  return (
    <>
      {PLAN_STEPS.map((step) => (
        <StepSection key={step} step={step}>
          {step === 'facts' ? <FactsTable facts={overview.facts} coalitionName={overview.coalition.name} members={overview.coalition.municipalities} /> : null}
          <StepText text={version.content.texts[step]} />
          {step === 'coalition' ? <PlanFunding code={overview.coalition.code} /> : null}
          {step === 'interventions' ? <LocalOfferLink code={overview.coalition.code} /> : null}
          {step === 'goals' ? (
            <GoalsTable content={version.content} progress={overview.progress} csvName={`plan-${overview.coalition.code}-v${version.version}-doelen`} indicatorName={indicatorNameOf(overview)} />
          ) : null}
        </StepSection>
      ))}
    </>
  );
}

interface GoalDraft {
  id: string;
  phase: PlanGoal['phase'];
  programmeGoal: string;
  description: string;
  indicatorKey: string;
  targetValue: string;
  targetYear: string;
}

const toDraft = (goal: PlanGoal): GoalDraft => ({
  id: goal.id,
  phase: goal.phase,
  programmeGoal: String(goal.programmeGoal),
  description: goal.description,
  indicatorKey: goal.indicatorKey ?? '',
  targetValue: goal.targetValue === null ? '' : String(goal.targetValue).replace('.', ','),
  targetYear: goal.targetYear === null ? '' : String(goal.targetYear),
});

/** "12,5" or "12.5" → 12.5; empty → null; anything else → NaN (refused before sending). */
function parseNumber(text: string): number | null {
  const clean = text.trim().replace(',', '.');
  if (clean === '') return null;
  return /^-?\d+(\.\d+)?$/.test(clean) ? Number(clean) : Number.NaN;
}

function DraftForm({ overview, version, onDone }: { overview: PlanOverview; version: PlanVersion; onDone(message: string): void }) {
  const { m, format } = useMessages();
  const t = m.coalitionPlan;
  const code = overview.coalition.code;
  const [texts, setTexts] = useState<PlanContent['texts']>(version.content.texts);
  const [goals, setGoals] = useState<GoalDraft[]>(version.content.goals.map(toDraft));
  const fieldIds: Record<string, string> = Object.fromEntries(PLAN_STEPS.map((step) => [`content.texts.${step}`, `plan-text-${step}`]));
  goals.forEach((_goal, index) => {
    for (const field of ['phase', 'programmeGoal', 'description', 'indicatorKey', 'targetValue', 'targetYear']) fieldIds[`content.goals.${index}.${field}`] = `goal-${index}-${field}`;
  });
  const labels: Record<string, string> = Object.fromEntries(PLAN_STEPS.map((step) => [`content.texts.${step}`, t[`step_${step}`]]));
  goals.forEach((_goal, index) => {
    const prefix = `${format(t.goalLegend, { number: index + 1 })}, `;
    Object.assign(labels, {
      [`content.goals.${index}.phase`]: prefix + t.goalPhase,
      [`content.goals.${index}.programmeGoal`]: prefix + t.goalProgrammeGoal,
      [`content.goals.${index}.description`]: prefix + t.goalDescription,
      [`content.goals.${index}.indicatorKey`]: prefix + t.goalIndicator,
      [`content.goals.${index}.targetValue`]: prefix + t.goalTargetValue,
      [`content.goals.${index}.targetYear`]: prefix + t.goalTargetYear,
    });
  });
  const form = useForm(fieldIds);
  const setGoal = (index: number, change: Partial<GoalDraft>) =>
    setGoals((current) =>
      current.map((goal, at) => {
        if (at !== index) return goal;
        const next = { ...goal, ...change };
        // A programme goal belongs to one period (seed 000 §4): changing the period picks its first goal.
        if (change.phase && !PROGRAMME_GOALS_OF_PHASE[change.phase].map(String).includes(next.programmeGoal)) next.programmeGoal = String(PROGRAMME_GOALS_OF_PHASE[change.phase][0]);
        return next;
      }),
    );
  const submit = form.submitWith(
    () => {
      const errors: Record<string, string> = {};
      goals.forEach((goal, index) => {
        if (goal.description.trim() === '') errors[`content.goals.${index}.description`] = m.validation.required;
        if (Number.isNaN(parseNumber(goal.targetValue))) errors[`content.goals.${index}.targetValue`] = t.invalidNumber;
        const year = parseNumber(goal.targetYear);
        if (Number.isNaN(year) || (year !== null && !Number.isInteger(year))) errors[`content.goals.${index}.targetYear`] = t.invalidYear;
      });
      return errors;
    },
    async () => {
      const content: PlanContent = {
        texts,
        goals: goals.map((goal) => ({
          id: goal.id,
          phase: goal.phase,
          programmeGoal: Number(goal.programmeGoal) as PlanGoal['programmeGoal'],
          description: goal.description,
          indicatorKey: goal.indicatorKey === '' ? null : goal.indicatorKey,
          targetValue: parseNumber(goal.targetValue),
          targetYear: parseNumber(goal.targetYear),
        })),
      };
      const saved = await planApi.save(code, version.version, { revision: version.revision, content });
      onDone(format(t.saved, { version: saved.version }));
    },
  );
  const indicators = (overview.facts?.items ?? []).map((item) => ({ value: item.indicator.key, label: item.indicator.name }));
  return (
    <section aria-labelledby="edit-title">
      <Heading level={2} id="edit-title">
        {t.editTitle}
      </Heading>
      <ErrorSummary {...form.summary} labels={labels} />
      <Form onSubmit={submit} label={t.editTitle}>
        {PLAN_STEPS.map((step: PlanStep) => (
          <StepSection key={step} step={step}>
            {step === 'facts' ? <FactsTable facts={overview.facts} coalitionName={overview.coalition.name} members={overview.coalition.municipalities} /> : null}
            <TextAreaField
              id={`plan-text-${step}`}
              label={t[`step_${step}`]}
              description={t[`hint_${step}`]}
              rows={step === 'review' || step === 'goals' ? 3 : 5}
              value={texts[step]}
              onValueChange={(value) => setTexts((current) => ({ ...current, [step]: value }))}
              error={form.errors[`content.texts.${step}`]}
              isOptional
            />
            {step === 'coalition' ? <PlanFunding code={code} /> : null}
            {step === 'interventions' ? <LocalOfferLink code={code} /> : null}
            {step === 'goals' ? (
              <>
                {goals.map((goal, index) => (
                  <fieldset key={goal.id} className="utrecht-form-fieldset kr-plan-goal">
                    <legend className="utrecht-form-fieldset__legend">{format(t.goalLegend, { number: index + 1 })}</legend>
                    <SelectField
                      id={`goal-${index}-phase`}
                      label={t.goalPhase}
                      value={goal.phase}
                      onValueChange={(value) => setGoal(index, { phase: value as PlanGoal['phase'] })}
                      options={GOAL_PHASES.map((phase) => ({ value: phase, label: phaseText(t, phase) }))}
                      error={form.errors[`content.goals.${index}.phase`]}
                    />
                    <SelectField
                      id={`goal-${index}-programmeGoal`}
                      label={t.goalProgrammeGoal}
                      value={goal.programmeGoal}
                      onValueChange={(value) => setGoal(index, { programmeGoal: value })}
                      options={PROGRAMME_GOALS_OF_PHASE[goal.phase].map((number) => ({ value: String(number), label: programmeGoalText(t, number) }))}
                      error={form.errors[`content.goals.${index}.programmeGoal`]}
                    />
                    <TextAreaField
                      id={`goal-${index}-description`}
                      label={t.goalDescription}
                      rows={2}
                      value={goal.description}
                      onValueChange={(value) => setGoal(index, { description: value })}
                      error={form.errors[`content.goals.${index}.description`]}
                    />
                    <SelectField
                      id={`goal-${index}-indicatorKey`}
                      label={t.goalIndicator}
                      description={t.goalIndicatorDescription}
                      value={goal.indicatorKey}
                      onValueChange={(value) => setGoal(index, { indicatorKey: value })}
                      emptyOption={t.goalNoIndicator}
                      options={indicators}
                      error={form.errors[`content.goals.${index}.indicatorKey`]}
                      isOptional
                    />
                    <TextField
                      id={`goal-${index}-targetValue`}
                      label={t.goalTargetValue}
                      inputMode="text"
                      value={goal.targetValue}
                      onValueChange={(value) => setGoal(index, { targetValue: value })}
                      error={form.errors[`content.goals.${index}.targetValue`]}
                      isOptional
                    />
                    <TextField
                      id={`goal-${index}-targetYear`}
                      label={t.goalTargetYear}
                      inputMode="numeric"
                      value={goal.targetYear}
                      onValueChange={(value) => setGoal(index, { targetYear: value })}
                      error={form.errors[`content.goals.${index}.targetYear`]}
                      isOptional
                    />
                    <ButtonGroup>
                      <Button variant="subtle" onClick={() => setGoals((current) => current.filter((_item, at) => at !== index))}>
                        {format(t.removeGoal, { number: index + 1 })}
                      </Button>
                    </ButtonGroup>
                  </fieldset>
                ))}
                <ButtonGroup>
                  <Button
                    onClick={() =>
                      setGoals((current) => [
                        ...current,
                        { id: crypto.randomUUID(), phase: 'before_pregnancy', programmeGoal: '1', description: '', indicatorKey: '', targetValue: '', targetYear: '' },
                      ])
                    }
                  >
                    {t.addGoal}
                  </Button>
                </ButtonGroup>
              </>
            ) : null}
          </StepSection>
        ))}
        <FormButtons submitLabel={t.save} isSubmitting={form.isSubmitting} />
      </Form>
    </section>
  );
}

function ApproveForm({ code, version, onClose, onDone }: { code: string; version: PlanVersion; onClose(): void; onDone(): void }) {
  const { m, format } = useMessages();
  const t = m.coalitionPlan;
  const [approvedOn, setApprovedOn] = useState(amsterdamDate(new Date()));
  const [approvedBy, setApprovedBy] = useState('');
  const form = useForm({ approvedOn: 'approve-on', approvedBy: 'approve-by' });
  const submit = form.submitWith(
    () => ({
      ...(approvedOn === '' ? { approvedOn: m.validation.required } : {}),
      ...(approvedBy.trim() === '' ? { approvedBy: m.validation.required } : {}),
    }),
    async () => {
      await planApi.approve(code, version.version, { revision: version.revision, approvedOn, approvedBy });
      onDone();
    },
  );
  return (
    <Panel id="approve-plan" title={format(t.approveTitle, { version: version.version })} onClose={onClose}>
      <Paragraph>{t.approveIntro}</Paragraph>
      <ErrorSummary {...form.summary} labels={{ approvedOn: t.approvedOn, approvedBy: t.approvedBy }} />
      <Form onSubmit={submit}>
        <TextField id="approve-on" label={t.approvedOn} type="date" value={approvedOn} onValueChange={setApprovedOn} error={form.errors.approvedOn} />
        <TextField id="approve-by" label={t.approvedBy} description={t.approvedByDescription} value={approvedBy} onValueChange={setApprovedBy} error={form.errors.approvedBy} />
        <FormButtons submitLabel={t.approve} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </Panel>
  );
}

function VersionsTable({ overview }: { overview: PlanOverview }) {
  const { m, format, formatDate } = useMessages();
  const t = m.coalitionPlan;
  if (overview.versions.length === 0) return null;
  const code = overview.coalition.code;
  return (
    <section aria-labelledby="versions-title">
      <Heading level={2} id="versions-title">
        {t.versionsTitle}
      </Heading>
      <DataTable
        caption={t.versionsCaption}
        csvName={`plan-${code}-versies`}
        rows={overview.versions}
        rowKey={(version) => String(version.version)}
        columns={[
          { key: 'version', header: t.columnVersion, cell: (version) => version.version, isNumeric: true },
          { key: 'status', header: t.columnStatus, cell: (version) => statusText(t, version) },
          { key: 'approvedOn', header: t.columnApprovedOn, cell: (version) => (version.approvedOn ? formatDate(version.approvedOn) : ''), csv: (version) => version.approvedOn },
          { key: 'approvedBy', header: t.columnApprovedBy, cell: (version) => version.approvedBy ?? '' },
          { key: 'updatedAt', header: t.columnUpdatedAt, cell: (version) => formatDate(version.updatedAt), csv: (version) => version.updatedAt },
          {
            key: 'links',
            header: t.columnLinks,
            cell: (version) => <Link to={planPaths.print(code, version.version)}>{format(t.printVersion, { version: version.version })}</Link>,
            csv: () => null,
          },
        ]}
      />
      {overview.versions.length >= 2 ? (
        <Paragraph>
          <Link to={planPaths.compare(code, overview.versions[1]!.version, overview.versions[0]!.version)}>{t.compare}</Link>
        </Paragraph>
      ) : null}
    </section>
  );
}

function ImprovementActions({ overview, actions, onDone }: { overview: PlanOverview; actions: ImprovementAction[]; onDone(message: string): void }) {
  const { m, format, formatDate } = useMessages();
  const t = m.coalitionPlan;
  const code = overview.coalition.code;
  const mayUpdate = overview.allowedActions.includes('update_improvement_action');
  const [title, setTitle] = useState('');
  const form = useForm({ title: 'action-title' });
  const submit = form.submitWith(
    () => (title.trim() === '' ? { title: m.validation.required } : {}),
    async () => {
      await planApi.addAction(code, { title, origin: null });
      onDone(format(t.actionAdded, { title: title.trim() }));
      setTitle('');
    },
  );
  const statusLabel = (status: ImprovementActionStatus) => t[`status_${status}`];
  const setStatus = async (action: ImprovementAction, status: ImprovementActionStatus) => {
    if (status === action.status) return;
    await planApi.updateAction(code, action.id, { version: action.version, status });
    onDone(format(t.actionStatusSaved, { title: action.title, status: statusLabel(status) }));
  };
  return (
    <section aria-labelledby="actions-title">
      <Heading level={2} id="actions-title">
        {t.actionsTitle}
      </Heading>
      <Paragraph>{t.actionsIntro}</Paragraph>
      {actions.length === 0 ? (
        <Paragraph>{t.actionsEmpty}</Paragraph>
      ) : (
        <DataTable
          caption={t.actionsCaption}
          csvName={`plan-${code}-verbeteracties`}
          rows={actions}
          rowKey={(action) => action.id}
          columns={[
            { key: 'title', header: t.columnTitle, cell: (action) => action.title },
            { key: 'origin', header: t.columnOrigin, cell: (action) => (action.origin ? t.originSelfAnalysis : t.originOwn) },
            { key: 'updatedAt', header: t.columnUpdatedAt, cell: (action) => formatDate(action.updatedAt), csv: (action) => action.updatedAt },
            {
              key: 'status',
              header: t.columnStatus,
              csv: (action) => statusLabel(action.status),
              cell: (action) => (mayUpdate ? <ActionStatusForm action={action} onSave={setStatus} /> : statusLabel(action.status)),
            },
          ]}
        />
      )}
      {overview.allowedActions.includes('create_improvement_action') ? (
        <>
          <ErrorSummary {...form.summary} labels={{ title: t.actionTitle }} />
          <Form onSubmit={submit} label={t.addAction}>
            <TextField id="action-title" label={t.actionTitle} value={title} onValueChange={setTitle} error={form.errors.title} />
            <FormButtons submitLabel={t.addAction} isSubmitting={form.isSubmitting} />
          </Form>
        </>
      ) : null}
    </section>
  );
}

/** One action's status: a choice and its own save button (changing the choice alone does nothing, WCAG 3.2.2). */
function ActionStatusForm({ action, onSave }: { action: ImprovementAction; onSave(action: ImprovementAction, status: ImprovementActionStatus): Promise<void> }) {
  const { m, format } = useMessages();
  const t = m.coalitionPlan;
  const [status, setStatus] = useState<ImprovementActionStatus>(action.status);
  const form = useForm({ status: `action-status-${action.id}` });
  const submit = form.submitWith(
    () => ({}),
    () => onSave(action, status),
  );
  return (
    <Form onSubmit={submit} label={format(t.actionStatusLabel, { title: action.title })}>
      <ErrorSummary {...form.summary} labels={{ status: t.columnStatus }} />
      <div className="kr-plan-action-status">
        <SelectField
          id={`action-status-${action.id}`}
          label={<span className="kr-visually-hidden">{format(t.actionStatusLabel, { title: action.title })}</span>}
          value={status}
          onValueChange={(value) => setStatus(value as ImprovementActionStatus)}
          options={IMPROVEMENT_ACTION_STATUSES.map((value) => ({ value, label: t[`status_${value}`] }))}
        />
        <Button type="submit" busy={form.isSubmitting} aria-label={`${t.save}: ${format(t.actionStatusLabel, { title: action.title })}`}>
          {t.save}
        </Button>
      </div>
    </Form>
  );
}

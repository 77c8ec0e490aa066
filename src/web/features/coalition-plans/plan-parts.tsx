// SPDX-License-Identifier: EUPL-1.2
// Parts of the plan of approach shared by the plan page and its print view: step 1's figures from the
// monitor, the text of a step, and the goals with their progress.
import type { ReactNode } from 'react';
import { DataTable } from '../../components/data-table.js';
import { Heading, Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import type { AreaProfile, AreaProfileRow } from '../../../contracts/monitor.js';
import type { GoalProgress, PlanContent, PlanGoal, PlanStep, PlanVersionSummary } from '../../../contracts/coalition-plans.js';
import { FigureValue } from '../monitor/figure-value.js';
import { formatValue } from '../monitor/format.js';
import { CoalitionFunding } from '../coalitions/funding-table.js';

type T = ReturnType<typeof useMessages>['m']['coalitionPlan'];

export function stepTitle(t: T, step: PlanStep): string {
  return t[`step_${step}`];
}

export function phaseText(t: T, phase: PlanGoal['phase']): string {
  return t[`phase_${phase}`];
}

export function programmeGoalText(t: T, goal: PlanGoal['programmeGoal']): string {
  return t[`programmeGoal_${goal}`];
}

export function statusText(t: T, version: Pick<PlanVersionSummary, 'status'>): string {
  return version.status === 'approved' ? t.statusApproved : t.statusDraft;
}

/** Seed 001 stap 1: the coalition's figures from the monitor, with interval and comparison (CSV too). */
export function FactsTable({
  facts,
  coalitionName,
  members = [],
}: {
  facts: AreaProfile | null;
  coalitionName: string;
  /** Member municipalities: the monitor compares each with similar municipalities (a coalition has no size class). */
  members?: { code: string; name: string }[];
}) {
  const { m, format, locale } = useMessages();
  const t = m.coalitionPlan;
  if (!facts) return <Paragraph>{t.factsNone}</Paragraph>;
  const comparisonOf = (row: AreaProfileRow) => {
    const published = row.comparisons.filter((comparison) => comparison.isPublished && comparison.value !== null);
    return published.length === 0
      ? t.comparisonNone
      : published.map((comparison) => `${comparison.label}: ${formatValue(comparison.value!, row.indicator.unit, locale, m)}`).join('; ');
  };
  return (
    <>
      <Paragraph>{t.factsIntro}</Paragraph>
      <DataTable
        caption={format(t.factsCaption, { name: coalitionName })}
        csvName={`plan-${facts.areaCode}-cijfers`}
        rows={facts.items}
        rowKey={(row) => row.indicator.key}
        columns={[
          { key: 'indicator', header: t.columnIndicator, cell: (row) => row.indicator.name },
          { key: 'period', header: t.columnPeriod, cell: (row) => row.figure?.period ?? '' },
          {
            key: 'value',
            header: t.columnValue,
            cell: (row) => <FigureValue figure={row.figure} unit={row.indicator.unit} />,
            csv: (row) => (row.figure?.isSuppressed ? m.monitorPages.suppressed : (row.figure?.value ?? null)),
          },
          { key: 'lower', header: t.columnLower, cell: (row) => (row.figure?.lower === null || row.figure?.lower === undefined ? '' : formatValue(row.figure.lower, row.indicator.unit, locale, m)), csv: (row) => row.figure?.lower ?? null },
          { key: 'upper', header: t.columnUpper, cell: (row) => (row.figure?.upper === null || row.figure?.upper === undefined ? '' : formatValue(row.figure.upper, row.indicator.unit, locale, m)), csv: (row) => row.figure?.upper ?? null },
          { key: 'comparison', header: t.columnComparison, cell: comparisonOf },
        ]}
      />
      <Paragraph className="kr-no-print">
        {t.factsMore}{' '}
        <Link to={`/monitor/gebieden/${facts.areaCode}`}>{t.factsMoreCoalition}</Link>
        {members.map((member) => (
          <span key={member.code}>
            {', '}
            <Link to={`/monitor/gebieden/${member.code}`}>{member.name}</Link>
          </span>
        ))}
        .
      </Paragraph>
    </>
  );
}

export function StepText({ text }: { text: string }) {
  const { m } = useMessages();
  if (text.trim() === '') return <Paragraph className="kr-plan-empty">{m.coalitionPlan.emptyText}</Paragraph>;
  return (
    <>
      {text.split(/\n{2,}/).map((paragraph, index) => (
        <Paragraph key={index} className="kr-plan-text">
          {paragraph}
        </Paragraph>
      ))}
    </>
  );
}

export function progressText(t: T, format: ReturnType<typeof useMessages>['format'], progress: GoalProgress, value: (n: number) => string): string {
  const target = progress.targetValue === null ? '' : value(progress.targetValue);
  if (progress.state === 'suppressed') return format(t.progressSuppressed, { period: progress.period ?? '' });
  if (progress.state === 'no_figure' || progress.value === null) return t.progressNoFigure;
  return format(progress.state === 'reached' ? t.progressReached : t.progressNotReached, { value: value(progress.value), period: progress.period ?? '', target });
}

/** Seed 001 stap 4: the goals per period, tied to the programme's goals, with progress where they name an indicator. */
export function GoalsTable({ content, progress, csvName, indicatorName }: { content: PlanContent; progress: GoalProgress[]; csvName: string; indicatorName(key: string): string }) {
  const { m, format, locale } = useMessages();
  const t = m.coalitionPlan;
  if (content.goals.length === 0) return <Paragraph>{t.noGoals}</Paragraph>;
  const progressOf = (goal: PlanGoal) => progress.find((item) => item.goalId === goal.id);
  const valueIn = (goal: PlanGoal) => (n: number) => {
    const item = progressOf(goal);
    return item ? formatValue(n, item.unit, locale, m) : String(n);
  };
  const target = (goal: PlanGoal): string =>
    goal.indicatorKey && goal.targetValue !== null
      ? `${indicatorName(goal.indicatorKey)}: ${format(t.targetText, { value: valueIn(goal)(goal.targetValue), year: goal.targetYear ?? '' })}`
      : goal.targetYear
        ? String(goal.targetYear)
        : '';
  return (
    <DataTable
      caption={t.goalsCaption}
      csvName={csvName}
      rows={content.goals}
      rowKey={(goal) => goal.id}
      columns={[
        { key: 'phase', header: t.columnPhase, cell: (goal) => phaseText(t, goal.phase) },
        { key: 'programmeGoal', header: t.columnProgrammeGoal, cell: (goal) => programmeGoalText(t, goal.programmeGoal) },
        { key: 'description', header: t.columnDescription, cell: (goal) => goal.description },
        { key: 'target', header: t.columnTarget, cell: target },
        {
          key: 'progress',
          header: t.columnProgress,
          cell: (goal) => {
            const item = progressOf(goal);
            return item ? progressText(t, format, item, valueIn(goal)) : '';
          },
        },
      ]}
    />
  );
}

export function StepSection({ step, children }: { step: PlanStep; children: ReactNode }) {
  const { m } = useMessages();
  return (
    <section aria-labelledby={`step-${step}`} className="kr-plan-step">
      <Heading level={2} id={`step-${step}`}>
        {stepTitle(m.coalitionPlan, step)}
      </Heading>
      {children}
    </section>
  );
}

/** Issue 10 item 7: the coalition's funding in step 2, read live from the coalition register (no copy in the plan). */
export function PlanFunding({ code }: { code: string }) {
  const { m } = useMessages();
  return (
    <CoalitionFunding
      code={code}
      intro={
        <Paragraph className="kr-no-print">
          {m.coalitionPlan.fundingIntro} <Link to={`/coalities/${code}`}>{m.coalitionPlan.fundingLink}</Link>.
        </Paragraph>
      }
    />
  );
}

// SPDX-License-Identifier: EUPL-1.2
// /coalities/:code/plan/vergelijken?van=1&naar=2 — two versions side by side, per step, with the
// changed steps marked (in words, not only by colour) and the goals paired.
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { DataTable } from '../../components/data-table.js';
import { SelectField } from '../../components/fields.js';
import { Form, FormButtons, useForm } from '../../components/form.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Heading, Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { planApi, planPaths, type PlanComparison, type PlanGoal, type PlanOverview } from './api.js';
import { StepText, phaseText, programmeGoalText, statusText, stepTitle } from './plan-parts.js';
import './plan.css';

export default function ComparePage() {
  const { code = '' } = useParams();
  const coalitionCode = code.toUpperCase();
  const [params] = useSearchParams();
  const from = Number(params.get('van'));
  const to = Number(params.get('naar'));
  const { m, format } = useMessages();
  const t = m.coalitionPlan;
  const overview = useAsync(() => planApi.overview(coalitionCode), [coalitionCode]);
  return (
    <AsyncContent state={overview}>
      {(data) => (
        <Page title={format(t.compareTitle, { name: data.coalition.name })}>
          <Paragraph>
            <Link to={planPaths.plan(coalitionCode)}>{t.backToPlan}</Link>
          </Paragraph>
          {data.versions.length < 2 ? (
            <Paragraph>{t.compareNeedsTwo}</Paragraph>
          ) : (
            <>
              <ChooseVersions overview={data} from={from} to={to} />
              {from > 0 && to > 0 ? <Comparison code={coalitionCode} from={from} to={to} /> : null}
            </>
          )}
        </Page>
      )}
    </AsyncContent>
  );
}

function ChooseVersions({ overview, from, to }: { overview: PlanOverview; from: number; to: number }) {
  const { m, format } = useMessages();
  const t = m.coalitionPlan;
  const navigate = useNavigate();
  const options = overview.versions.map((version) => ({ value: String(version.version), label: `${format(t.versionHeading, { version: version.version })} (${statusText(t, version)})` }));
  const [fromValue, setFromValue] = useState(String(from || overview.versions[1]!.version));
  const [toValue, setToValue] = useState(String(to || overview.versions[0]!.version));
  const form = useForm({ from: 'compare-from', to: 'compare-to' });
  const submit = form.submitWith(
    () => ({}),
    async () => {
      await navigate(planPaths.compare(overview.coalition.code, Number(fromValue), Number(toValue)));
    },
  );
  return (
    <Form onSubmit={submit} label={t.compare}>
      <SelectField id="compare-from" label={t.compareFrom} value={fromValue} onValueChange={setFromValue} options={options} />
      <SelectField id="compare-to" label={t.compareTo} value={toValue} onValueChange={setToValue} options={options} />
      <FormButtons submitLabel={t.compareSubmit} isSubmitting={form.isSubmitting} />
    </Form>
  );
}

function Comparison({ code, from, to }: { code: string; from: number; to: number }) {
  const comparison = useAsync(() => planApi.compare(code, from, to), [code, from, to]);
  return <AsyncContent state={comparison}>{(data) => <ComparisonView comparison={data} />}</AsyncContent>;
}

function goalText(t: ReturnType<typeof useMessages>['m']['coalitionPlan'], goal: PlanGoal | null): string {
  if (!goal) return '';
  const target = goal.indicatorKey && goal.targetValue !== null ? ` (${goal.indicatorKey}: ${goal.targetValue} in ${goal.targetYear ?? ''})` : '';
  return `${phaseText(t, goal.phase)}; ${programmeGoalText(t, goal.programmeGoal)}: ${goal.description}${target}`;
}

function ComparisonView({ comparison }: { comparison: PlanComparison }) {
  const { m, format } = useMessages();
  const t = m.coalitionPlan;
  const versionName = (version: number) => format(t.versionHeading, { version });
  const changeText = { added: t.goalAdded, removed: t.goalRemoved, changed: t.goalChanged, same: t.goalSame } as const;
  return (
    <>
      <Paragraph>{format(t.compareCaption, { from: comparison.from.version, to: comparison.to.version })}</Paragraph>
      {comparison.steps.map((row) => (
        <section key={row.step} aria-labelledby={`compare-${row.step}`} className={row.isChanged ? 'kr-plan-step kr-plan-changed' : 'kr-plan-step'}>
          <Heading level={2} id={`compare-${row.step}`}>
            {stepTitle(t, row.step)} <span className="kr-plan-change-mark">({row.isChanged ? t.changed : t.unchanged})</span>
          </Heading>
          <div className="kr-plan-compare">
            <div>
              <Heading level={3}>{versionName(comparison.from.version)}</Heading>
              <StepText text={row.fromText} />
            </div>
            <div>
              <Heading level={3}>{versionName(comparison.to.version)}</Heading>
              <StepText text={row.toText} />
            </div>
          </div>
        </section>
      ))}
      <DataTable
        caption={format(t.compareGoalsCaption, { from: comparison.from.version, to: comparison.to.version })}
        csvName={`plan-vergelijking-v${comparison.from.version}-v${comparison.to.version}`}
        rows={comparison.goals}
        rowKey={(row) => row.goalId}
        columns={[
          { key: 'from', header: versionName(comparison.from.version), cell: (row) => goalText(t, row.from) },
          { key: 'to', header: versionName(comparison.to.version), cell: (row) => goalText(t, row.to) },
          { key: 'change', header: t.columnChange, cell: (row) => changeText[row.change] },
        ]}
      />
    </>
  );
}

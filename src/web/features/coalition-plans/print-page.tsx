// SPDX-License-Identifier: EUPL-1.2
// /coalities/:code/plan/versies/:version/afdrukken — one version of the plan as a document: every
// step, the figures of step 1, the funding (from the register) in step 2, the goals; the print stylesheet (plan.css) hides the application
// around it, so the browser's "print" or "save as PDF" gives just the plan.
import { useParams } from 'react-router';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Button, ButtonGroup, Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { PLAN_STEPS } from '../../../contracts/coalition-plans.js';
import { planApi, planPaths } from './api.js';
import { FactsTable, GoalsTable, PlanFunding, StepSection, StepText, statusText } from './plan-parts.js';
import './plan.css';

export default function PrintPage() {
  const { code = '', version = '' } = useParams();
  const coalitionCode = code.toUpperCase();
  const number = Number(version);
  const { m, format, formatDate } = useMessages();
  const t = m.coalitionPlan;
  const data = useAsync(async () => {
    const [overview, plan] = await Promise.all([planApi.overview(coalitionCode), planApi.version(coalitionCode, number)]);
    return { overview, plan };
  }, [coalitionCode, number]);
  return (
    <AsyncContent state={data}>
      {({ overview, plan }) => (
        <Page title={format(t.printTitle, { name: overview.coalition.name, version: plan.version })}>
          <div className="kr-no-print">
            <Paragraph>
              <Link to={planPaths.plan(coalitionCode)}>{t.backToPlan}</Link>
            </Paragraph>
            <ButtonGroup>
              <Button variant="primary" onClick={() => window.print()}>
                {t.printNow}
              </Button>
            </ButtonGroup>
          </div>
          <Paragraph>
            {statusText(t, plan)}.{' '}
            {plan.status === 'approved' ? format(t.approvedLine, { date: formatDate(plan.approvedOn!), body: plan.approvedBy ?? '' }) : format(t.draftLine, { date: formatDate(plan.updatedAt) })}
          </Paragraph>
          {PLAN_STEPS.map((step) => (
            <StepSection key={step} step={step}>
              {step === 'facts' ? <FactsTable facts={overview.facts} coalitionName={overview.coalition.name} members={overview.coalition.municipalities} /> : null}
              <StepText text={plan.content.texts[step]} />
              {step === 'coalition' ? <PlanFunding code={coalitionCode} /> : null}
              {step === 'goals' ? (
                <GoalsTable
                  content={plan.content}
                  // Progress belongs to the version the plan page shows; for another version it is left out.
                  progress={overview.current?.version === plan.version ? overview.progress : []}
                  csvName={`plan-${coalitionCode}-v${plan.version}-doelen`}
                  indicatorName={(key) => overview.facts?.items.find((item) => item.indicator.key === key)?.indicator.name ?? key}
                />
              ) : null}
            </StepSection>
          ))}
        </Page>
      )}
    </AsyncContent>
  );
}

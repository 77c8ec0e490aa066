// SPDX-License-Identifier: EUPL-1.2
// /coalities/{code}/zelfanalyse/{roundId}/rapport: the report of a round — per part and per statement
// the mean, spread and distribution, where partners disagree (rule stated on the page; the server's
// domain/score-statistics.ts defines it), the weakest statements with "Maak verbeteractie" (which
// calls the plan part's POST /coalitions/{code}/improvement-actions), the change since the previous
// round; every table to CSV; a print view.
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { AnalysisReport } from '../../../contracts/coalition-analysis.js';
import { ApiError } from '../../api/client.js';
import { Confirmation } from '../../components/confirmation.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { analysisApi } from './api.js';
import { changeFigure, figure } from './labels.js';
import { PartChart } from './part-chart.js';
import './coalition-analysis.css';

type Part = AnalysisReport['parts'][number];
type Statement = AnalysisReport['statements'][number];
type GroupRow = NonNullable<AnalysisReport['groups']>['rows'][number];

export default function ReportPage() {
  const { code = '', roundId = '' } = useParams();
  const { m, format, locale } = useMessages();
  const state = useAsync(() => analysisApi.report(code, roundId), [code, roundId]);
  const [message, setMessage] = useState<string | null>(null);
  const [messageKey, setMessageKey] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  const improve = async (statement: Statement) => {
    setFailure(null);
    setMessage(null);
    try {
      await analysisApi.improve(code, { title: format(m.analysis.improveTitle, { text: statement.text }).slice(0, 300), origin: { roundId, statementKey: statement.key } });
      setMessage(format(m.analysis.improved, { number: statement.number }));
      setMessageKey((key) => key + 1);
    } catch (error) {
      const reason = error instanceof ApiError ? (m.errors[error.code] ?? m.errors.internal) : m.shell.networkError;
      setFailure(format(m.analysis.improveFailed, { number: statement.number, reason }));
    }
  };

  const num = (value: number | null) => figure(value, locale, m);
  const statementColumns = (report: AnalysisReport): Column<Statement>[] => [
    { key: 'number', header: m.analysis.columnNumber, cell: (row) => row.number },
    { key: 'statement', header: m.analysis.columnStatement, cell: (row) => row.text },
    { key: 'count', header: m.analysis.columnCount, cell: (row) => (row.isSuppressed ? m.analysis.suppressed : row.count), isNumeric: true },
    { key: 'mean', header: m.analysis.columnMean, cell: (row) => num(row.mean), isNumeric: true },
    { key: 'sd', header: m.analysis.columnSd, cell: (row) => num(row.standardDeviation), isNumeric: true },
    { key: 'distribution', header: m.analysis.columnDistribution, cell: (row) => (row.distribution ? row.distribution.join(' / ') : m.analysis.suppressed) },
    { key: 'disagreement', header: m.analysis.columnDisagreement, cell: (row) => (row.isDisagreement ? m.analysis.disagreementYes : m.analysis.disagreementNo) },
    ...(report.previousRound ? [{ key: 'change', header: m.analysis.columnChange, cell: (row: Statement) => changeFigure(row.change, locale, m), isNumeric: true }] : []),
  ];

  return (
    <AsyncContent state={state}>
      {(report) => {
        const partColumns: Column<Part>[] = [
          { key: 'part', header: m.analysis.columnPart, cell: (row) => row.title },
          { key: 'count', header: m.analysis.columnCount, cell: (row) => row.count, isNumeric: true },
          { key: 'mean', header: m.analysis.columnMean, cell: (row) => num(row.mean), isNumeric: true },
          { key: 'sd', header: m.analysis.columnSd, cell: (row) => num(row.standardDeviation), isNumeric: true },
          { key: 'disagreements', header: m.analysis.columnDisagreements, cell: (row) => row.disagreementCount, isNumeric: true },
          ...(report.previousRound ? [{ key: 'change', header: m.analysis.columnChange, cell: (row: Part) => changeFigure(row.change, locale, m), isNumeric: true }] : []),
        ];
        const weakest = report.weakest.map((key) => report.statements.find((statement) => statement.key === key)!);
        const canImprove = report.allowedActions.includes('improve');
        const weakestColumns: Column<Statement>[] = [
          ...statementColumns(report).filter((column) => ['number', 'statement', 'mean', 'sd', 'disagreement'].includes(column.key)),
          ...(canImprove
            ? [
                {
                  key: 'action',
                  header: m.analysis.columnActions,
                  cell: (row: Statement) => (
                    <Button variant="secondary" className="kr-no-print" onClick={() => improve(row)} aria-label={format(m.analysis.improveLabel, { number: row.number })}>
                      {m.analysis.improve}
                    </Button>
                  ),
                  csv: () => '',
                },
              ]
            : []),
        ];
        const groupParts = report.parts.map((part) => ({ key: `part-${part.key}`, header: part.title, cell: (row: GroupRow) => num(row.partMeans[part.key] ?? null), isNumeric: true }));
        const groupColumns: Column<GroupRow>[] = report.groups
          ? [
              {
                key: 'label',
                header: report.groups.kind === 'named' ? m.analysis.columnPerson : m.analysis.columnPartner,
                cell: (row) => row.label || m.analysis.noOrganisation,
              },
              { key: 'count', header: m.analysis.columnRespondentCount, cell: (row) => row.count, isNumeric: true },
              ...groupParts,
            ]
          : [];
        return (
          <Page
            title={format(m.analysis.reportTitle, { title: report.round.title })}
            intro={format(m.analysis.reportIntro, { coalition: report.coalition.name, answered: report.round.answeredCount, invited: report.round.respondentCount })}
          >
            <Confirmation text={message} focusKey={messageKey} />
            {failure ? (
              <Alert type="error" ref={failureRef} tabIndex={-1}>
                {failure}
              </Alert>
            ) : null}
            <Paragraph>{m.analysis.disagreementRule}</Paragraph>
            {report.round.anonymity === 'anonymous' ? <Paragraph>{m.analysis.anonymousRule}</Paragraph> : null}
            <Paragraph>{report.previousRound ? format(m.analysis.previousRound, { title: report.previousRound.title }) : m.analysis.noPrevious}</Paragraph>
            <ButtonGroup>
              <Button variant="secondary" className="kr-no-print" onClick={() => window.print()}>
                {m.analysis.print}
              </Button>
            </ButtonGroup>
            <PartChart parts={report.parts} />
            <DataTable caption={m.analysis.partsCaption} columns={partColumns} rows={report.parts} rowKey={(row) => row.key} csvName={`zelfanalyse-delen-${code}`} />
            <section aria-labelledby="weakest-title">
              <Heading level={2} id="weakest-title">
                {m.analysis.weakestTitle}
              </Heading>
              <Paragraph>{m.analysis.weakestIntro}</Paragraph>
              <DataTable caption={m.analysis.weakestCaption} columns={weakestColumns} rows={weakest} rowKey={(row) => row.key} csvName={`zelfanalyse-zwakste-${code}`} />
            </section>
            {report.groups ? (
              <DataTable
                caption={report.groups.kind === 'named' ? m.analysis.groupsNamedCaption : m.analysis.groupsPartnerCaption}
                columns={groupColumns}
                rows={report.groups.rows}
                rowKey={(row) => row.label}
                csvName={`zelfanalyse-groepen-${code}`}
              />
            ) : null}
            {report.parts.map((part) => (
              <DataTable
                key={part.key}
                caption={format(m.analysis.statementsCaption, { part: part.title })}
                columns={statementColumns(report)}
                rows={report.statements.filter((statement) => statement.partKey === part.key)}
                rowKey={(row) => row.key}
                csvName={`zelfanalyse-${part.key}-${code}`}
              />
            ))}
          </Page>
        );
      }}
    </AsyncContent>
  );
}

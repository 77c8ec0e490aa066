// SPDX-License-Identifier: EUPL-1.2
// /monitor: the national figures in the form of seed 003's Table 1 — per phase, per indicator the value,
// year and change symbol (with its meaning and significance in words), and the split by vulnerable
// situation where there is one. Every indicator links to its map.
import { Fragment } from 'react';
import { monitorApi, monitorPaths } from '../../api/endpoints.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Link, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { hasAnyRole, useSession } from '../../session/session.js';
import type { Figure, Indicator, OverviewRow } from '../../../contracts/monitor.js';
import { PHASES } from './constants.js';
import { ChangeMark, SourceLine, SymbolLegend, SyntheticNotice, TableDownloads } from './common.js';
import { FigureValue } from './figure-value.js';
import { phaseLabel } from './format.js';

export default function MonitorOverviewPage() {
  const { m } = useMessages();
  const { session } = useSession();
  const t = m.monitorPages;
  const overview = useAsync(() => monitorApi.overview(), []);
  return (
    <Page title={t.overviewTitle} intro={t.overviewIntro}>
      <AsyncContent state={overview}>
        {(data) => {
          const figures = data.items.flatMap((row) => [row.all, row.vulnerable, row.notVulnerable]);
          return (
            <>
              <SyntheticNotice figures={figures} />
              <SymbolLegend />
              <div className="kr-toolbar">
                <TableDownloads path={monitorPaths.overview} query={{}} what={t.overviewCaption} fileName="monitor-kansrijke-start" />
                {hasAnyRole(session, ['analyst', 'platform_admin']) ? <Link to="/monitor/import">{t.importLink}</Link> : null}
              </div>
              {data.items.length === 0 ? <Paragraph>{t.overviewEmpty}</Paragraph> : <OverviewTable rows={data.items} />}
              <SourceLine figures={figures} />
            </>
          );
        }}
      </AsyncContent>
    </Page>
  );
}

function OverviewTable({ rows }: { rows: OverviewRow[] }) {
  const { m } = useMessages();
  const t = m.monitorPages;
  const anySplit = rows.some((row) => row.vulnerable || row.notVulnerable);
  const columnCount = anySplit ? 6 : 4;
  return (
    <div className="kr-table-scroll" tabIndex={0} role="region" aria-label={t.overviewCaption}>
      <Table className="kr-overview">
        <TableCaption>{t.overviewCaption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t.columnIndicator}</TableHeaderCell>
            <TableHeaderCell scope="col" className="kr-numeric">
              {t.columnValue}
            </TableHeaderCell>
            <TableHeaderCell scope="col">{t.columnYear}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.columnChange}</TableHeaderCell>
            {anySplit ? (
              <>
                <TableHeaderCell scope="col" className="kr-numeric">
                  {t.columnVulnerable}
                </TableHeaderCell>
                <TableHeaderCell scope="col" className="kr-numeric">
                  {t.columnNotVulnerable}
                </TableHeaderCell>
              </>
            ) : null}
          </TableRow>
        </TableHeader>
        {PHASES.map((phase) => {
          const inPhase = rows.filter((row) => row.indicator.phase === phase);
          if (inPhase.length === 0) return null;
          return (
            <TableBody key={phase}>
              <TableRow>
                <TableHeaderCell scope="rowgroup" colSpan={columnCount}>
                  {phaseLabel(phase, m)}
                </TableHeaderCell>
              </TableRow>
              {inPhase.map((row) => (
                <OverviewLine key={row.indicator.key} row={row} anySplit={anySplit} />
              ))}
            </TableBody>
          );
        })}
      </Table>
    </div>
  );
}

function OverviewLine({ row, anySplit }: { row: OverviewRow; anySplit: boolean }) {
  const { indicator } = row;
  return (
    <TableRow>
      <TableHeaderCell scope="row" className="kr-indicator-name">
        <Link to={`/monitor/indicatoren/${indicator.key}`}>{indicator.name}</Link>
      </TableHeaderCell>
      <TableCell className="kr-numeric">
        <FigureValue figure={row.all} unit={indicator.unit} />
      </TableCell>
      <TableCell>{row.all?.period ?? row.year ?? ''}</TableCell>
      <TableCell>
        <ChangeMark change={row.all?.change} />
      </TableCell>
      {anySplit ? (
        <>
          <SplitCell indicator={indicator} figure={row.vulnerable} />
          <SplitCell indicator={indicator} figure={row.notVulnerable} />
        </>
      ) : null}
    </TableRow>
  );
}

function SplitCell({ indicator, figure }: { indicator: Indicator; figure: Figure | null }) {
  if (!indicator.hasVulnerabilitySplit) return <TableCell className="kr-numeric" />;
  return (
    <TableCell className="kr-numeric">
      <FigureValue figure={figure} unit={indicator.unit} />
      {figure?.change ? (
        <Fragment>
          {' '}
          <ChangeMark change={figure.change} />
        </Fragment>
      ) : null}
    </TableCell>
  );
}

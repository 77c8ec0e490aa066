// SPDX-License-Identifier: EUPL-1.2
// The national overview in the form of seed 003's Table 1: per indicator its latest national figure
// (up to the year asked), in total and by vulnerable situation, with the change against the year before.
import type { z } from 'zod';
import { NATION_CODE, type Figure, type Overview, type OverviewRow, type overviewQuerySchema } from '../../../contracts/monitor.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { Executor } from '../../platform/db/connection.js';
import { AppError } from '../../platform/errors.js';
import { INDICATORS } from './definitions/indicators.js';
import { figureColumns, type ExportTable } from './export-figures.js';
import { publicIndicator } from './list-indicators.js';
import { fill } from './monitor-text.js';
import { figureOf, loadContext, previousPeriod, publishTables, type Period } from './published-tables.js';

export async function computeNationalOverview(db: Executor, query: z.infer<typeof overviewQuerySchema>): Promise<Overview> {
  const context = await loadContext(db, INDICATORS);
  const { areas, years } = context;
  const allYears = [...years.values()].flat();
  if (query.year !== undefined && allYears.length > 0 && !allYears.some((year) => year <= query.year!)) {
    const message = fill(nl.monitor.yearOutsideData, { year: query.year, first: Math.min(...allYears), last: Math.max(...allYears) });
    throw new AppError('validation_failed', { errors: [{ path: 'year', message }] });
  }
  const nation = areas.byCode.get(NATION_CODE)!;
  // Per indicator: its latest year up to the one asked, and the year before.
  const periods = INDICATORS.map((indicator) => {
    const indicatorYears = years.get(indicator.key)!;
    const latest = indicatorYears.filter((year) => query.year === undefined || year <= query.year).at(-1);
    const period: Period | null = latest === undefined ? null : { firstYear: latest, year: latest };
    return { indicator, period, previous: period ? previousPeriod(indicatorYears, period) : null };
  });
  const tableOf = await publishTables(
    db,
    context,
    periods.flatMap(({ indicator, period, previous }) => [
      { indicator, period },
      { indicator, period: previous },
    ]),
  );
  const items: OverviewRow[] = periods.map(({ indicator, period, previous }) => {
    const row: OverviewRow = { indicator: publicIndicator(indicator), year: period?.year ?? null, all: null, vulnerable: null, notVulnerable: null };
    if (!period) return row;
    const table = tableOf(indicator, period);
    const previousTable = previous ? tableOf(indicator, previous) : null;
    row.all = figureOf(table, nation, 'all', previousTable);
    if (indicator.hasVulnerabilitySplit) {
      row.vulnerable = figureOf(table, nation, 'vulnerable', previousTable);
      row.notVulnerable = figureOf(table, nation, 'not_vulnerable', previousTable);
    }
    return row;
  });
  return { year: query.year ?? (allYears.length > 0 ? Math.max(...allYears) : null), items };
}

interface OverviewLine {
  row: OverviewRow;
  figure: Figure | null;
}

/** One line per indicator and published split; an indicator without data keeps one empty line. */
export function nationalOverviewTable(overview: Overview): ExportTable<OverviewLine> {
  const rows = overview.items.flatMap((row): OverviewLine[] => {
    const figures = [row.all, row.vulnerable, row.notVulnerable].filter((figure): figure is Figure => figure !== null);
    return figures.length === 0 ? [{ row, figure: null }] : figures.map((figure) => ({ row, figure }));
  });
  return {
    baseName: `kansrijk-landelijk-overzicht${overview.year === null ? '' : `-${overview.year}`}`,
    rows,
    columns: figureColumns(
      (line) => line.figure,
      (line) => line.row.indicator,
    ),
  };
}

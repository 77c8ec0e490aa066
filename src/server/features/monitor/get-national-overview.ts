// SPDX-License-Identifier: EUPL-1.2
// The national overview in the form of seed 003's Table 1: per indicator its latest national figure
// (up to the year asked), in total and by vulnerable situation, with the change against the year before.
import type { z } from 'zod';
import { NATION_CODE, type Figure, type Overview, type OverviewRow, type overviewQuerySchema } from '../../../contracts/monitor.js';
import type { Executor } from '../../platform/db/connection.js';
import { figureColumns, type ExportTable } from './export-figures.js';
import { publicIndicator } from './list-indicators.js';
import { figureOf, loadLatestTables } from './published-tables.js';

export async function computeNationalOverview(db: Executor, query: z.infer<typeof overviewQuerySchema>): Promise<Overview> {
  const { context, periods, tableOf, latestYear, editionYear } = await loadLatestTables(db, query.year);
  const nation = context.areas.byCode.get(NATION_CODE)!;
  const items: OverviewRow[] = periods.map(({ indicator, period, previous }) => {
    const row: OverviewRow = { indicator: publicIndicator(indicator), year: period?.year ?? null, all: null, vulnerable: null, notVulnerable: null };
    if (!period) return row;
    const table = tableOf(indicator, period);
    const previousTable = previous ? tableOf(indicator, previous) : null;
    row.all = figureOf(table, nation, 'all', previousTable, editionYear);
    if (indicator.hasVulnerabilitySplit) {
      row.vulnerable = figureOf(table, nation, 'vulnerable', previousTable, editionYear);
      row.notVulnerable = figureOf(table, nation, 'not_vulnerable', previousTable, editionYear);
    }
    return row;
  });
  return { year: query.year ?? latestYear, items };
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

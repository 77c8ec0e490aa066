// SPDX-License-Identifier: EUPL-1.2
// One indicator, one level, one period: every area's published figure (the map and its table).
import { publicIndicator } from './list-indicators.js';
import type { z } from 'zod';
import type { Figure, figureQuerySchema } from '../../../contracts/monitor.js';
import type { Executor } from '../../platform/db/connection.js';
import { figureColumns, type ExportTable } from './export-figures.js';
import { LEVEL_LABEL, SPLIT_LABEL } from './monitor-text.js';
import {
  areasOfLevel,
  figureOf,
  loadContext,
  periodFor,
  previousPeriod,
  publishTables,
  requireIndicator,
  requireSplit,
} from './published-tables.js';

export async function computeIndicatorFigures(db: Executor, key: string, query: z.infer<typeof figureQuerySchema>): Promise<Figure[]> {
  const indicator = requireIndicator(key);
  requireSplit(indicator, query.split);
  const context = await loadContext(db, [indicator]);
  const indicatorYears = context.years.get(indicator.key)!;
  const period = periodFor(indicatorYears, query.year, query.poolYears);
  if (!period) return [];
  const previous = previousPeriod(indicatorYears, period);
  // The whole table (every level and split) is suppressed first; the level asked for is picked after.
  const tableOf = await publishTables(db, context, [{ indicator, period }, { indicator, period: previous }]);
  const table = tableOf(indicator, period);
  const previousTable = previous ? tableOf(indicator, previous) : null;
  return areasOfLevel(context.areas, query.areaLevel)
    .map((area) => figureOf(table, area, query.split, previousTable))
    .filter((figure): figure is Figure => figure !== null);
}

/** The export of this request: named by indicator, level, split and period (or year). */
export function indicatorFiguresTable(key: string, query: z.infer<typeof figureQuerySchema>) {
  return (figures: Figure[]): ExportTable<Figure> => {
    const indicator = requireIndicator(key);
    const published = publicIndicator(indicator);
    const period = figures[0]?.period ?? (query.year === undefined ? null : String(query.year));
    return {
      baseName: fileSafe(['kansrijk', indicator.key, LEVEL_LABEL[query.areaLevel], SPLIT_LABEL[query.split], period].filter(Boolean).join('-')),
      rows: figures,
      columns: figureColumns(
        (figure: Figure) => figure,
        () => published,
      ),
    };
  };
}

/** Lower case, letters, digits and hyphens only: safe in a Content-Disposition header everywhere. */
export function fileSafe(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

// SPDX-License-Identifier: EUPL-1.2
// One indicator for one area over the years: each period's published figure (from the one
// protected publication), the change per period, and a chi-square test for trend.
import { publicIndicator } from './list-indicators.js';
import type { z } from 'zod';
import type { Figure, Series, seriesQuerySchema } from '../../../contracts/monitor.js';
import type { Executor } from '../../platform/db/connection.js';
import { trendTest } from './domain/statistics.js';
import { nonOverlappingPeriods } from './domain/pooling.js';
import { publishedPeriods } from './publication.js';
import { figureColumns, type ExportTable } from './export-figures.js';
import { fileSafe } from './get-indicator-figures.js';
import { SPLIT_LABEL } from './monitor-text.js';
import {
  figureKindOf,
  figureOf,
  isFullCount,
  loadContext,
  periodFor,
  previousPeriod,
  publishTables,
  requireArea,
  requireIndicator,
  requireSplit,
  type Period,
  type PublishedTable,
} from './published-tables.js';

/** Fewer published periods than this give no trend test. */
const MIN_TREND_PERIODS = 3;

export async function computeTimeSeries(db: Executor, key: string, areaCode: string, query: z.infer<typeof seriesQuerySchema>): Promise<Series> {
  const indicator = requireIndicator(key);
  requireSplit(indicator, query.split);
  const context = await loadContext(db, [indicator]);
  const area = requireArea(context.areas, areaCode);
  const indicatorYears = context.years.get(indicator.key)!;
  // The published periods of this length: every year, or the pooled periods of the publication plan.
  periodFor(indicatorYears, undefined, query.poolYears);
  const periods: Period[] = publishedPeriods(indicatorYears).filter((period) => period.year - period.firstYear + 1 === query.poolYears);
  const tableOf = await publishTables(db, context, periods.map((period) => ({ indicator, period })));
  const tables = new Map<number, PublishedTable>(periods.map((period) => [period.year, tableOf(indicator, period)]));
  const items: Figure[] = [];
  for (const period of periods) {
    const previous = previousPeriod(indicatorYears, period);
    const figure = figureOf(tables.get(period.year)!, area, query.split, previous ? (tables.get(previous.year) ?? null) : null);
    if (figure) items.push(figure);
  }
  return {
    indicatorKey: indicator.key,
    areaCode: area.code,
    areaName: area.name,
    areaLevel: area.level,
    split: query.split,
    poolYears: query.poolYears,
    items,
    // A full count of municipalities (the questionnaire) is no sample: no test, for a trend neither.
    trend: isFullCount(figureKindOf(indicator, area.level)) ? null : trendOver(items, query.poolYears),
  };
}

/**
 * The trend over published periods that do not overlap (counting back from the latest), so that no
 * birth is counted twice in the test.
 */
function trendOver(items: readonly Figure[], poolYears: number): Series['trend'] {
  const published = items.filter((figure) => !figure.isSuppressed && figure.numerator !== null && figure.denominator);
  const latest = published[published.length - 1];
  if (!latest) return null;
  const independent = new Set(nonOverlappingPeriods(latest.year, poolYears, published[0]!.firstYear).map((period) => period.year));
  const points = published
    .filter((figure) => independent.has(figure.year))
    .map((figure) => ({ year: figure.year, numerator: figure.numerator!, denominator: figure.denominator! }));
  if (points.length < MIN_TREND_PERIODS) return null;
  const result = trendTest(points);
  return { pValue: Number(result.pValue.toPrecision(3)), isSignificant: result.isSignificant, direction: result.direction };
}

export function timeSeriesTable(series: Series): ExportTable<Figure> {
  const indicator = requireIndicator(series.indicatorKey);
  const published = publicIndicator(indicator);
  return {
    baseName: fileSafe(['kansrijk', indicator.key, series.areaCode, SPLIT_LABEL[series.split], 'reeks'].join('-')),
    rows: series.items,
    columns: figureColumns(
      (figure: Figure) => figure,
      () => published,
    ),
  };
}

// SPDX-License-Identifier: EUPL-1.2
// One area, every indicator: its latest figure (up to the year asked), compared with similar
// municipalities (same population size class), its GGD region, its province and the Netherlands.
// Comparisons are built from published cells only, so they reveal nothing suppression hides.
import type { z } from 'zod';
import { NATION_CODE, type AreaProfile, type AreaProfileRow, type Comparison, type overviewQuerySchema } from '../../../contracts/monitor.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { Executor } from '../../platform/db/connection.js';
import { AppError } from '../../platform/errors.js';
import { INDICATORS } from './definitions/indicators.js';
import { estimateInUnit } from './domain/statistics.js';
import { similarMunicipalities, sizeClassOf } from './domain/size-class.js';
import { figureColumns, type ExportTable, type TableColumn } from './export-figures.js';
import { fileSafe } from './get-indicator-figures.js';
import { publicIndicator } from './list-indicators.js';
import { fill } from './monitor-text.js';
import type { Area, AreaIndex } from './monitor-store.js';
import { figureOf, loadContext, previousPeriod, publishTables, requireArea, type Period, type PublishedTable } from './published-tables.js';

/** A mean over fewer published municipalities than this is not shown (too unstable, and too close to one). */
export const MIN_COMPARISON_MUNICIPALITIES = 3;
const text = nl.monitor;

export async function computeAreaProfile(db: Executor, areaCode: string, query: z.infer<typeof overviewQuerySchema>): Promise<AreaProfile> {
  const context = await loadContext(db, INDICATORS);
  const { areas, years } = context;
  const area = requireArea(areas, areaCode);
  const allYears = [...years.values()].flat();
  if (query.year !== undefined && allYears.length > 0 && !allYears.some((year) => year <= query.year!)) {
    const message = fill(text.yearOutsideData, { year: query.year, first: Math.min(...allYears), last: Math.max(...allYears) });
    throw new AppError('validation_failed', { errors: [{ path: 'year', message }] });
  }
  const sizeClass = area.level === 'municipality' && area.population !== null ? sizeClassOf(area.population) : null;
  const similar = sizeClass
    ? similarMunicipalities(
        area.code,
        areas.municipalities.map((municipality) => ({ ...municipality, population: municipality.population ?? 0 })),
      )
    : [];
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
  const items: AreaProfileRow[] = periods.map(({ indicator, period, previous }) => {
    if (!period) return { indicator: publicIndicator(indicator), figure: null, comparisons: [] };
    const table = tableOf(indicator, period);
    const previousTable = previous ? tableOf(indicator, previous) : null;
    const comparisons: Comparison[] = [];
    if (sizeClass) comparisons.push(similarComparison(table, similar, sizeClass.label));
    for (const [kind, code] of parentsOf(area)) comparisons.push(areaComparison(table, areas, kind, code));
    return { indicator: publicIndicator(indicator), figure: figureOf(table, area, 'all', previousTable), comparisons };
  });
  return {
    areaCode: area.code,
    areaName: area.name,
    areaLevel: area.level,
    sizeClass: sizeClass?.key ?? null,
    sizeClassLabel: sizeClass?.label ?? null,
    year: query.year ?? (allYears.length > 0 ? Math.max(...allYears) : null),
    items,
  };
}

type ParentKind = Exclude<Comparison['kind'], 'similar_municipalities'>;

function parentsOf(area: Area): [ParentKind, string][] {
  const parents: [ParentKind, string][] = [];
  if (area.ggdRegionCode) parents.push(['ggd_region', area.ggdRegionCode]);
  if (area.coalitionCode) parents.push(['coalition', area.coalitionCode]);
  if (area.provinceCode) parents.push(['province', area.provinceCode]);
  if (area.level !== 'nation') parents.push(['nation', NATION_CODE]);
  return parents;
}

function areaComparison(table: PublishedTable, areas: AreaIndex, kind: ParentKind, code: string): Comparison {
  const cell = table.cell(code, 'all');
  const isPublished = Boolean(cell && !cell.isSuppressed && cell.denominator > 0);
  const estimate = isPublished ? estimateInUnit(cell!.numerator, cell!.denominator, table.indicator.unit) : null;
  return {
    kind,
    label: areas.byCode.get(code)?.name ?? code,
    areaCode: code,
    municipalityCount: null,
    isPublished,
    ...rounded(estimate),
  };
}

/**
 * The mean of the similar municipalities: their published counts summed (a births-weighted mean).
 * Suppressed municipalities are left out, never filled in.
 */
function similarComparison(table: PublishedTable, similar: readonly { code: string }[], sizeClassLabel: string): Comparison {
  let numerator = 0;
  let denominator = 0;
  let count = 0;
  for (const municipality of similar) {
    const cell = table.cell(municipality.code, 'all');
    if (!cell || cell.isSuppressed || cell.denominator === 0) continue;
    numerator += cell.numerator;
    denominator += cell.denominator;
    count += 1;
  }
  const isPublished = count >= MIN_COMPARISON_MUNICIPALITIES;
  return {
    kind: 'similar_municipalities',
    label: fill(text.similarMunicipalities, { sizeClass: sizeClassLabel }),
    areaCode: null,
    municipalityCount: isPublished ? count : null,
    isPublished,
    ...rounded(isPublished ? estimateInUnit(numerator, denominator, table.indicator.unit) : null),
  };
}

function rounded(estimate: { value: number; lower: number; upper: number } | null) {
  const round = (value: number) => Math.round(value * 100) / 100;
  return estimate
    ? { value: round(estimate.value), lower: round(estimate.lower), upper: round(estimate.upper) }
    : { value: null, lower: null, upper: null };
}

const COMPARISON_KINDS: Comparison['kind'][] = ['similar_municipalities', 'ggd_region', 'coalition', 'province', 'nation'];

/** One line per indicator: the area's figure, then the value of each comparison. */
export function areaProfileTable(profile: AreaProfile): ExportTable<AreaProfileRow> {
  const comparisonColumns: TableColumn<AreaProfileRow>[] = COMPARISON_KINDS.map((kind) => ({
    header: `${text.columnComparison}: ${comparisonHeader(kind)}`,
    value: (row) => {
      const comparison = row.comparisons.find((candidate) => candidate.kind === kind);
      return comparison?.isPublished ? comparison.value : null;
    },
  }));
  return {
    baseName: fileSafe(['kansrijk', 'gebied', profile.areaCode, profile.year ?? ''].join('-')),
    rows: profile.items,
    columns: [
      ...figureColumns<AreaProfileRow>(
        (row) => row.figure,
        (row) => row.indicator,
      ),
      ...comparisonColumns,
    ],
  };
}

function comparisonHeader(kind: Comparison['kind']): string {
  if (kind === 'similar_municipalities') return text.similarMunicipalitiesShort;
  if (kind === 'ggd_region') return text.levelGgdRegion;
  if (kind === 'coalition') return text.levelCoalition;
  if (kind === 'province') return text.levelProvince;
  return text.levelNation;
}

// SPDX-License-Identifier: EUPL-1.2
// One area, every indicator: its latest figure (up to the year asked), compared with similar
// municipalities (same population size class), its GGD region, its province and the Netherlands.
// Comparisons are built from published cells only, so they reveal nothing suppression hides.
import type { z } from 'zod';
import { NATION_CODE, type AreaProfile, type AreaProfileRow, type Comparison, type overviewQuerySchema } from '../../../contracts/monitor.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { Executor } from '../../platform/db/connection.js';
import { estimateInUnit } from './domain/statistics.js';
import { sizeClassOf, type SizeClass } from './domain/size-class.js';
import { figureColumns, type ExportTable, type TableColumn } from './export-figures.js';
import { fileSafe } from './get-indicator-figures.js';
import { publicIndicator } from './list-indicators.js';
import { fill, LEVEL_LABEL } from './monitor-text.js';
import type { Area, AreaIndex } from './monitor-store.js';
import { figureKindOf, figureOf, isFullCount, loadLatestTables, requireArea, type PublishedTable } from './published-tables.js';

/** A mean over fewer published municipalities than this is not shown (too unstable, and too close to one). */
export const MIN_COMPARISON_MUNICIPALITIES = 3;
const text = nl.monitor;

export async function computeAreaProfile(db: Executor, areaCode: string, query: z.infer<typeof overviewQuerySchema>): Promise<AreaProfile> {
  const { context, periods, tableOf, latestYear, editionYear } = await loadLatestTables(db, query.year);
  const { areas } = context;
  const area = requireArea(areas, areaCode);
  const sizeClass = area.level === 'municipality' && area.population !== null ? sizeClassOf(area.population) : null;
  const items: AreaProfileRow[] = periods.map(({ indicator, period, previous }) => {
    if (!period) return { indicator: publicIndicator(indicator), figure: null, comparisons: [] };
    const table = tableOf(indicator, period);
    const previousTable = previous ? tableOf(indicator, previous) : null;
    const comparisons: Comparison[] = [];
    if (sizeClass) comparisons.push(similarComparison(table, areas, area.code, sizeClass));
    for (const [kind, code] of parentsOf(area)) comparisons.push(areaComparison(table, areas, kind, code));
    return { indicator: publicIndicator(indicator), figure: figureOf(table, area, 'all', previousTable, editionYear), comparisons };
  });
  return {
    areaCode: area.code,
    areaName: area.name,
    areaLevel: area.level,
    sizeClass: sizeClass?.key ?? null,
    sizeClassLabel: sizeClass?.label ?? null,
    year: query.year ?? latestYear,
    items,
  };
}

type ParentKind = Exclude<Comparison['kind'], 'similar_municipalities'>;

function parentsOf(area: Area): [ParentKind, string][] {
  const parents: [ParentKind, string][] = [];
  if (area.ggdRegionCode) parents.push(['ggd_region', area.ggdRegionCode]);
  if (area.coalitionCode) parents.push(['coalition', area.coalitionCode]);
  if (area.regionalCode) parents.push(['regional', area.regionalCode]);
  if (area.provinceCode) parents.push(['province', area.provinceCode]);
  if (area.level !== 'nation') parents.push(['nation', NATION_CODE]);
  return parents;
}

function areaComparison(table: PublishedTable, areas: AreaIndex, kind: ParentKind, code: string): Comparison {
  const cell = table.cell(code, 'all');
  const isPublished = Boolean(cell && !cell.isSuppressed && cell.denominator > 0);
  return {
    kind,
    label: areas.byCode.get(code)?.name ?? code,
    areaCode: code,
    municipalityCount: null,
    isPublished,
    ...comparedValue(table, isPublished ? cell! : null),
  };
}

/**
 * The value of a comparison: a share with its interval, or for the questionnaire indicators (a full
 * count of municipalities, from the level of a region up) how many of how many said ja, no interval.
 */
function comparedValue(table: PublishedTable, counts: { numerator: number; denominator: number } | null) {
  const isCount = isFullCount(figureKindOf(table.indicator, 'nation'));
  const estimate = counts ? estimateInUnit(counts.numerator, counts.denominator, table.indicator.unit) : null;
  const values = rounded(estimate);
  if (!isCount) return { valueKind: 'share' as const, ...values, numerator: null, denominator: null };
  return {
    valueKind: 'count' as const,
    value: values.value,
    lower: null,
    upper: null,
    numerator: counts?.numerator ?? null,
    denominator: counts?.denominator ?? null,
  };
}

interface ClassTotal {
  numerator: number;
  denominator: number;
  count: number;
}

/** The municipalities per size class, once per area index (not per request). */
const classMembers = new WeakMap<AreaIndex, Map<string, string[]>>();
function membersOf(areas: AreaIndex, sizeClassKey: string): string[] {
  let byClass = classMembers.get(areas);
  if (!byClass) {
    byClass = new Map();
    for (const municipality of areas.municipalities) {
      const key = sizeClassOf(municipality.population ?? 0).key;
      byClass.set(key, [...(byClass.get(key) ?? []), municipality.code]);
    }
    classMembers.set(areas, byClass);
  }
  return byClass.get(sizeClassKey) ?? [];
}

/** The published 'all' cells of a table summed per size class, once per (cached) table. */
const classTotals = new WeakMap<PublishedTable, Map<string, ClassTotal>>();
function classTotalOf(table: PublishedTable, areas: AreaIndex, sizeClassKey: string): ClassTotal {
  let totals = classTotals.get(table);
  if (!totals) {
    totals = new Map();
    classTotals.set(table, totals);
  }
  let total = totals.get(sizeClassKey);
  if (!total) {
    total = { numerator: 0, denominator: 0, count: 0 };
    for (const code of membersOf(areas, sizeClassKey)) {
      const cell = publishedAll(table, code);
      if (!cell) continue;
      total.numerator += cell.numerator;
      total.denominator += cell.denominator;
      total.count += 1;
    }
    totals.set(sizeClassKey, total);
  }
  return total;
}

function publishedAll(table: PublishedTable, code: string) {
  const cell = table.cell(code, 'all');
  return !cell || cell.isSuppressed || cell.denominator === 0 ? null : cell;
}

/**
 * The mean of the similar municipalities (the others in the size class): their published counts
 * summed (a births-weighted mean). Suppressed municipalities are left out, never filled in. The class
 * total is summed once per table; the area's own published cell, if any, is taken out of it.
 */
function similarComparison(table: PublishedTable, areas: AreaIndex, code: string, sizeClass: SizeClass): Comparison {
  const total = classTotalOf(table, areas, sizeClass.key);
  const own = publishedAll(table, code);
  const numerator = total.numerator - (own?.numerator ?? 0);
  const denominator = total.denominator - (own?.denominator ?? 0);
  const count = total.count - (own ? 1 : 0);
  const isPublished = count >= MIN_COMPARISON_MUNICIPALITIES;
  return {
    kind: 'similar_municipalities',
    label: fill(text.similarMunicipalities, { sizeClass: sizeClass.label }),
    areaCode: null,
    municipalityCount: isPublished ? count : null,
    isPublished,
    ...comparedValue(table, isPublished ? { numerator, denominator } : null),
  };
}

function rounded(estimate: { value: number; lower: number; upper: number } | null) {
  const round = (value: number) => Math.round(value * 100) / 100;
  return estimate
    ? { value: round(estimate.value), lower: round(estimate.lower), upper: round(estimate.upper) }
    : { value: null, lower: null, upper: null };
}

const COMPARISON_KINDS: Comparison['kind'][] = ['similar_municipalities', 'ggd_region', 'coalition', 'regional', 'province', 'nation'];

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
  return LEVEL_LABEL[kind];
}

// SPDX-License-Identifier: EUPL-1.2
// From counts to published figures, shared by every monitor read and export: choose one count per
// cell, pool years, suppress over the WHOLE table of an indicator × period (every level and split,
// so secondary suppression is consistent), and only then pick the rows a request asks for.
import { type AreaLevel, type Figure, type Split } from '../../../contracts/monitor.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { Executor } from '../../platform/db/connection.js';
import { AppError } from '../../platform/errors.js';
import type { IndicatorDefinition } from './definitions/types.js';
import { INDICATORS, indicatorByKey } from './definitions/indicators.js';
import { assessChange, estimateInUnit } from './domain/statistics.js';
import { buildAreaHierarchy, suppressCells, type AreaLink, type SuppressionReason } from './domain/suppression.js';
import { loadAreas, loadCounts, loadDataVersion, loadYears, type Area, type AreaIndex, type CountRow } from './monitor-store.js';
import { fill } from './monitor-text.js';
import { periodLabel, poolCells } from './domain/pooling.js';

const text = nl.monitor;

export interface Period {
  firstYear: number;
  year: number;
}

export interface TableCell {
  areaCode: string;
  areaLevel: AreaLevel;
  split: Split;
  numerator: number;
  denominator: number;
  source: CountRow['source'];
  sourceLabel: string;
  isSynthetic: boolean;
  isSuppressed: boolean;
  suppression: SuppressionReason | null;
}

/** One indicator × period, after suppression. */
export interface PublishedTable {
  indicator: IndicatorDefinition;
  period: Period;
  cell(areaCode: string, split: Split): TableCell | undefined;
  cells: readonly TableCell[];
}

const cellKey = (areaCode: string, split: Split) => `${areaCode}|${split}`;

/**
 * When a cell has counts from more than one source (the register and an imported file), the
 * indicator's own kind of source wins, then an import, then the rest.
 */
function sourcePreference(indicator: IndicatorDefinition): CountRow['source'][] {
  const order: CountRow['source'][] = [indicator.sourceKind, 'import', 'records', 'questionnaire'];
  return order.filter((source, index) => order.indexOf(source) === index);
}

export function sourceLabelOf(row: Pick<CountRow, 'source' | 'isSynthetic' | 'importFileName' | 'importedAt'>): string {
  if (row.source === 'import') {
    return fill(text.sourceImport, { fileName: row.importFileName ?? '', date: row.importedAt?.toISOString().slice(0, 10) ?? '' });
  }
  if (row.source === 'questionnaire') return text.sourceQuestionnaire;
  return row.isSynthetic ? text.sourceRecordsSynthetic : text.sourceRecords;
}

const hierarchies = new WeakMap<AreaIndex, AreaLink[]>();
function hierarchyOf(areas: AreaIndex): AreaLink[] {
  let hierarchy = hierarchies.get(areas);
  if (!hierarchy) {
    hierarchy = buildAreaHierarchy(
      // Both relations over municipalities: the GGD tree and, for members, their coalition.
      areas.municipalities.map((area) => ({
        code: area.code,
        ggdRegionCode: area.ggdRegionCode!,
        provinceCode: area.provinceCode!,
        coalitionCode: area.coalitionCode ?? null,
      })),
    );
    hierarchies.set(areas, hierarchy);
  }
  return hierarchy;
}

/** Builds the suppressed table of one indicator × period from all its counts (any years). */
export function publishTable(indicator: IndicatorDefinition, counts: readonly CountRow[], areas: AreaIndex, period: Period): PublishedTable {
  const preference = sourcePreference(indicator);
  // Per cell and year, the count of the preferred source.
  const chosen = new Map<string, CountRow>();
  for (const row of counts) {
    if (row.indicatorKey !== indicator.key || row.year < period.firstYear || row.year > period.year) continue;
    const area = areas.byCode.get(row.areaCode);
    if (!area || area.level !== row.areaLevel) continue;
    const key = `${cellKey(row.areaCode, row.split)}|${row.year}`;
    const current = chosen.get(key);
    if (!current || preference.indexOf(row.source) < preference.indexOf(current.source)) chosen.set(key, row);
  }
  // Where each pooled cell comes from: its latest year's source; synthetic if any year is.
  const origin = new Map<string, { latest: CountRow; isSynthetic: boolean }>();
  for (const row of chosen.values()) {
    const key = cellKey(row.areaCode, row.split);
    const known = origin.get(key);
    if (!known) origin.set(key, { latest: row, isSynthetic: row.isSynthetic });
    else {
      known.isSynthetic ||= row.isSynthetic;
      if (row.year > known.latest.year) known.latest = row;
    }
  }
  const pooled = poolCells([...chosen.values()], { year: period.year, poolYears: period.year - period.firstYear + 1 });
  const decided = suppressCells(pooled, hierarchyOf(areas), {
    countsPersons: indicator.countsPersons,
    hasVulnerabilitySplit: indicator.hasVulnerabilitySplit,
  });
  const cells: TableCell[] = decided.map((cell) => {
    const { latest, isSynthetic } = origin.get(cellKey(cell.areaCode, cell.split))!;
    return {
      areaCode: cell.areaCode,
      areaLevel: cell.areaLevel,
      split: cell.split,
      numerator: cell.numerator,
      denominator: cell.denominator,
      source: latest.source,
      sourceLabel: sourceLabelOf(latest),
      isSynthetic,
      isSuppressed: cell.isSuppressed,
      suppression: cell.reason,
    };
  });
  const byKey = new Map(cells.map((cell) => [cellKey(cell.areaCode, cell.split), cell]));
  return { indicator, period, cells, cell: (areaCode, split) => byKey.get(cellKey(areaCode, split)) };
}

/** A published figure for one area of a table, with the change against the previous period's table. */
export function figureOf(table: PublishedTable, area: Area, split: Split, previous: PublishedTable | null): Figure | null {
  const cell = table.cell(area.code, split);
  if (!cell) return null;
  const { indicator, period } = table;
  const base = {
    indicatorKey: indicator.key,
    areaLevel: area.level,
    areaCode: area.code,
    areaName: area.name,
    year: period.year,
    firstYear: period.firstYear,
    isPooled: period.firstYear !== period.year,
    period: periodLabel(period.firstYear, period.year),
    split,
    source: cell.source,
    sourceLabel: cell.sourceLabel,
    isSynthetic: cell.isSynthetic,
  };
  if (cell.isSuppressed || cell.denominator === 0) {
    // Nothing that could be used to recompute the hidden count leaves the server.
    return {
      ...base,
      isSuppressed: cell.isSuppressed,
      suppression: cell.suppression,
      numerator: cell.isSuppressed ? null : cell.numerator,
      denominator: cell.isSuppressed ? null : cell.denominator,
      value: null,
      lower: null,
      upper: null,
      change: null,
    };
  }
  const estimate = estimateInUnit(cell.numerator, cell.denominator, indicator.unit);
  const earlier = previous?.cell(area.code, split);
  const isComparable = earlier && !earlier.isSuppressed && earlier.denominator > 0;
  const change = assessChange(isComparable ? earlier : null, cell, indicator.desiredDirection);
  return {
    ...base,
    isSuppressed: false,
    suppression: null,
    numerator: cell.numerator,
    denominator: cell.denominator,
    value: round(estimate.value, 2),
    lower: round(estimate.lower, 2),
    upper: round(estimate.upper, 2),
    change: { ...change, pValue: change.pValue === null ? null : roundSignificant(change.pValue, 3) },
  };
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function roundSignificant(value: number, digits: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(digits));
}

export function requireIndicator(key: string): IndicatorDefinition {
  const indicator = indicatorByKey(key);
  if (!indicator) throw new AppError('not_found', { errors: [{ path: 'key', message: fill(text.unknownIndicator, { key }) }] });
  return indicator;
}

export function requireArea(areas: AreaIndex, code: string): Area {
  const area = areas.byCode.get(code);
  if (!area) throw new AppError('not_found', { errors: [{ path: 'areaCode', message: fill(text.unknownArea, { code }) }] });
  return area;
}

/** The period ending at `year` (default: the latest year with data), checked against the data. */
export function periodFor(years: readonly number[], year: number | undefined, poolYears: number): Period | null {
  if (years.length === 0) {
    if (year === undefined) return null;
    throw new AppError('not_found', { errors: [{ path: 'year', message: text.noData }] });
  }
  const first = years[0]!;
  const last = years[years.length - 1]!;
  const end = year ?? last;
  if (!years.includes(end)) {
    throw new AppError('validation_failed', { errors: [{ path: 'year', message: fill(text.yearOutsideData, { year: end, first, last }) }] });
  }
  const period = { firstYear: end - poolYears + 1, year: end };
  if (!isCovered(years, period)) {
    throw new AppError('validation_failed', {
      errors: [{ path: 'poolYears', message: fill(text.poolOutsideData, { poolYears, year: end, first, last }) }],
    });
  }
  return period;
}

/** The period just before (not overlapping, so the two-proportion test compares independent counts). */
export function previousPeriod(years: readonly number[], period: Period): Period | null {
  const length = period.year - period.firstYear + 1;
  const previous = { firstYear: period.firstYear - length, year: period.firstYear - 1 };
  return isCovered(years, previous) ? previous : null;
}

export function isCovered(years: readonly number[], period: Period): boolean {
  for (let year = period.firstYear; year <= period.year; year += 1) if (!years.includes(year)) return false;
  return true;
}

export interface MonitorContext {
  areas: AreaIndex;
  /** Per indicator, the years with counts (ascending). */
  years: Map<string, number[]>;
  /** The data version these were read at (monitor-store.ts loadDataVersion). */
  version: number;
}

/**
 * Per database: the areas, the years per indicator and the published tables, all valid for one data
 * version. A request costs one primary-key read while nothing changed; after a recompute, import or
 * any other write to the counts (the triggers raise the version in the same transaction) the next
 * request starts afresh, so a change shows at once and no suppression is ever skipped.
 */
interface VersionedCache {
  context: MonitorContext;
  /** Published tables by indicator × period, least recently used first. */
  tables: Map<string, PublishedTable>;
}

/** Published tables kept per database; at most this many (a national table is a few hundred kB). */
const CACHED_TABLES = 150;
const caches = new WeakMap<object, VersionedCache>();

/** The areas, and per indicator the years that have counts. */
export async function loadContext(db: Executor, indicators: readonly IndicatorDefinition[]): Promise<MonitorContext> {
  const version = await loadDataVersion(db);
  let cache = caches.get(db);
  if (!cache || cache.context.version !== version) {
    // Read after the version: if a write commits in between, these are newer than the label, and the
    // next request (which sees the higher version) reloads. Never older data under a newer label.
    const [areas, years] = await Promise.all([loadAreas(db), loadYears(db)]);
    cache = { context: { areas, years, version }, tables: new Map() };
    caches.set(db, cache);
  }
  for (const indicator of indicators) if (!cache.context.years.has(indicator.key)) cache.context.years.set(indicator.key, []);
  return cache.context;
}

const tableKey = (indicator: IndicatorDefinition, period: Period) => `${indicator.key}|${period.firstYear}|${period.year}`;

/**
 * The published tables for these indicator × periods: from the cache while the data version has not
 * changed, otherwise loaded (one query for all that are missing) and suppressed.
 */
export async function publishTables(
  db: Executor,
  context: MonitorContext,
  wanted: readonly { indicator: IndicatorDefinition; period: Period | null }[],
): Promise<(indicator: IndicatorDefinition, period: Period) => PublishedTable> {
  let cache = caches.get(db);
  if (!cache || cache.context !== context) {
    // A context from another version (a write in between): tables for it alone, not cached.
    cache = { context, tables: new Map() };
  }
  const tables = cache.tables;
  const found = new Map<string, PublishedTable>();
  const missing: { indicator: IndicatorDefinition; period: Period; key: string }[] = [];
  for (const { indicator, period } of wanted) {
    if (!period) continue;
    const key = tableKey(indicator, period);
    const cached = tables.get(key);
    if (cached && cached.indicator === indicator) {
      // Map order is insertion order: re-inserting makes this the most recently used.
      tables.delete(key);
      tables.set(key, cached);
      found.set(key, cached);
    } else if (!missing.some((entry) => entry.key === key)) missing.push({ indicator, period, key });
  }
  if (missing.length > 0) {
    const indicators = [...new Set(missing.map((entry) => entry.indicator))];
    const counts = await loadCountsFor(db, indicators, missing.map((entry) => entry.period));
    for (const { indicator, period, key } of missing) {
      const table = publishTable(indicator, counts, context.areas, period);
      found.set(key, table);
      tables.set(key, table);
    }
    for (const key of tables.keys()) {
      if (tables.size <= CACHED_TABLES) break;
      tables.delete(key);
    }
  }
  return (indicator, period) => {
    const table = found.get(tableKey(indicator, period));
    if (!table) throw new Error(`publishTables: ${indicator.key} ${period.firstYear}–${period.year} was not asked for`);
    return table;
  };
}

/** The counts of these indicators over the span of the given periods. */
function loadCountsFor(db: Executor, indicators: readonly IndicatorDefinition[], periods: readonly (Period | null)[]): Promise<CountRow[]> {
  const present = periods.filter((period): period is Period => period !== null);
  if (present.length === 0) return Promise.resolve([]);
  return loadCounts(
    db,
    indicators.map((indicator) => indicator.key),
    { first: Math.min(...present.map((period) => period.firstYear)), last: Math.max(...present.map((period) => period.year)) },
  );
}

/** The areas of one level, in Dutch alphabetical order (as a table shows them). */
export function areasOfLevel(areas: AreaIndex, level: AreaLevel): Area[] {
  return [...areas.byCode.values()].filter((area) => area.level === level).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

export function requireSplit(indicator: IndicatorDefinition, split: Split): void {
  if (split !== 'all' && !indicator.hasVulnerabilitySplit) {
    throw new AppError('validation_failed', { errors: [{ path: 'split', message: fill(text.importSplitNotAvailable, { indicator: indicator.key }) }] });
  }
}

/**
 * Every indicator's latest period up to `year` (and the one before), published: what the national
 * overview and the area profile both show. A year before all data is a Dutch 400.
 */
export async function loadLatestTables(db: Executor, year: number | undefined) {
  const context = await loadContext(db, INDICATORS);
  const allYears = [...context.years.values()].flat();
  if (year !== undefined && allYears.length > 0 && !allYears.some((candidate) => candidate <= year)) {
    const message = fill(nl.monitor.yearOutsideData, { year, first: Math.min(...allYears), last: Math.max(...allYears) });
    throw new AppError('validation_failed', { errors: [{ path: 'year', message }] });
  }
  const periods = INDICATORS.map((indicator) => {
    const indicatorYears = context.years.get(indicator.key)!;
    const latest = indicatorYears.filter((candidate) => year === undefined || candidate <= year).at(-1);
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
  const latestYear = allYears.length > 0 ? Math.max(...allYears) : null;
  return { context, periods, tableOf, latestYear };
}

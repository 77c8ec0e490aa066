// SPDX-License-Identifier: EUPL-1.2
// From the publication to the figures a request asks for, shared by every monitor read and export.
// What is hidden is decided once for the whole publication (publication.ts), never per request.
import { POOL_YEARS, type AreaLevel, type Figure, type FigureKind, type Split } from '../../../contracts/monitor.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { STATUS_CATEGORIES } from '../../../contracts/municipal-questionnaire.js';
import { STATUS_SPLIT_PREFIX } from './questionnaire/derive-questionnaire-counts.js';
import type { Executor } from '../../platform/db/connection.js';
import { AppError } from '../../platform/errors.js';
import type { IndicatorDefinition } from './definitions/types.js';
import { INDICATORS, indicatorByKey } from './definitions/indicators.js';
import { assessChange, estimateInUnit } from './domain/statistics.js';
import { loadAreas, loadCounts, loadDataVersion, loadYears, type Area, type AreaIndex, type CountRow } from './monitor-store.js';
import { fill } from './monitor-text.js';
import { periodLabel } from './domain/pooling.js';
import { computePublication, publishedPeriods, PublicationRefused, type Period, type Publication, type PublishedTable } from './publication.js';

const text = nl.monitor;

export type { Period, PublishedTable, TableCell } from './publication.js';

export function sourceLabelOf(row: Pick<CountRow, 'source' | 'isSynthetic' | 'importFileName' | 'importedAt'>): string {
  if (row.source === 'import') {
    return fill(text.sourceImport, { fileName: row.importFileName ?? '', date: row.importedAt?.toISOString().slice(0, 10) ?? '' });
  }
  if (row.source === 'questionnaire') return text.sourceQuestionnaire;
  return row.isSynthetic ? text.sourceRecordsSynthetic : text.sourceRecords;
}

/**
 * How a figure reads (seed 003 counts municipalities for the questionnaire indicators): for one
 * municipality its answer, ja or nee; for a larger area the number of its municipalities that said ja
 * ("12 van 25 gemeenten"); otherwise a share with its interval.
 */
export function figureKindOf(indicator: Pick<IndicatorDefinition, 'sourceKind' | 'questionnaire'>, level: AreaLevel): FigureKind {
  if (indicator.sourceKind !== 'questionnaire') return 'share';
  if (indicator.questionnaire?.answerKind === 'status') return 'categories';
  return level === 'municipality' ? 'yes_no' : 'count';
}

/**
 * A full count of municipalities (no sample) has no sampling error: no confidence interval, no
 * significance test. True for the questionnaire indicators at every level.
 */
export function isFullCount(kind: FigureKind): boolean {
  return kind !== 'share';
}

/**
 * A published figure for one area of a table, with the change against the previous period's table.
 * `editionYear`: the year of the edition the figure is shown in (the overview, an area profile); a
 * figure older than it is no new figure since the previous edition and gets "×".
 */
export function figureOf(table: PublishedTable, area: Area, split: Split, previous: PublishedTable | null, editionYear?: number | null): Figure | null {
  const cell = table.cell(area.code, split);
  if (!cell) return null;
  const { indicator, period } = table;
  const kind = figureKindOf(indicator, area.level);
  const base = {
    kind,
    indicatorKey: indicator.key,
    areaLevel: area.level,
    areaCode: area.code,
    areaName: area.name,
    year: period.year,
    firstYear: period.firstYear,
    isPooled: period.firstYear !== period.year,
    period: periodLabel(period.firstYear, period.year),
    split,
    source: cell.latest.source,
    sourceLabel: sourceLabelOf(cell.latest),
    isSynthetic: cell.isSynthetic,
  };
  if (cell.isSuppressed || cell.denominator === 0) {
    // Nothing that could be used to recompute the hidden count leaves the server.
    return {
      ...base,
      isSuppressed: cell.isSuppressed,
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
  const change = assessChange(isComparable ? earlier : null, cell, {
    unit: indicator.unit,
    desiredDirection: indicator.desiredDirection,
    isFullCount: isFullCount(kind),
    hasNewFigure: editionYear === undefined || editionYear === null || period.year >= editionYear,
  });
  const hasInterval = !isFullCount(kind);
  return {
    ...base,
    ...(kind === 'categories' ? { categories: categoriesOf(table, area.code, cell.denominator) } : {}),
    isSuppressed: false,
    numerator: cell.numerator,
    denominator: cell.denominator,
    value: round(estimate.value, 2),
    lower: hasInterval ? round(estimate.lower, 2) : null,
    upper: hasInterval ? round(estimate.upper, 2) : null,
    change: { ...change, pValue: change.pValue === null ? null : roundSignificant(change.pValue, 3) },
  };
}

/** Indicator 1's breakdown (questionnaire/derive-questionnaire-counts.ts stores one split per category). */
function categoriesOf(table: PublishedTable, areaCode: string, denominator: number): NonNullable<Figure['categories']> {
  return STATUS_CATEGORIES.map((category) => {
    const count = table.cell(areaCode, `${STATUS_SPLIT_PREFIX}${category}` as Split)?.numerator ?? 0;
    return { category, count, value: round((100 * count) / denominator, 2) };
  });
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

/**
 * The published period ending at `year` (default: the latest year with data): a single year, or a
 * pooled period of POOL_YEARS years from the publication plan (publication.ts publishedPeriods).
 */
export function periodFor(years: readonly number[], year: number | undefined, poolYears: number): Period | null {
  if (poolYears !== 1 && poolYears !== POOL_YEARS) {
    throw new AppError('validation_failed', { errors: [{ path: 'poolYears', message: fill(text.poolYearsNotOffered, { poolYears: POOL_YEARS }) }] });
  }
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
  const plan = publishedPeriods(years);
  if (!plan.some((candidate) => candidate.firstYear === period.firstYear && candidate.year === period.year)) {
    const periods = plan.filter((candidate) => candidate.firstYear !== candidate.year).map((candidate) => periodLabel(candidate.firstYear, candidate.year));
    throw new AppError('validation_failed', {
      errors: [{ path: 'year', message: fill(text.poolPeriodNotPublished, { periods: periods.join(', '), poolYears: POOL_YEARS }) }],
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
 * Per database: the areas, the years per indicator and the publication, all valid for one data
 * version. A request costs one primary-key read while nothing changed; after a recompute, import or
 * any other write to the counts (the triggers raise the version in the same transaction) the next
 * request starts afresh, so a change shows at once and no protection is ever skipped.
 */
interface VersionedCache {
  context: MonitorContext;
  /** The whole publication of this version, computed once (concurrent requests share it). */
  publication?: Promise<Publication>;
}

const caches = new WeakMap<object, VersionedCache>();

/** The areas, and per indicator the years that have counts. */
export async function loadContext(db: Executor, indicators: readonly IndicatorDefinition[]): Promise<MonitorContext> {
  const version = await loadDataVersion(db);
  let cache = caches.get(db);
  if (!cache || cache.context.version !== version) {
    // Read after the version: if a write commits in between, these are newer than the label, and the
    // next request (which sees the higher version) reloads. Never older data under a newer label.
    const [areas, years] = await Promise.all([loadAreas(db), loadYears(db)]);
    cache = { context: { areas, years, version } };
    caches.set(db, cache);
  }
  for (const indicator of indicators) if (!cache.context.years.has(indicator.key)) cache.context.years.set(indicator.key, []);
  return cache.context;
}

/**
 * The publication of this context's data version: computed once over every indicator, level, split
 * and period, protected and audited (publication.ts). A publication the audit refuses is a 503 with
 * a Dutch explanation; nothing of it is served.
 */
export async function loadPublication(db: Executor, context: MonitorContext): Promise<Publication> {
  let cache = caches.get(db);
  if (!cache || cache.context !== context) cache = { context };
  if (!cache.publication) {
    const entry = cache;
    entry.publication = computeFor(db, context).catch((error: unknown) => {
      if (!(error instanceof PublicationRefused)) entry.publication = undefined;
      throw error;
    });
  }
  try {
    return await cache.publication!;
  } catch (error) {
    if (error instanceof PublicationRefused) throw new AppError('unavailable', { message: text.publicationRefused });
    throw error;
  }
}

/** Computes the current publication ahead of the first visitor (at start, after the seed). */
export async function warmPublication(db: Executor): Promise<Publication> {
  return loadPublication(db, await loadContext(db, INDICATORS));
}

/** The publication of the data as it is now, computed afresh (no cache): for the audit script and the bench. */
export async function computeFor(db: Executor, context: MonitorContext): Promise<Publication> {
  const allYears = [...context.years.values()].flat();
  const counts =
    allYears.length === 0
      ? []
      : await loadCounts(db, INDICATORS.map((indicator) => indicator.key), { first: Math.min(...allYears), last: Math.max(...allYears) });
  return computePublication(INDICATORS, (key) => context.years.get(key) ?? [], counts, context.areas);
}

/** The published tables for these indicator × periods (periods of the publication plan). */
export async function publishTables(
  db: Executor,
  context: MonitorContext,
  wanted: readonly { indicator: IndicatorDefinition; period: Period | null }[],
): Promise<(indicator: IndicatorDefinition, period: Period) => PublishedTable> {
  const publication = await loadPublication(db, context);
  for (const { indicator, period } of wanted) {
    if (period && !publication.table(indicator, period)) throw new Error(`publishTables: ${indicator.key} ${period.firstYear}–${period.year} is not published`);
  }
  return (indicator, period) => {
    const table = publication.table(indicator, period);
    if (!table) throw new Error(`publishTables: ${indicator.key} ${period.firstYear}–${period.year} is not published`);
    return table;
  };
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
  /** The edition's year: an indicator whose latest figure is older has no new figure in it ("×"). */
  const editionYear = year ?? latestYear;
  return { context, periods, tableOf, latestYear, editionYear };
}

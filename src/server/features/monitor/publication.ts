// SPDX-License-Identifier: EUPL-1.2
// The whole publication of the monitor, decided at once: every indicator, area level, split, year
// and pooled period that the API and the exports can show is one disclosure-control problem
// (docs/adr/0011-disclosure-control-over-the-whole-publication.md). An attacker combines tables, so
// suppression is decided over all of them together and then audited by the same attacker; a
// publication that fails the audit is refused, never served.
import { POOL_YEARS, type AreaLevel, type Split } from '../../../contracts/monitor.js';
import { loadSolver } from './disclosure/linear-program.js';
import { PublicationAttacker } from './disclosure/attack.js';
import { buildLinearModel, type PublicationCell } from './disclosure/model.js';
import { protectPublication, SUPPRESSION_THRESHOLD } from './disclosure/protect.js';
import type { IndicatorDefinition } from './definitions/types.js';
import { buildAreaHierarchy, type AreaLink } from './domain/area-hierarchy.js';
import { poolCells } from './domain/pooling.js';
import type { AreaIndex, CountRow } from './monitor-store.js';

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
  /** The count of the period's latest year (for its source label). */
  latest: Pick<CountRow, 'source' | 'isSynthetic' | 'importFileName' | 'importedAt'>;
  isSynthetic: boolean;
  isSuppressed: boolean;
}

/** One indicator × period of the publication. */
export interface PublishedTable {
  indicator: IndicatorDefinition;
  period: Period;
  cell(areaCode: string, split: Split): TableCell | undefined;
  cells: readonly TableCell[];
}

export interface IndicatorAudit {
  indicatorKey: string;
  cells: number;
  hidden: number;
  /** The narrowest interval (whole persons) the attacker found for a hidden count; null if none hidden. */
  narrowestInterval: number | null;
}

export interface PublicationAudit {
  cells: number;
  hidden: number;
  primary: number;
  secondary: number;
  rounds: number;
  linearPrograms: number;
  protectSeconds: number;
  auditSeconds: number;
  indicators: IndicatorAudit[];
}

export interface Publication {
  periods(indicatorKey: string): Period[];
  table(indicator: IndicatorDefinition, period: Period): PublishedTable | undefined;
  audit: PublicationAudit;
}

/** The audit found a hidden count it could bound too narrowly: nothing is published. */
export class PublicationRefused extends Error {
  constructor(readonly disclosures: number) {
    super(`publication refused: the audit bounds ${disclosures} hidden counts too narrowly`);
  }
}

export const tableKey = (indicatorKey: string, period: Period) => `${indicatorKey}|${period.firstYear}|${period.year}`;
const cellKey = (areaCode: string, split: Split) => `${areaCode}|${split}`;

/**
 * The periods published for years with data: every single year, and pooled periods of POOL_YEARS
 * years ending at the latest year and then stepping back a whole window at a time. Pooled periods
 * never overlap: two overlapping windows differ by one year at each end, and their difference
 * narrows those years for an attacker for no gain in information.
 */
export function publishedPeriods(years: readonly number[]): Period[] {
  const periods: Period[] = years.map((year) => ({ firstYear: year, year }));
  if (years.length === 0) return periods;
  for (let end = years[years.length - 1]!; end - POOL_YEARS + 1 >= years[0]!; end -= POOL_YEARS) {
    const window = { firstYear: end - POOL_YEARS + 1, year: end };
    let covered = true;
    for (let year = window.firstYear; year <= end; year += 1) if (!years.includes(year)) covered = false;
    if (covered) periods.push(window);
  }
  return periods;
}

/** The relations over municipalities: the GGD tree and, for members, their local coalition and their regional collaboration. */
export function areaLinks(areas: AreaIndex): AreaLink[] {
  return buildAreaHierarchy(
    areas.municipalities.map((area) => ({
      code: area.code,
      ggdRegionCode: area.ggdRegionCode!,
      provinceCode: area.provinceCode!,
      coalitionCode: area.coalitionCode ?? null,
      regionalCode: area.regionalCode ?? null,
    })),
  );
}

const COUNT_KEY: readonly (keyof CountRow)[] = ['indicatorKey', 'areaLevel', 'areaCode', 'year', 'split', 'source'];
function compareCounts(a: CountRow, b: CountRow): number {
  for (const field of COUNT_KEY) {
    const left = a[field] as string | number;
    const right = b[field] as string | number;
    if (left !== right) return left < right ? -1 : 1;
  }
  return 0;
}

/**
 * When a cell has counts from more than one source (the register and an imported file), the
 * indicator's own kind of source wins, then an import, then the rest.
 */
function sourcePreference(indicator: IndicatorDefinition): CountRow['source'][] {
  const order: CountRow['source'][] = [indicator.sourceKind, 'import', 'records', 'questionnaire'];
  return order.filter((source, index) => order.indexOf(source) === index);
}

/** One count per area × split × year: the preferred source's. Register years list every area. */
function chooseCounts(indicator: IndicatorDefinition, counts: readonly CountRow[], areas: AreaIndex): CountRow[] {
  const preference = sourcePreference(indicator);
  const chosen = new Map<string, CountRow>();
  for (const row of counts) {
    if (row.indicatorKey !== indicator.key) continue;
    const area = areas.byCode.get(row.areaCode);
    if (!area || area.level !== row.areaLevel) continue;
    const key = `${cellKey(row.areaCode, row.split)}|${row.year}`;
    const current = chosen.get(key);
    if (!current || preference.indexOf(row.source) < preference.indexOf(current.source)) chosen.set(key, row);
  }
  // The register counts every birth: a split or year without a row, in an area the register covers,
  // had none. Listing it as zero (suppressed like any small count) keeps a missing row from telling
  // that it is zero. An area the register does not cover at all has no data, not zeros.
  const registerYears = new Map<number, CountRow>();
  const covered = new Set<string>();
  for (const row of chosen.values()) {
    if (row.source !== 'records') continue;
    registerYears.set(row.year, row);
    covered.add(row.areaCode);
  }
  const splits: Split[] = indicator.hasVulnerabilitySplit ? ['all', 'vulnerable', 'not_vulnerable'] : ['all'];
  for (const [year, example] of registerYears) {
    for (const area of areas.byCode.values()) {
      if (!covered.has(area.code)) continue;
      for (const split of splits) {
        const key = `${cellKey(area.code, split)}|${year}`;
        if (!chosen.has(key)) {
          chosen.set(key, { ...example, areaLevel: area.level, areaCode: area.code, split, numerator: 0, denominator: 0 });
        }
      }
    }
  }
  return [...chosen.values()].sort(compareCounts);
}

/**
 * Decides the whole publication from all counts: chooses, pools, protects (persons' counts only;
 * counts of municipalities or organisations have nobody to protect) and audits.
 */
export async function computePublication(
  indicators: readonly IndicatorDefinition[],
  yearsOf: (indicatorKey: string) => readonly number[],
  counts: readonly CountRow[],
  areas: AreaIndex,
  threshold = SUPPRESSION_THRESHOLD,
  /** The protector (the real one; a test passes a weaker one to prove that the audit refuses). */
  protect: typeof protectPublication = protectPublication,
): Promise<Publication> {
  // In the order of their key, not the order the database returned them in: the protection breaks
  // ties by position, and two publications of the same data must hide the same cells (two different
  // patterns of the same table, put side by side, can give away what each hides).
  counts = [...counts].sort(compareCounts);
  const tables = new Map<string, { indicator: IndicatorDefinition; period: Period; cells: TableCell[] }>();
  const periodsOf = new Map<string, Period[]>();
  const protectedCells: PublicationCell[] = [];
  const protectedRefs: TableCell[] = [];
  for (const indicator of indicators) {
    const periods = publishedPeriods(yearsOf(indicator.key));
    periodsOf.set(indicator.key, periods);
    const chosen = chooseCounts(indicator, counts, areas);
    for (const period of periods) {
      const inPeriod = chosen.filter((row) => row.year >= period.firstYear && row.year <= period.year);
      const origin = new Map<string, { latest: CountRow; isSynthetic: boolean }>();
      for (const row of inPeriod) {
        const key = cellKey(row.areaCode, row.split);
        const known = origin.get(key);
        if (!known) origin.set(key, { latest: row, isSynthetic: row.isSynthetic });
        else {
          known.isSynthetic ||= row.isSynthetic;
          if (row.year > known.latest.year) known.latest = row;
        }
      }
      const pooled = poolCells(inPeriod, { year: period.year, poolYears: period.year - period.firstYear + 1 });
      const cells: TableCell[] = [];
      for (const cell of pooled) {
        // A pooled figure from fewer years than its label says would mislead: not published.
        if (!cell.isComplete) continue;
        const { latest, isSynthetic } = origin.get(cellKey(cell.areaCode, cell.split))!;
        const published: TableCell = {
          areaCode: cell.areaCode,
          areaLevel: cell.areaLevel,
          split: cell.split,
          numerator: cell.numerator,
          denominator: cell.denominator,
          latest,
          isSynthetic,
          isSuppressed: false,
        };
        cells.push(published);
        if (indicator.countsPersons) {
          protectedRefs.push(published);
          protectedCells.push({ indicatorKey: indicator.key, ...period, areaLevel: cell.areaLevel, areaCode: cell.areaCode, split: cell.split, numerator: cell.numerator, denominator: cell.denominator });
        }
      }
      tables.set(tableKey(indicator.key, period), { indicator, period, cells });
    }
  }

  const highs = await loadSolver();
  const model = buildLinearModel(protectedCells, areaLinks(areas));
  const startProtect = performance.now();
  const protection = await protect(highs, model, threshold);
  const protectSeconds = (performance.now() - startProtect) / 1000;
  // The audit: a fresh attacker, nothing assumed proven, over everything that would be published.
  const startAudit = performance.now();
  const audit = await new PublicationAttacker(highs, model, threshold).attack(protection.hidden);
  const auditSeconds = (performance.now() - startAudit) / 1000;
  if (protection.disclosures.length > 0 || audit.disclosures.length > 0) {
    throw new PublicationRefused(Math.max(protection.disclosures.length, audit.disclosures.length));
  }
  protectedRefs.forEach((cell, index) => {
    cell.isSuppressed = protection.hidden[index] === 1;
  });

  const byIndicator = new Map<string, IndicatorAudit>();
  for (const indicator of indicators) {
    if (indicator.countsPersons) byIndicator.set(indicator.key, { indicatorKey: indicator.key, cells: 0, hidden: 0, narrowestInterval: null });
  }
  protectedCells.forEach((cell, index) => {
    const entry = byIndicator.get(cell.indicatorKey)!;
    entry.cells += 1;
    if (!protection.hidden[index]) return;
    entry.hidden += 1;
    const width = audit.narrowest.get(index);
    if (width !== undefined && Number.isFinite(width)) entry.narrowestInterval = Math.min(entry.narrowestInterval ?? Infinity, width);
  });

  const published = new Map<string, PublishedTable>();
  for (const [key, { indicator, period, cells }] of tables) {
    const byCell = new Map(cells.map((cell) => [cellKey(cell.areaCode, cell.split), cell]));
    published.set(key, { indicator, period, cells, cell: (areaCode, split) => byCell.get(cellKey(areaCode, split)) });
  }
  return {
    periods: (indicatorKey) => periodsOf.get(indicatorKey) ?? [],
    table: (indicator, period) => published.get(tableKey(indicator.key, period)),
    audit: {
      cells: protectedCells.length,
      hidden: protection.hidden.reduce((sum, flag) => sum + flag, 0),
      primary: protection.primary,
      secondary: protection.structural + protection.byAttacker,
      rounds: protection.rounds,
      linearPrograms: audit.linearPrograms,
      protectSeconds,
      auditSeconds,
      indicators: [...byIndicator.values()],
    },
  };
}

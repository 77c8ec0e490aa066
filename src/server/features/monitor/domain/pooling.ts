// SPDX-License-Identifier: EUPL-1.2
// Multi-year pooling: small municipalities have too few births a year for a publishable figure, so
// RIVM pools five years for municipal maps (e.g. 2020–2024 in the 2025 edition). Pooling sums the
// COUNTS per area × split before suppression (suppression then judges the pooled counts), and the
// result is always labelled with its period, never passed off as one year.
import type { AreaLevel, Split } from '../../../../contracts/monitor.js';

export interface YearCell {
  areaLevel: AreaLevel;
  areaCode: string;
  split: Split;
  year: number;
  numerator: number;
  denominator: number;
}

export interface PooledCell {
  areaLevel: AreaLevel;
  areaCode: string;
  split: Split;
  /** First and last year of the period (equal when not pooled). */
  firstYear: number;
  year: number;
  isPooled: boolean;
  /** "2024", or "2020–2024" (en dash) when pooled. */
  period: string;
  numerator: number;
  denominator: number;
  /** The years that had data for this cell; fewer than the period when a year is missing. */
  yearsWithData: number[];
  isComplete: boolean;
}

/** The label of a period as shown everywhere: "2024" or "2020–2024". */
export function periodLabel(firstYear: number, year: number): string {
  return firstYear === year ? String(year) : `${firstYear}–${year}`;
}

/**
 * Sums the cells of the `poolYears` years ending at `year` per area × split. With poolYears = 1 it
 * returns that year's cells unchanged (labelled as not pooled). Cells outside the period are ignored.
 */
export function poolCells(cells: readonly YearCell[], options: { year: number; poolYears: number }): PooledCell[] {
  const { year, poolYears } = options;
  if (!Number.isInteger(poolYears) || poolYears < 1) throw new RangeError(`poolYears must be a positive integer (got ${poolYears})`);
  const firstYear = year - poolYears + 1;
  const pooled = new Map<string, PooledCell>();
  for (const cell of cells) {
    if (cell.year < firstYear || cell.year > year) continue;
    const key = `${cell.areaLevel}:${cell.areaCode}|${cell.split}`;
    let target = pooled.get(key);
    if (!target) {
      target = {
        areaLevel: cell.areaLevel,
        areaCode: cell.areaCode,
        split: cell.split,
        firstYear,
        year,
        isPooled: poolYears > 1,
        period: periodLabel(firstYear, year),
        numerator: 0,
        denominator: 0,
        yearsWithData: [],
        isComplete: false,
      };
      pooled.set(key, target);
    }
    if (target.yearsWithData.includes(cell.year)) throw new Error(`cell ${key} given twice for ${cell.year}`);
    target.numerator += cell.numerator;
    target.denominator += cell.denominator;
    target.yearsWithData.push(cell.year);
  }
  return [...pooled.values()].map((cell) => {
    cell.yearsWithData.sort((a, b) => a - b);
    cell.isComplete = cell.yearsWithData.length === poolYears;
    return cell;
  });
}

/**
 * Non-overlapping periods of `poolYears` years ending at `lastYear`, going back no further than
 * `firstAvailableYear`, oldest first. A trend test needs independent periods: overlapping (rolling)
 * windows share births and would overstate significance.
 */
export function nonOverlappingPeriods(lastYear: number, poolYears: number, firstAvailableYear: number): { firstYear: number; year: number }[] {
  if (!Number.isInteger(poolYears) || poolYears < 1) throw new RangeError(`poolYears must be a positive integer (got ${poolYears})`);
  const periods: { firstYear: number; year: number }[] = [];
  for (let year = lastYear; year - poolYears + 1 >= firstAvailableYear; year -= poolYears) {
    periods.unshift({ firstYear: year - poolYears + 1, year });
  }
  return periods;
}

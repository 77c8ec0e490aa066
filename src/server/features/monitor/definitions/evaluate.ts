// SPDX-License-Identifier: EUPL-1.2
// The meaning of a records computation, in memory: the reference semantics that the SQL compilers
// (PostgreSQL, and DuckDB in the benchmark) must agree with, and what tests check definitions against.
import type { Condition, RecordsComputation, RegisterField, Tally } from './types.js';

/** One birth_register row as far as conditions can see it (camelCase columns; nullable ones may be null). */
export type RegisterRow = { readonly [F in RegisterField]?: number | boolean | null };

/**
 * Whether a row satisfies the condition, with SQL's semantics: a comparison with NULL is unknown,
 * and since conditions have no NOT, "unknown" can be treated as false at every level without
 * changing which rows a WHERE clause keeps.
 */
export function matches(condition: Condition, row: RegisterRow): boolean {
  if ('all' in condition) return condition.all.every((part) => matches(part, row));
  if ('any' in condition) return condition.any.some((part) => matches(part, row));
  const value = row[condition.field];
  const isNull = value === null || value === undefined;
  switch (condition.op) {
    case 'is_null':
      return isNull;
    case 'is_not_null':
      return !isNull;
    default: {
      if (isNull) return false;
      const left = Number(value);
      const right = Number(condition.value);
      switch (condition.op) {
        case 'eq':
          return left === right;
        case 'gt':
          return left > right;
        case 'gte':
          return left >= right;
        case 'lt':
          return left < right;
        case 'lte':
          return left <= right;
      }
    }
  }
}

function tallyOf(tally: Tally, row: RegisterRow): number {
  if (tally.kind === 'rows') return 1;
  const value = row[tally.field];
  // SUM ignores NULL, as SQL does.
  return value === null || value === undefined ? 0 : Number(value);
}

/** Numerator and denominator of a records computation over some rows (one area × year × split). */
export function tallyRecords(computation: RecordsComputation, rows: Iterable<RegisterRow>): { numerator: number; denominator: number } {
  let numerator = 0;
  let denominator = 0;
  for (const row of rows) {
    if (!matches(computation.denominator.where, row)) continue;
    denominator += tallyOf(computation.denominator.tally, row);
    // The numerator counts only within the denominator's rows, so it can never exceed it by selection.
    if (matches(computation.numerator.where, row)) numerator += tallyOf(computation.numerator.tally, row);
  }
  return { numerator, denominator };
}

// SPDX-License-Identifier: EUPL-1.2
// An attacker of the monitor that knows only what is published: the figures the API gives (a
// suppressed figure has no numbers) and public facts about how they relate — areas add up to their
// parent (the GGD tree and coalitions), a pooled period is the sum of its years, all = vulnerable +
// not vulnerable, indicators counted over the same population share their denominator, and a
// numerator is at most its denominator. Written apart from the server's own model
// (disclosure/model.ts) so that a flaw there is not repeated here. For every suppressed figure it
// bounds the numerator by linear programming and reports the intervals narrower than the threshold.
import { mulberry32 } from '../../src/server/features/monitor/register/random.js';
import { LinearProgram, loadSolver, type LinearRow } from '../../src/server/features/monitor/disclosure/linear-program.js';

export interface SeenFigure {
  indicatorKey: string;
  /** "level:code" */
  area: string;
  split: 'all' | 'vulnerable' | 'not_vulnerable';
  firstYear: number;
  year: number;
  /** null when suppressed. */
  numerator: number | null;
  denominator: number | null;
}

export interface PublicFacts {
  /** [child, parent] as "level:code": the parent's count is the sum of its children's. */
  parentLinks: [string, string][];
  /** Indicators whose denominators count the same population. */
  sharedDenominators: string[][];
  /** Which relations to use (all by default): to show which attack recovers what. */
  use?: { areas?: boolean; periods?: boolean; splits?: boolean };
}

export interface NarrowInterval {
  figure: SeenFigure;
  lower: number;
  upper: number;
}

export async function attackPublishedFigures(figures: readonly SeenFigure[], facts: PublicFacts, threshold = 10): Promise<{ suppressed: number; narrow: NarrowInterval[] }> {
  const denominatorGroup = new Map<string, string>();
  for (const group of facts.sharedDenominators) for (const key of group) denominatorGroup.set(key, group[0]!);
  const place = (figure: Pick<SeenFigure, 'area' | 'split' | 'firstYear' | 'year'>) => `${figure.area}|${figure.split}|${figure.firstYear}-${figure.year}`;
  const numeratorId = (indicatorKey: string, at: string) => `n|${indicatorKey}|${at}`;
  const denominatorId = (indicatorKey: string, at: string) => `d|${denominatorGroup.get(indicatorKey) ?? indicatorKey}|${at}`;

  const ids = new Map<string, number>();
  const value: (number | null)[] = [];
  const variable = (id: string) => {
    let index = ids.get(id);
    if (index === undefined) {
      index = value.length;
      ids.set(id, index);
      value.push(null);
    }
    return index;
  };
  for (const figure of figures) {
    const at = place(figure);
    const n = variable(numeratorId(figure.indicatorKey, at));
    const d = variable(denominatorId(figure.indicatorKey, at));
    if (figure.numerator !== null) value[n] = figure.numerator;
    if (figure.denominator !== null) value[d] = figure.denominator;
  }
  // Relations between variables that exist: Σ coefficient · variable = 0, and n ≤ d.
  const relations: { variables: number[]; coefficients: number[] }[] = [];
  const sum = (total: string, parts: string[]) => {
    const t = ids.get(total);
    const p = parts.map((part) => ids.get(part));
    if (t === undefined || p.some((part) => part === undefined)) return;
    relations.push({ variables: [t, ...(p as number[])], coefficients: [1, ...p.map(() => -1)] });
  };
  const use = { areas: true, periods: true, splits: true, ...facts.use };
  const children = new Map<string, string[]>();
  if (use.areas) for (const [child, parent] of facts.parentLinks) children.set(parent, [...(children.get(parent) ?? []), child]);
  const indicators = [...new Set(figures.map((figure) => figure.indicatorKey))];
  const periods = [...new Set(figures.map((figure) => `${figure.firstYear}-${figure.year}`))].map((period) => period.split('-').map(Number) as [number, number]);
  const areas = [...new Set(figures.map((figure) => figure.area))];
  const splits = ['all', 'vulnerable', 'not_vulnerable'] as const;
  for (const indicatorKey of indicators) {
    for (const id of [numeratorId, denominatorId]) {
      for (const [firstYear, year] of periods) {
        for (const split of splits) {
          for (const [parent, members] of children) {
            sum(id(indicatorKey, place({ area: parent, split, firstYear, year })), members.map((child) => id(indicatorKey, place({ area: child, split, firstYear, year }))));
          }
        }
        for (const area of areas) {
          if (use.splits) sum(id(indicatorKey, place({ area, split: 'all', firstYear, year })), ['vulnerable', 'not_vulnerable'].map((split) => id(indicatorKey, place({ area, split: split as 'all', firstYear, year }))));
          if (use.periods && year > firstYear) {
            for (const split of splits) {
              const years = Array.from({ length: year - firstYear + 1 }, (_, offset) => firstYear + offset);
              sum(id(indicatorKey, place({ area, split, firstYear, year })), years.map((single) => id(indicatorKey, place({ area, split, firstYear: single, year: single }))));
            }
          }
        }
      }
    }
  }
  const orderings = figures.map((figure) => [ids.get(numeratorId(figure.indicatorKey, place(figure)))!, ids.get(denominatorId(figure.indicatorKey, place(figure)))!] as const);

  // Groups of unknowns.
  const parent = value.map((_, index) => index);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  const join = (list: number[]) => {
    const unknown = list.filter((index) => value[index] === null);
    for (const other of unknown.slice(1)) parent[find(other)] = find(unknown[0]!);
  };
  for (const relation of relations) join(relation.variables);
  for (const [n, d] of orderings) join([n, d]);

  const targets = new Map<number, { figure: SeenFigure; variable: number }[]>();
  let suppressed = 0;
  for (const figure of figures) {
    if (figure.numerator !== null) continue;
    suppressed += 1;
    const n = ids.get(numeratorId(figure.indicatorKey, place(figure)))!;
    if (value[n] !== null) {
      targets.set(-1 - n, [{ figure, variable: n }]);
      continue;
    }
    const group = find(n);
    targets.set(group, [...(targets.get(group) ?? []), { figure, variable: n }]);
  }
  const membersOf = new Map<number, number[]>();
  value.forEach((known, index) => {
    if (known === null) membersOf.set(find(index), [...(membersOf.get(find(index)) ?? []), index]);
  });
  const relationsOf = new Map<number, typeof relations>();
  for (const relation of relations) {
    const unknown = relation.variables.find((index) => value[index] === null);
    if (unknown !== undefined) relationsOf.set(find(unknown), [...(relationsOf.get(find(unknown)) ?? []), relation]);
  }
  const highs = await loadSolver();
  const random = mulberry32(7);
  const narrow: NarrowInterval[] = [];
  for (const [group, list] of targets) {
    if (group < 0) {
      const known = value[list[0]!.variable]!;
      narrow.push({ figure: list[0]!.figure, lower: known, upper: known });
      continue;
    }
    const members = membersOf.get(group)!;
    const column = new Map(members.map((member, index) => [member, index]));
    const rows: LinearRow[] = [];
    const lower = members.map(() => 0);
    const upper = members.map(() => Infinity);
    for (const relation of relationsOf.get(group) ?? []) {
      let constant = 0;
      const row: LinearRow = { columns: [], coefficients: [], lower: 0, upper: 0 };
      relation.variables.forEach((index, position) => {
        const coefficient = relation.coefficients[position]!;
        if (value[index] !== null) constant += coefficient * value[index]!;
        else {
          row.columns.push(column.get(index)!);
          row.coefficients.push(coefficient);
        }
      });
      row.lower = row.upper = -constant;
      rows.push(row);
    }
    for (const [n, d] of orderings) {
      if (!column.has(n) && !column.has(d)) continue;
      if (column.has(n) && column.has(d)) rows.push({ columns: [column.get(n)!, column.get(d)!], coefficients: [1, -1], lower: -Infinity, upper: 0 });
      else if (column.has(n)) upper[column.get(n)!] = Math.min(upper[column.get(n)!]!, value[d]!);
      else if (column.has(d)) lower[column.get(d)!] = Math.max(lower[column.get(d)!]!, value[n]!);
    }
    const program = new LinearProgram(highs, { columnCount: members.length, columnLower: lower, columnUpper: upper, rows });
    const seen = list.map(() => ({ low: Infinity, high: -Infinity }));
    const note = (solution: Float64Array) =>
      list.forEach((target, index) => {
        const x = solution[column.get(target.variable)!]!;
        seen[index]!.low = Math.min(seen[index]!.low, x);
        seen[index]!.high = Math.max(seen[index]!.high, x);
      });
    const wide = (index: number) => Math.floor(seen[index]!.high + 1e-7) - Math.ceil(seen[index]!.low - 1e-7) >= threshold;
    for (let round = 0; round < 16; round += 1) {
      const optimum = program.optimise(Array.from({ length: members.length }, () => random() * 2 - 1), round % 2 ? 'max' : 'min');
      if (optimum) note(optimum.columns);
    }
    list.forEach((target, index) => {
      for (const sense of ['max', 'min'] as const) {
        if (wide(index)) return;
        const cost = new Array<number>(members.length).fill(0);
        cost[column.get(target.variable)!] = 1;
        const optimum = program.optimise(cost, sense);
        if (!optimum) seen[index]!.high = Infinity;
        else note(optimum.columns);
      }
      if (!wide(index)) narrow.push({ figure: target.figure, lower: Math.ceil(seen[index]!.low - 1e-7), upper: Math.floor(seen[index]!.high + 1e-7) });
    });
    program.dispose();
  }
  return { suppressed, narrow };
}

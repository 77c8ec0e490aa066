// SPDX-License-Identifier: EUPL-1.2
// The publication as one system of linear relations — what an attacker who sees everything published
// knows about the counts. Every published cell (indicator × area × split × period) shows two counts,
// a numerator and a denominator. Each count is a variable; cells that show the same count (indicators
// that share a population, such as live births) share the variable. The relations:
//
// - area sums: a parent area's count is the sum of its children's, per kind of relation
//   (municipality → GGD region → province → nation, municipality → coalition);
// - period sums: a pooled period's count is the sum of its single years;
// - split sums: all = vulnerable + not vulnerable;
// - orderings: a numerator is at most its denominator; every count is at least zero.
//
// A relation enters the model only where it holds in the data, so the model never claims more than
// is true (a relation that does not hold could not be used by an attacker either).
import type { AreaLevel, Split } from '../../../../contracts/monitor.js';
import type { AreaLink } from '../domain/area-hierarchy.js';

export interface PublicationCell {
  indicatorKey: string;
  areaLevel: AreaLevel;
  areaCode: string;
  split: Split;
  firstYear: number;
  year: number;
  numerator: number;
  denominator: number;
}

/** Σ coefficients · variables = 0. */
export interface Equation {
  variables: number[];
  coefficients: number[];
}

export interface LinearModel {
  cells: readonly PublicationCell[];
  /** The true value of every variable (never given to an attacker, only to the protector). */
  values: Float64Array;
  /** Per cell, its numerator's and its denominator's variable. */
  numeratorOf: Int32Array;
  denominatorOf: Int32Array;
  /** Per variable, the cells that show it. */
  shownBy: number[][];
  equations: Equation[];
  /** Pairs [smaller, larger]: a numerator is at most its denominator. */
  orderings: [number, number][];
}

const TOLERANCE = 1e-9;
const positionKey = (cell: PublicationCell) => `${cell.areaLevel}:${cell.areaCode}|${cell.firstYear}-${cell.year}`;
const seriesKey = (indicatorKey: string, part: 'n' | 'd', split: Split) => `${indicatorKey}|${part}|${split}`;

export function buildLinearModel(cells: readonly PublicationCell[], links: readonly AreaLink[]): LinearModel {
  // 1. Series (indicator × numerator/denominator × split) and their values by position.
  const series = new Map<string, Map<string, number>>();
  const put = (key: string, position: string, value: number) => {
    let values = series.get(key);
    if (!values) series.set(key, (values = new Map()));
    values.set(position, value);
  };
  for (const cell of cells) {
    const position = positionKey(cell);
    put(seriesKey(cell.indicatorKey, 'n', cell.split), position, cell.numerator);
    put(seriesKey(cell.indicatorKey, 'd', cell.split), position, cell.denominator);
  }
  // 2. Series equal at every position are one population: they share their variables. A series of
  //    zeros alone is not evidence of a shared population, so it stays on its own.
  const classOf = new Map<string, string>();
  const bySignature = new Map<string, string>();
  for (const [key, values] of [...series].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const entries = [...values].sort(([a], [b]) => (a < b ? -1 : 1));
    if (entries.every(([, value]) => value === 0)) {
      classOf.set(key, key);
      continue;
    }
    const signature = entries.map(([position, value]) => `${position}=${value}`).join(';');
    const known = bySignature.get(signature);
    if (known) classOf.set(key, known);
    else {
      bySignature.set(signature, key);
      classOf.set(key, key);
    }
  }
  // 3. Areas that are one population: a coalition or regional collaboration with the same member
  //    municipalities as another area (a regional collaboration of a whole GGD region, a local
  //    coalition of one municipality) shows the same counts as that area wherever both are published.
  //    Their cells share variables, so hiding one hides the other (the structural pass) — otherwise an
  //    attacker reads a hidden GGD region off its twin and protection finds that only by attack
  //    rounds, one neighbour at a time. Aliased only where every shared cell agrees.
  const twinOf = twinAreas(cells, links);
  const variablePosition = (cell: PublicationCell) => {
    const twin = twinOf.get(`${cell.areaLevel}:${cell.areaCode}`);
    return twin ? `${twin}|${cell.firstYear}-${cell.year}` : positionKey(cell);
  };
  // 4. Variables per class × position.
  const variableIndex = new Map<string, number>();
  const values: number[] = [];
  const shownBy: number[][] = [];
  const variableOf = (cellIndex: number, key: string, position: string, value: number) => {
    const id = `${classOf.get(key)}@${position}`;
    let index = variableIndex.get(id);
    if (index === undefined) {
      index = values.length;
      variableIndex.set(id, index);
      values.push(value);
      shownBy.push([]);
    }
    shownBy[index]!.push(cellIndex);
    return index;
  };
  const numeratorOf = new Int32Array(cells.length);
  const denominatorOf = new Int32Array(cells.length);
  cells.forEach((cell, index) => {
    const position = variablePosition(cell);
    numeratorOf[index] = variableOf(index, seriesKey(cell.indicatorKey, 'n', cell.split), position, cell.numerator);
    denominatorOf[index] = variableOf(index, seriesKey(cell.indicatorKey, 'd', cell.split), position, cell.denominator);
  });
  const lookupAt = (classKey: string, position: string) => variableIndex.get(`${classKey}@${position}`);
  /** The variable at an area's position, through its twin. */
  const lookup = (classKey: string, position: string) => {
    const [area, period] = position.split('|') as [string, string];
    const twin = twinOf.get(area);
    return lookupAt(classKey, twin ? `${twin}|${period}` : position);
  };

  // 5. Relations, each once, where they hold.
  const equations: Equation[] = [];
  const seen = new Set<string>();
  const addSum = (total: number | undefined, parts: (number | undefined)[]) => {
    // A part without a cell counts as zero when the sum holds without it: an attacker may well read
    // an unlisted area as empty.
    const defined = parts.filter((part): part is number => part !== undefined);
    if (total === undefined || defined.length === 0) return;
    if (Math.abs(values[total]! - defined.reduce((sum, part) => sum + values[part]!, 0)) > TOLERANCE) return;
    const key = `${total}=${[...defined].sort((a, b) => a - b).join('+')}`;
    if (seen.has(key) || defined.includes(total)) return;
    seen.add(key);
    equations.push({ variables: [total, ...defined], coefficients: [1, ...defined.map(() => -1)] });
  };
  const classes = [...new Set(classOf.values())];
  const periods = [...new Set(cells.map((cell) => `${cell.firstYear}-${cell.year}`))];
  const areas = [...new Set(cells.map((cell) => `${cell.areaLevel}:${cell.areaCode}`))];
  const children = new Map<string, string[]>();
  for (const link of links) {
    const parent = `${link.parentLevel}:${link.parentCode}`;
    children.set(parent, [...(children.get(parent) ?? []), `${link.childLevel}:${link.childCode}`]);
  }
  const singleYears = (period: string) => {
    const [first, last] = period.split('-').map(Number) as [number, number];
    return Array.from({ length: last - first + 1 }, (_, offset) => `${first + offset}-${first + offset}`);
  };
  for (const classKey of classes) {
    for (const period of periods) {
      for (const [parent, members] of children) {
        addSum(lookup(classKey, `${parent}|${period}`), members.map((child) => lookup(classKey, `${child}|${period}`)));
      }
    }
    for (const area of areas) {
      for (const period of periods) {
        const years = singleYears(period);
        if (years.length < 2) continue;
        addSum(lookup(classKey, `${area}|${period}`), years.map((year) => lookup(classKey, `${area}|${year}`)));
      }
    }
  }
  const indicators = [...new Set(cells.map((cell) => cell.indicatorKey))];
  for (const indicator of indicators) {
    for (const part of ['n', 'd'] as const) {
      const all = classOf.get(seriesKey(indicator, part, 'all'));
      const vulnerable = classOf.get(seriesKey(indicator, part, 'vulnerable'));
      const notVulnerable = classOf.get(seriesKey(indicator, part, 'not_vulnerable'));
      if (!all || !vulnerable || !notVulnerable) continue;
      for (const position of series.get(seriesKey(indicator, part, 'all'))!.keys()) {
        addSum(lookup(all, position), [lookup(vulnerable, position), lookup(notVulnerable, position)]);
      }
    }
  }
  const orderings: [number, number][] = [];
  const ordered = new Set<string>();
  cells.forEach((_, index) => {
    const pair: [number, number] = [numeratorOf[index]!, denominatorOf[index]!];
    const key = `${pair[0]}<${pair[1]}`;
    if (pair[0] === pair[1] || ordered.has(key)) return;
    ordered.add(key);
    orderings.push(pair);
  });
  return { cells, values: Float64Array.from(values), numeratorOf, denominatorOf, shownBy, equations, orderings };
}

/**
 * Per coalition-level area ("level:code") whose member municipalities are exactly those of another
 * area (a GGD region, a province, another coalition, or one municipality), that area — where every
 * cell both publish (indicator × split × period) shows the same numerator and denominator.
 */
function twinAreas(cells: readonly PublicationCell[], links: readonly AreaLink[]): Map<string, string> {
  const members = new Map<string, string[]>();
  for (const link of links) {
    if (link.childLevel !== 'municipality') continue;
    const parent = `${link.parentLevel}:${link.parentCode}`;
    members.set(parent, [...(members.get(parent) ?? []), link.childCode]);
  }
  // Canonical first: municipalities, then the GGD tree, then the coalition levels.
  const rank: Record<string, number> = { municipality: 0, ggd_region: 1, province: 2, nation: 3, coalition: 4, regional: 5 };
  const byMembers = new Map<string, string>();
  const candidates = new Map<string, string>();
  const areas = [...members.keys()].sort((a, b) => rank[a.split(':')[0]!]! - rank[b.split(':')[0]!]! || (a < b ? -1 : 1));
  for (const area of areas) {
    const key = [...members.get(area)!].sort().join(',');
    const single = members.get(area)!.length === 1 ? `municipality:${members.get(area)![0]}` : undefined;
    const canonical = byMembers.get(key) ?? single;
    const level = area.split(':')[0]!;
    if (canonical && canonical !== area && (level === 'coalition' || level === 'regional')) candidates.set(area, canonical);
    else if (!byMembers.has(key)) byMembers.set(key, area);
  }
  if (candidates.size === 0) return candidates;
  const shown = new Map<string, string>();
  for (const cell of cells) shown.set(`${cell.areaLevel}:${cell.areaCode}|${cell.indicatorKey}|${cell.split}|${cell.firstYear}-${cell.year}`, `${cell.numerator}/${cell.denominator}`);
  for (const cell of cells) {
    const area = `${cell.areaLevel}:${cell.areaCode}`;
    const twin = candidates.get(area);
    if (!twin) continue;
    const other = shown.get(`${twin}|${cell.indicatorKey}|${cell.split}|${cell.firstYear}-${cell.year}`);
    if (other !== `${cell.numerator}/${cell.denominator}`) candidates.delete(area);
  }
  return candidates;
}

// SPDX-License-Identifier: EUPL-1.2
// Small-number suppression: the ONE function that decides which cells of an indicator may be
// published. The API, tables, exports, maps and charts all publish through it, so a number hidden
// on one page can never be read on another, nor computed from numbers published elsewhere.
//
// 1. Primary: a count of persons below the threshold (numerator, the complement denominator −
//    numerator, or the denominator) is suppressed ('small_count'), and in a vulnerable /
//    not-vulnerable pair both go when either does ('pair'), as RIVM and Regiobeeld do.
// 2. Secondary ('complementary'): the published cells obey additive relations — per area
//    all = vulnerable + not_vulnerable, per split parent = Σ children (municipality → GGD region →
//    province → nation, and municipality → coalition: relations may overlap, so a municipality has
//    one parent per kind of relation). A suppressed cell must not be computable from published ones through any
//    combination of these relations. A fast pass closes every relation with exactly one unknown;
//    an exact pass (row reduction of the relations restricted to the unknown cells) then finds the
//    cells still determined by combinations (e.g. two suppression cycles joined by a bridge).
//    Which cell to add: the smallest published one (by denominator), children before totals, the
//    national figure last. A final pass publishes again any complementary cell that turns out not
//    to be needed, so no single complementary suppression can be undone without a disclosure.
//
// What it does not do: protect against interval disclosure (bounds from non-negativity), which
// RIVM's rules do not address either.
import type { AreaLevel, Split } from '../../../../contracts/monitor.js';

export type SuppressionReason = 'small_count' | 'pair' | 'complementary';

/**
 * One parent link of the area relations: municipality → GGD region → province → nation, and
 * municipality → coalition. An area has at most one parent per parent level.
 */
export interface AreaLink {
  childLevel: AreaLevel;
  childCode: string;
  parentLevel: AreaLevel;
  parentCode: string;
}

/** One count of an indicator for one area, split and period, before suppression. */
export interface SuppressionCell {
  areaLevel: AreaLevel;
  areaCode: string;
  split: Split;
  numerator: number;
  denominator: number;
  /** Already suppressed (e.g. the output of an earlier run, or data marked unreliable): stays so. */
  isSuppressed?: boolean;
  reason?: SuppressionReason | null;
}

export interface SuppressionOptions {
  /** Counts below this are not published (default 10, as RIVM and Regiobeeld). */
  threshold?: number;
  /** False for counts of municipalities or organisations: nothing about persons to protect. */
  countsPersons: boolean;
  /** Whether the vulnerable / not-vulnerable split (and so the pair rule) applies. */
  hasVulnerabilitySplit: boolean;
}

export type SuppressedCell<C extends SuppressionCell> = Omit<C, 'isSuppressed' | 'reason'> & {
  isSuppressed: boolean;
  reason: SuppressionReason | null;
};

export const DEFAULT_SUPPRESSION_THRESHOLD = 10;

const LEVEL_RANK: Record<AreaLevel, number> = { municipality: 0, coalition: 1, ggd_region: 1, province: 2, nation: 3 };

/**
 * Builds the links municipality → GGD region → province → nation from the municipality list, and
 * municipality → coalition for the municipalities that belong to one (a second, overlapping
 * relation: a coalition's total is the sum of its member municipalities, nothing sums coalitions).
 */
export function buildAreaHierarchy(
  municipalities: readonly { code: string; ggdRegionCode: string; provinceCode: string; coalitionCode?: string | null }[],
  nationCode = 'NL01',
): AreaLink[] {
  const links: AreaLink[] = [];
  const regionProvince = new Map<string, string>();
  const provinces = new Set<string>();
  const seen = new Set<string>();
  for (const municipality of municipalities) {
    if (seen.has(municipality.code)) throw new Error(`municipality ${municipality.code} listed twice`);
    seen.add(municipality.code);
    links.push({ childLevel: 'municipality', childCode: municipality.code, parentLevel: 'ggd_region', parentCode: municipality.ggdRegionCode });
    const province = regionProvince.get(municipality.ggdRegionCode);
    // The relations are a tree: a GGD region spanning two provinces would make "province = Σ regions" false.
    if (province !== undefined && province !== municipality.provinceCode) {
      throw new Error(`GGD region ${municipality.ggdRegionCode} lies in provinces ${province} and ${municipality.provinceCode}`);
    }
    regionProvince.set(municipality.ggdRegionCode, municipality.provinceCode);
    provinces.add(municipality.provinceCode);
    if (municipality.coalitionCode) {
      links.push({ childLevel: 'municipality', childCode: municipality.code, parentLevel: 'coalition', parentCode: municipality.coalitionCode });
    }
  }
  for (const [region, province] of [...regionProvince].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    links.push({ childLevel: 'ggd_region', childCode: region, parentLevel: 'province', parentCode: province });
  }
  for (const province of [...provinces].sort()) {
    links.push({ childLevel: 'province', childCode: province, parentLevel: 'nation', parentCode: nationCode });
  }
  return links;
}

/** Whether a cell's counts are too small to publish on their own. */
export function isSmallCount(numerator: number, denominator: number, threshold = DEFAULT_SUPPRESSION_THRESHOLD): boolean {
  return numerator < threshold || denominator - numerator < threshold || denominator < threshold;
}

interface Node {
  areaLevel: AreaLevel;
  areaCode: string;
  split: Split;
  /** Index into the caller's cells; -1 for a phantom (a cell missing from the input). */
  cell: number;
  denominator: number;
}

/** total = Σ parts, for numerators and denominators alike. */
interface Relation {
  total: number;
  parts: number[];
}

const areaKey = (level: AreaLevel, code: string) => `${level}:${code}`;
const nodeKey = (level: AreaLevel, code: string, split: Split) => `${level}:${code}|${split}`;
const TOLERANCE = 1e-9;

/**
 * Suppresses the cells of ONE indicator for ONE period (all area levels and splits together, since
 * the relations run across them). Returns the cells in the input order with isSuppressed and reason.
 * Deterministic: the result does not depend on the order of the cells or links. Idempotent: feeding
 * the result back gives the same result.
 *
 * Pass every cell that exists, including zero counts; a cell missing from the input is treated as
 * an unknown value in its relations (so nothing is derived through it), never as zero.
 */
export function suppressCells<C extends SuppressionCell>(
  cells: readonly C[],
  hierarchy: readonly AreaLink[],
  options: SuppressionOptions,
): SuppressedCell<C>[] {
  const threshold = options.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  if (!(threshold >= 0)) throw new RangeError(`threshold must be non-negative (got ${threshold})`);

  const output = (flags: (SuppressionReason | null)[]): SuppressedCell<C>[] =>
    cells.map((cell, index) => {
      const { isSuppressed: _wasSuppressed, reason: _reason, ...rest } = cell;
      const reason = flags[index] ?? null;
      return { ...rest, isSuppressed: reason !== null, reason } as SuppressedCell<C>;
    });

  const reasons: (SuppressionReason | null)[] = cells.map((cell) => (cell.isSuppressed ? (cell.reason ?? 'complementary') : null));
  // Counts of municipalities or organisations identify no one: publish them all.
  if (!options.countsPersons) return output(reasons);

  // ---- the nodes: every cell, plus phantoms for cells a relation needs but the input lacks ----
  const nodes: Node[] = [];
  const nodeIndex = new Map<string, number>();
  const areas = new Map<string, { level: AreaLevel; code: string }>();
  const splits = new Set<Split>();
  cells.forEach((cell, index) => {
    const key = nodeKey(cell.areaLevel, cell.areaCode, cell.split);
    if (nodeIndex.has(key)) throw new Error(`cell ${key} given twice`);
    if (!Number.isFinite(cell.numerator) || !Number.isFinite(cell.denominator)) throw new Error(`cell ${key} has no counts`);
    nodeIndex.set(key, nodes.length);
    nodes.push({ areaLevel: cell.areaLevel, areaCode: cell.areaCode, split: cell.split, cell: index, denominator: cell.denominator });
    areas.set(areaKey(cell.areaLevel, cell.areaCode), { level: cell.areaLevel, code: cell.areaCode });
    splits.add(cell.split);
  });
  const nodeOf = (level: AreaLevel, code: string, split: Split): number => {
    const key = nodeKey(level, code, split);
    let index = nodeIndex.get(key);
    if (index === undefined) {
      index = nodes.length;
      nodeIndex.set(key, index);
      nodes.push({ areaLevel: level, areaCode: code, split, cell: -1, denominator: Number.POSITIVE_INFINITY });
    }
    return index;
  };

  // ---- primary suppression ----
  cells.forEach((cell, index) => {
    if (reasons[index] === null && isSmallCount(cell.numerator, cell.denominator, threshold)) reasons[index] = 'small_count';
  });
  if (options.hasVulnerabilitySplit) {
    for (const { level, code } of areas.values()) {
      const vulnerable = nodeIndex.get(nodeKey(level, code, 'vulnerable'));
      const notVulnerable = nodeIndex.get(nodeKey(level, code, 'not_vulnerable'));
      if (vulnerable === undefined || notVulnerable === undefined) continue;
      const a = nodes[vulnerable]!.cell;
      const b = nodes[notVulnerable]!.cell;
      if (reasons[a] !== null && reasons[b] === null) reasons[b] = 'pair';
      else if (reasons[b] !== null && reasons[a] === null) reasons[a] = 'pair';
    }
  }

  // ---- the relations ----
  const relations: Relation[] = [];
  const children = new Map<string, { level: AreaLevel; code: string }[]>();
  // One parent per kind of relation (parent level): a municipality may sum into a GGD region AND a
  // coalition, but into two GGD regions it cannot (its births would be counted twice).
  const parentOf = new Map<string, string>();
  for (const link of hierarchy) {
    const child = areaKey(link.childLevel, link.childCode);
    const parent = areaKey(link.parentLevel, link.parentCode);
    const relationKey = `${child}→${link.parentLevel}`;
    const existing = parentOf.get(relationKey);
    if (existing !== undefined && existing !== parent) throw new Error(`area ${child} has two parents (${existing}, ${parent})`);
    if (existing !== undefined) continue;
    parentOf.set(relationKey, parent);
    const list = children.get(parent) ?? [];
    list.push({ level: link.childLevel, code: link.childCode });
    children.set(parent, list);
  }
  const sortedParents = [...children.keys()].sort();
  for (const parent of sortedParents) {
    const [parentLevel, parentCode] = splitAreaKey(parent);
    const kids = children.get(parent)!.sort((a, b) => compareStrings(areaKey(a.level, a.code), areaKey(b.level, b.code)));
    for (const split of [...splits].sort()) {
      // Only where the data touch this family: a relation of phantoms alone constrains nothing.
      const touched =
        nodeIndex.has(nodeKey(parentLevel, parentCode, split)) || kids.some((kid) => nodeIndex.has(nodeKey(kid.level, kid.code, split)));
      if (!touched) continue;
      relations.push({ total: nodeOf(parentLevel, parentCode, split), parts: kids.map((kid) => nodeOf(kid.level, kid.code, split)) });
    }
  }
  if (options.hasVulnerabilitySplit && (splits.has('vulnerable') || splits.has('not_vulnerable'))) {
    for (const key of [...areas.keys()].sort()) {
      const { level, code } = areas.get(key)!;
      relations.push({ total: nodeOf(level, code, 'all'), parts: [nodeOf(level, code, 'vulnerable'), nodeOf(level, code, 'not_vulnerable')] });
    }
  }

  const isPhantom = (node: number) => nodes[node]!.cell < 0;
  const isUnknown = (node: number) => isPhantom(node) || reasons[nodes[node]!.cell] !== null;
  const relationsOf: number[][] = nodes.map(() => []);
  relations.forEach((relation, index) => {
    for (const node of [relation.total, ...relation.parts]) relationsOf[node]!.push(index);
  });
  const membersOf = (relation: Relation) => [relation.total, ...relation.parts];
  // Preference for the next complementary suppression: never the nation unless nothing else will
  // do, then the smallest cell, then the lowest level; the node index makes it deterministic.
  const nodeOrder = (a: number, b: number): number => {
    const na = nodes[a]!;
    const nb = nodes[b]!;
    return (
      Number(na.areaLevel === 'nation') - Number(nb.areaLevel === 'nation') ||
      na.denominator - nb.denominator ||
      LEVEL_RANK[na.areaLevel] - LEVEL_RANK[nb.areaLevel] ||
      compareStrings(nodeKey(na.areaLevel, na.areaCode, na.split), nodeKey(nb.areaLevel, nb.areaCode, nb.split))
    );
  };
  /** The other half of a vulnerable / not-vulnerable pair, when it is a real cell. */
  const partnerOf = (node: number): number | undefined => {
    const { areaLevel, areaCode, split } = nodes[node]!;
    if (!options.hasVulnerabilitySplit || split === 'all') return undefined;
    const other = nodeIndex.get(nodeKey(areaLevel, areaCode, split === 'vulnerable' ? 'not_vulnerable' : 'vulnerable'));
    return other !== undefined && !isPhantom(other) ? other : undefined;
  };
  /** A cell and, for a split cell, its pair: pairs are published or suppressed together, always. */
  const withPartner = (node: number): number[] => {
    const partner = partnerOf(node);
    return partner === undefined ? [node] : [node, partner];
  };
  const suppress = (node: number) => {
    for (const member of withPartner(node)) if (!isUnknown(member)) reasons[nodes[member]!.cell] = 'complementary';
  };

  /** The fast pass: close every relation whose only unknown is a protected (real) cell. */
  const closeSingletons = () => {
    for (;;) {
      let best: { node: number; isTotal: boolean } | null = null;
      for (const relation of relations) {
        const unknown = membersOf(relation).filter(isUnknown);
        if (unknown.length !== 1 || isPhantom(unknown[0]!)) continue;
        // Children before the total: the totals (and above all the nation) should stay published.
        const candidates = relation.parts.filter((node) => !isUnknown(node)).sort(nodeOrder);
        const candidate = candidates.length > 0 ? { node: candidates[0]!, isTotal: false } : { node: relation.total, isTotal: true };
        if (
          !best ||
          Number(candidate.isTotal) - Number(best.isTotal) < 0 ||
          (candidate.isTotal === best.isTotal && nodeOrder(candidate.node, best.node) < 0)
        ) {
          best = candidate;
        }
      }
      if (!best) return;
      suppress(best.node);
    }
  };

  /**
   * The exact pass: protected unknown cells that some combination of relations determines, within
   * the connected group of unknowns around `seeds` (or everywhere without seeds).
   */
  const determinedCells = (seeds?: readonly number[], extraUnknown?: readonly number[]): number[] => {
    const unknown = (node: number) => extraUnknown?.includes(node) || isUnknown(node);
    const visited = new Set<number>();
    const determined: number[] = [];
    const starts = seeds ?? nodes.map((_, index) => index);
    for (const start of starts) {
      if (visited.has(start) || !unknown(start)) continue;
      // Collect the group: unknowns linked through relations in which both are unknown.
      const group: number[] = [start];
      const groupRelations = new Set<number>();
      visited.add(start);
      for (let head = 0; head < group.length; head++) {
        for (const relationIndex of relationsOf[group[head]!]!) {
          if (groupRelations.has(relationIndex)) continue;
          groupRelations.add(relationIndex);
          for (const member of membersOf(relations[relationIndex]!)) {
            if (!visited.has(member) && unknown(member)) {
              visited.add(member);
              group.push(member);
            }
          }
        }
      }
      if (!group.some((node) => !isPhantom(node))) continue;
      const column = new Map(group.map((node, index) => [node, index]));
      const matrix = [...groupRelations].sort((a, b) => a - b).map((relationIndex) => {
        const row = new Float64Array(group.length);
        const relation = relations[relationIndex]!;
        const at = (node: number, value: number) => {
          const index = column.get(node);
          if (index !== undefined) row[index] = row[index]! + value;
        };
        at(relation.total, 1);
        for (const part of relation.parts) at(part, -1);
        return row;
      });
      for (const index of determinedColumns(matrix, group.length)) {
        const node = group[index]!;
        if (!isPhantom(node) && !extraUnknown?.includes(node)) determined.push(node);
      }
    }
    return determined.sort(nodeOrder);
  };

  /** Published cells in the relations around an unknown group: where a new suppression can help. */
  const candidatesAround = (node: number): number[] => {
    const seen = new Set<number>([node]);
    const queue = [node];
    const candidates = new Set<number>();
    for (let head = 0; head < queue.length; head++) {
      for (const relationIndex of relationsOf[queue[head]!]!) {
        for (const member of membersOf(relations[relationIndex]!)) {
          if (seen.has(member)) continue;
          seen.add(member);
          if (isUnknown(member)) queue.push(member);
          else candidates.add(member);
        }
      }
    }
    return [...candidates].sort(nodeOrder);
  };

  const initiallySuppressed = new Set(nodes.map((_, index) => index).filter((node) => !isPhantom(node) && isUnknown(node)));
  const added: number[] = [];
  for (;;) {
    closeSingletons();
    const determined = determinedCells();
    if (determined.length === 0) break;
    const target = determined[0]!;
    const candidates = candidatesAround(target);
    // The first (preferred) candidate whose suppression makes the target undetermined; a wider
    // net otherwise — suppressing more always terminates, as a fully suppressed group is safe.
    const choice = candidates.find((candidate) => !determinedCells([target], withPartner(candidate)).includes(target)) ?? candidates[0];
    if (choice === undefined) throw new Error('suppression: a determined cell without published neighbours (inconsistent relations)');
    suppress(choice);
  }
  nodes.forEach((_, index) => {
    if (!isPhantom(index) && isUnknown(index) && !initiallySuppressed.has(index)) added.push(index);
  });

  // ---- publish again what is not needed: largest and highest first, until nothing changes ----
  const addedSet = new Set(added);
  const releaseOrder = [...added].sort(
    (a, b) => LEVEL_RANK[nodes[b]!.areaLevel] - LEVEL_RANK[nodes[a]!.areaLevel] || -nodeOrder(a, b),
  );
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of releaseOrder) {
      const unit = withPartner(node);
      // Only complementary cells added here can go back, and a pair only as a whole.
      if (!unit.every((member) => addedSet.has(member) && reasons[nodes[member]!.cell] === 'complementary')) continue;
      for (const member of unit) reasons[nodes[member]!.cell] = null;
      const seeds = unit.flatMap((member) => relationsOf[member]!.flatMap((relationIndex) => membersOf(relations[relationIndex]!))).filter(isUnknown);
      if (determinedCells(seeds).length > 0) for (const member of unit) reasons[nodes[member]!.cell] = 'complementary';
      else changed = true;
    }
  }
  return output(reasons);
}

/**
 * Columns of `matrix` (rows = relations, restricted to the unknown cells) whose value the relations
 * fix: after full row reduction, a pivot column whose row has no other non-zero entry.
 */
function determinedColumns(matrix: Float64Array[], columns: number): number[] {
  const rows = matrix.length;
  const pivotColumnOfRow: number[] = [];
  let rank = 0;
  for (let column = 0; column < columns && rank < rows; column++) {
    let pivot = -1;
    let best = TOLERANCE;
    for (let row = rank; row < rows; row++) {
      const magnitude = Math.abs(matrix[row]![column]!);
      if (magnitude > best) {
        best = magnitude;
        pivot = row;
      }
    }
    if (pivot < 0) continue;
    [matrix[rank], matrix[pivot]] = [matrix[pivot]!, matrix[rank]!];
    const pivotRow = matrix[rank]!;
    const scale = pivotRow[column]!;
    for (let k = column; k < columns; k++) pivotRow[k] = pivotRow[k]! / scale;
    for (let row = 0; row < rows; row++) {
      if (row === rank) continue;
      const target = matrix[row]!;
      const factor = target[column]!;
      if (Math.abs(factor) <= TOLERANCE) {
        target[column] = 0;
        continue;
      }
      for (let k = column; k < columns; k++) target[k] = target[k]! - factor * pivotRow[k]!;
      target[column] = 0;
    }
    pivotColumnOfRow[rank] = column;
    rank++;
  }
  const determined: number[] = [];
  for (let row = 0; row < rank; row++) {
    const pivotColumn = pivotColumnOfRow[row]!;
    const values = matrix[row]!;
    let alone = true;
    for (let k = 0; k < columns; k++) {
      if (k !== pivotColumn && Math.abs(values[k]!) > TOLERANCE) {
        alone = false;
        break;
      }
    }
    if (alone) determined.push(pivotColumn);
  }
  return determined;
}

function splitAreaKey(key: string): [AreaLevel, string] {
  const separator = key.indexOf(':');
  return [key.slice(0, separator) as AreaLevel, key.slice(separator + 1)];
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

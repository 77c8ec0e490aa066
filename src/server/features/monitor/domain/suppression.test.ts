// SPDX-License-Identifier: EUPL-1.2
// The suppression is tested the way an attacker would look at the published tables: two attackers,
// written here independently of the implementation, try to recover every suppressed numerator and
// denominator from the published ones. A simple one solves relations with one unknown, repeatedly;
// a strong one does exact (rational) Gaussian elimination over every relation at once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AreaLevel, Split } from '../../../../contracts/monitor.js';
import { buildAreaHierarchy, isSmallCount, suppressCells, type AreaLink, type SuppressionCell } from './suppression.js';

type Cell = SuppressionCell;
type Flags = Map<string, boolean>;
const keyOf = (cell: { areaLevel: AreaLevel; areaCode: string; split: Split }) => `${cell.areaLevel}:${cell.areaCode}|${cell.split}`;
const SPLIT_PARTS: Split[] = ['vulnerable', 'not_vulnerable'];

// ---------- the relations, as the attacker knows them ----------
type Relation = { key: string; coefficient: number }[];
function relationsOf(cells: readonly Cell[], links: readonly AreaLink[], hasSplit: boolean): Relation[] {
  const present = new Set(cells.map(keyOf));
  const splits = [...new Set(cells.map((cell) => cell.split))];
  const relations: Relation[] = [];
  const families = new Map<string, { parent: { level: AreaLevel; code: string }; children: { level: AreaLevel; code: string }[] }>();
  for (const link of links) {
    const id = `${link.parentLevel}:${link.parentCode}`;
    const family = families.get(id) ?? { parent: { level: link.parentLevel, code: link.parentCode }, children: [] };
    family.children.push({ level: link.childLevel, code: link.childCode });
    families.set(id, family);
  }
  const k = (level: AreaLevel, code: string, split: Split) => keyOf({ areaLevel: level, areaCode: code, split });
  for (const { parent, children } of families.values()) {
    for (const split of splits) {
      const members = [k(parent.level, parent.code, split), ...children.map((child) => k(child.level, child.code, split))];
      if (!members.every((member) => present.has(member))) continue;
      relations.push([{ key: members[0]!, coefficient: 1 }, ...members.slice(1).map((member) => ({ key: member, coefficient: -1 }))]);
    }
  }
  if (hasSplit) {
    for (const cell of cells) {
      if (cell.split !== 'all') continue;
      relations.push([
        { key: keyOf(cell), coefficient: 1 },
        ...SPLIT_PARTS.map((split) => ({ key: k(cell.areaLevel, cell.areaCode, split), coefficient: -1 })),
      ]);
    }
  }
  return relations;
}

type Field = 'numerator' | 'denominator';

/** Solves relations with exactly one unknown until nothing changes; returns what it recovered. */
function singletonAttack(cells: readonly Cell[], suppressed: Flags, relations: Relation[], field: Field): Map<string, number> {
  const known = new Map<string, number>();
  for (const cell of cells) if (!suppressed.get(keyOf(cell))) known.set(keyOf(cell), cell[field]);
  const recovered = new Map<string, number>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const relation of relations) {
      const unknown = relation.filter((term) => !known.has(term.key));
      if (unknown.length !== 1) continue;
      const rest = relation.filter((term) => known.has(term.key)).reduce((sum, term) => sum + term.coefficient * known.get(term.key)!, 0);
      const value = -rest / unknown[0]!.coefficient;
      known.set(unknown[0]!.key, value);
      recovered.set(unknown[0]!.key, value);
      changed = true;
    }
  }
  return recovered;
}

// Exact rationals with BigInt: the strong attacker makes no rounding errors.
type Q = { n: bigint; d: bigint };
const abs = (x: bigint) => (x < 0n ? -x : x);
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? abs(a) : gcd(b, a % b));
const q = (n: bigint, d = 1n): Q => {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
};
const sub = (a: Q, b: Q) => q(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Q, b: Q) => q(a.n * b.n, a.d * b.d);
const div = (a: Q, b: Q) => q(a.n * b.d, a.d * b.n);

/** Exact Gaussian elimination over all relations; returns every suppressed value it determines. */
function gaussianAttack(cells: readonly Cell[], suppressed: Flags, relations: Relation[], field: Field): Map<string, number> {
  const value = new Map(cells.map((cell) => [keyOf(cell), cell[field]]));
  const unknowns = [...new Set(relations.flatMap((relation) => relation.map((term) => term.key)))].filter((key) => suppressed.get(key));
  const column = new Map(unknowns.map((key, index) => [key, index]));
  const m = unknowns.length;
  const rows: Q[][] = relations
    .filter((relation) => relation.some((term) => column.has(term.key)))
    .map((relation) => {
      const row: Q[] = Array.from({ length: m + 1 }, () => q(0n));
      let rhs = 0;
      for (const term of relation) {
        const index = column.get(term.key);
        if (index === undefined) rhs -= term.coefficient * value.get(term.key)!;
        else row[index] = q(row[index]!.n + BigInt(term.coefficient) * row[index]!.d, row[index]!.d);
      }
      row[m] = q(BigInt(rhs));
      return row;
    });
  let rank = 0;
  for (let c = 0; c < m && rank < rows.length; c++) {
    const pivot = rows.findIndex((row, index) => index >= rank && row[c]!.n !== 0n);
    if (pivot < 0) continue;
    [rows[rank], rows[pivot]] = [rows[pivot]!, rows[rank]!];
    const p = rows[rank]!;
    const lead = p[c]!;
    for (let j = 0; j <= m; j++) p[j] = div(p[j]!, lead);
    for (let r = 0; r < rows.length; r++) {
      if (r === rank || rows[r]![c]!.n === 0n) continue;
      const factor = rows[r]![c]!;
      for (let j = 0; j <= m; j++) rows[r]![j] = sub(rows[r]![j]!, mul(factor, p[j]!));
    }
    rank++;
  }
  const recovered = new Map<string, number>();
  for (const row of rows) {
    const nonZero = row.slice(0, m).flatMap((entry, index) => (entry.n !== 0n ? [index] : []));
    if (nonZero.length === 1) {
      const solved = div(row[m]!, row[nonZero[0]!]!);
      recovered.set(unknowns[nonZero[0]!]!, Number(solved.n) / Number(solved.d));
    }
  }
  return recovered;
}

// ---------- data ----------
interface Table {
  cells: Cell[];
  links: AreaLink[];
  hasSplit: boolean;
}

/** Builds an additive table from per-municipality counts of the two splits. */
function buildTable(
  structure: number[][],
  counts: { v: [number, number]; nv: [number, number] }[],
  hasSplit: boolean,
): Table {
  const municipalities: { code: string; ggdRegionCode: string; provinceCode: string }[] = [];
  structure.forEach((regions, p) =>
    regions.forEach((size, r) => {
      for (let m = 0; m < size; m++) {
        municipalities.push({ code: `GM${p}${r}${m}`, ggdRegionCode: `GG${p}${r}`, provinceCode: `PV${p}` });
      }
    }),
  );
  const links = buildAreaHierarchy(municipalities);
  const totals = new Map<string, Cell>();
  const add = (level: AreaLevel, code: string, split: Split, numerator: number, denominator: number) => {
    const key = keyOf({ areaLevel: level, areaCode: code, split });
    const cell = totals.get(key) ?? { areaLevel: level, areaCode: code, split, numerator: 0, denominator: 0 };
    cell.numerator += numerator;
    cell.denominator += denominator;
    totals.set(key, cell);
  };
  municipalities.forEach((municipality, index) => {
    const { v, nv } = counts[index]!;
    const parts: [Split, number, number][] = [
      ['vulnerable', v[0], v[1]],
      ['not_vulnerable', nv[0], nv[1]],
      ['all', v[0] + nv[0], v[1] + nv[1]],
    ];
    for (const [split, numerator, denominator] of parts) {
      if (!hasSplit && split !== 'all') continue;
      add('municipality', municipality.code, split, numerator, denominator);
      add('ggd_region', municipality.ggdRegionCode, split, numerator, denominator);
      add('province', municipality.provinceCode, split, numerator, denominator);
      add('nation', 'NL01', split, numerator, denominator);
    }
  });
  return { cells: [...totals.values()], links, hasSplit };
}

const countPair = (maxSmall: number, maxLarge: number) =>
  fc
    .oneof(fc.integer({ min: 0, max: maxSmall }), fc.integer({ min: 0, max: maxLarge }))
    .chain((denominator) => fc.tuple(fc.integer({ min: 0, max: denominator }), fc.constant(denominator)));

const tableArb: fc.Arbitrary<Table> = fc
  .tuple(fc.array(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), fc.boolean())
  .chain(([structure, hasSplit]) => {
    const size = structure.flat().reduce((sum, n) => sum + n, 0);
    return fc
      .array(fc.record({ v: countPair(25, 120), nv: countPair(40, 600) }), { minLength: size, maxLength: size })
      .map((counts) => buildTable(structure, counts, hasSplit));
  });

const run = (table: Table, threshold = 10) =>
  suppressCells(table.cells, table.links, { threshold, countsPersons: true, hasVulnerabilitySplit: table.hasSplit });
const flagsOf = (cells: readonly { areaLevel: AreaLevel; areaCode: string; split: Split; isSuppressed: boolean }[]): Flags =>
  new Map(cells.map((cell) => [keyOf(cell), cell.isSuppressed]));

/** Only the primary rules (small counts and pairs): what the table would be without secondary suppression. */
function primaryOnly(table: Table, threshold = 10): Flags {
  const flags: Flags = new Map(table.cells.map((cell) => [keyOf(cell), isSmallCount(cell.numerator, cell.denominator, threshold)]));
  for (const cell of table.cells) {
    if (cell.split !== 'vulnerable') continue;
    const partner = keyOf({ ...cell, split: 'not_vulnerable' });
    if (flags.get(keyOf(cell)) || flags.get(partner)) flags.set(keyOf(cell), true).set(partner, true);
  }
  return flags;
}

const attacks = (table: Table, flags: Flags) => {
  const relations = relationsOf(table.cells, table.links, table.hasSplit);
  return (['numerator', 'denominator'] as const).flatMap((field) => [
    ...singletonAttack(table.cells, flags, relations, field).keys(),
    ...gaussianAttack(table.cells, flags, relations, field).keys(),
  ]);
};

// ---------- a small table by hand ----------
// NL01 → PV01 → GG01 → GM01, GM02, GM03 (province and nation equal the region).
const handTable = (): Table => {
  const rows: [string, [number, number], [number, number]][] = [
    ['GM01', [4, 30], [40, 200]],
    ['GM02', [12, 40], [50, 300]],
    ['GM03', [20, 80], [60, 400]],
  ];
  const links = buildAreaHierarchy(rows.map(([code]) => ({ code, ggdRegionCode: 'GG01', provinceCode: 'PV01' })));
  const cells: Cell[] = [];
  const sum = { v: [0, 0], nv: [0, 0] };
  for (const [code, v, nv] of rows) {
    cells.push({ areaLevel: 'municipality', areaCode: code, split: 'vulnerable', numerator: v[0], denominator: v[1] });
    cells.push({ areaLevel: 'municipality', areaCode: code, split: 'not_vulnerable', numerator: nv[0], denominator: nv[1] });
    cells.push({ areaLevel: 'municipality', areaCode: code, split: 'all', numerator: v[0] + nv[0], denominator: v[1] + nv[1] });
    sum.v = [sum.v[0]! + v[0], sum.v[1]! + v[1]];
    sum.nv = [sum.nv[0]! + nv[0], sum.nv[1]! + nv[1]];
  }
  for (const [level, code] of [
    ['ggd_region', 'GG01'],
    ['province', 'PV01'],
    ['nation', 'NL01'],
  ] as const) {
    cells.push({ areaLevel: level, areaCode: code, split: 'vulnerable', numerator: sum.v[0]!, denominator: sum.v[1]! });
    cells.push({ areaLevel: level, areaCode: code, split: 'not_vulnerable', numerator: sum.nv[0]!, denominator: sum.nv[1]! });
    cells.push({ areaLevel: level, areaCode: code, split: 'all', numerator: sum.v[0]! + sum.nv[0]!, denominator: sum.v[1]! + sum.nv[1]! });
  }
  return { cells, links, hasSplit: true };
};

describe('suppressCells on a small table by hand', () => {
  it('suppresses the small count, its pair, and the smallest cells that would give them away', () => {
    const result = run(handTable());
    const reasons = Object.fromEntries(result.filter((cell) => cell.isSuppressed).map((cell) => [keyOf(cell), cell.reason]));
    // GM01 vulnerable 4/30: small. Its pair goes with it. Then GG01 vulnerable − GM02 − GM03 would give
    // GM01 vulnerable: the smallest other child (GM02 vulnerable, 40) goes, and then GM02 all − GM02
    // vulnerable would give it: GM02 not vulnerable goes (a child, not the total). The region,
    // province and nation stay published.
    expect(reasons).toEqual({
      'municipality:GM01|vulnerable': 'small_count',
      'municipality:GM01|not_vulnerable': 'pair',
      'municipality:GM02|vulnerable': 'complementary',
      'municipality:GM02|not_vulnerable': 'complementary',
    });
    expect(result.map(keyOf)).toEqual(handTable().cells.map(keyOf)); // input order kept
  });

  it('without the complementary step the attacker recovers GM01 (the attackers are real)', () => {
    const table = handTable();
    const relations = relationsOf(table.cells, table.links, true);
    const recovered = singletonAttack(table.cells, primaryOnly(table), relations, 'numerator');
    expect(recovered.get('municipality:GM01|vulnerable')).toBe(4);
    expect(gaussianAttack(table.cells, primaryOnly(table), relations, 'denominator').get('municipality:GM01|vulnerable')).toBe(30);
    expect(attacks(table, flagsOf(run(table)))).toEqual([]);
  });

  it('suppresses a large denominator with a small complement, and a small denominator', () => {
    const links = buildAreaHierarchy([{ code: 'GM01', ggdRegionCode: 'GG01', provinceCode: 'PV01' }]);
    const cells: Cell[] = [
      { areaLevel: 'municipality', areaCode: 'GM01', split: 'all', numerator: 95, denominator: 100 },
      { areaLevel: 'ggd_region', areaCode: 'GG01', split: 'all', numerator: 95, denominator: 100 },
    ];
    expect(suppressCells(cells, links, { countsPersons: true, hasVulnerabilitySplit: false }).map((cell) => cell.reason)).toEqual(['small_count', 'small_count']);
    expect(isSmallCount(0, 9)).toBe(true);
    expect(isSmallCount(10, 20)).toBe(false);
    expect(isSmallCount(10, 19)).toBe(true);
    expect(isSmallCount(3, 20, 3)).toBe(false);
  });

  it('publishes everything for counts of municipalities', () => {
    const result = suppressCells(
      [{ areaLevel: 'nation', areaCode: 'NL01', split: 'all', numerator: 3, denominator: 342 }],
      [],
      { countsPersons: false, hasVulnerabilitySplit: false },
    );
    expect(result).toEqual([{ areaLevel: 'nation', areaCode: 'NL01', split: 'all', numerator: 3, denominator: 342, isSuppressed: false, reason: null }]);
  });

  it('treats a missing cell as unknown, never as zero', () => {
    // GM03 has no vulnerable cell: GG01 vulnerable − GM02 vulnerable is GM01 + GM03 together, not GM01.
    const cells = handTable().cells.filter((cell) => keyOf(cell) !== 'municipality:GM03|vulnerable');
    const result = suppressCells(cells, handTable().links, { countsPersons: true, hasVulnerabilitySplit: true });
    expect(result).toHaveLength(cells.length);
    expect(result.find((cell) => keyOf(cell) === 'municipality:GM01|vulnerable')?.reason).toBe('small_count');
    // But GM03 all − GM03 not vulnerable would give the missing GM03 vulnerable, which is fine to know;
    // what must hold is that nothing suppressed is derivable with the missing cell counted as unknown.
    const flags = flagsOf(result);
    const relations = relationsOf(handTable().cells, handTable().links, true);
    flags.set('municipality:GM03|vulnerable', true);
    const recovered = gaussianAttack(handTable().cells, flags, relations, 'numerator');
    for (const key of recovered.keys()) expect(key).toBe('municipality:GM03|vulnerable');
  });

  it('rejects duplicate cells and an area with two parents', () => {
    const table = handTable();
    expect(() => suppressCells([...table.cells, table.cells[0]!], table.links, { countsPersons: true, hasVulnerabilitySplit: true })).toThrow(/twice/);
    const links: AreaLink[] = [...table.links, { childLevel: 'municipality', childCode: 'GM01', parentLevel: 'ggd_region', parentCode: 'GG02' }];
    expect(() => suppressCells(table.cells, links, { countsPersons: true, hasVulnerabilitySplit: true })).toThrow(/two parents/);
    // A GGD region and a coalition are two kinds of parent; two coalitions are not allowed.
    const coalition: AreaLink = { childLevel: 'municipality', childCode: 'GM01', parentLevel: 'coalition', parentCode: 'KS0001' };
    expect(() => suppressCells(table.cells, [...table.links, coalition], { countsPersons: true, hasVulnerabilitySplit: true })).not.toThrow();
    const second: AreaLink = { ...coalition, parentCode: 'KS0002' };
    expect(() => suppressCells(table.cells, [...table.links, coalition, second], { countsPersons: true, hasVulnerabilitySplit: true })).toThrow(
      /two parents/,
    );
  });
});

describe('buildAreaHierarchy', () => {
  it('links municipality → GGD region → province → nation', () => {
    const links = buildAreaHierarchy([
      { code: 'GM0002', ggdRegionCode: 'GG0002', provinceCode: 'PV21' },
      { code: 'GM0001', ggdRegionCode: 'GG0001', provinceCode: 'PV20' },
      { code: 'GM0003', ggdRegionCode: 'GG0001', provinceCode: 'PV20' },
    ]);
    expect(links).toEqual([
      { childLevel: 'municipality', childCode: 'GM0002', parentLevel: 'ggd_region', parentCode: 'GG0002' },
      { childLevel: 'municipality', childCode: 'GM0001', parentLevel: 'ggd_region', parentCode: 'GG0001' },
      { childLevel: 'municipality', childCode: 'GM0003', parentLevel: 'ggd_region', parentCode: 'GG0001' },
      { childLevel: 'ggd_region', childCode: 'GG0001', parentLevel: 'province', parentCode: 'PV20' },
      { childLevel: 'ggd_region', childCode: 'GG0002', parentLevel: 'province', parentCode: 'PV21' },
      { childLevel: 'province', childCode: 'PV20', parentLevel: 'nation', parentCode: 'NL01' },
      { childLevel: 'province', childCode: 'PV21', parentLevel: 'nation', parentCode: 'NL01' },
    ]);
  });

  it('links a member municipality to its coalition too (a second, overlapping relation)', () => {
    const links = buildAreaHierarchy([
      { code: 'GM0001', ggdRegionCode: 'GG0001', provinceCode: 'PV20', coalitionCode: 'KS0001' },
      { code: 'GM0002', ggdRegionCode: 'GG0001', provinceCode: 'PV20', coalitionCode: null },
    ]);
    expect(links.filter((link) => link.parentLevel === 'coalition')).toEqual([
      { childLevel: 'municipality', childCode: 'GM0001', parentLevel: 'coalition', parentCode: 'KS0001' },
    ]);
    expect(links.filter((link) => link.childCode === 'GM0001').map((link) => link.parentLevel)).toEqual(['ggd_region', 'coalition']);
  });

  it('refuses a GGD region in two provinces and a municipality listed twice', () => {
    expect(() =>
      buildAreaHierarchy([
        { code: 'GM1', ggdRegionCode: 'GG1', provinceCode: 'PV1' },
        { code: 'GM2', ggdRegionCode: 'GG1', provinceCode: 'PV2' },
      ]),
    ).toThrow(/two provinces|provinces/);
    expect(() =>
      buildAreaHierarchy([
        { code: 'GM1', ggdRegionCode: 'GG1', provinceCode: 'PV1' },
        { code: 'GM1', ggdRegionCode: 'GG1', provinceCode: 'PV1' },
      ]),
    ).toThrow(/twice/);
  });
});

describe('suppressCells on random hierarchies (properties)', () => {
  it('(a) publishes no count below the threshold, (b) suppresses pairs together', () => {
    fc.assert(
      fc.property(tableArb, fc.constantFrom(5, 10), (table, threshold) => {
        const result = run(table, threshold);
        for (const cell of result) {
          if (cell.isSuppressed) continue;
          expect(cell.numerator).toBeGreaterThanOrEqual(threshold);
          expect(cell.denominator - cell.numerator).toBeGreaterThanOrEqual(threshold);
        }
        const flags = flagsOf(result);
        for (const cell of result) {
          if (cell.split === 'vulnerable') expect(flags.get(keyOf({ ...cell, split: 'not_vulnerable' }))).toBe(cell.isSuppressed);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('(c, d) neither attacker recovers any suppressed numerator or denominator — though they do without secondary suppression', () => {
    let leaksWithoutSecondary = 0;
    let beyondSingletons = 0;
    fc.assert(
      fc.property(tableArb, (table) => {
        const flags = flagsOf(run(table));
        const relations = relationsOf(table.cells, table.links, table.hasSplit);
        for (const field of ['numerator', 'denominator'] as const) {
          expect([...singletonAttack(table.cells, flags, relations, field).keys()]).toEqual([]);
          expect([...gaussianAttack(table.cells, flags, relations, field).keys()]).toEqual([]);
        }
        // The same attackers against the primary rules alone: they must find something sometimes,
        // and what they find must be the true value (so a passing test means something).
        const primary = primaryOnly(table);
        const truth = new Map(table.cells.map((cell) => [keyOf(cell), cell.numerator]));
        const simple = singletonAttack(table.cells, primary, relations, 'numerator');
        const strong = gaussianAttack(table.cells, primary, relations, 'numerator');
        for (const [key, value] of strong) expect(value).toBe(truth.get(key));
        if (strong.size > 0) leaksWithoutSecondary++;
        if ([...strong.keys()].some((key) => !simple.has(key))) beyondSingletons++;
      }),
      { numRuns: 200 },
    );
    expect(leaksWithoutSecondary).toBeGreaterThan(10);
    // Measured, not asserted: with one tree and a two-way split, iterated one-unknown solving has so
    // far found everything elimination finds (beyondSingletons stays 0). The exact pass is the guard
    // in case it does not, e.g. with cells missing from the input.
    void beyondSingletons;
  });

  it('(d) also protects any pattern of cells marked suppressed beforehand', () => {
    // Forced patterns (e.g. data marked unreliable) are more varied than those of small counts.
    let beyondSingletons = 0;
    fc.assert(
      fc.property(
        tableArb.chain((table) => fc.tuple(fc.constant(table), fc.array(fc.integer({ min: 0, max: 3 }).map((draw) => draw === 0), { minLength: table.cells.length, maxLength: table.cells.length }))),
        ([table, forced]) => {
          const cells = table.cells.map((cell, index) => ({ ...cell, isSuppressed: forced[index]! }));
          const result = suppressCells(cells, table.links, { threshold: 0, countsPersons: true, hasVulnerabilitySplit: table.hasSplit });
          result.forEach((cell, index) => {
            if (forced[index]) expect(cell.isSuppressed).toBe(true);
          });
          const relations = relationsOf(table.cells, table.links, table.hasSplit);
          const flags = flagsOf(result);
          for (const field of ['numerator', 'denominator'] as const) expect([...gaussianAttack(table.cells, flags, relations, field).keys()]).toEqual([]);
          // How often the forced pattern itself leaks only to elimination (after closing singletons).
          const forcedFlags: Flags = new Map(table.cells.map((cell, index) => [keyOf(cell), forced[index]!]));
          const simple = singletonAttack(table.cells, forcedFlags, relations, 'denominator');
          const strong = gaussianAttack(table.cells, forcedFlags, relations, 'denominator');
          if ([...strong.keys()].some((key) => !simple.has(key))) beyondSingletons++;
        },
      ),
      { numRuns: 200 },
    );
    void beyondSingletons;
  });

  it('(e) is deterministic in the order of cells and links, and idempotent', () => {
    fc.assert(
      fc.property(tableArb, fc.integer({ min: 0, max: 1000 }), (table, rotation) => {
        const result = run(table);
        const rotate = <T>(items: readonly T[]) => {
          const at = items.length === 0 ? 0 : rotation % items.length;
          return [...items.slice(at), ...items.slice(0, at)].reverse();
        };
        const shuffled = suppressCells(rotate(table.cells), rotate(table.links), { countsPersons: true, hasVulnerabilitySplit: table.hasSplit });
        const reasons = new Map(result.map((cell) => [keyOf(cell), cell.reason]));
        for (const cell of shuffled) expect(cell.reason).toBe(reasons.get(keyOf(cell)));
        const again = suppressCells(result, table.links, { countsPersons: true, hasVulnerabilitySplit: table.hasSplit });
        expect(again).toEqual(result);
      }),
      { numRuns: 100 },
    );
  });

  it('suppresses no more than needed: publishing any complementary cell (with its pair) again discloses something', () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const result = run(table);
        const flags = flagsOf(result);
        const reasons = new Map(result.map((cell) => [keyOf(cell), cell.reason]));
        for (const cell of result.filter((item) => item.reason === 'complementary')) {
          // Pairs go together, so a split cell can only come back with its partner.
          const unit = [keyOf(cell)];
          if (table.hasSplit && cell.split !== 'all') unit.push(keyOf({ ...cell, split: cell.split === 'vulnerable' ? 'not_vulnerable' : 'vulnerable' }));
          if (!unit.every((key) => reasons.get(key) === 'complementary')) continue;
          const relaxed = new Map(flags);
          for (const key of unit) relaxed.set(key, false);
          expect(attacks(table, relaxed).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the national total published unless it is itself a small count', () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const nation = run(table).find((cell) => cell.areaLevel === 'nation' && cell.split === 'all')!;
        if (!isSmallCount(nation.numerator, nation.denominator)) expect(nation.isSuppressed).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});

// ---------- coalitions: a second additive relation over municipalities, overlapping the tree ----------
/**
 * Adds coalitions to a table: `assignment[i]` is the coalition of the i-th municipality (0 = none),
 * the coalition cells are exact sums of their members, per split, as the recompute makes them.
 */
function withCoalitions(table: Table, assignment: readonly number[]): Table {
  const municipalityCodes = [...new Set(table.cells.filter((cell) => cell.areaLevel === 'municipality').map((cell) => cell.areaCode))].sort();
  const links: AreaLink[] = [...table.links];
  const totals = new Map<string, Cell>();
  municipalityCodes.forEach((code, index) => {
    const coalition = assignment[index] ?? 0;
    if (coalition === 0) return;
    const coalitionCode = `KS000${coalition}`;
    links.push({ childLevel: 'municipality', childCode: code, parentLevel: 'coalition', parentCode: coalitionCode });
    for (const cell of table.cells) {
      if (cell.areaLevel !== 'municipality' || cell.areaCode !== code) continue;
      const key = keyOf({ areaLevel: 'coalition', areaCode: coalitionCode, split: cell.split });
      const total = totals.get(key) ?? { areaLevel: 'coalition', areaCode: coalitionCode, split: cell.split, numerator: 0, denominator: 0 };
      total.numerator += cell.numerator;
      total.denominator += cell.denominator;
      totals.set(key, total);
    }
  });
  return { cells: [...table.cells, ...totals.values()], links, hasSplit: table.hasSplit };
}

const coalitionTableArb: fc.Arbitrary<Table> = tableArb.chain((table) => {
  const size = new Set(table.cells.filter((cell) => cell.areaLevel === 'municipality').map((cell) => cell.areaCode)).size;
  // Up to three coalitions; members drawn across GGD regions and provinces, so the relations overlap.
  return fc
    .array(fc.integer({ min: 0, max: 3 }), { minLength: size, maxLength: size })
    .map((assignment) => withCoalitions(table, assignment));
});

describe('suppressCells with coalitions over random municipalities (properties)', () => {
  it('neither attacker recovers any suppressed count through the GGD tree, the coalitions or both — though they do without secondary suppression', () => {
    let leaksWithoutSecondary = 0;
    let coalitionsSeen = 0;
    fc.assert(
      fc.property(coalitionTableArb, (table) => {
        if (table.cells.some((cell) => cell.areaLevel === 'coalition')) coalitionsSeen++;
        const result = run(table);
        for (const cell of result) {
          if (!cell.isSuppressed) expect(isSmallCount(cell.numerator, cell.denominator)).toBe(false);
        }
        const flags = flagsOf(result);
        const relations = relationsOf(table.cells, table.links, table.hasSplit);
        for (const field of ['numerator', 'denominator'] as const) {
          expect([...singletonAttack(table.cells, flags, relations, field).keys()]).toEqual([]);
          expect([...gaussianAttack(table.cells, flags, relations, field).keys()]).toEqual([]);
        }
        const primary = primaryOnly(table);
        const truth = new Map(table.cells.map((cell) => [keyOf(cell), cell.numerator]));
        const strong = gaussianAttack(table.cells, primary, relations, 'numerator');
        for (const [key, value] of strong) expect(value).toBe(truth.get(key));
        if (strong.size > 0) leaksWithoutSecondary++;
      }),
      { numRuns: 200 },
    );
    expect(coalitionsSeen).toBeGreaterThan(100);
    expect(leaksWithoutSecondary).toBeGreaterThan(10);
  });

  it('also protects forced patterns when coalitions overlap the tree', () => {
    fc.assert(
      fc.property(
        coalitionTableArb.chain((table) =>
          fc.tuple(fc.constant(table), fc.array(fc.integer({ min: 0, max: 3 }).map((draw) => draw === 0), { minLength: table.cells.length, maxLength: table.cells.length })),
        ),
        ([table, forced]) => {
          const cells = table.cells.map((cell, index) => ({ ...cell, isSuppressed: forced[index]! }));
          const result = suppressCells(cells, table.links, { threshold: 0, countsPersons: true, hasVulnerabilitySplit: table.hasSplit });
          result.forEach((cell, index) => {
            if (forced[index]) expect(cell.isSuppressed).toBe(true);
          });
          const relations = relationsOf(table.cells, table.links, table.hasSplit);
          const flags = flagsOf(result);
          for (const field of ['numerator', 'denominator'] as const) {
            expect([...singletonAttack(table.cells, flags, relations, field).keys()]).toEqual([]);
            expect([...gaussianAttack(table.cells, flags, relations, field).keys()]).toEqual([]);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is deterministic and idempotent with coalitions', () => {
    fc.assert(
      fc.property(coalitionTableArb, (table) => {
        const result = run(table);
        const shuffled = suppressCells([...table.cells].reverse(), [...table.links].reverse(), { countsPersons: true, hasVulnerabilitySplit: table.hasSplit });
        const reasons = new Map(result.map((cell) => [keyOf(cell), cell.reason]));
        for (const cell of shuffled) expect(cell.reason).toBe(reasons.get(keyOf(cell)));
        expect(suppressCells(result, table.links, { countsPersons: true, hasVulnerabilitySplit: table.hasSplit })).toEqual(result);
      }),
      { numRuns: 60 },
    );
  });
});

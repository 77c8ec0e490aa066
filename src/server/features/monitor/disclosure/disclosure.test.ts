// SPDX-License-Identifier: EUPL-1.2
// The disclosure-control rules as tables: which relations the model holds, what the attacker
// recovers from a given publication, and that protection leaves it nothing.
import { describe, expect, it } from 'vitest';
import type { AreaLink } from '../domain/area-hierarchy.js';
import { PublicationAttacker } from './attack.js';
import { loadSolver } from './linear-program.js';
import { buildLinearModel, type PublicationCell } from './model.js';
import { isPrimary, protectPublication } from './protect.js';

const links: AreaLink[] = [
  { childLevel: 'municipality', childCode: 'GM1', parentLevel: 'ggd_region', parentCode: 'GG1' },
  { childLevel: 'municipality', childCode: 'GM2', parentLevel: 'ggd_region', parentCode: 'GG1' },
];

type Row = [indicatorKey: string, area: string, split: PublicationCell['split'], period: string, numerator: number, denominator: number];
function cells(rows: Row[]): PublicationCell[] {
  return rows.map(([indicatorKey, area, split, period, numerator, denominator]) => {
    const [level, code] = area.split(':') as [PublicationCell['areaLevel'], string];
    const [firstYear, year] = period.includes('-') ? period.split('-').map(Number) : [Number(period), Number(period)];
    return { indicatorKey, areaLevel: level, areaCode: code, split, firstYear: firstYear!, year: year!, numerator, denominator };
  });
}

describe('the primary rule', () => {
  it.each([
    [9, 100, true],
    [10, 100, false],
    [10, 19, true],
    [10, 20, false],
    [0, 0, true],
    [0, 9, true],
    [90, 100, false],
    [91, 100, true],
  ])('numerator %i of %i is small: %s', (numerator, denominator, expected) => {
    expect(isPrimary(numerator, denominator, 10)).toBe(expected);
  });
});

describe('the linear model', () => {
  it('holds area, period and split sums only where the data has them, and orders n ≤ d', () => {
    const model = buildLinearModel(
      cells([
        ['big2', 'municipality:GM1', 'all', '2023', 10, 93],
        ['big2', 'municipality:GM2', 'all', '2023', 20, 100],
        ['big2', 'ggd_region:GG1', 'all', '2023', 30, 193],
        ['big2', 'municipality:GM1', 'all', '2024', 6, 91],
        ['big2', 'municipality:GM2', 'all', '2024', 25, 110],
        // Not the sum of its municipalities (an import, say): no relation for 2024.
        ['big2', 'ggd_region:GG1', 'all', '2024', 40, 205],
        ['big2', 'municipality:GM1', 'all', '2023-2024', 16, 184],
      ]),
      links,
    );
    const name = (variable: number) => {
      const cell = model.cells[model.shownBy[variable]![0]!]!;
      return `${variable === model.numeratorOf[model.shownBy[variable]![0]!] ? 'n' : 'd'}:${cell.areaCode}:${cell.firstYear}-${cell.year}`;
    };
    const equations = model.equations.map((equation) => equation.variables.map(name).join(' = ')).sort();
    // Total first, then its parts.
    expect(equations).toEqual([
      'd:GG1:2023-2023 = d:GM1:2023-2023 = d:GM2:2023-2023',
      'd:GM1:2023-2024 = d:GM1:2023-2023 = d:GM1:2024-2024',
      'n:GG1:2023-2023 = n:GM1:2023-2023 = n:GM2:2023-2023',
      'n:GM1:2023-2024 = n:GM1:2023-2023 = n:GM1:2024-2024',
    ]);
    expect(model.orderings).toHaveLength(model.cells.length);
  });

  it('shares the variables of series equal everywhere (one population), but not of series of zeros', () => {
    const model = buildLinearModel(
      cells([
        ['big2', 'municipality:GM1', 'all', '2023', 10, 93],
        ['big2', 'municipality:GM2', 'all', '2023', 0, 100],
        ['no_kraamzorg', 'municipality:GM1', 'all', '2023', 4, 93],
        ['no_kraamzorg', 'municipality:GM2', 'all', '2023', 0, 100],
        ['born_vulnerable', 'municipality:GM1', 'all', '2023', 0, 0],
        ['born_vulnerable', 'municipality:GM2', 'all', '2023', 0, 0],
        ['late_start_of_care', 'municipality:GM1', 'all', '2023', 0, 0],
        ['late_start_of_care', 'municipality:GM2', 'all', '2023', 0, 0],
      ]),
      [],
    );
    // Same denominators: one variable per municipality, shown by both indicators.
    expect(model.denominatorOf[0]).toBe(model.denominatorOf[2]);
    expect(model.denominatorOf[1]).toBe(model.denominatorOf[3]);
    expect(model.numeratorOf[0]).not.toBe(model.numeratorOf[2]);
    // All-zero series stay apart.
    expect(new Set([model.numeratorOf[4], model.denominatorOf[4], model.numeratorOf[6], model.denominatorOf[6]]).size).toBe(4);
  });
});

describe('the attacker and the protection', () => {
  // Issue 9's example: Big2 for one municipality is 10/93 for 2023 and 16/184 for 2023–2024 pooled.
  const example = cells([
    ['big2', 'municipality:GM1', 'all', '2023', 10, 93],
    ['big2', 'municipality:GM1', 'all', '2024', 6, 91],
    ['big2', 'municipality:GM1', 'all', '2023-2024', 16, 184],
    ['big2', 'municipality:GM2', 'all', '2023', 40, 300],
    ['big2', 'municipality:GM2', 'all', '2024', 45, 310],
    ['big2', 'municipality:GM2', 'all', '2023-2024', 85, 610],
    ['big2', 'ggd_region:GG1', 'all', '2023', 50, 393],
    ['big2', 'ggd_region:GG1', 'all', '2024', 51, 401],
    ['big2', 'ggd_region:GG1', 'all', '2023-2024', 101, 794],
  ]);

  it.each<[string, number[], string[]]>([
    ['the pooled period minus the published year gives the hidden year', [1], ['1:numerator 6–6']],
    ['hiding the pooled period too: the region minus the other municipality gives it', [1, 2], ['1:numerator 6–6', '2:numerator 16–16']],
    ['a hidden pair in a region of two is still the other total minus', [1, 4], ['1:numerator 6–6', '4:numerator 45–45']],
    ['four hidden cells on a cycle: only bounded, but 6 and 45 share a margin of 51 — wide', [1, 2, 4, 5], []],
  ])('%s', async (_, hidden, expected) => {
    const model = buildLinearModel(example, links);
    const flags = new Uint8Array(example.length);
    for (const index of hidden) flags[index] = 1;
    const attacker = new PublicationAttacker(await loadSolver(), model, 10);
    const found = (await attacker.attack(flags)).disclosures.filter((disclosure) => disclosure.quantity === 'numerator');
    expect(found.map((disclosure) => `${disclosure.cell}:${disclosure.quantity} ${disclosure.lower}–${disclosure.upper}`)).toEqual(expected);
  });

  it('protects the example: the small year is hidden with enough others that nothing is bounded narrowly', async () => {
    const highs = await loadSolver();
    const model = buildLinearModel(example, links);
    const result = await protectPublication(highs, model, 10);
    expect(result.disclosures).toEqual([]);
    expect(result.hidden[1]).toBe(1);
    expect(result.primary).toBe(1);
    expect(result.hidden.reduce((sum, flag) => sum + flag, 0)).toBeGreaterThan(1);
    expect((await new PublicationAttacker(highs, model, 10).attack(result.hidden)).disclosures).toEqual([]);
  });
});

describe('a regional collaboration overlapping a local coalition (issue 10 item 8)', () => {
  // Local coalition KS1 = GM1 + GM2; regional collaboration RG1 = GM1 + GM2 + GM3 (one more
  // municipality, in another GGD region). GM3 is small; its GGD region GG2 = GM3 + GM4.
  const regionalLinks: AreaLink[] = [
    { childLevel: 'municipality', childCode: 'GM1', parentLevel: 'ggd_region', parentCode: 'GG1' },
    { childLevel: 'municipality', childCode: 'GM2', parentLevel: 'ggd_region', parentCode: 'GG1' },
    { childLevel: 'municipality', childCode: 'GM3', parentLevel: 'ggd_region', parentCode: 'GG2' },
    { childLevel: 'municipality', childCode: 'GM4', parentLevel: 'ggd_region', parentCode: 'GG2' },
    { childLevel: 'municipality', childCode: 'GM1', parentLevel: 'coalition', parentCode: 'KS1' },
    { childLevel: 'municipality', childCode: 'GM2', parentLevel: 'coalition', parentCode: 'KS1' },
    { childLevel: 'municipality', childCode: 'GM1', parentLevel: 'regional', parentCode: 'RG1' },
    { childLevel: 'municipality', childCode: 'GM2', parentLevel: 'regional', parentCode: 'RG1' },
    { childLevel: 'municipality', childCode: 'GM3', parentLevel: 'regional', parentCode: 'RG1' },
  ];
  const withoutRegional = regionalLinks.filter((link) => link.parentLevel !== 'regional');
  const publication = cells([
    ['big2', 'municipality:GM1', 'all', '2023', 40, 300],
    ['big2', 'municipality:GM2', 'all', '2023', 45, 310],
    ['big2', 'municipality:GM3', 'all', '2023', 4, 50],
    ['big2', 'municipality:GM4', 'all', '2023', 30, 200],
    ['big2', 'ggd_region:GG1', 'all', '2023', 85, 610],
    ['big2', 'ggd_region:GG2', 'all', '2023', 34, 250],
    ['big2', 'coalition:KS1', 'all', '2023', 85, 610],
    ['big2', 'regional:RG1', 'all', '2023', 89, 660],
  ]);
  const GM3 = 2;

  it('holds the regional sum as a relation of its own', () => {
    const model = buildLinearModel(publication, regionalLinks);
    const totals = model.equations.map((equation) => model.cells[model.shownBy[equation.variables[0]!]![0]!]!.areaCode);
    // KS1 and GG1 show the same counts: one variable, so their relations are one. RG1 has its own.
    expect(totals.filter((code) => code === 'RG1')).toHaveLength(2);
  });

  it('the regional total minus the local coalition gives the small municipality when only the protector ignores the relation', async () => {
    const highs = await loadSolver();
    const blind = await protectPublication(highs, buildLinearModel(publication, withoutRegional), 10);
    expect(blind.disclosures).toEqual([]);
    expect(blind.hidden[GM3]).toBe(1);
    // The attacker knows the regional collaboration's members (they are public): RG1 − KS1 = GM3.
    const found = (await new PublicationAttacker(highs, buildLinearModel(publication, regionalLinks), 10).attack(blind.hidden)).disclosures;
    expect(found.filter((disclosure) => disclosure.cell === GM3 && disclosure.quantity === 'numerator')).toEqual([
      { cell: GM3, quantity: 'numerator', lower: 4, upper: 4 },
    ]);
  });

  it('protected with the regional relation, nothing is bounded narrowly', async () => {
    const highs = await loadSolver();
    const model = buildLinearModel(publication, regionalLinks);
    const result = await protectPublication(highs, model, 10);
    expect(result.disclosures).toEqual([]);
    expect(result.hidden[GM3]).toBe(1);
    expect((await new PublicationAttacker(highs, model, 10).attack(result.hidden)).disclosures).toEqual([]);
  });
});

describe('areas with the same members are one population', () => {
  it('a regional collaboration of a whole GGD region and a local coalition of one municipality share their twin\'s variables', async () => {
    const twinLinks: AreaLink[] = [
      ...links,
      { childLevel: 'municipality', childCode: 'GM1', parentLevel: 'regional', parentCode: 'RG1' },
      { childLevel: 'municipality', childCode: 'GM2', parentLevel: 'regional', parentCode: 'RG1' },
      { childLevel: 'municipality', childCode: 'GM1', parentLevel: 'coalition', parentCode: 'KS1' },
    ];
    const publication = cells([
      ['big2', 'municipality:GM1', 'all', '2023', 4, 93],
      ['big2', 'municipality:GM2', 'all', '2023', 40, 300],
      ['big2', 'ggd_region:GG1', 'all', '2023', 44, 393],
      ['big2', 'regional:RG1', 'all', '2023', 44, 393],
      ['big2', 'coalition:KS1', 'all', '2023', 4, 93],
    ]);
    const model = buildLinearModel(publication, twinLinks);
    expect(model.numeratorOf[3]).toBe(model.numeratorOf[2]);
    expect(model.denominatorOf[3]).toBe(model.denominatorOf[2]);
    expect(model.numeratorOf[4]).toBe(model.numeratorOf[0]);
    // One relation GG1 = GM1 + GM2 per count, not a second one for the twin.
    expect(model.equations).toHaveLength(2);
    // Hiding the region hides its twin: nothing is read off the regional collaboration.
    const highs = await loadSolver();
    const result = await protectPublication(highs, model, 10);
    expect(result.hidden[3]).toBe(result.hidden[2]);
    expect(result.hidden[4]).toBe(1);
    expect((await new PublicationAttacker(highs, model, 10).attack(result.hidden)).disclosures).toEqual([]);
  });

  it('does not alias a twin whose published counts differ (an imported figure, say)', () => {
    const model = buildLinearModel(
      cells([
        ['big2', 'municipality:GM1', 'all', '2023', 20, 93],
        ['big2', 'coalition:KS1', 'all', '2023', 21, 93],
      ]),
      [{ childLevel: 'municipality', childCode: 'GM1', parentLevel: 'coalition', parentCode: 'KS1' }],
    );
    expect(model.numeratorOf[1]).not.toBe(model.numeratorOf[0]);
  });
});

// SPDX-License-Identifier: EUPL-1.2
// The audit refuses: a publication whose protection leaves a hidden count that the attacker can
// bound too narrowly is not published at all (docs/adr/0011, decision 8). Proven with a protector
// that only hides small counts: a region total minus its other municipality gives the small one.
import { describe, expect, it } from 'vitest';
import { NATION_CODE, type AreaLevel } from '../../../contracts/monitor.js';
import { INDICATORS } from './definitions/indicators.js';
import type { Area, AreaIndex, CountRow } from './monitor-store.js';
import { computePublication, PublicationRefused } from './publication.js';
import { isPrimary, protectPublication } from './disclosure/protect.js';

const indicator = INDICATORS.find((candidate) => candidate.key === 'big2')!;
const area = (level: AreaLevel, code: string, parents: Partial<Area> = {}): Area => ({
  code,
  name: code,
  level,
  population: level === 'municipality' ? 10_000 : null,
  ggdRegionCode: null,
  provinceCode: null,
  ...parents,
});
const list = [
  area('municipality', 'GM0001', { ggdRegionCode: 'GG0001', provinceCode: 'PV01' }),
  area('municipality', 'GM0002', { ggdRegionCode: 'GG0001', provinceCode: 'PV01' }),
  area('ggd_region', 'GG0001', { provinceCode: 'PV01' }),
  area('province', 'PV01'),
  area('nation', NATION_CODE),
];
const areas: AreaIndex = { byCode: new Map(list.map((entry) => [entry.code, entry])), municipalities: list.filter((entry) => entry.level === 'municipality') };
const row = (areaLevel: AreaLevel, areaCode: string, numerator: number, denominator: number): CountRow => ({
  indicatorKey: indicator.key,
  areaLevel,
  areaCode,
  year: 2024,
  split: 'all',
  source: 'records',
  numerator,
  denominator,
  isSynthetic: true,
  importFileName: null,
  importedAt: null,
});
// GM0001 has 3 of 50: small. Every total above it is its sum with GM0002's 40 of 200.
const counts = [
  row('municipality', 'GM0001', 3, 50),
  row('municipality', 'GM0002', 40, 200),
  row('ggd_region', 'GG0001', 43, 250),
  row('province', 'PV01', 43, 250),
  row('nation', NATION_CODE, 43, 250),
];
const compute = (protect?: typeof protectPublication) => computePublication([indicator], () => [2024], counts, areas, 10, protect);

describe('the audit refuses a publication it can attack', () => {
  it('refuses when only the small counts are hidden (43 − 40 = 3)', async () => {
    const primaryOnly: typeof protectPublication = async (_highs, model, threshold) => ({
      hidden: Uint8Array.from(model.cells, (cell) => (isPrimary(cell.numerator, cell.denominator, threshold) ? 1 : 0)),
      primary: 0,
      structural: 0,
      byAttacker: 0,
      rounds: 0,
      disclosures: [],
    });
    await expect(compute(primaryOnly)).rejects.toBeInstanceOf(PublicationRefused);
  });

  it('publishes the same counts protected by the real protector, and the audit bounds no hidden count narrower than 10', async () => {
    const publication = await compute();
    expect(publication.audit.hidden).toBeGreaterThan(1);
    expect(publication.audit.indicators[0]!.narrowestInterval).toBeGreaterThanOrEqual(10);
  });
});

describe('the protection does not depend on the order the counts are read in', () => {
  // Three municipalities with the same counts beside a small one: which of them the protection hides
  // next to it is a tie. Were it decided by the order the database happened to return the rows in, two
  // publications of the same data could hide different cells, and together give away the small count.
  const tied = [
    area('municipality', 'GM0011', { ggdRegionCode: 'GG0011', provinceCode: 'PV11' }),
    area('municipality', 'GM0012', { ggdRegionCode: 'GG0011', provinceCode: 'PV11' }),
    area('municipality', 'GM0013', { ggdRegionCode: 'GG0011', provinceCode: 'PV11' }),
    area('municipality', 'GM0014', { ggdRegionCode: 'GG0011', provinceCode: 'PV11' }),
    area('ggd_region', 'GG0011', { provinceCode: 'PV11' }),
    area('province', 'PV11'),
    area('nation', NATION_CODE),
  ];
  const tiedAreas: AreaIndex = { byCode: new Map(tied.map((entry) => [entry.code, entry])), municipalities: tied.filter((entry) => entry.level === 'municipality') };
  const tiedCounts = [
    row('municipality', 'GM0011', 3, 50),
    row('municipality', 'GM0012', 40, 200),
    row('municipality', 'GM0013', 40, 200),
    row('municipality', 'GM0014', 40, 200),
    row('ggd_region', 'GG0011', 123, 650),
    row('province', 'PV11', 123, 650),
    row('nation', NATION_CODE, 123, 650),
  ];
  const hiddenAreas = async (order: CountRow[]) => {
    const publication = await computePublication([indicator], () => [2024], order, tiedAreas, 10);
    const table = publication.table(indicator, { firstYear: 2024, year: 2024 })!;
    return table.cells.filter((cell) => cell.isSuppressed).map((cell) => cell.areaCode).sort();
  };

  it('hides the same cells whether the rows come in one order or the reverse', async () => {
    const forwards = await hiddenAreas(tiedCounts);
    expect(forwards).toContain('GM0011');
    expect(forwards.length).toBeGreaterThan(1);
    expect(await hiddenAreas([...tiedCounts].reverse())).toEqual(forwards);
    expect(await hiddenAreas([tiedCounts[3]!, tiedCounts[1]!, tiedCounts[0]!, ...tiedCounts.slice(4), tiedCounts[2]!])).toEqual(forwards);
  });
});

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

// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { buildAreaHierarchy } from './area-hierarchy.js';

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

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

  it('links a municipality to its local coalition and its regional collaboration, each its own relation (issue 10 item 8)', () => {
    const links = buildAreaHierarchy([
      { code: 'GM0001', ggdRegionCode: 'GG0001', provinceCode: 'PV20', coalitionCode: 'KS0001', regionalCode: 'KS0101' },
      { code: 'GM0002', ggdRegionCode: 'GG0001', provinceCode: 'PV20', coalitionCode: null, regionalCode: 'KS0101' },
      { code: 'GM0003', ggdRegionCode: 'GG0001', provinceCode: 'PV20', coalitionCode: 'KS0001', regionalCode: null },
    ]);
    expect(links.filter((link) => link.childLevel === 'municipality' && link.parentLevel !== 'ggd_region').map((link) => `${link.childCode}→${link.parentLevel}:${link.parentCode}`)).toEqual([
      'GM0001→coalition:KS0001',
      'GM0001→regional:KS0101',
      'GM0002→regional:KS0101',
      'GM0003→coalition:KS0001',
    ]);
  });

  it('lists the regions and provinces each once, sorted by code, whatever the order of the municipalities', () => {
    const links = buildAreaHierarchy(
      [
        { code: 'GM0004', ggdRegionCode: 'GG0003', provinceCode: 'PV22' },
        { code: 'GM0001', ggdRegionCode: 'GG0004', provinceCode: 'PV20' },
        { code: 'GM0005', ggdRegionCode: 'GG0001', provinceCode: 'PV21' },
        { code: 'GM0002', ggdRegionCode: 'GG0003', provinceCode: 'PV22' },
        { code: 'GM0003', ggdRegionCode: 'GG0002', provinceCode: 'PV20' },
        { code: 'GM0006', ggdRegionCode: 'GG0004', provinceCode: 'PV20' },
      ],
      'NL99',
    );
    expect(links.filter((link) => link.childLevel !== 'municipality').map((link) => `${link.childCode}→${link.parentCode}`)).toEqual([
      'GG0001→PV21',
      'GG0002→PV20',
      'GG0003→PV22',
      'GG0004→PV20',
      'PV20→NL99',
      'PV21→NL99',
      'PV22→NL99',
    ]);
  });

  it('an empty coalition code is no coalition', () => {
    const links = buildAreaHierarchy([{ code: 'GM0001', ggdRegionCode: 'GG0001', provinceCode: 'PV20', coalitionCode: '' }]);
    expect(links.map((link) => link.parentLevel)).toEqual(['ggd_region', 'province', 'nation']);
  });

  it('names what is wrong: the region and both provinces, or the municipality', () => {
    expect(() =>
      buildAreaHierarchy([
        { code: 'GM1', ggdRegionCode: 'GG1', provinceCode: 'PV1' },
        { code: 'GM3', ggdRegionCode: 'GG1', provinceCode: 'PV1' },
        { code: 'GM2', ggdRegionCode: 'GG1', provinceCode: 'PV2' },
      ]),
    ).toThrow(new Error('GGD region GG1 lies in provinces PV1 and PV2'));
    expect(() =>
      buildAreaHierarchy([
        { code: 'GM1', ggdRegionCode: 'GG1', provinceCode: 'PV1' },
        { code: 'GM2', ggdRegionCode: 'GG2', provinceCode: 'PV1' },
        { code: 'GM1', ggdRegionCode: 'GG2', provinceCode: 'PV1' },
      ]),
    ).toThrow(new Error('municipality GM1 listed twice'));
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

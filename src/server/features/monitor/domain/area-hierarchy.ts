// SPDX-License-Identifier: EUPL-1.2
// The relations between areas that every published count obeys: municipality → GGD region →
// province → nation, municipality → local coalition and municipality → regional collaboration (two
// more relations, overlapping the GGD tree and each other; issue 10 item 8).
import type { AreaLevel } from '../../../../contracts/monitor.js';

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

/**
 * Builds the links municipality → GGD region → province → nation from the municipality list, and
 * municipality → coalition (local) and municipality → regional (regional collaboration) for the
 * municipalities that belong to one: each its own relation, overlapping the others. A coalition's
 * total is the sum of its member municipalities; nothing sums coalitions. A municipality can be in a
 * local coalition and a regional collaboration at once, so the difference of a regional total and a
 * local one is a sum over municipalities too — the disclosure model holds both relations, and the
 * attacker derives such differences from them.
 */
export function buildAreaHierarchy(
  municipalities: readonly { code: string; ggdRegionCode: string; provinceCode: string; coalitionCode?: string | null; regionalCode?: string | null }[],
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
    if (municipality.regionalCode) {
      links.push({ childLevel: 'municipality', childCode: municipality.code, parentLevel: 'regional', parentCode: municipality.regionalCode });
    }
  }
  for (const region of [...regionProvince.keys()].sort()) {
    links.push({ childLevel: 'ggd_region', childCode: region, parentLevel: 'province', parentCode: regionProvince.get(region)! });
  }
  for (const province of [...provinces].sort()) {
    links.push({ childLevel: 'province', childCode: province, parentLevel: 'nation', parentCode: nationCode });
  }
  return links;
}

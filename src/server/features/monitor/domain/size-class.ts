// SPDX-License-Identifier: EUPL-1.2
// Population size classes for "similar municipalities" on the municipality page. The bounds are
// unions of CBS's gemeentegrootteklassen (< 5k, 5–10k, 10–20k, 20–50k, 50–100k, 100–150k,
// 150–250k, ≥ 250k inhabitants): the smallest three and 100–150k with 150–250k are merged, because
// with 342 municipalities those classes hold too few municipalities (and births) for a stable mean.
// Bounds are inclusive below, exclusive above, as CBS states them ("20 000 tot 50 000 inwoners").

export interface SizeClass {
  key: string;
  /** Dutch label for users. */
  label: string;
  /** Inclusive lower bound. */
  min: number;
  /** Exclusive upper bound; null for the largest class. */
  max: number | null;
}

export const SIZE_CLASSES: readonly SizeClass[] = Object.freeze([
  { key: 'lt_20k', label: 'Minder dan 20.000 inwoners', min: 0, max: 20_000 },
  { key: '20k_50k', label: '20.000 tot 50.000 inwoners', min: 20_000, max: 50_000 },
  { key: '50k_100k', label: '50.000 tot 100.000 inwoners', min: 50_000, max: 100_000 },
  { key: '100k_250k', label: '100.000 tot 250.000 inwoners', min: 100_000, max: 250_000 },
  { key: 'ge_250k', label: '250.000 inwoners of meer', min: 250_000, max: null },
]);

/** The size class of a municipality with this many inhabitants. */
export function sizeClassOf(population: number): SizeClass {
  if (!Number.isFinite(population) || population < 0) throw new RangeError(`population must be a non-negative number (got ${population})`);
  const found = SIZE_CLASSES.find((sizeClass) => population >= sizeClass.min && (sizeClass.max === null || population < sizeClass.max));
  // The classes cover [0, ∞) without gaps, so this cannot happen.
  if (!found) throw new Error(`no size class for ${population}`);
  return found;
}

/** The other municipalities in the same size class (the comparison group), in the given order. */
export function similarMunicipalities<M extends { code: string; population: number }>(code: string, municipalities: readonly M[]): M[] {
  const self = municipalities.find((municipality) => municipality.code === code);
  if (!self) return [];
  const { key } = sizeClassOf(self.population);
  return municipalities.filter((municipality) => municipality.code !== code && sizeClassOf(municipality.population).key === key);
}

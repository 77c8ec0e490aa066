// SPDX-License-Identifier: EUPL-1.2
// The catalogue is one object (nl.ts, en.ts); features with many sentences keep their sections in a
// file of their own here and are spread into it. The English side must have exactly the Dutch keys.
export type SectionCatalogue<T> = { [K in keyof T]: { [L in keyof T[K]]: string } };

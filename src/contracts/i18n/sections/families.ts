// SPDX-License-Identifier: EUPL-1.2
// Catalogue sections of the chain: families. Spread into nl.ts and en.ts.
import type { SectionCatalogue } from './section.js';

export const familiesNl = {} as const;

export const familiesEn = {} satisfies SectionCatalogue<typeof familiesNl>;

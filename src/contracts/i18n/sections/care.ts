// SPDX-License-Identifier: EUPL-1.2
// Catalogue sections of the chain: care. Spread into nl.ts and en.ts.
import type { SectionCatalogue } from './section.js';

export const careNl = {} as const;

export const careEn = {} satisfies SectionCatalogue<typeof careNl>;

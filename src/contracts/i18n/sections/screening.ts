// SPDX-License-Identifier: EUPL-1.2
// Catalogue sections of the chain: screening. Spread into nl.ts and en.ts.
import type { SectionCatalogue } from './section.js';

export const screeningNl = {} as const;

export const screeningEn = {} satisfies SectionCatalogue<typeof screeningNl>;

// SPDX-License-Identifier: EUPL-1.2
// Catalogue sections of the chain: referrals. Spread into nl.ts and en.ts.
import type { SectionCatalogue } from './section.js';

export const referralsNl = {} as const;

export const referralsEn = {} satisfies SectionCatalogue<typeof referralsNl>;

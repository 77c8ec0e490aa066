// SPDX-License-Identifier: EUPL-1.2
// Test helpers of the coalition register: the ten municipalities of Zuid-Holland Zuid (data/gemeenten.csv, GGD region GG4816).
export const ZUID_HOLLAND_ZUID = ['GM0482', 'GM0505', 'GM0512', 'GM0523', 'GM0531', 'GM1978', 'GM0590', 'GM0610', 'GM0642', 'GM1963'] as const;
export const DORDRECHT = 'GM0505';

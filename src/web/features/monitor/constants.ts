// SPDX-License-Identifier: EUPL-1.2
// Values from the monitor's wire contracts that the pages need at run time. contracts/monitor.ts
// builds zod schemas, which must stay out of the browser bundle; the types below keep these copies
// identical to the contracts (tsc fails if they drift).
import type { IMPORT_COLUMNS as ContractImportColumns, NATION_CODE as ContractNationCode, PHASES as ContractPhases } from '../../../contracts/monitor.js';

export const PHASES = ['programme', 'before_pregnancy', 'during_pregnancy', 'after_birth'] as const satisfies typeof ContractPhases;
export const NATION_CODE: typeof ContractNationCode = 'NL01';
export const IMPORT_COLUMNS = ['indicator', 'gebied', 'jaar', 'uitsplitsing', 'teller', 'noemer'] as const satisfies typeof ContractImportColumns;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const PHASES_MATCH: Same<(typeof PHASES)[number], (typeof ContractPhases)[number]> = true;
export const COLUMNS_MATCH: Same<typeof IMPORT_COLUMNS, typeof ContractImportColumns> = true;

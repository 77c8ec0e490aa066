// SPDX-License-Identifier: EUPL-1.2
// The pure unit tests of the domain modules that `npm run test:mutation` mutates: no database, no
// server, no browser (no global setup), so Stryker can run them hundreds of times. Not part of
// `npm test`'s projects set-up; `npm test` still runs these files in its 'server' project.
import { defineConfig } from 'vitest/config';

export const MUTATED_MODULE_TESTS = [
  'src/server/platform/access/policy.test.ts',
  'src/server/platform/access/policy-load.test.ts',
  'src/server/features/referrals/domain/*.test.ts',
  'src/server/features/families/domain/*.test.ts',
  'src/server/features/monitor/domain/*.test.ts',
  'src/server/features/screening/factor-profile.test.ts',
];

export default defineConfig({
  test: {
    name: 'unit',
    include: MUTATED_MODULE_TESTS,
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 30_000,
  },
});

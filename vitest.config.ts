// SPDX-License-Identifier: EUPL-1.2
import { defineConfig } from 'vitest/config';

/** The test files that seal the audit log (they wait for the cluster's transaction watermark). */
export const SEALING_TESTS = [
  'src/server/platform/audit/audit-log.test.ts',
  'src/server/platform/audit/checkpoints.test.ts',
  'src/server/features/audit/audit-events.test.ts',
  'src/server/features/audit/client-attribution.test.ts',
  'src/server/features/organisations/organisations.test.ts',
  'src/server/features/organisations/people.test.ts',
];

export default defineConfig({
  test: {
    globalSetup: ['./test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // One module registry per worker, not per file: the server's modules are evaluated once per
        // worker instead of once per test file (most of a file's start-up). Test files hold their
        // state in their own database and app (createTestApp), never in module state they change.
        test: {
          name: 'server',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**', ...SEALING_TESTS],
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        // Tests that seal the audit log (ADR 0019) wait until every older transaction of the whole
        // PostgreSQL cluster has ended; another file's long transaction would hold them back. They run
        // after everything else, among themselves.
        test: { name: 'server-sealing', include: SEALING_TESTS, isolate: false, sequence: { groupOrder: 1 } },
      },
      {
        extends: true,
        // Browser flows: each file runs its own server, database and Chromium, two files at a time.
        // Modules are shared per worker here too; the one piece of module state, the page errors, is
        // emptied before each file (e2e-setup.ts).
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 90_000, isolate: false, setupFiles: ['./test/helpers/e2e-setup.ts'], sequence: { groupOrder: 0 } },
      },
    ],
  },
});

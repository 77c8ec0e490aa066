// SPDX-License-Identifier: EUPL-1.2
// The configuration benchmarks run the app with: production settings (as an operator runs it), no rate
// limit in the way. The database is opened by the benchmark itself and handed to buildApp, so
// DATABASE_URL here only satisfies the production rule that one is configured.
import { loadConfig } from '../src/server/config.js';

export function benchConfig(overrides: Record<string, string> = {}) {
  return loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '100000000',
    SEED_DEMO: 'false',
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'postgres://bench@127.0.0.1:5432/bench',
    PUBLIC_URL: 'https://kansrijk.example',
    ...overrides,
  });
}

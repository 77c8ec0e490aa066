// SPDX-License-Identifier: EUPL-1.2
// What the benchmarks share: the database they run on — PGlite in memory, or with BENCH_DATABASE_URL
// a scratch database on that PostgreSQL server, dropped afterwards — and latency measured the same way.
import pg from 'pg';
import { openDatabase, type Database } from '../src/server/platform/db/connection.js';

export interface BenchDatabase {
  database: Database;
  label: string;
  cleanUp: () => Promise<void>;
}

/** `tag` names the scratch database (kansrijk_bench_<tag>_<pid>); `poolSize` its connections (PostgreSQL). */
export async function openBenchDatabase(tag: string, serverUrl = process.env.BENCH_DATABASE_URL, poolSize = 10): Promise<BenchDatabase> {
  if (!serverUrl) return { database: await openDatabase({ kind: 'pglite', dataDir: undefined }), label: 'PGlite (in memory; set BENCH_DATABASE_URL for PostgreSQL)', cleanUp: async () => undefined };
  const name = `kansrijk_bench_${tag}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize });
  return {
    database,
    label: `PostgreSQL (${url.host}, scratch database ${name})`,
    cleanUp: async () => {
      // The pool has ended by now; FORCE only if a straggler connection is still there.
      await admin.query(`DROP DATABASE IF EXISTS ${name}`).catch(() => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await admin.end();
    },
  };
}

export interface Latency {
  p50: number;
  p95: number;
  /** Sequential requests per second (1000 / mean ms): one request at a time, as app.inject sends them. */
  perSecond: number;
}

export const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

/** `requests` sequential requests after 20 that warm up (JIT, caches) and are not counted; any non-200 stops the run. */
/** `prepare` runs before each request, outside the timing (a write the request should see, say). */
export async function measureLatency(
  inject: (index: number) => Promise<{ statusCode: number; body: string }>,
  requests: number,
  prepare?: (index: number) => Promise<unknown>,
): Promise<Latency> {
  const durations: number[] = [];
  for (let index = 0; index < requests + 20; index++) {
    await prepare?.(index);
    const started = performance.now();
    const response = await inject(index);
    const duration = performance.now() - started;
    if (response.statusCode !== 200) throw new Error(`request ${index} answered ${response.statusCode}: ${response.body.slice(0, 200)}`);
    if (index >= 20) durations.push(duration);
  }
  const mean = durations.reduce((sum, value) => sum + value, 0) / durations.length;
  return { p50: percentile(durations, 50), p95: percentile(durations, 95), perSecond: 1000 / mean };
}

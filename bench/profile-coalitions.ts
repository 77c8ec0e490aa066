// SPDX-License-Identifier: EUPL-1.2
// `npx tsx bench/profile-coalitions.ts`: the queries each route of the coalition benchmark runs (count,
// time, SQL) on one request, after the same synthetic register. PGlite only (wraps its client).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { PGlite } from '@electric-sql/pglite';
import { buildApp, DATA_FOLDER } from '../src/server/app.js';
import { benchConfig } from './bench-config.js';
import { openDatabase } from '../src/server/platform/db/connection.js';
import { prepareDatabase } from '../src/server/prepare-database.js';
import { seedDemo } from '../src/server/demo/seed-demo.js';
import { systemClock } from '../src/server/platform/clock.js';
import { sessionFor } from '../test/helpers/sessions.js';
import { syntheticRegister } from './coalitions-seed.js';
import { seedAnalysisRounds } from './analysis-report.js';

const YEAR = new Date().getFullYear();
const log: { sql: string; ms: number }[] = [];
let recording = false;
for (const method of ['query', 'exec'] as const) {
  const original = (PGlite.prototype as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[method]!;
  (PGlite.prototype as unknown as Record<string, unknown>)[method] = async function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    try {
      return await original.apply(this, args);
    } finally {
      if (recording) log.push({ sql: String(args[0]).replace(/\s+/g, ' ').slice(0, 220), ms: performance.now() - started });
    }
  };
}
const originalTransaction = PGlite.prototype.transaction;
PGlite.prototype.transaction = function (this: PGlite, callback: (tx: never) => Promise<unknown>) {
  return originalTransaction.call(this, (tx) => {
    for (const method of ['query', 'exec'] as const) {
      const original = (tx as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[method]!.bind(tx);
      (tx as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
        const started = performance.now();
        try {
          return await original(...args);
        } finally {
          if (recording) log.push({ sql: 'tx: ' + String(args[0]).replace(/\s+/g, ' ').slice(0, 216), ms: performance.now() - started });
        }
      };
    }
    return callback(tx as never);
  }) as never;
} as never;
const database = await openDatabase({ kind: 'pglite', dataDir: undefined });
await prepareDatabase(database, { dataFolder: DATA_FOLDER, seedDemo: false, now: new Date() });
const demo = await seedDemo(database.db, systemClock.now());
const codes = await syntheticRegister(database, YEAR);
const config = benchConfig();
const app = await buildApp({ config, database, clock: systemClock, webRoot: '/nonexistent' });
await app.ready();
const session = await sessionFor({ app, database, config, clock: systemClock as never, demo, close: async () => undefined }, 'coordinator');
const rounds = await seedAnalysisRounds(database.db, { coalitionCode: 'KS0001', openedBy: session.personId });
const urls = (process.argv[2] ? [process.argv[2]] : [
  '/api/v1/auth/session',
  `/api/v1/coalitions/overview?year=${YEAR}`,
  `/api/v1/coalitions/${codes[5]}`,
  '/api/v1/coalitions?pageSize=25&page=3',
  `/api/v1/coalitions/KS0001/analysis-rounds/${rounds[7]}/report`,
]);
const profiler = process.env.CPU_PROFILE ? new Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
}
for (const [index, url] of urls.entries()) {
  for (let warm = 0; warm < 30; warm++) await app.inject({ method: 'GET', url, headers: session.headers });
  if (profiler) {
    // A CPU profile of 200 more requests: JS, serialisation and PGlite's WebAssembly alike.
    await profiler.post('Profiler.start');
    for (let repeat = 0; repeat < 200; repeat++) await app.inject({ method: 'GET', url, headers: session.headers });
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(`${process.env.CPU_PROFILE}.${index}.cpuprofile`, JSON.stringify(profile));
  }
  log.length = 0;
  recording = true;
  const started = performance.now();
  const response = await app.inject({ method: 'GET', url, headers: session.headers });
  const total = performance.now() - started;
  recording = false;
  const dbMs = log.reduce((sum, entry) => sum + entry.ms, 0);
  console.log(`\n${url} → ${response.statusCode}, ${response.body.length} bytes, ${total.toFixed(1)} ms total, ${log.length} queries ${dbMs.toFixed(1)} ms in the database`);
  for (const entry of log) console.log(`  ${entry.ms.toFixed(2).padStart(7)} ms  ${entry.sql}`);
}
await app.close();
await database.close();

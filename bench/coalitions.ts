// SPDX-License-Identifier: EUPL-1.2
// `npm run bench:coalitions`: the coalition register at national size — every municipality with a
// status for the year, ~300 coalitions (local coalitions of one to three municipalities and a regional
// collaboration per half GGD region, seed 003: 140 municipalities work regionally too), each with
// coordinators, a steering group and funding. Times the national overview API and the coalition page
// API (p50/p95, target p95 < 50 ms) against a bare Fastify hello-world route in the same run, and prints
// the ratios. PostgreSQL when BENCH_DATABASE_URL is set (a scratch database, dropped afterwards),
// PGlite in memory otherwise. Figures are printed, never asserted.
import { cpus, loadavg } from 'node:os';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { syntheticRegister } from './coalitions-seed.js';
import { buildApp, DATA_FOLDER } from '../src/server/app.js';
import { benchAnalysisReport } from './analysis-report.js';
import { benchConfig } from './bench-config.js';
import { measureLatency, openBenchDatabase, type Latency } from './bench-database.js';
import { prepareDatabase } from '../src/server/prepare-database.js';
import { seedDemo } from '../src/server/demo/seed-demo.js';
import { systemClock } from '../src/server/platform/clock.js';
import { coalitionMunicipalities, coalitions, municipalityCoalitionStatuses } from '../src/server/features/coalitions/schema.js';
import { sessionFor } from '../test/helpers/sessions.js';
import { coalitionPlanVersions } from '../src/server/features/coalition-plans/schema.js';

const REQUESTS = 300;
const YEAR = new Date().getFullYear();




const TARGET_P95_MS = 50;

/** One table: p50/p95, sequential req/s, ratio to hello-world, PASS/MISS against the 50 ms p95 target (load shown: the machine may be shared). */
function printTable(floor: Latency, rows: { name: string; latency: Latency; hasTarget: boolean }[]) {
  const [one, five, fifteen] = loadavg();
  console.log(`\nLoad average ${one!.toFixed(2)} / ${five!.toFixed(2)} / ${fifteen!.toFixed(2)} on ${cpus().length} cores (judge by the ratio when the machine is busy).`);
  const header = ['route', 'p50 ms', 'p95 ms', 'req/s', 'p50 ×hw', 'p95 ×hw', `p95 < ${TARGET_P95_MS} ms`];
  const lines = [
    { name: 'Fastify hello-world (bare app, same run)', latency: floor, hasTarget: false },
    ...rows,
  ].map(({ name, latency, hasTarget }) => [
    name,
    latency.p50.toFixed(1),
    latency.p95.toFixed(1),
    latency.perSecond.toFixed(0),
    (latency.p50 / floor.p50).toFixed(0),
    (latency.p95 / floor.p95).toFixed(0),
    hasTarget ? (latency.p95 < TARGET_P95_MS ? 'PASS' : 'MISS') : '—',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  console.log(format(header));
  for (const line of lines) console.log(format(line));
}

const { database, label, cleanUp } = await openBenchDatabase('coalitions');
try {
  console.log(`Coalition register benchmark — database: ${label}; ${REQUESTS} requests each via app.inject (after 20 warm-up).`);
  await prepareDatabase(database, { dataFolder: DATA_FOLDER, seedDemo: false, now: new Date() });
  const demo = await seedDemo(database.db, systemClock.now());
  const codes = await syntheticRegister(database, YEAR);
  const [counted] = await database.db.select({ coalitions: sql<number>`count(*)::int` }).from(coalitions);
  const [members] = await database.db.select({ rows: sql<number>`count(*)::int` }).from(coalitionMunicipalities);
  const [statuses] = await database.db.select({ rows: sql<number>`count(*)::int` }).from(municipalityCoalitionStatuses).where(sql`year = ${YEAR}`);
  const [plans] = await database.db.select({ rows: sql<number>`count(*)::int` }).from(coalitionPlanVersions);
  console.log(`Register: ${counted!.coalitions} coalitions, ${members!.rows} memberships, ${statuses!.rows} municipalities with a status for ${YEAR}, ${plans!.rows} plan versions.`);

  const hello = Fastify({ logger: false });
  hello.get('/hello', async () => ({ hello: 'world' }));
  await hello.ready();
  const floor = await measureLatency(() => hello.inject({ method: 'GET', url: '/hello' }), REQUESTS);
  await hello.close();

  const config = benchConfig();
  const app = await buildApp({ config, database, clock: systemClock, webRoot: '/nonexistent' });
  await app.ready();
  const session = await sessionFor({ app, database, config, clock: systemClock as never, demo, close: async () => undefined }, 'coordinator');
  const get = (url: string) => app.inject({ method: 'GET', url, headers: session.headers });
  const pages = ['KS0001', ...codes];
  const results: [string, Latency][] = [
    ['GET /api/v1/coalitions/overview (342 municipalities, counts per level)', await measureLatency(() => get(`/api/v1/coalitions/overview?year=${YEAR}`), REQUESTS)],
    ['GET /api/v1/coalitions/:code (coalition page, rotating over all)', await measureLatency((index) => get(`/api/v1/coalitions/${pages[index % pages.length]}`), REQUESTS)],
    ['GET /api/v1/coalitions?pageSize=25 (register list, audited search)', await measureLatency((index) => get(`/api/v1/coalitions?pageSize=25&page=${1 + (index % 12)}`), REQUESTS)],
    ['GET /api/v1/auth/session (app + session check only, for comparison)', await measureLatency(() => get('/api/v1/auth/session'), REQUESTS)],
  ];
  // The self-analysis report of a round (20 rounds of 15 respondents in KS0001), measured the same way.
  const analysis = await benchAnalysisReport({ app, db: database.db, headers: session.headers, coalitionCode: 'KS0001', openedBy: session.personId });
  await app.close();
  printTable(floor, [
    ...results.map(([name, latency], index) => ({ name, latency, hasTarget: index < 2 })),
    { name: `GET /api/v1/coalitions/:code/analysis-rounds/:id/report (${analysis.rounds} rounds × ${analysis.respondentsPerRound} respondents × 56 statements)`, latency: analysis.report, hasTarget: true },
  ]);
  console.log(`(analysis report measured after its own seeding: hello-world then p50 ${analysis.helloWorld.p50.toFixed(2)} ms, p95 ${analysis.helloWorld.p95.toFixed(2)} ms; session p95 ${analysis.session.p95.toFixed(1)} ms)`);
} finally {
  await database.close();
  await cleanUp();
}

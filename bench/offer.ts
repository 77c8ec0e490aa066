// SPDX-License-Identifier: EUPL-1.2
// `npm run bench:offer`: the finder and the coverage overview at national size — a national service
// directory (~20,000 services, each for one to three municipalities and two or three risk factors, a
// tenth not confirmed for over six months), the coalition register of bench:coalitions, and a published
// pathway per risk factor for every municipality (each step naming directory services, some with a
// passed review date). Times the finder (target p95 < 30 ms) and the coverage matrix for all 342
// municipalities (target p95 < 100 ms; also right after a write, when its judged pathways are read
// afresh), and the two other coverage tables, against a bare Fastify hello-world route in the same run, and prints the ratios. PostgreSQL when BENCH_DATABASE_URL is set
// (a scratch database, dropped afterwards), PGlite in memory otherwise. Figures are printed, never asserted.
import { cpus, loadavg } from 'node:os';
import Fastify from 'fastify';
import { asc, sql } from 'drizzle-orm';
import { buildApp, DATA_FOLDER } from '../src/server/app.js';
import { benchConfig } from './bench-config.js';
import { syntheticRegister } from './coalitions-seed.js';
import { measureLatency, openBenchDatabase, type Latency } from './bench-database.js';
import type { Database } from '../src/server/platform/db/connection.js';
import { prepareDatabase } from '../src/server/prepare-database.js';
import { seedDemo } from '../src/server/demo/seed-demo.js';
import { systemClock } from '../src/server/platform/clock.js';
import { municipalities } from '../src/server/features/reference/schema.js';
import { directoryServices } from '../src/server/features/services/schema.js';
import { carePathways } from '../src/server/features/pathways/schema.js';
import { FACTOR_CATALOGUE } from '../src/contracts/screening/factor-catalogue.js';
import { SERVICE_CATEGORIES } from '../src/contracts/services.js';
import { sessionFor } from '../test/helpers/sessions.js';

const REQUESTS = 300;
const SERVICES = 20_000;
const DAY = 86_400_000;


function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}



async function insertInChunks<Row>(rows: Row[], insert: (chunk: Row[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += 500) await insert(rows.slice(start, start + 500));
}

/** The national directory and a published pathway per factor for every municipality. */
async function seedOffer(database: Database, organisationIds: string[], now: Date): Promise<{ codes: string[]; factors: string[] }> {
  const next = random(7);
  const codes = (await database.db.select({ code: municipalities.code }).from(municipalities).orderBy(asc(municipalities.code))).map((row) => row.code);
  const factors = [...FACTOR_CATALOGUE.keys()];
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
  const services = Array.from({ length: SERVICES }, (_, index) => {
    const home = index % codes.length;
    const municipalityCodes = [...new Set([codes[home]!, ...(next() < 0.5 ? [codes[(home + 1) % codes.length]!] : []), ...(next() < 0.2 ? [codes[(home + 2) % codes.length]!] : [])])];
    const factorKeys = [...new Set([pick(factors), pick(factors), ...(next() < 0.5 ? [pick(factors)] : [])])];
    // A tenth last confirmed seven to nine months ago: "niet recent gecontroleerd".
    const age = next() < 0.1 ? 210 + next() * 60 : next() * 150;
    return {
      organisationId: organisationIds[index % organisationIds.length]!,
      externalProviderName: `Aanbieder ${index % 1500}`,
      name: `Dienst ${index}`,
      description: 'Synthetische dienst voor de benchmark.',
      category: pick(SERVICE_CATEGORIES),
      factorKeys,
      municipalityCodes,
      intakeRoutes: ['self' as const],
      languages: ['nl' as const],
      cost: 'free' as const,
      phone: '0800-0000001',
      isActive: next() > 0.03,
      lastConfirmedAt: new Date(now.getTime() - age * DAY),
      createdAt: now,
      updatedAt: now,
    };
  });
  const serviceIds: string[] = [];
  await insertInChunks(services, async (chunk) => {
    const inserted = await database.db.insert(directoryServices).values(chunk).returning({ id: directoryServices.id });
    serviceIds.push(...inserted.map((row) => row.id));
  });
  const updatedAt = now.toISOString();
  const pathways = codes.flatMap((code) =>
    factors.map((factorKey) => ({
      scopeKind: 'municipality',
      scopeCode: code,
      factorKey,
      version: 1,
      status: 'published',
      ownerCode: code,
      reviewDue: next() < 0.1 ? '2025-06-01' : '2027-06-01',
      content: {
        factorKey,
        scope: { municipalityCode: code },
        title: `Zorgpad ${factorKey} ${code}`,
        localAgreements: 'Synthetische afspraken voor de benchmark.',
        version: 1,
        updatedAt,
        steps: [1, 2].map((step) => ({
          title: `Stap ${step}`,
          description: '',
          services: [0, 1].map(() => {
            const id = pick(serviceIds);
            return { serviceId: id, name: 'Dienst', organisationName: 'Aanbieder', contact: { phone: '0800-0000001' } };
          }),
        })),
      },
      publishedAt: now,
      updatedAt: now,
    })),
  );
  // The demo already published some; keep those.
  await insertInChunks(pathways, (chunk) => database.db.insert(carePathways).values(chunk).onConflictDoNothing());
  return { codes, factors };
}

const TARGETS: Record<string, number> = { finder: 30, matrix: 100 };

function printTable(floor: Latency, rows: { name: string; latency: Latency; target?: number }[]) {
  const [one, five, fifteen] = loadavg();
  console.log(`\nLoad average ${one!.toFixed(2)} / ${five!.toFixed(2)} / ${fifteen!.toFixed(2)} on ${cpus().length} cores (judge by the ratio when the machine is busy).`);
  const header = ['route', 'p50 ms', 'p95 ms', 'req/s', 'p50 ×hw', 'p95 ×hw', 'target p95'];
  const lines = [{ name: 'Fastify hello-world (bare app, same run)', latency: floor, target: undefined }, ...rows].map(({ name, latency, target }) => [
    name,
    latency.p50.toFixed(1),
    latency.p95.toFixed(1),
    latency.perSecond.toFixed(0),
    (latency.p50 / floor.p50).toFixed(0),
    (latency.p95 / floor.p95).toFixed(0),
    target === undefined ? '—' : `< ${target} ms ${latency.p95 < target ? 'PASS' : 'MISS'}`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  console.log(format(header));
  for (const line of lines) console.log(format(line));
}

const { database, label, cleanUp } = await openBenchDatabase('offer');
try {
  console.log(`Finder and coverage benchmark — database: ${label}; ${REQUESTS} requests each via app.inject (after 20 warm-up).`);
  await prepareDatabase(database, { dataFolder: DATA_FOLDER, seedDemo: false, now: new Date() });
  const now = systemClock.now();
  const demo = await seedDemo(database.db, now);
  await syntheticRegister(database, now.getUTCFullYear());
  const seedStarted = performance.now();
  const { codes, factors } = await seedOffer(database, Object.values(demo.organisationIds), now);
  // As autovacuum would after a load this size: statistics for the planner, a visibility map for index-only scans.
  await database.db.execute(sql`VACUUM ANALYZE care_pathways`);
  await database.db.execute(sql`VACUUM ANALYZE directory_services`);
  const [counted] = await database.db.select({ services: sql<number>`count(*)::int` }).from(directoryServices);
  const [published] = await database.db.select({ rows: sql<number>`count(*)::int` }).from(carePathways).where(sql`status = 'published'`);
  console.log(`Directory: ${counted!.services} services; ${published!.rows} published pathways (${codes.length} municipalities × ${factors.length} factors); seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s.`);

  const hello = Fastify({ logger: false });
  hello.get('/hello', async () => ({ hello: 'world' }));
  await hello.ready();
  const floor = await measureLatency(() => hello.inject({ method: 'GET', url: '/hello' }), REQUESTS);
  await hello.close();

  const config = benchConfig();
  const app = await buildApp({ config, database, clock: systemClock, webRoot: '/nonexistent' });
  await app.ready();
  const context = { app, database, config, clock: systemClock as never, demo, close: async () => undefined };
  const midwife = await sessionFor(context, 'midwife');
  const analyst = await sessionFor(context, 'analyst');
  const coordinator = await sessionFor(context, 'coordinator');
  const get = (url: string, headers: Record<string, string>) => app.inject({ method: 'GET', url, headers });
  const rows = [
    {
      name: 'GET /api/v1/offer-finder (municipality × factor, rotating)',
      latency: await measureLatency((index) => get(`/api/v1/offer-finder?municipality=${codes[(index * 7) % codes.length]}&factor=${factors[index % factors.length]}`, midwife.headers), REQUESTS),
      target: TARGETS.finder,
    },
    { name: `GET /api/v1/offer-coverage/matrix (all ${codes.length} municipalities × ${factors.length} factors)`, latency: await measureLatency(() => get('/api/v1/offer-coverage/matrix', analyst.headers), 100), target: TARGETS.matrix },
    {
      // Each request right after a service was confirmed: the judged pathways are read and judged afresh.
      name: '  the same, each right after a service confirmation (judged afresh)',
      latency: await measureLatency(
        () => get('/api/v1/offer-coverage/matrix', analyst.headers),
        50,
        (index) => database.db.update(directoryServices).set({ lastConfirmedAt: new Date() }).where(sql`${directoryServices.id} = (SELECT id FROM directory_services ORDER BY id OFFSET ${index} LIMIT 1)`),
      ),
    },
    { name: 'GET /api/v1/offer-coverage/matrix?coalition=KS0001', latency: await measureLatency(() => get('/api/v1/offer-coverage/matrix?coalition=KS0001', coordinator.headers), REQUESTS) },
    { name: 'GET /api/v1/offer-coverage/phases (national)', latency: await measureLatency(() => get('/api/v1/offer-coverage/phases', analyst.headers), 100) },
    { name: 'GET /api/v1/offer-coverage/recognised (national)', latency: await measureLatency(() => get('/api/v1/offer-coverage/recognised', analyst.headers), 100) },
    { name: 'GET /api/v1/auth/session (app + session check only, for comparison)', latency: await measureLatency(() => get('/api/v1/auth/session', midwife.headers), REQUESTS) },
  ];
  await app.close();
  printTable(floor, rows);
} finally {
  await database.close();
  await cleanUp();
}

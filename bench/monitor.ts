// SPDX-License-Identifier: EUPL-1.2
// `npm run bench:monitor`: the monitor's cost against data size. Generates 1×, 2× and 4× a national
// year of synthetic births, times the full recompute (every indicator × area × year × split) on the
// database and the SAME SQL on DuckDB in memory with the same rows, and the municipality page API
// (p50/p95). PostgreSQL when BENCH_DATABASE_URL or DATABASE_URL is set (in a scratch database that is
// dropped afterwards), PGlite otherwise. Figures are printed, never asserted.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { DuckDBInstance } from '@duckdb/node-api';
import { DEMO_COALITIONS } from '../src/server/demo/seed-demo.js';
import { coalitionMunicipalities, coalitions } from '../src/server/features/coalitions/schema.js';
import { buildApp, DATA_FOLDER } from '../src/server/app.js';
import { benchConfig } from './bench-config.js';
import { openBenchDatabase } from './bench-database.js';
import { queryRows, type Database } from '../src/server/platform/db/connection.js';
import { prepareDatabase } from '../src/server/prepare-database.js';
import { seedDemo } from '../src/server/demo/seed-demo.js';
import { systemClock } from '../src/server/platform/clock.js';
import { INDICATORS } from '../src/server/features/monitor/definitions/indicators.js';
import { buildIndicatorCountsSql } from '../src/server/features/monitor/register/compile-indicator-sql.js';
import { recomputeIndicatorCounts } from '../src/server/features/monitor/register/recompute-indicator-counts.js';
import { computeFor, loadContext } from '../src/server/features/monitor/published-tables.js';
import { SYNTHETIC_REGIONAL_COLLABORATIONS, seedSyntheticRegionalCollaborations } from '../src/server/features/monitor/register/synthetic-regional-collaborations.js';
import { POOL_YEARS } from '../src/contracts/monitor.js';
import {
  SYNTHETIC_BIRTH_COLUMNS,
  SYNTHETIC_BIRTH_COLUMN_TYPES,
  csvOf,
  generateSyntheticBirths,
  planFor,
  syntheticBirths,
} from '../src/server/features/monitor/register/generate-synthetic-births.js';
import { sql } from 'drizzle-orm';
import { sessionFor } from '../test/helpers/sessions.js';

const YEAR = 2024;
const SCALES = [1, 2, 4];
const RUNS = 3;
const API_REQUESTS = 200;
/** `npm run bench:monitor -- --publication-only`: only the whole publication (six years, protection, audit, recompute, DuckDB). */
const PUBLICATION_ONLY = process.argv.includes('--publication-only');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}


/** The same rows in DuckDB: written by the same deterministic generator to CSV and read in bulk. */
async function loadDuckDb(database: Database, scale: number, folder: string, years: number[] = [YEAR]) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const municipalities = await queryRows<{ code: string; ggd_region_code: string; province_code: string }>(
    database.db,
    sql`SELECT code, ggd_region_code, province_code FROM municipalities`,
  );
  const municipalityFile = path.join(folder, 'municipalities.csv');
  writeFileSync(municipalityFile, ['code,ggd_region_code,province_code', ...municipalities.map((row) => `${row.code},${row.ggd_region_code},${row.province_code}`)].join('\n'));
  const birthsFile = path.join(folder, `births-${scale}-${years.join('-')}.csv`);
  const plans = await planFor(database.db, { years, scale, dataFolder: DATA_FOLDER });
  const parts: string[] = [];
  for (const rows of syntheticBirths(plans)) parts.push(csvOf(rows));
  writeFileSync(birthsFile, parts.join('\n'));
  await connection.run(`CREATE TABLE municipalities AS SELECT * FROM read_csv('${municipalityFile}', header = true, all_varchar = true)`);
  // The coalition register too, copied from the database: the aggregation joins it for both coalition
  // levels (local and regional), over current memberships (kind and until are needed by the SQL).
  const coalitionRows = await queryRows<{ id: string; code: string; kind: string; is_active: boolean }>(database.db, sql`SELECT id, code, kind, is_active FROM coalitions`);
  const memberRows = await queryRows<{ coalition_id: string; kind: string; municipality_code: string; until: string | null }>(
    database.db,
    sql`SELECT coalition_id, kind, municipality_code, until::text AS until FROM coalition_municipalities`,
  );
  const coalitionFile = path.join(folder, 'coalitions.csv');
  const memberFile = path.join(folder, 'coalition-municipalities.csv');
  writeFileSync(coalitionFile, ['id,code,kind,is_active', ...coalitionRows.map((row) => `${row.id},${row.code},${row.kind},${row.is_active}`)].join('\n'));
  writeFileSync(
    memberFile,
    ['coalition_id,kind,municipality_code,until', ...memberRows.map((row) => `${row.coalition_id},${row.kind},${row.municipality_code},${row.until ?? ''}`)].join('\n'),
  );
  await connection.run(
    `CREATE TABLE coalitions AS SELECT * FROM read_csv('${coalitionFile}', header = true, columns = {'id': 'VARCHAR', 'code': 'VARCHAR', 'kind': 'VARCHAR', 'is_active': 'BOOLEAN'})`,
  );
  await connection.run(
    `CREATE TABLE coalition_municipalities AS SELECT * FROM read_csv('${memberFile}', header = true, nullstr = '', ` +
      `columns = {'coalition_id': 'VARCHAR', 'kind': 'VARCHAR', 'municipality_code': 'VARCHAR', 'until': 'DATE'})`,
  );
  // The generator's own column types (text, smallint, boolean), so a new column cannot drift apart.
  const duckTypes: Record<string, string> = { text: 'VARCHAR', smallint: 'SMALLINT', boolean: 'BOOLEAN', integer: 'INTEGER' };
  const columns = SYNTHETIC_BIRTH_COLUMNS.map((column) => {
    const type = duckTypes[SYNTHETIC_BIRTH_COLUMN_TYPES[column]!];
    if (!type) throw new Error(`bench: no DuckDB type for ${column} (${SYNTHETIC_BIRTH_COLUMN_TYPES[column]})`);
    return `'${column}': '${type}'`;
  }).join(', ');
  await connection.run(
    `CREATE TABLE birth_register AS SELECT true AS is_synthetic, * FROM read_csv('${birthsFile}', header = false, nullstr = '', columns = {${columns}})`,
  );
  const count = Number((await connection.runAndReadAll('SELECT count(*) FROM birth_register')).getRows()[0]![0]);
  return { connection, count, close: () => instance.closeSync() };
}

interface Latency {
  p50: number;
  p95: number;
}

async function measure(inject: (index: number) => Promise<{ statusCode: number }>): Promise<Latency | string> {
  const durations: number[] = [];
  for (let index = 0; index < API_REQUESTS; index++) {
    const [response, duration] = await timed(() => inject(index));
    if (response.statusCode !== 200) return `request ${index} answered ${response.statusCode}`;
    durations.push(duration);
  }
  return { p50: percentile(durations, 50), p95: percentile(durations, 95) };
}

/** The floor: a bare Fastify hello-world route, measured the same way in the same process. */
async function benchHelloWorld(): Promise<Latency | string> {
  const app = Fastify({ logger: false });
  app.get('/hello', async () => ({ hello: 'world' }));
  await app.ready();
  try {
    return await measure(() => app.inject({ method: 'GET', url: '/hello' }));
  } finally {
    await app.close();
  }
}

async function benchApi(database: Database, areaCodes: string[]): Promise<Record<string, Latency | string>> {
  const config = benchConfig();
  const demo = await seedDemo(database.db, systemClock.now());
  const app = await buildApp({ config, database, clock: systemClock, webRoot: '/nonexistent' });
  await app.ready();
  try {
    const session = await sessionFor({ app, database, config, clock: systemClock as never, demo, close: async () => undefined }, 'analyst');
    const get = (url: string) => app.inject({ method: 'GET', url, headers: session.headers });
    const results: Record<string, Latency | string> = {};
    // The first request after a recompute builds every published table (once per data version).
    const [probe, coldMs] = await timed(() => get(`/api/v1/monitor/areas/${areaCodes[0]}`));
    if (probe.statusCode !== 200) return { 'GET /api/v1/monitor/areas/:code': `answered ${probe.statusCode}: ${probe.body.slice(0, 200)}` };
    results['GET /api/v1/monitor/areas/:code (first request after the recompute)'] = `${coldMs.toFixed(0)} ms`;
    results['GET /api/v1/monitor/areas/:code'] = await measure((index) => get(`/api/v1/monitor/areas/${areaCodes[index % areaCodes.length]}`));
    results['GET /api/v1/monitor/overview'] = await measure(() => get('/api/v1/monitor/overview'));
    results['GET /api/v1/monitor/indicators/big2/figures?level=municipality'] = await measure(() => get('/api/v1/monitor/indicators/big2/figures?level=municipality'));
    results['GET /api/v1/auth/session (app + session check, no monitor)'] = await measure(() => get('/api/v1/auth/session'));
    return results;
  } finally {
    await app.close();
  }
}

/**
 * The whole publication (issue 9): the national synthetic register of six years, every indicator,
 * level, split, year and pooled period, protected and audited — timed beside the recompute and
 * DuckDB's aggregation of the same six years.
 */
async function benchPublication(database: Database) {
  const years = [2019, 2020, 2021, 2022, 2023, 2024];
  await database.db.execute(sql`DELETE FROM birth_register`);
  const generated = await generateSyntheticBirths(database.db, { years, scale: 1, dataFolder: DATA_FOLDER });
  // The same aggregate on both, RUNS times each (median), in this run.
  // The first recompute writes every count (all new); the next ones only what changed (nothing).
  const firstRecomputeMs = (await recomputeIndicatorCounts(database.db)).durationMs;
  const recomputeTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) recomputeTimes.push((await recomputeIndicatorCounts(database.db)).durationMs);
  const recomputeMs = median(recomputeTimes);
  const aggregation = buildIndicatorCountsSql(INDICATORS);
  const aggregateTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) aggregateTimes.push((await timed(() => queryRows(database.db, sql.raw(aggregation))))[1]);
  const aggregateMs = median(aggregateTimes);
  const duck = await loadDuckDb(database, 1, folder, years);
  const duckTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) duckTimes.push((await timed(() => duck.connection.runAndReadAll(aggregation)))[1]);
  const duckMs = median(duckTimes);
  duck.close();
  const context = await loadContext(database.db, INDICATORS);
  const [publication, publicationMs] = await timed(() => computeFor(database.db, context));
  const { audit } = publication;
  console.log(
    `Publication, national register ${years[0]}–${years[years.length - 1]} (${generated.generated.toLocaleString('en')} births, ${audit.cells.toLocaleString('en')} cells ` +
      `incl. pooled ${POOL_YEARS}-year periods; ${audit.hidden.toLocaleString('en')} suppressed, ${audit.rounds} rounds): ` +
      `protection ${ms(audit.protectSeconds * 1000)}, audit ${ms(audit.auditSeconds * 1000)} (${audit.linearPrograms} LPs), whole publication ${ms(publicationMs)}; ` +
      `recompute ${ms(recomputeMs)} (the first, writing every count: ${ms(firstRecomputeMs)}), the aggregation alone ${ms(aggregateMs)}, ` +
      `DuckDB ${ms(duckMs)} (recompute/DuckDB = ${(recomputeMs / duckMs).toFixed(1)}×, aggregation/DuckDB = ${(aggregateMs / duckMs).toFixed(1)}×, goal ≤ 3×); ` +
      `audit/recompute = ${((audit.auditSeconds * 1000) / recomputeMs).toFixed(1)}×, whole publication/recompute = ${(publicationMs / recomputeMs).toFixed(1)}× (goal: the audit adds ≤ 1× the recompute).`,
  );
}

const folder = mkdtempSync(path.join(os.tmpdir(), 'kansrijk-bench-'));
const { database, label, cleanUp } = await openBenchDatabase('monitor', process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL);
try {
  console.log(`Monitor benchmark — database: ${label}; DuckDB in memory; year ${YEAR}; ${RUNS} runs each (median).`);
  await prepareDatabase(database, { dataFolder: DATA_FOLDER, seedDemo: false, now: new Date() });
  // The demo coalitions, so the recompute (and DuckDB, which gets a copy) also computes coalition rows.
  for (const coalition of DEMO_COALITIONS) {
    const [row] = await database.db.insert(coalitions).values({ code: coalition.code, name: coalition.name }).returning({ id: coalitions.id });
    await database.db.insert(coalitionMunicipalities).values(coalition.municipalities.map((municipalityCode) => ({ coalitionId: row!.id, municipalityCode })));
  }
  const regionalMembers = await seedSyntheticRegionalCollaborations(database.db);
  console.log(
    `Coalitions: ${DEMO_COALITIONS.length} demo local coalitions and ${SYNTHETIC_REGIONAL_COLLABORATIONS.length} synthetic regional collaborations ` +
      `(${regionalMembers} municipalities) in both the database and DuckDB (same rows), so both compute both coalition levels.`,
  );
  const results: { scale: number; rows: number; recompute: number; duckdb: number }[] = [];
  for (const scale of PUBLICATION_ONLY ? [] : SCALES) {
    // Idempotent keys: each scale only adds the children beyond the previous one.
    const [generated, generateMs] = await timed(() => generateSyntheticBirths(database.db, { years: [YEAR], scale, dataFolder: DATA_FOLDER }));
    const recomputeTimes: number[] = [];
    let countRows = 0;
    for (let run = 0; run < RUNS; run++) {
      const result = await recomputeIndicatorCounts(database.db);
      recomputeTimes.push(result.durationMs);
      countRows = result.rowCount;
    }
    const duck = await loadDuckDb(database, scale, folder);
    const aggregation = buildIndicatorCountsSql(INDICATORS);
    const duckTimes: number[] = [];
    let duckRows = 0;
    for (let run = 0; run < RUNS; run++) {
      const [reader, duration] = await timed(() => duck.connection.runAndReadAll(aggregation));
      duckTimes.push(duration);
      duckRows = reader.getRows().length;
    }
    duck.close();
    const row = { scale, rows: generated.generated, recompute: median(recomputeTimes), duckdb: median(duckTimes) };
    results.push(row);
    console.log(
      `${scale}× (${generated.generated.toLocaleString('en')} births, ${generated.inserted.toLocaleString('en')} new in ${ms(generateMs)}): ` +
        `recompute ${ms(row.recompute)} → ${countRows} counts; DuckDB ${ms(row.duckdb)} → ${duckRows} rows ` +
        `(same rows: ${duck.count === generated.generated}); database/DuckDB = ${(row.recompute / row.duckdb).toFixed(1)}×`,
    );
  }
  if (!PUBLICATION_ONLY) await benchScalesAndApi(database, results);
  await benchPublication(database);
} finally {
  await database.close();
  await cleanUp();
  rmSync(folder, { recursive: true, force: true });
}

async function benchScalesAndApi(database: Database, results: { scale: number; rows: number; recompute: number; duckdb: number }[]) {
  const first = results[0]!;
  const last = results[results.length - 1]!;
  const growth = last.recompute / first.recompute;
  const dataGrowth = last.rows / first.rows;
  console.log(
    `Linearity: ${dataGrowth.toFixed(1)}× the data took ${growth.toFixed(1)}× the time ` +
      `(${(first.recompute / (first.rows / 100_000)).toFixed(0)} → ${(last.recompute / (last.rows / 100_000)).toFixed(0)} ms per 100k births): ` +
      `${growth <= dataGrowth * 1.25 ? 'linear or better' : 'WORSE than linear'}.`,
  );
  const perBirth = last.recompute / last.rows;
  console.log(`Five national years (≈ ${(5 * first.rows).toLocaleString('en')} births) by linear extrapolation: ≈ ${ms(perBirth * 5 * first.rows)} (target < 2 s on PostgreSQL, ≤ 3× DuckDB).`);
  const areaCodes = (await queryRows<{ code: string }>(database.db, sql`SELECT code FROM municipalities ORDER BY code`)).map((row) => row.code);
  const hello = await benchHelloWorld();
  const api = await benchApi(database, areaCodes);
  const floor = typeof hello === 'string' ? null : hello;
  console.log(`API latency (${API_REQUESTS} requests each via app.inject, 4× data; target for the area page p95 < 50 ms):`);
  const line = (route: string, result: Latency | string) =>
    typeof result === 'string'
      ? `  ${route}: ${result}`
      : `  ${route}: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms` +
        (floor ? ` (${(result.p50 / floor.p50).toFixed(1)}× / ${(result.p95 / floor.p95).toFixed(1)}× hello-world)` : '');
  console.log(line('Fastify hello-world (bare app, baseline)', hello));
  for (const [route, result] of Object.entries(api)) console.log(line(route, result));
}

// SPDX-License-Identifier: EUPL-1.2
// `npm run bench:chain`: the chain's hot paths on PostgreSQL with 200,000 families, through HTTP (the
// real app on a port, real session cookies, the CSRF header): the JGZ referral inbox, the midwife's
// family search (name prefix and date of birth), and sending referrals — against a bare Fastify
// hello-world route measured the same way in the same run. Targets (issue 3): inbox and search
// p95 < 50 ms; ≥ 500 referrals created per second. Figures are printed, never asserted.
//
// Database: a scratch database `kansrijk_bench_<pid>` on the server of BENCH_DATABASE_URL or
// DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), dropped at the end.
// Knobs: BENCH_FAMILIES (200000), BENCH_SECONDS per route (5), BENCH_CONNECTIONS (10), BENCH_KEEP_DATABASE=1
// (keep the scratch database, for EXPLAIN ANALYZE afterwards).
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp, DATA_FOLDER } from '../src/server/app.js';
import { benchConfig } from './bench-config.js';
import { openDatabase, queryRows } from '../src/server/platform/db/connection.js';
import { prepareDatabase } from '../src/server/prepare-database.js';
import { systemClock } from '../src/server/platform/clock.js';
import { sql } from 'drizzle-orm';
import { sessionFor } from '../test/helpers/sessions.js';
import type { TestApp } from '../test/helpers/test-app.js';
import { seedChainFamilies } from './chain-seed.js';

const FAMILIES = Number(process.env.BENCH_FAMILIES ?? 200_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const LATENCY_TARGET_MS = 50;
const CREATE_TARGET_PER_SECOND = 500;
/** Families with a fresh consent for JGZ: enough for every POST of the run, one family each. */
const REFERRAL_POOL = Number(process.env.BENCH_REFERRAL_POOL ?? 40_000);

interface Figures {
  name: string;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  statusCounts: Record<string, number>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/**
 * Runs autocannon and computes p50/p95/p99 from every response time (autocannon's own summary has
 * no p95). `path` is called per request, so each can differ (search terms, idempotency keys).
 */
async function measure(
  name: string,
  baseUrl: string,
  request: { method?: 'GET' | 'POST'; path: () => string; body?: () => string; headers?: Record<string, string> },
  expectStatus: number[] = [200],
  connections = CONNECTIONS,
): Promise<Figures> {
  const durations: number[] = [];
  const statusCounts: Record<string, number> = {};
  const options: autocannon.Options = {
    url: baseUrl,
    connections,
    duration: SECONDS,
    requests: [
      {
        method: request.method ?? 'GET',
        headers: { ...request.headers, ...(request.body ? { 'content-type': 'application/json' } : {}) },
        setupRequest: (req) => ({ ...req, path: request.path(), ...(request.body ? { body: request.body() } : {}) }),
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, finished: autocannon.Result) => (error ? reject(error) : resolve(finished)));
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      durations.push(responseTime);
      statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
    });
  });
  const unexpected = Object.entries(statusCounts).filter(([code]) => !expectStatus.includes(Number(code)));
  if (unexpected.length > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${name}: unexpected answers ${JSON.stringify(statusCounts)}, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  const sorted = durations.sort((a, b) => a - b);
  return {
    name,
    requests: durations.length,
    requestsPerSecond: durations.length / SECONDS,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    statusCounts,
  };
}

async function probe(url: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, { headers });
  const body = await response.json();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

// ── Database ─────────────────────────────────────────────────────────────────────────────────────

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseName = `kansrijk_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${databaseName}`);
const benchUrl = new URL(serverUrl);
benchUrl.pathname = `/${databaseName}`;
const database = await openDatabase({ kind: 'postgres', url: benchUrl.toString(), poolSize: 10 });

const baseline = Fastify({ logger: false });
baseline.get('/hello', async () => ({ hello: 'world' }));
let app: Awaited<ReturnType<typeof buildApp>> | null = null;

try {
  const [{ version }] = (await queryRows<{ version: string }>(database.db, sql`SELECT split_part(version(), ' ', 2) AS version`)) as [{ version: string }];
  console.log(
    `Chain benchmark — PostgreSQL ${version} (${benchUrl.host}, scratch database ${databaseName}); ${FAMILIES.toLocaleString('en')} families; ` +
      `${SECONDS} s per route, ${CONNECTIONS} connections, pool of 10 database connections.`,
  );
  const now = systemClock.now();
  let started = performance.now();
  const { demo } = await prepareDatabase(database, { dataFolder: DATA_FOLDER, seedDemo: true, seedNational: false, now });
  if (!demo) throw new Error('the scratch database was not empty');
  console.log(`Migrations, reference data and demo seed: ${((performance.now() - started) / 1000).toFixed(1)} s.`);

  const personId = async (key: string) => {
    const email = demo.accounts.find((account) => account.key === key)!.email;
    const [row] = await queryRows<{ id: string }>(database.db, sql`SELECT id::text FROM people WHERE email = ${email}`);
    return row!.id;
  };
  const seeded = await seedChainFamilies(
    benchUrl.toString(),
    { organisationIds: demo.organisationIds, midwifeId: await personId('midwife'), socialWorkerId: await personId('socialWorker') },
    FAMILIES,
    REFERRAL_POOL,
    now,
  );
  console.log(
    `Seeded ${seeded.families.toLocaleString('en')} families (${seeded.members.toLocaleString('en')} members, ` +
      `${seeded.referrals.toLocaleString('en')} referrals, ${seeded.jgzInbox.toLocaleString('en')} in the JGZ inbox, ` +
      `${seeded.referralPool.length.toLocaleString('en')} consents ready for new referrals) in ${(seeded.durationMs / 1000).toFixed(1)} s ` +
      `(set-based INSERT … SELECT, VACUUM ANALYZE included).`,
  );

  // ── The app, on a port ─────────────────────────────────────────────────────────────────────────
  const config = benchConfig();
  app = await buildApp({ config, database, clock: systemClock, webRoot: '/nonexistent' });
  const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const baselineUrl = await baseline.listen({ port: 0, host: '127.0.0.1' });
  const testApp = { app, database, config, clock: systemClock, demo, close: async () => undefined } as unknown as TestApp;
  const jgzNurse = (await sessionFor(testApp, 'jgzNurse', 'jgz')).headers;
  const midwife = (await sessionFor(testApp, 'midwife', 'wieg')).headers;

  // Search terms that match: name prefixes (given and family names, also after a prefix like "van der"),
  // and dates of birth of De Wieg's own clients.
  const prefixes = ['jans', 'bakk', 'vri', 'fat', 'meij', 'sanne', 'berg', 'yilm', 'els', 'dijk', 'amr', 'vis'];
  const birthDates = (
    await queryRows<{ birth_date: string }>(
      database.db,
      sql`SELECT fm.birth_date::text AS birth_date FROM family_members fm JOIN care_relationships cr ON cr.family_id = fm.family_id
        WHERE cr.organisation_id = ${demo.organisationIds.wieg!}::uuid AND fm.role = 'client' ORDER BY fm.id LIMIT 50`,
    )
  ).map((row) => row.birth_date);
  const inbox = (await probe(`${appUrl}/api/v1/referrals?box=incoming`, jgzNurse)) as { total: number };
  const search = (await probe(`${appUrl}/api/v1/families?q=jans`, midwife)) as { total: number };
  const byDate = (await probe(`${appUrl}/api/v1/families?birthDate=${birthDates[0]}`, midwife)) as { total: number };
  console.log(
    `Probes: JGZ inbox total ${inbox.total.toLocaleString('en')}; midwife (De Wieg) search "jans" total ${search.total.toLocaleString('en')}; ` +
      `date of birth ${birthDates[0]} total ${byDate.total}.`,
  );

  let referralIndex = 0;
  const runId = process.pid.toString(36);
  // One referral by hand first, so a refusal shows its problem+json instead of a bare status count.
  const referralBody = () => {
    const { familyId, consentId } = seeded.referralPool[referralIndex % seeded.referralPool.length]!;
    const key = `bench-${runId}-${referralIndex++}`;
    return JSON.stringify({
      familyId,
      receiverOrganisationId: demo.organisationIds.jgz,
      consentId,
      reason: 'Zwangere cliënt met stress en schulden; graag een prenataal huisbezoek door de JGZ.',
      factorKeys: [],
      idempotencyKey: key,
    });
  };
  const probePost = await fetch(`${appUrl}/api/v1/referrals`, {
    method: 'POST',
    headers: { ...midwife, 'content-type': 'application/json' },
    body: referralBody(),
  });
  if (probePost.status !== 201) throw new Error(`POST /api/v1/referrals answered ${probePost.status}: ${(await probePost.text()).slice(0, 300)}`);
  const [{ count: referralsBefore }] = (await queryRows<{ count: number }>(database.db, sql`SELECT count(*)::int AS count FROM referrals`)) as [
    { count: number },
  ];

  let next = 0;
  const rotate = <T>(values: T[]) => values[next++ % values.length]!;

  // Each GET twice: alone (1 connection: the time one request takes) and under load (CONNECTIONS at once).
  interface Row {
    name: string;
    alone: Figures | null;
    loaded: Figures;
    target?: 'latency' | 'throughput';
  }
  const rows: Row[] = [];
  const both = async (name: string, url: string, request: Parameters<typeof measure>[2], target?: 'latency') => {
    const alone = await measure(name, url, request, [200], 1);
    const loaded = await measure(name, url, request);
    rows.push({ name, alone, loaded, ...(target ? { target } : {}) });
  };
  await both('Fastify hello-world (baseline)', baselineUrl, { path: () => '/hello' });
  // The app's own floor: session check and serialisation, no client data, no audit row.
  await both('GET /api/v1/auth/session (app floor, no query)', appUrl, { path: () => '/api/v1/auth/session', headers: midwife });
  await both('GET /api/v1/referrals?box=incoming (JGZ inbox)', appUrl, { path: () => '/api/v1/referrals?box=incoming', headers: jgzNurse }, 'latency');
  await both(
    'GET /api/v1/referrals?box=incoming&filter=overdue',
    appUrl,
    { path: () => '/api/v1/referrals?box=incoming&filter=overdue', headers: jgzNurse },
    'latency',
  );
  await both(
    'GET /api/v1/families?q=<name prefix> (midwife)',
    appUrl,
    { path: () => `/api/v1/families?q=${encodeURIComponent(rotate(prefixes))}`, headers: midwife },
    'latency',
  );
  await both(
    'GET /api/v1/families?birthDate=<date> (midwife)',
    appUrl,
    { path: () => `/api/v1/families?birthDate=${rotate(birthDates)}`, headers: midwife },
    'latency',
  );
  const created = await measure(
    'POST /api/v1/referrals (midwife → JGZ, with consent)',
    appUrl,
    { method: 'POST', path: () => '/api/v1/referrals', headers: midwife, body: referralBody },
    [201],
  );
  rows.push({ name: created.name, alone: null, loaded: created, target: 'throughput' });
  const [{ count: referralsAfter }] = (await queryRows<{ count: number }>(database.db, sql`SELECT count(*)::int AS count FROM referrals`)) as [{ count: number }];
  const createdRows = referralsAfter - referralsBefore;
  const createdPerSecond = createdRows / SECONDS;
  const answered201 = created.statusCounts['201'] ?? 0;

  // ── Report ─────────────────────────────────────────────────────────────────────────────────────
  const os = await import('node:os');
  const base = rows[0]!;
  const fixed = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(1));
  console.log(
    `\nKansrijk chain benchmark — PostgreSQL, ${FAMILIES.toLocaleString('en')} families, ${SECONDS} s per measurement; ` +
      `"alone" = 1 connection, "load" = ${CONNECTIONS} concurrent connections\n`,
  );
  console.log(
    'route'.padEnd(52),
    'p95 alone'.padStart(10),
    'req/s load'.padStart(11),
    'p50 load'.padStart(9),
    'p95 load'.padStart(9),
    'p99 load'.padStart(9),
    'req/s vs hello'.padStart(15),
    'p95 alone vs hello'.padStart(19),
    '  target',
  );
  for (const row of rows) {
    const { alone, loaded } = row;
    const verdict = (ok: boolean) => (ok ? 'PASS' : 'NOT MET');
    const target =
      row.target === 'latency'
        ? `p95 < ${LATENCY_TARGET_MS} ms — under load: ${verdict(loaded.p95 < LATENCY_TARGET_MS)}; alone: ${verdict((alone?.p95 ?? Infinity) < LATENCY_TARGET_MS)}`
        : row.target === 'throughput'
          ? `≥ ${CREATE_TARGET_PER_SECOND} created/s: ${verdict(createdPerSecond >= CREATE_TARGET_PER_SECOND)} (${createdPerSecond.toFixed(0)}/s)`
          : '';
    console.log(
      row.name.padEnd(52),
      `${fixed(alone?.p95)}`.padStart(10),
      loaded.requestsPerSecond.toFixed(0).padStart(11),
      fixed(loaded.p50).padStart(9),
      fixed(loaded.p95).padStart(9),
      fixed(loaded.p99).padStart(9),
      `${((loaded.requestsPerSecond / base.loaded.requestsPerSecond) * 100).toFixed(1)} %`.padStart(15),
      (alone && base.alone ? `${(alone.p95 / base.alone.p95).toFixed(0)}×` : '–').padStart(19),
      `  ${target}`,
    );
  }
  console.log(
    `\nReferrals: ${answered201} answered 201 Created; ${createdRows} new rows counted in the referrals table afterwards` +
      `${createdRows === answered201 ? '' : ` (${createdRows - answered201} were in flight when the clock stopped)`} → ` +
      `${createdPerSecond.toFixed(0)} referrals created per second (${CONNECTIONS} connections).`,
  );
  console.log(
    `Measured end to end over HTTP by autocannon in the same Node process as the app and the hello-world route; ` +
      `load average at the end ${os.loadavg().map((value) => value.toFixed(1)).join(' ')} on ${os.cpus().length} cores ` +
      `(the machine is shared: compare the ratios to hello-world rather than the absolute figures).`,
  );
} finally {
  await app?.close();
  await baseline.close();
  await database.close();
  if (process.env.BENCH_KEEP_DATABASE === '1') console.log(`Kept ${databaseName} (BENCH_KEEP_DATABASE=1): drop it yourself.`);
  else await admin.query(`DROP DATABASE IF EXISTS ${databaseName}`).catch(() => admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
  await admin.end();
}

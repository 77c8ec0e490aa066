// SPDX-License-Identifier: EUPL-1.2
// `npx tsx bench/analysis-report.ts`: the self-analysis report API against a hello-world route in the
// same run. Seeds 20 rounds of 15 respondents (every respondent scores all 56 statements) for one
// coalition and times GET /api/v1/coalitions/{code}/analysis-rounds/{id}/report (p50/p95; target p95
// < 50 ms). `benchAnalysisReport` is exported so `npm run bench:coalitions` can call it with its own
// app and synthetic register. PGlite by default; PostgreSQL when BENCH_DATABASE_URL is set.
// Figures are printed, never asserted.
import { pathToFileURL } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { buildApp, DATA_FOLDER } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase, type Executor } from '../src/server/platform/db/connection.js';
import { prepareDatabase } from '../src/server/prepare-database.js';
import { systemClock } from '../src/server/platform/clock.js';
import { hashToken, newToken } from '../src/server/platform/auth/tokens.js';
import { coalitions } from '../src/server/features/coalitions/schema.js';
import { people } from '../src/server/features/organisations/schema.js';
import { analysisAnswers, analysisRespondents, analysisRounds } from '../src/server/features/coalition-analysis/schema.js';
import { CURRENT_INSTRUMENT } from '../src/server/features/coalition-analysis/instruments/analysis-instrument.js';
import { sessionFor } from '../test/helpers/sessions.js';

export interface Latency {
  p50: number;
  p95: number;
  /** Sequential requests per second (1000 / mean ms). */
  perSecond: number;
}

export interface AnalysisReportBench {
  rounds: number;
  respondentsPerRound: number;
  requests: number;
  report: Latency;
  helloWorld: Latency;
  /** GET /api/v1/auth/session with the same session: the app's own floor (session lookup, no feature). */
  session: Latency;
  /** report p95 / hello-world p95. */
  ratioP95: number;
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

async function measure(requests: number, inject: (index: number) => Promise<{ statusCode: number; body: string }>): Promise<Latency> {
  const durations: number[] = [];
  for (let index = 0; index < requests; index++) {
    const started = performance.now();
    const response = await inject(index);
    durations.push(performance.now() - started);
    if (response.statusCode !== 200) throw new Error(`request ${index} answered ${response.statusCode}: ${response.body.slice(0, 200)}`);
  }
  const mean = durations.reduce((sum, value) => sum + value, 0) / durations.length;
  return { p50: percentile(durations, 50), p95: percentile(durations, 95), perSecond: 1000 / mean };
}

/** Deterministic pseudo-random scores 1–5 (a linear congruential generator): the same data every run. */
function scoresFrom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return 1 + (state % 5);
  };
}

/** Seeds `rounds` rounds of `respondentsPerRound` respondents who each answer every statement; returns the round ids. */
export async function seedAnalysisRounds(db: Executor, options: { coalitionCode: string; openedBy: string; rounds?: number; respondentsPerRound?: number }): Promise<string[]> {
  const { rounds = 20, respondentsPerRound = 15 } = options;
  const [coalition] = await db.select({ id: coalitions.id }).from(coalitions).where(eq(coalitions.code, options.coalitionCode));
  if (!coalition) throw new Error(`no coalition ${options.coalitionCode}`);
  const next = scoresFrom(42);
  const ids: string[] = [];
  const start = Date.now() - rounds * 86_400_000;
  for (let round = 0; round < rounds; round++) {
    const openedAt = new Date(start + round * 86_400_000);
    const [row] = await db
      .insert(analysisRounds)
      .values({
        coalitionId: coalition.id,
        title: `Benchronde ${round + 1}`,
        anonymity: (['named', 'per_partner', 'anonymous'] as const)[round % 3]!,
        instrumentCanonical: CURRENT_INSTRUMENT.canonical,
        status: 'closed',
        openedAt,
        openedBy: options.openedBy,
        closedAt: new Date(openedAt.getTime() + 3_600_000),
        closedBy: options.openedBy,
      })
      .returning({ id: analysisRounds.id });
    ids.push(row!.id);
    const respondents = await db
      .insert(analysisRespondents)
      .values(
        Array.from({ length: respondentsPerRound }, (_, index) => ({
          roundId: row!.id,
          name: `Partner ${index + 1}`,
          email: `partner-${round}-${index}@bench.example`,
          tokenHash: hashToken(newToken()),
          invitedAt: openedAt,
          invitedBy: options.openedBy,
        })),
      )
      .returning({ id: analysisRespondents.id });
    await db.insert(analysisAnswers).values(
      respondents.flatMap((respondent) =>
        CURRENT_INSTRUMENT.statements.map((statement) => ({ respondentId: respondent.id, statementKey: statement.key, score: next(), answeredAt: openedAt })),
      ),
    );
  }
  return ids;
}

/** A bare Fastify hello-world route, measured the same way in the same process (the floor). */
async function helloWorld(requests: number): Promise<Latency> {
  const app = Fastify({ logger: false });
  app.get('/hello', async () => ({ hello: 'world' }));
  await app.ready();
  try {
    return await measure(requests, () => app.inject({ method: 'GET', url: '/hello' }));
  } finally {
    await app.close();
  }
}

/**
 * Seeds the rounds and measures the report API. `headers` must carry a session that may read the
 * coalition's reports (an analyst, the platform admin, or one of its coordinators).
 */
export async function benchAnalysisReport(options: {
  app: FastifyInstance;
  db: Executor;
  headers: Record<string, string>;
  coalitionCode: string;
  openedBy: string;
  rounds?: number;
  respondentsPerRound?: number;
  requests?: number;
}): Promise<AnalysisReportBench> {
  const { rounds = 20, respondentsPerRound = 15, requests = 200 } = options;
  const roundIds = await seedAnalysisRounds(options.db, { coalitionCode: options.coalitionCode, openedBy: options.openedBy, rounds, respondentsPerRound });
  const get = (index: number) =>
    options.app.inject({ method: 'GET', url: `/api/v1/coalitions/${options.coalitionCode}/analysis-rounds/${roundIds[index % roundIds.length]}/report`, headers: options.headers });
  await measure(10, get); // warm-up
  const report = await measure(requests, get);
  const session = await measure(requests, () => options.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: options.headers }));
  const floor = await helloWorld(requests);
  return { rounds, respondentsPerRound, requests, report, helloWorld: floor, session, ratioP95: report.p95 / floor.p95 };
}

export function formatAnalysisReportBench(result: AnalysisReportBench): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return [
    `Self-analysis report (${result.rounds} rounds × ${result.respondentsPerRound} respondents × 56 statements; ${result.requests} requests via app.inject; target p95 < 50 ms):`,
    `  GET /api/v1/coalitions/:code/analysis-rounds/:roundId/report  p50 ${ms(result.report.p50)}  p95 ${ms(result.report.p95)}  (${result.ratioP95.toFixed(1)}× hello-world p95)`,
    `  GET /api/v1/auth/session (the app's floor, same session)    p50 ${ms(result.session.p50)}  p95 ${ms(result.session.p95)}`,
    `  Fastify hello-world (baseline)                              p50 ${ms(result.helloWorld.p50)}  p95 ${ms(result.helloWorld.p95)}`,
  ].join('\n');
}

async function main() {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const database = await openDatabase(databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir: undefined });
  const { demo } = await prepareDatabase(database, { dataFolder: DATA_FOLDER, seedDemo: true, seedNational: false, now: new Date() });
  const config = loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000000', SEED_DEMO: 'false', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const app = await buildApp({ config, database, clock: systemClock, webRoot: '/nonexistent' });
  await app.ready();
  try {
    const session = await sessionFor({ app, database, config, clock: systemClock as never, demo: demo!, close: async () => undefined }, 'analyst');
    const [coordinator] = await database.db.select({ id: people.id }).from(people).where(eq(people.email, 'coordinator@kansrijk.demo'));
    const result = await benchAnalysisReport({ app, db: database.db, headers: session.headers, coalitionCode: 'KS0001', openedBy: coordinator!.id });
    console.log(`Database: ${databaseUrl ? 'PostgreSQL' : 'PGlite (in memory; set BENCH_DATABASE_URL for PostgreSQL)'}`);
    console.log(formatAnalysisReportBench(result));
  } finally {
    await app.close();
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();

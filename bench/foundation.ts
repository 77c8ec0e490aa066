// SPDX-License-Identifier: EUPL-1.2
// `npm run bench`: throughput and latency of the foundation's hot paths, against a Fastify
// hello-world route measured in the same run (so the ratio is comparable across machines).
// Runs on PGlite by default, on a PostgreSQL server when BENCH_DATABASE_URL is set.
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp, DATA_FOLDER } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/platform/db/connection.js';
import { prepareDatabase } from '../src/server/prepare-database.js';
import { newToken, hashToken } from '../src/server/platform/auth/tokens.js';
import { sessions } from '../src/server/features/auth/schema.js';
import { people } from '../src/server/features/organisations/schema.js';
import { eq } from 'drizzle-orm';

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

async function measure(name: string, url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: 20, duration: DURATION_SECONDS, headers });
  if (result.non2xx > 0) throw new Error(`${name}: ${result.non2xx} non-2xx responses`);
  return { name, requestsPerSecond: result.requests.average, p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99 };
}

const baseline = Fastify();
baseline.get('/hello', async () => ({ hello: 'world' }));
const baselineUrl = await baseline.listen({ port: 0, host: '127.0.0.1' });

const databaseUrl = process.env.BENCH_DATABASE_URL;
const database = await openDatabase(databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir: undefined });
const { demo } = await prepareDatabase(database, { dataFolder: DATA_FOLDER, seedDemo: true, seedNational: false, now: new Date() });
const config = loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000000', DATABASE_URL: databaseUrl });
const app = await buildApp({ config, database });
const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });

// A logged-in platform admin, made directly (the login itself is deliberately slow: argon2id).
const admin = demo?.accounts.find((account) => account.key === 'platformAdmin');
const [person] = await database.db.select({ id: people.id }).from(people).where(eq(people.email, admin?.email ?? ''));
const token = newToken();
await database.db.insert(sessions).values({
  tokenHash: hashToken(token),
  personId: person!.id,
  organisationId: demo!.organisationIds.platform!,
  stage: 'active',
  expiresAt: new Date(Date.now() + 3600_000),
});
const cookie = { cookie: `kr_session=${token}; kr_csrf=bench` };

const results = [
  await measure('hello-world (baseline)', `${baselineUrl}/hello`),
  await measure('GET /health', `${appUrl}/health`),
  await measure('GET /api/v1/municipalities?q=dam (search)', `${appUrl}/api/v1/municipalities?q=dam`),
  await measure('GET /api/v1/auth/session (session lookup)', `${appUrl}/api/v1/auth/session`, cookie),
  await measure('GET /api/v1/organisations (scoped store + audit)', `${appUrl}/api/v1/organisations`, cookie),
];

const base = results[0]!.requestsPerSecond;
console.log(`\nKansrijk foundation benchmark (${database.kind}, ${DURATION_SECONDS} s per route, 20 connections)\n`);
console.log('route'.padEnd(52), 'req/s'.padStart(9), 'p50 ms'.padStart(8), 'p97.5 ms'.padStart(9), 'p99 ms'.padStart(8), 'vs baseline'.padStart(12));
for (const row of results) {
  console.log(
    row.name.padEnd(52),
    row.requestsPerSecond.toFixed(0).padStart(9),
    String(row.p50).padStart(8),
    String(row.p97_5).padStart(9),
    String(row.p99).padStart(8),
    `${((row.requestsPerSecond / base) * 100).toFixed(1)} %`.padStart(12),
  );
}
await app.close();
await baseline.close();
await database.close();

import { and, eq, isNull } from 'drizzle-orm';
import { DATA_FOLDER } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/platform/db/connection.js';
import { prepareDatabase } from '../src/server/platform/db/prepare-database.js';
import { systemClock } from '../src/server/platform/clock.js';
import { resolveSession } from '../src/server/platform/auth/session.js';
import { hashToken, newToken } from '../src/server/platform/auth/tokens.js';
import { sessions } from '../src/server/features/auth/schema.js';
import { memberships, organisations, people } from '../src/server/features/organisations/schema.js';
const url = process.env.BENCH_DATABASE_URL;
const database = await openDatabase(url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: undefined });
const { demo } = await prepareDatabase(database, { dataFolder: DATA_FOLDER, seedDemo: true, seedNational: false, now: new Date() });
const config = loadConfig({ LOG_LEVEL: 'silent' });
const account = demo!.accounts.find((a) => a.key === 'coordinator')!;
const [person] = await database.db.select({ id: people.id }).from(people).where(eq(people.email, account.email));
const token = newToken();
await database.db.insert(sessions).values({ tokenHash: hashToken(token), personId: person!.id, organisationId: demo!.organisationIds[account.organisations[0]!]!, stage: 'active', expiresAt: new Date(Date.now() + 3600_000) });
const db = database.db;
const old = () => db.select({ id: sessions.id, stage: sessions.stage, personId: sessions.personId, organisationId: sessions.organisationId, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt, revokedAt: sessions.revokedAt, personName: people.name, email: people.email, personIsActive: people.isActive, totpEnabledAt: people.totpEnabledAt, organisationName: organisations.name, organisationType: organisations.type, organisationIsActive: organisations.isActive, roles: memberships.roles, membershipIsActive: memberships.isActive })
  .from(sessions).innerJoin(people, eq(people.id, sessions.personId)).leftJoin(organisations, eq(organisations.id, sessions.organisationId))
  .leftJoin(memberships, and(eq(memberships.personId, sessions.personId), eq(memberships.organisationId, sessions.organisationId)))
  .where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.revokedAt))).limit(1);
const current = () => resolveSession(db, token, config, systemClock);
console.log(JSON.stringify(await current()).slice(0, 400));
const times: Record<string, number[]> = { old: [], current: [] };
for (let i = 0; i < 3000; i++) {
  for (const [name, fn] of [['old', old], ['current', current]] as const) {
    const s = performance.now(); await fn(); if (i >= 200) times[name]!.push(performance.now() - s);
  }
}
const pct = (v: number[], p: number) => [...v].sort((a, b) => a - b)[Math.floor(p / 100 * v.length)]!;
for (const [name, v] of Object.entries(times)) console.log(`${database.kind} ${name}: p50 ${pct(v, 50).toFixed(3)} ms p95 ${pct(v, 95).toFixed(3)} ms`);
await database.close();

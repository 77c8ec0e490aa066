// SPDX-License-Identifier: EUPL-1.2
// One way to reach PostgreSQL: PGlite on disk by default, a server when a URL is given.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import * as schema from './schema.js';
import { applyMigrations, type AfterMigrations } from './migrations.js';
import { loggableError } from '../errors.js';

export type Schema = typeof schema;
/** A database or an open transaction: both run the same queries. */
export type Executor = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Executor;
  /**
   * Under an advisory lock: refuses a database migrated by newer code (SchemaTooNewError), then
   * applies pending migrations and `afterMigrations` in one transaction (ADR 0016).
   */
  migrate(options?: MigrateOptions): Promise<void>;
  /**
   * Runs start-up work (migrations, reference data, seeds) while holding the start-up lock, so
   * instances started together on one database take turns instead of inserting the same rows.
   */
  withStartupLock<T>(work: () => Promise<T>): Promise<T>;
  /**
   * True when the database answers a trivial query within timeoutMs (default 2 s). On a server it
   * asks over a connection of its own, so a pool full of waiting requests does not make it wait.
   */
  isReady(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface MigrateOptions {
  /** Data repairs that belong to the migrations (run at every start, in their transaction). */
  afterMigrations?: AfterMigrations;
  /** Another migrations folder (tests: a database at an older schema). Default: the shipped one. */
  migrationsFolder?: string;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../../migrations', import.meta.url));
const MIGRATION_LOCK_KEY = 7_513_2026;
/** Taken before (and released after) the migration lock: always in this order, so no deadlock. */
const STARTUP_LOCK_KEY = 7_513_2027;

const DEFAULT_READY_TIMEOUT_MS = 2_000;
/** The application_name of the pool's connections (the /ready probe's: `kansrijk-ready`). */
export const APPLICATION_NAME = 'kansrijk';

/** How long the pool waits for a connection, and the server for a statement and a lock (0 or absent: no limit). */
export interface PoolLimits {
  /** Connecting a new connection, or waiting for a free one when the pool is full (pg's connectionTimeoutMillis). */
  connectTimeoutMs?: number;
  /** PostgreSQL's statement_timeout for every statement of the pool. */
  statementTimeoutMs?: number;
  /** PostgreSQL's lock_timeout: how long a statement waits for a lock another connection holds. */
  lockTimeoutMs?: number;
}

export type DatabaseOptions =
  | {
      kind: 'postgres';
      url: string;
      poolSize?: number;
      limits?: PoolLimits;
      /** A connection of the pool failed while idle (it is discarded; the pool makes a new one when needed). */
      onConnectionError?: (error: Error) => void;
    }
  | { kind: 'pglite'; dataDir: string | undefined; loadDataDir?: Blob | File };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'postgres') return openPostgres(options);
  return openPglite(options.dataDir, options.loadDataDir);
}

/** Until an app logs: a lost idle connection on stderr as one JSON line. */
export function reportConnectionErrorToStderr(error: Error) {
  // Scrubbed like every logged error: its type and code (a SQLSTATE such as 57P01), never its message.
  console.error(JSON.stringify({ level: 'warn', msg: 'database connection lost while idle', err: loggableError(error) }));
}

async function openPostgres(options: Extract<DatabaseOptions, { kind: 'postgres' }>): Promise<Database> {
  const { url, limits = {} } = options;
  const onConnectionError = options.onConnectionError ?? reportConnectionErrorToStderr;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(limits.connectTimeoutMs ? { connectionTimeoutMillis: limits.connectTimeoutMs } : {}),
    ...(limits.statementTimeoutMs ? { statement_timeout: limits.statementTimeoutMs } : {}),
    ...(limits.lockTimeoutMs ? { lock_timeout: limits.lockTimeoutMs } : {}),
    // A dead peer (a failed-over server, a dropped network path) is noticed by TCP, not only by the next query.
    keepAlive: true,
    // How operations find the app's connections in pg_stat_activity.
    application_name: APPLICATION_NAME,
  });
  // Without these listeners a connection that dies (pg_terminate_backend, a server restart, a
  // network cut) emits an unhandled 'error' and ends the process. An idle one is removed by the
  // pool, which reports it here; one checked out fails its next query instead (→ 503).
  pool.on('error', onConnectionError);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = drizzlePg(pool, { schema }) as unknown as Executor;
  // /ready asks over its own single connection, with the ready timeout for connecting and for the query.
  const probes = new Map<number, pg.Pool>();
  const probeOf = (timeoutMs: number) => {
    let probe = probes.get(timeoutMs);
    if (!probe) {
      probe = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: timeoutMs, statement_timeout: timeoutMs, keepAlive: true, application_name: `${APPLICATION_NAME}-ready` });
      probe.on('error', () => undefined);
      probe.on('connect', (client) => client.on('error', () => undefined));
      probes.set(timeoutMs, probe);
    }
    return probe;
  };
  return {
    kind: 'postgres',
    db,
    async migrate(options = {}) {
      const client = await pool.connect();
      try {
        // A migration may rebuild a large table: the pool's statement and lock limits are for requests.
        await client.query('SET statement_timeout = 0; SET lock_timeout = 0');
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        const connection = drizzlePg(client, { schema }) as unknown as Executor;
        await applyMigrations(connection, options.migrationsFolder ?? MIGRATIONS_FOLDER, options.afterMigrations);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        // Back to the pool's limits; a connection that cannot be reset is not given back.
        const isReset = await client.query('RESET statement_timeout; RESET lock_timeout').then(() => true, () => false);
        client.release(!isReset);
      }
    },
    async withStartupLock(work) {
      // A connection of its own, outside the pool: the work itself needs the pool, which may be
      // as small as one connection. If this process dies, PostgreSQL ends the session and the lock.
      const lockClient = new pg.Client({ connectionString: url });
      await lockClient.connect();
      try {
        await lockClient.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
        return await work();
      } finally {
        await lockClient.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]).catch(() => undefined);
        await lockClient.end().catch(() => undefined);
      }
    },
    async isReady(timeoutMs = DEFAULT_READY_TIMEOUT_MS) {
      const probe = probeOf(timeoutMs);
      return withinTime(probe.query('SELECT 1').then(() => true, () => false), timeoutMs);
    },
    async close() {
      await Promise.all([pool.end(), ...[...probes.values()].map((probe) => probe.end())]);
    },
  };
}

/** The answer of `work`, or false when it takes longer than timeoutMs. */
function withinTime(work: Promise<boolean>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

async function openPglite(dataDir: string | undefined, loadDataDir?: Blob | File): Promise<Database> {
  if (dataDir) mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const client = await PGlite.create({ dataDir, loadDataDir });
  const db = drizzlePglite(client, { schema }) as unknown as Executor;
  let isClosed = false;
  // PGlite is one connection, on which an advisory lock is re-entrant: callers sharing this database
  // in one process (tests start two apps on it) take turns through a promise chain instead.
  let startupQueue: Promise<unknown> = Promise.resolve();
  return {
    kind: 'pglite',
    db,
    async migrate(options = {}) {
      // PGlite is a single connection; the lock still documents and mirrors the server path.
      await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
      try {
        await applyMigrations(db, options.migrationsFolder ?? MIGRATIONS_FOLDER, options.afterMigrations);
      } finally {
        await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
      }
    },
    withStartupLock(work) {
      const turn = startupQueue.then(work);
      startupQueue = turn.catch(() => undefined);
      return turn;
    },
    isReady: (timeoutMs = DEFAULT_READY_TIMEOUT_MS) => (isClosed ? Promise.resolve(false) : withinTime(ping(db), timeoutMs)),
    async close() {
      if (isClosed) return;
      isClosed = true;
      await client.close();
    },
  };
}

async function ping(db: Executor): Promise<boolean> {
  try {
    await db.execute(sql`SELECT 1`);
    return true;
  } catch {
    return false;
  }
}

/** Runs raw SQL and returns its rows (both drivers return `{ rows }`). */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Returns the PGlite client inside a database opened by openDatabase, for dumping templates in tests. */
export function pgliteClientOf(database: Database): PGlite | undefined {
  const session = (database.db as unknown as { session?: { client?: unknown } }).session;
  return session?.client instanceof PGlite ? session.client : undefined;
}

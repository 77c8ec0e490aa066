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
  /** True when the database answers a trivial query. */
  isReady(): Promise<boolean>;
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

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string | undefined; loadDataDir?: Blob | File };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'postgres') return openPostgres(options.url, options.poolSize ?? 10);
  return openPglite(options.dataDir, options.loadDataDir);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const db = drizzlePg(pool, { schema }) as unknown as Executor;
  return {
    kind: 'postgres',
    db,
    async migrate(options = {}) {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        const connection = drizzlePg(client, { schema }) as unknown as Executor;
        await applyMigrations(connection, options.migrationsFolder ?? MIGRATIONS_FOLDER, options.afterMigrations);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        client.release();
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
    isReady: () => ping(db),
    close: () => pool.end(),
  };
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
    isReady: () => (isClosed ? Promise.resolve(false) : ping(db)),
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

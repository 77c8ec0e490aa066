// SPDX-License-Identifier: EUPL-1.2
// The operator's commands as processes (issue 12 items 2 and 8): `npm run db:migrate` prepares an
// empty database and exits (the Kubernetes Job), and `npm run account:unlock` lifts a lockout on it,
// audited. Against a fresh PGlite data directory, or a new empty database on the PostgreSQL server.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '../../src/server/platform/db/connection.js';
import { throttleKeyFor } from '../../src/server/platform/auth/login-throttle.js';
import { withDatabaseName } from '../helpers/database-url.js';
import { isServerRun } from '../helpers/test-database.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const folder = mkdtempSync(path.join(os.tmpdir(), 'kansrijk-cli-'));
let env: Record<string, string>;
let serverDatabase: string | null = null;

beforeAll(async () => {
  if (isServerRun()) {
    // An empty database, not the test template: the command has to make everything itself.
    serverDatabase = `kansrijk_cli_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${serverDatabase}`);
    await admin.end();
    env = { DATABASE_URL: withDatabaseName(process.env.TEST_DATABASE_URL!, serverDatabase) };
  } else {
    env = { DATA_DIR: folder };
  }
});
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  if (serverDatabase) {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${serverDatabase} WITH (FORCE)`);
    await admin.end();
  }
});

function run(entry: string, args: string[] = []): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', `src/server/cli/${entry}`, ...args], {
    cwd: REPO,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

async function withDatabase<T>(use: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase(env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL, poolSize: 1 } : { kind: 'pglite', dataDir: path.join(folder, 'pglite') });
  try {
    return await use(database.db);
  } finally {
    await database.close();
  }
}

describe('operator commands', () => {
  it('db:migrate prepares an empty database (every migration, the reference data, no demo) and exits 0; again, it changes nothing', async () => {
    const first = await run('migrate.ts');
    expect(first.output).toContain('Database bijgewerkt');
    expect(first.code).toBe(0);
    const journal = JSON.parse(readFileSync(path.join(REPO, 'migrations/meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    const counts = await withDatabase(async (db) => {
      const [row] = await queryRows<{ migrations: number; municipalities: number; people: number }>(
        db,
        sql`SELECT (SELECT count(*)::int FROM drizzle.__drizzle_migrations) AS migrations,
                   (SELECT count(*)::int FROM municipalities) AS municipalities,
                   (SELECT count(*)::int FROM people) AS people`,
      );
      return row!;
    });
    expect(counts).toEqual({ migrations: journal.entries.length, municipalities: 342, people: 0 });
    expect((await run('migrate.ts')).code).toBe(0);
  }, 240_000);

  it('account:unlock refuses a call without an e-mail address (64), and lifts a lockout, audited without the address', async () => {
    const usage = await run('unlock-account.ts', ['--naam', 'x']);
    expect(usage.code).toBe(64);
    expect(usage.output).toContain('Gebruik: npm run account:unlock -- --email');

    const email = 'vergrendeld@ggd.nl';
    await withDatabase((db) =>
      db.execute(sql`INSERT INTO login_throttle (key_hash, failures, last_failure_at, locked_until) VALUES (${throttleKeyFor(email)}, 5, now(), now() + interval '15 minutes')`),
    );
    const unlocked = await run('unlock-account.ts', ['--email', email]);
    expect(unlocked.output).toContain('De blokkade is opgeheven');
    expect(unlocked.code).toBe(0);
    const after = await withDatabase(async (db) => ({
      throttle: await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM login_throttle`),
      audit: await queryRows<Record<string, unknown>>(db, sql`SELECT action, outcome, object_type, reason, details FROM audit_log ORDER BY sequence DESC LIMIT 1`),
    }));
    expect(after.throttle[0]!.n).toBe(0);
    expect(after.audit[0]).toMatchObject({ action: 'update', outcome: 'success', object_type: 'person', reason: 'login lockout lifted from the command line' });
    expect(JSON.stringify(after.audit)).not.toContain(email);
  }, 120_000);
});

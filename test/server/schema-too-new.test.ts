// SPDX-License-Identifier: EUPL-1.2
// The real start-up against a database that a newer version migrated (issue 12 item 7, ADR 0016):
// the process stops with the Dutch explanation and exit code 78, before writing anything.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { openDatabase, queryRows, type Database } from '../../src/server/platform/db/connection.js';
import { createServerTestDatabaseUrl, isServerRun, pgliteTemplate } from '../helpers/test-database.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const folder = mkdtempSync(path.join(os.tmpdir(), 'kansrijk-newer-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it('refuses to start on a database with a migration it does not know', async () => {
  let env: Record<string, string>;
  let open: () => Promise<Database>;
  if (isServerRun()) {
    const url = await createServerTestDatabaseUrl();
    env = { DATABASE_URL: url };
    open = () => openDatabase({ kind: 'postgres', url, poolSize: 1 });
  } else {
    const dataDir = path.join(folder, 'pglite');
    env = { DATA_DIR: folder };
    let first = true;
    open = () => openDatabase({ kind: 'pglite', dataDir, ...(first ? { loadDataDir: pgliteTemplate() } : {}) }).finally(() => (first = false));
  }
  const database = await open();
  await database.db.execute(sql`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('newer', 4102444800000)`);
  const before = await queryRows<{ count: number }>(database.db, sql`SELECT count(*)::int AS count FROM drizzle.__drizzle_migrations`);
  await database.close();

  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: REPO,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SEED_NATIONAL: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise((resolve) => child.on('exit', resolve));
  expect(code).toBe(78);
  expect(stderr).toContain('Kansrijk kon niet starten: de database is bijgewerkt door een nieuwere versie van Kansrijk.');
  expect(stderr).toContain('De database heeft 1 migratie die deze versie niet kent (de nieuwste van 2100-01-01)');
  expect(stdout).not.toContain('Kansrijk draait op');
  expect(stdout).not.toContain('Demo-accounts');

  // Nothing written: no demo data, the bookkeeping as it was.
  const after = await open();
  try {
    expect(await queryRows<{ count: number }>(after.db, sql`SELECT count(*)::int AS count FROM drizzle.__drizzle_migrations`)).toEqual(before);
    expect(await queryRows<{ count: number }>(after.db, sql`SELECT count(*)::int AS count FROM people`)).toEqual([{ count: 0 }]);
  } finally {
    await after.close();
  }
}, 120_000);

// SPDX-License-Identifier: EUPL-1.2
// Databases at an older schema, for upgrade tests: an empty database (PGlite, or a new database on the
// test server), and a copy of the shipped migrations folder that stops at a given migration.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { MIGRATIONS_FOLDER, openDatabase, type Database } from '../../src/server/platform/db/connection.js';
import { withDatabaseName } from './database-url.js';
import { isServerRun } from './test-database.js';

/** A database with nothing in it (not even migrations): PGlite in memory, or a new server database. */
export async function createEmptyDatabase(): Promise<Database> {
  if (!isServerRun()) return openDatabase({ kind: 'pglite', dataDir: undefined });
  const serverUrl = process.env.TEST_DATABASE_URL!;
  // Named like the per-file copies, so the run's teardown drops it too.
  const name = `${inject('postgresTemplateName')}_f${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return openDatabase({ kind: 'postgres', url: withDatabaseName(serverUrl, name), poolSize: 3 });
}

/** A migrations folder with the shipped migrations up to and including `lastTag`, as an older release shipped it. */
export function migrationsUpTo(lastTag: string): string {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const end = journal.entries.findIndex((entry) => entry.tag === lastTag);
  if (end < 0) throw new Error(`no migration ${lastTag}`);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'kansrijk-migrations-'));
  mkdirSync(path.join(folder, 'meta'));
  const entries = journal.entries.slice(0, end + 1);
  for (const entry of entries) copyFileSync(path.join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  return folder;
}

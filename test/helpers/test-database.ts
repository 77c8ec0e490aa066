// SPDX-License-Identifier: EUPL-1.2
// A fresh database for one test file: a copy of the run's template, on PGlite or on the server.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/server/platform/db/connection.js';
import { withDatabaseName } from './database-url.js';

/** True when the suite runs against the PostgreSQL server (TEST_DATABASE_URL) instead of PGlite. */
export function isServerRun(): boolean {
  return Boolean(process.env.TEST_DATABASE_URL && inject('postgresTemplateName'));
}

/** On the server: creates a copy of the template database and returns its URL. */
export async function createServerTestDatabaseUrl(): Promise<string> {
  const serverUrl = process.env.TEST_DATABASE_URL!;
  const templateName = inject('postgresTemplateName');
  const name = `${templateName}_f${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateName}`);
  } finally {
    await admin.end();
  }
  return withDatabaseName(serverUrl, name);
}

/** The PGlite template (migrated, reference data loaded) as a blob to start a database from. */
export function pgliteTemplate(): Blob {
  return new Blob([readFileSync(inject('pgliteTemplatePath'))]);
}

export async function createTestDatabase(): Promise<Database> {
  if (isServerRun()) return openDatabase({ kind: 'postgres', url: await createServerTestDatabaseUrl(), poolSize: 5 });
  return openDatabase({ kind: 'pglite', dataDir: undefined, loadDataDir: pgliteTemplate() });
}

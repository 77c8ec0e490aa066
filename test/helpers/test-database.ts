// SPDX-License-Identifier: EUPL-1.2
// A fresh database for one test file: a copy of the run's template, on PGlite or on the server.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/server/platform/db/connection.js';
import { withDatabaseName } from './database-url.js';

export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const templateName = inject('postgresTemplateName');
  if (serverUrl && templateName) {
    const name = `${templateName}_f${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateName}`);
    } finally {
      await admin.end();
    }
    return openDatabase({ kind: 'postgres', url: withDatabaseName(serverUrl, name), poolSize: 5 });
  }
  const template = readFileSync(inject('pgliteTemplatePath'));
  return openDatabase({ kind: 'pglite', dataDir: undefined, loadDataDir: new Blob([template]) });
}

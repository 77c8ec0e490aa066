// SPDX-License-Identifier: EUPL-1.2
// Once per test run: build a template database (migrated, reference data loaded) that every test
// file copies. PGlite: a dumped data directory. PostgreSQL (TEST_DATABASE_URL): a template database.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, pgliteClientOf } from '../../src/server/platform/db/connection.js';
import { prepareDatabase } from '../../src/server/platform/db/prepare-database.js';
import { DATA_FOLDER } from '../../src/server/app.js';
import { withDatabaseName } from './database-url.js';
import { writeSharedContract } from './shared-contract.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    postgresTemplateName: string;
    sharedContractFolder: string;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const templateName = `kansrijk_tpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${templateName}`);
    const database = await openDatabase({ kind: 'postgres', url: withDatabaseName(serverUrl, templateName), poolSize: 2 });
    await prepareDatabase(database, { dataFolder: DATA_FOLDER, seedDemo: false, now: new Date() });
    const contract = await writeSharedContract(database);
    await database.close();
    project.provide('sharedContractFolder', contract.folder);
    project.provide('postgresTemplateName', templateName);
    project.provide('pgliteTemplatePath', '');
    return async () => {
      // Drop every database this run made (the template and one per test file).
      const { rows } = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
        [templateName, `${templateName}_f%`],
      );
      for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
      await admin.end();
      contract.remove();
    };
  }
  const database = await openDatabase({ kind: 'pglite', dataDir: undefined });
  await prepareDatabase(database, { dataFolder: DATA_FOLDER, seedDemo: false, now: new Date() });
  const dump = await pgliteClientOf(database)!.dumpDataDir('none');
  const contract = await writeSharedContract(database);
  await database.close();
  project.provide('sharedContractFolder', contract.folder);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'kansrijk-test-'));
  const file = path.join(folder, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplatePath', file);
  project.provide('postgresTemplateName', '');
  return () => {
    rmSync(folder, { recursive: true, force: true });
    contract.remove();
  };
}

// SPDX-License-Identifier: EUPL-1.2
// Once per test run: build a template database (migrated, reference data loaded) that every test
// file copies. PGlite: a dumped data directory. PostgreSQL (TEST_DATABASE_URL): a template database.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, pgliteClientOf } from '../../src/server/platform/db/connection.js';
import { prepareDatabase } from '../../src/server/prepare-database.js';
import { DATA_FOLDER } from '../../src/server/app.js';
import { withDatabaseName } from './database-url.js';
import { writeSharedContract } from './shared-contract.js';
import { ensureWebBuild } from './web-build.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    postgresTemplateName: string;
    sharedContractFolder: string;
  }
}

interface Prepared {
  provided: { sharedContractFolder: string; postgresTemplateName: string; pgliteTemplatePath: string };
  teardown(): Promise<void>;
}

/** The template database and the response contract, made once for the whole run. */
async function prepare(): Promise<Prepared> {
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
    return {
      provided: { sharedContractFolder: contract.folder, postgresTemplateName: templateName, pgliteTemplatePath: '' },
      async teardown() {
        // Drop every database this run made (the template and one per test file).
        const { rows } = await admin.query<{ datname: string }>(
          `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
          [templateName, `${templateName}_f%`],
        );
        for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
        await admin.end();
        contract.remove();
      },
    };
  }
  const database = await openDatabase({ kind: 'pglite', dataDir: undefined });
  await prepareDatabase(database, { dataFolder: DATA_FOLDER, seedDemo: false, now: new Date() });
  const dump = await pgliteClientOf(database)!.dumpDataDir('none');
  const contract = await writeSharedContract(database);
  await database.close();
  const folder = mkdtempSync(path.join(os.tmpdir(), 'kansrijk-test-'));
  const file = path.join(folder, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return {
    provided: { sharedContractFolder: contract.folder, postgresTemplateName: '', pgliteTemplatePath: file },
    async teardown() {
      rmSync(folder, { recursive: true, force: true });
      contract.remove();
    },
  };
}

/**
 * Vitest runs the global set-up once per project (server, e2e), in one process: the second project
 * takes what the first made (held on globalThis, which both module instances share), and the last
 * one to finish removes it.
 */
const SHARED = Symbol.for('kansrijk.test.global-setup');
type Shared = { prepared: Promise<Prepared>; users: number };

export default async function setup(project: TestProject) {
  // Browser test files run side by side: the web app is built here, once, before any of them starts.
  if (project.name === 'e2e') ensureWebBuild();
  const holder = globalThis as { [SHARED]?: Shared };
  const shared = (holder[SHARED] ??= { prepared: prepare(), users: 0 });
  shared.users += 1;
  const prepared = await shared.prepared;
  project.provide('sharedContractFolder', prepared.provided.sharedContractFolder);
  project.provide('postgresTemplateName', prepared.provided.postgresTemplateName);
  project.provide('pgliteTemplatePath', prepared.provided.pgliteTemplatePath);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete holder[SHARED];
    await prepared.teardown();
  };
}

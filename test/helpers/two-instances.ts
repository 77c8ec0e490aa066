// SPDX-License-Identifier: EUPL-1.2
// Two app instances on one database, as behind a load balancer. On PostgreSQL each instance has its
// own connection pool (as two processes would); on PGlite, a single connection by nature, they share it.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase, type Database } from '../../src/server/platform/db/connection.js';
import { AdjustableClock } from '../../src/server/platform/clock.js';
import { seedDemo } from '../../src/server/demo/seed-demo.js';
import { createServerTestDatabaseUrl, isServerRun, pgliteTemplate } from './test-database.js';
import { enforceResponseContract } from './openapi-responses.js';
import { withDatabaseName } from './database-url.js';
import type { TestApp } from './test-app.js';

/** Two apps with the same configuration on one database (demo data seeded once). */
export async function createTwoInstances(env: Record<string, string> = {}): Promise<[TestApp, TestApp]> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  const clock = new AdjustableClock();
  let databases: [Database, Database];
  if (isServerRun()) {
    const url = await createServerTestDatabaseUrl();
    databases = [await openDatabase({ kind: 'postgres', url, poolSize: 3 }), await openDatabase({ kind: 'postgres', url, poolSize: 3 })];
  } else {
    const shared = await openDatabase({ kind: 'pglite', dataDir: undefined, loadDataDir: pgliteTemplate() });
    databases = [shared, shared];
  }
  const demo = await seedDemo(databases[0].db, clock.now());
  const instances = await Promise.all(
    databases.map(async (database): Promise<TestApp> => {
      const app = await buildApp({ config, database, clock, webRoot: '/nonexistent' });
      await app.ready();
      enforceResponseContract(app);
      return { app, database, config, clock, demo, close: () => app.close() };
    }),
  );
  const [first, second] = instances as [TestApp, TestApp];
  const closeDatabases = async () => {
    await first.app.close();
    await second.app.close();
    await databases[0].close();
    if (databases[1] !== databases[0]) await databases[1].close();
  };
  return [{ ...first, close: closeDatabases }, { ...second, close: closeDatabases }];
}

/**
 * An empty database of its own on the PostgreSQL server of this run (TEST_DATABASE_URL), dropped
 * by `drop`. Null on a PGlite run.
 */
export async function createEmptyServerDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!isServerRun() || !serverUrl) return null;
  const name = `kansrijk_state_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  return {
    url: withDatabaseName(serverUrl, name),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

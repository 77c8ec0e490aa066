// SPDX-License-Identifier: EUPL-1.2
// Start: configuration → database → migrations → reference data → demo seed → listen.
import path from 'node:path';
import { buildApp, DATA_FOLDER } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase, reportConnectionErrorToStderr, type Database } from './platform/db/connection.js';
import { loggableError } from './platform/errors.js';
import { prepareDatabase } from './prepare-database.js';
import { SchemaTooNewError } from './platform/db/migrations.js';
import { formatDemoAccounts, type DemoSeed } from './demo/seed-demo.js';
import { loadCheckpointSigner, scheduleAuditCheckpoints } from './platform/audit/checkpoints.js';
import { warmPublication } from './features/monitor/published-tables.js';

async function main() {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  // Before the database: without the checkpoint key the audit log cannot be made tamper-evident (ADR 0010).
  let signer;
  try {
    signer = loadCheckpointSigner(config.auditCheckpoints.keyFile, config.auditCheckpoints.mayGenerateKey);
  } catch (error) {
    console.error(`Kansrijk kon niet starten: de sleutel voor de auditlog-controlepunten ontbreekt of is ongeldig (AUDIT_CHECKPOINT_KEY_FILE). ${error instanceof Error ? error.message : ''}`);
    process.exit(78);
  }
  const preparation = { dataFolder: DATA_FOLDER, seedDemo: config.seedDemo, seedNational: config.seedNational, now: new Date() };
  // Until the app logs, a lost idle connection is reported on stderr (scrubbed); after that in the log.
  let reportConnectionError: (error: Error) => void = reportConnectionErrorToStderr;
  /** Migrations, reference data and seeds; a schema newer than this code (ADR 0016) stops the start, nothing written. */
  const prepare = async (target: Database) => {
    try {
      return await prepareDatabase(target, preparation);
    } catch (error) {
      if (error instanceof SchemaTooNewError) {
        console.error(error.message);
        await target.close();
        process.exit(78);
      }
      throw error;
    }
  };
  let database: Database;
  let demo: DemoSeed | null;
  if (config.databaseUrl) {
    // Start-up work (migrations, reference data, the demo seed) may run long statements: it gets a
    // pool without the request limits, closed before the serving pool opens.
    const preparing = await openDatabase({ kind: 'postgres', url: config.databaseUrl, poolSize: config.databasePool.max });
    try {
      ({ demo } = await prepare(preparing));
    } finally {
      await preparing.close();
    }
    database = await openDatabase({
      kind: 'postgres',
      url: config.databaseUrl,
      poolSize: config.databasePool.max,
      limits: config.databasePool,
      onConnectionError: (error) => reportConnectionError(error),
    });
  } else {
    database = await openDatabase({ kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') });
    ({ demo } = await prepare(database));
  }
  const app = await buildApp({ config, database });
  reportConnectionError = (error) => app.log.warn({ err: loggableError(error) }, 'database connection lost while idle');
  // Signed checkpoints of the audit chain: at start, every N rows or M minutes, and at shutdown.
  const checkpoints = scheduleAuditCheckpoints(database.db, signer, config.auditCheckpoints, () => new Date(), (error) =>
    app.log.error({ err: { type: (error as Error)?.name, message: (error as Error)?.message } }, 'audit checkpoint failed'),
  );

  let isShuttingDown = false;
  const shutdown = async (signal: string) => {
    if (isShuttingDown) return;
    isShuttingDown = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    // Bounded: whatever hangs below (a query waiting for a lock, a database that does not answer),
    // the process ends shortly after the grace period.
    setTimeout(() => {
      console.error('Kansrijk stopt geforceerd: afsluiten duurde langer dan SHUTDOWN_GRACE_MS plus 5 seconden.');
      process.exit(1);
    }, config.shutdownGraceMs + 5_000).unref();
    try {
      // Stop accepting connections, let what is in flight finish (at most the grace period), then
      // close every connection (idle keep-alive ones and those of requests that did not finish).
      const closing = app.close();
      const isDrained = await app.waitForRequestsInFlight(config.shutdownGraceMs);
      if (!isDrained) app.log.warn({ graceMs: config.shutdownGraceMs }, 'shutting down: closing connections of requests still in flight');
      app.server.closeAllConnections();
      await closing;
      await checkpoints.stop();
    } finally {
      // A query of a request that did not finish may still wait for a lock: do not wait for it long.
      await Promise.race([database.close(), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL-server' : `ingebedde database in ${path.resolve(config.dataDir)}`;
  console.log(`\nKansrijk draait op ${config.publicUrl} (${where}).`);
  if (demo) console.log(`\n${formatDemoAccounts(demo.accounts, { withSecrets: config.mayPrintSecrets })}\n`);
  // The monitor decides its whole publication once per data version (disclosure control over every
  // table at once): start now, in between requests, rather than on the first visitor's page.
  warmPublication(database.db).then(
    ({ audit }) => app.log.info({ cells: audit.cells, hidden: audit.hidden, seconds: Math.round(audit.protectSeconds + audit.auditSeconds) }, 'monitor publication ready'),
    (error: unknown) => app.log.error({ err: { type: (error as Error)?.name } }, 'monitor publication failed'),
  );
}

main().catch((error) => {
  console.error('Kansrijk kon niet starten:', error instanceof Error ? error.message : error);
  process.exit(1);
});

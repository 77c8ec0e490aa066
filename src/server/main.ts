// SPDX-License-Identifier: EUPL-1.2
// Start: configuration → database → migrations → reference data → demo seed → listen.
import path from 'node:path';
import { buildApp, DATA_FOLDER } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './platform/db/connection.js';
import { prepareDatabase } from './platform/db/prepare-database.js';
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
  const database = await openDatabase(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl }
      : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') },
  );
  let demo: DemoSeed | null;
  try {
    ({ demo } = await prepareDatabase(database, {
      dataFolder: DATA_FOLDER,
      seedDemo: config.seedDemo,
      seedNational: config.seedNational,
      now: new Date(),
    }));
  } catch (error) {
    // A schema newer than this code (ADR 0016): the wrong version is deployed, nothing was written.
    if (error instanceof SchemaTooNewError) {
      console.error(error.message);
      await database.close();
      process.exit(78);
    }
    throw error;
  }
  const app = await buildApp({ config, database });
  // Signed checkpoints of the audit chain: at start, every N rows or M minutes, and at shutdown.
  const checkpoints = scheduleAuditCheckpoints(database.db, signer, config.auditCheckpoints, () => new Date(), (error) =>
    app.log.error({ err: { type: (error as Error)?.name, message: (error as Error)?.message } }, 'audit checkpoint failed'),
  );

  let isShuttingDown = false;
  const shutdown = async (signal: string) => {
    if (isShuttingDown) return;
    isShuttingDown = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    try {
      // Stop accepting connections, let what is in flight finish (at most 10 s), then close the database.
      const closing = app.close();
      await app.waitForRequestsInFlight(10_000);
      // Keep-alive connections that served those requests are idle now: close them too.
      app.server.closeIdleConnections();
      await closing;
      await checkpoints.stop();
    } finally {
      await database.close();
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

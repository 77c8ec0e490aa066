// SPDX-License-Identifier: EUPL-1.2
// `npm run db:migrate` (in the container: `node build/server/cli/migrate.js`): prepare the database
// and exit — migrations under their advisory lock, reference data and the shipped instruments, never
// demo data. The Kubernetes Job runs this before a rollout, so new pods find the schema ready; the
// server runs the same steps at start (a no-op then), so a trial without the Job works too.
import { DATA_FOLDER } from '../app.js';
import { loadConfigOrExit, openConfiguredDatabase } from './cli-support.js';
import { prepareDatabase } from '../prepare-database.js';

const config = loadConfigOrExit();
const started = Date.now();
const database = await openConfiguredDatabase(config);
try {
  await prepareDatabase(database, { dataFolder: DATA_FOLDER, seedDemo: false, seedNational: false, now: new Date() });
  console.log(`Database bijgewerkt: migraties en referentiegegevens staan klaar (${((Date.now() - started) / 1000).toFixed(1)} s).`);
} catch (error) {
  console.error(`Database bijwerken mislukt: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close().catch(() => undefined);
}

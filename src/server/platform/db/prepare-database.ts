// SPDX-License-Identifier: EUPL-1.2
// Everything start-up does to a database before serving: migrations, reference data, demo seed.
import type { Database } from './connection.js';
import { loadReferenceData } from '../../features/reference/load-reference-data.js';
import { isEmptyDatabase, seedDemo, type DemoSeed } from '../../demo/seed-demo.js';

export async function prepareDatabase(
  database: Database,
  options: { dataFolder: string; seedDemo: boolean; now: Date },
): Promise<{ demo: DemoSeed | null }> {
  await database.migrate();
  await loadReferenceData(database.db, options.dataFolder);
  const shouldSeed = options.seedDemo && (await isEmptyDatabase(database.db));
  return { demo: shouldSeed ? await seedDemo(database.db, options.now) : null };
}

// SPDX-License-Identifier: EUPL-1.2
// Everything start-up does to a database before serving: migrations, reference data, demo seed.
import type { Database, Executor } from './platform/db/connection.js';
import { loadReferenceData } from './features/reference/load-reference-data.js';
import { isEmptyDatabase, seedDemo, type DemoSeed } from './demo/seed-demo.js';
import { seedChainDemo } from './demo/seed-chain-demo.js';
import { seedChildrenDemo } from './demo/seed-children-demo.js';
import { loadShippedInstruments } from './features/screening/instruments/load-shipped-instruments.js';
import { seedDemoPathways } from './features/pathways/seed-demo-pathways.js';
import { fillFamilyNameKeys } from './features/families/fill-family-name-keys.js';
import { NATIONAL_YEARS, seedNationalRegister } from './features/monitor/register/seed-national-register.js';

type PrepareOptions = { dataFolder: string; seedDemo: boolean; now: Date; seedNational?: boolean };

/**
 * All of it under the start-up lock: two instances started together on an empty database would
 * otherwise both find the reference tables empty and one would stop on a duplicate key.
 */
export function prepareDatabase(database: Database, options: PrepareOptions): Promise<{ demo: DemoSeed | null }> {
  return database.withStartupLock(() => prepareLocked(database, options));
}

async function prepareLocked(database: Database, options: PrepareOptions): Promise<{ demo: DemoSeed | null }> {
  // Refuses a database migrated by newer code; repairs derived columns in the migration's transaction (ADR 0016).
  await database.migrate({ afterMigrations: repairDerivedColumns });
  await loadReferenceData(database.db, options.dataFolder);
  // The screening instruments Kansrijk ships, like reference data (a version already there stays).
  await loadShippedInstruments(database.db);
  // A demo database gets the demo care pathways, also when it was made before they existed.
  if (options.seedDemo) await seedDemoPathways(database.db);
  const shouldSeed = options.seedDemo && (await isEmptyDatabase(database.db));
  if (!shouldSeed) return { demo: null };
  const demo = await seedDemo(database.db, options.now);
  // Demo clients in the chain (made through the use-cases, so consent rules and the audit log apply).
  await seedChainDemo(database.db, demo, options.now);
  // Demo children after birth: one with both parents holding authority, one closed (issue 15 item 5).
  await seedChildrenDemo(database.db, demo, options.now);
  if (options.seedNational === false) return { demo };
  // The monitor of a new demo database shows the synthetic national register (all municipalities,
  // 2019–2024, ≈ 1 million births): ≈ 30 s on PostgreSQL, ≈ 50 s on PGlite, once.
  console.log('Demo: synthetische landelijke geboorteregistratie aanmaken (eenmalig, ongeveer een minuut)…');
  const national = await seedNationalRegister(database.db, { years: NATIONAL_YEARS, dataFolder: options.dataFolder });
  console.log(
    `Demo: ${national.generated} synthetische geboorten in ${(national.generateMs / 1000).toFixed(1)} s, ` +
      `${national.countRows} tellingen in ${(national.recomputeMs / 1000).toFixed(1)} s.`,
  );
  return { demo };
}

/** Columns computed by application code (not SQL), filled where missing: at every start, under the lock. */
async function repairDerivedColumns(tx: Executor): Promise<void> {
  const filled = await fillFamilyNameKeys(tx);
  if (filled > 0) console.log(`Database: zoeksleutel van ${filled} achternamen bijgewerkt.`);
}

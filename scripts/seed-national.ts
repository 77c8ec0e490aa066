// SPDX-License-Identifier: EUPL-1.2
// `npm run seed:national [-- --years 2019-2024 --scale 1]`: fills the birth register with the
// deterministic synthetic national data set (all 342 municipalities), recomputes the monitor's
// counts and prints the national figures it produced. Idempotent: a second run adds nothing.
// `--replace` deletes the synthetic rows first and generates them anew (after a change to the
// generator or the birth-weight reference, ADR 0012); rows recorded through the chain stay.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/platform/db/connection.js';
import { prepareDatabase } from '../src/server/prepare-database.js';
import { DATA_FOLDER } from '../src/server/app.js';
import { seedNationalRegister, nationalSummary, parseYearRange } from '../src/server/features/monitor/register/seed-national-register.js';

const { values } = parseArgs({
  options: { years: { type: 'string', default: '2019-2024' }, scale: { type: 'string', default: '1' }, replace: { type: 'boolean', default: false } },
});
const years = parseYearRange(values.years!);
const scale = Number(values.scale);
if (!Number.isInteger(scale) || scale < 1 || scale > 16) throw new Error(`--scale must be an integer from 1 to 16, got ${values.scale}`);

const config = loadConfig(process.env);
const database = await openDatabase(
  config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl, poolSize: 2 } : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') },
);
try {
  console.log(`Database: ${database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${path.join(config.dataDir, 'pglite')}`}`);
  await prepareDatabase(database, { dataFolder: DATA_FOLDER, seedDemo: false, now: new Date() });
  const result = await seedNationalRegister(database.db, {
    years,
    scale,
    replace: values.replace,
    dataFolder: DATA_FOLDER,
    onProgress: ({ generated, expected }) => process.stdout.write(`\r  geboorten: ${generated.toLocaleString('nl-NL')} / ${expected.toLocaleString('nl-NL')}`),
  });
  process.stdout.write('\n');
  console.log(
    `Gegenereerd ${result.generated.toLocaleString('nl-NL')} geboorten (${result.inserted.toLocaleString('nl-NL')} nieuw) in ${(result.generateMs / 1000).toFixed(1)} s; ` +
      `${result.countRows.toLocaleString('nl-NL')} tellingen herberekend in ${(result.recomputeMs / 1000).toFixed(1)} s.`,
  );
  console.log('Landelijke uitkomsten (synthetisch):');
  for (const line of await nationalSummary(database.db)) console.log(`  ${line}`);
} finally {
  await database.close();
}

// SPDX-License-Identifier: EUPL-1.2
// `npm run monitor:audit`: decides the monitor's whole publication as the server does (every
// indicator, level, split, year and pooled period), then attacks it with the audit: per indicator,
// the cells, how many are suppressed and the narrowest interval to which the attacker can bound a
// suppressed count. Exit 1 when the audit refuses the publication.
import path from 'node:path';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/platform/db/connection.js';
import { INDICATORS } from '../src/server/features/monitor/definitions/indicators.js';
import { computeFor, loadContext } from '../src/server/features/monitor/published-tables.js';
import { PublicationRefused } from '../src/server/features/monitor/publication.js';

const config = loadConfig(process.env);
const database = await openDatabase(
  config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl, poolSize: 1 } : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') },
);
try {
  const context = await loadContext(database.db, INDICATORS);
  const years = [...context.years.values()].flat();
  if (years.length === 0) {
    console.log('Geen tellingen: er is niets te publiceren.');
  } else {
    const started = performance.now();
    const { audit } = await computeFor(database.db, context);
    const seconds = (performance.now() - started) / 1000;
    console.log('indicator                  cellen  onderdrukt  smalste interval');
    for (const row of audit.indicators) {
      console.log(`${row.indicatorKey.padEnd(24)} ${String(row.cells).padStart(8)} ${String(row.hidden).padStart(11)}  ${row.narrowestInterval === null ? '–' : `${row.narrowestInterval} personen`}`);
    }
    console.log(
      `Totaal: ${audit.cells} cellen, ${audit.hidden} onderdrukt (${audit.primary} klein, ${audit.secondary} ter bescherming; ${audit.rounds} ronden). ` +
        `Bescherming ${audit.protectSeconds.toFixed(1)} s, audit ${audit.auditSeconds.toFixed(1)} s (${audit.linearPrograms} lineaire programma's), alles ${seconds.toFixed(1)} s.`,
    );
    console.log('Audit geslaagd: geen onderdrukt aantal is tot een interval smaller dan 10 te herleiden.');
  }
} catch (error) {
  if (!(error instanceof PublicationRefused)) throw error;
  console.error(`Audit NIET geslaagd: ${error.message}. De monitor publiceert deze cijfers niet.`);
  process.exitCode = 1;
} finally {
  await database.close();
}

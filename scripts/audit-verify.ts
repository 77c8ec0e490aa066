// SPDX-License-Identifier: EUPL-1.2
// `npm run audit:verify`: recompute the audit log's hash chain; exit 1 on any gap or altered row.
import path from 'node:path';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/platform/db/connection.js';
import { verifyAuditChain } from '../src/server/platform/audit/audit-log.js';

const config = loadConfig(process.env);
const database = await openDatabase(
  config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl, poolSize: 1 }
    : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') },
);
try {
  const result = await verifyAuditChain(database.db);
  if (result.isValid) {
    console.log(`Auditlog in orde: ${result.rowCount} regels, keten ongeschonden.`);
  } else {
    console.error(`Auditlog NIET in orde (${result.problems.length} problemen in ${result.rowCount} regels):`);
    for (const problem of result.problems.slice(0, 50)) console.error(`- ${problem}`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}

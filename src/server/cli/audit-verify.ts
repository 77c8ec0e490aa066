// SPDX-License-Identifier: EUPL-1.2
// `npm run audit:verify` (in the container: `node build/server/cli/audit-verify.js`): recompute the
// audit log's hash chain and check every signed checkpoint (from the database and from the checkpoint
// file outside it); exit 1 on a gap, an altered row, rows removed back to before a checkpoint, or a
// rewritten chain. See ADR 0003 and 0010. Compiled with the server, so a production install has it.
import { existsSync } from 'node:fs';
import { loadConfigOrExit, openConfiguredDatabase } from './cli-support.js';
import { verifyAuditChain } from '../platform/audit/audit-log.js';
import { loadVerificationKey, verifyAuditCheckpoints } from '../platform/audit/checkpoints.js';

const config = loadConfigOrExit();
const { keyFile, file } = config.auditCheckpoints;
// An auditor may hold only the public key: AUDIT_CHECKPOINT_KEY_FILE may point to either PEM.
const publicKey = existsSync(keyFile) ? loadVerificationKey(keyFile) : null;
const database = await openConfiguredDatabase(config);
try {
  const chain = await verifyAuditChain(database.db);
  const checkpoints = await verifyAuditCheckpoints(database.db, publicKey, file);
  const problems = [...chain.problems, ...checkpoints.problems];
  if (problems.length === 0) {
    const uncovered = chain.rowCount - checkpoints.coveredRows;
    console.log(
      `Auditlog in orde: ${chain.rowCount} regels, keten ongeschonden; ${checkpoints.checkpointCount} ondertekende controlepunten kloppen` +
        (uncovered > 0 ? ` (de nieuwste ${uncovered} regels vallen nog onder geen controlepunt).` : '.'),
    );
  } else {
    console.error(`Auditlog NIET in orde (${problems.length} problemen in ${chain.rowCount} regels):`);
    for (const problem of problems.slice(0, 50)) console.error(`- ${problem}`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}

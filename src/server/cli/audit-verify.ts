// SPDX-License-Identifier: EUPL-1.2
// `npm run audit:verify` (in the container: `node build/server/cli/audit-verify.js`): verify the audit
// log — the chain from before sealing row by row, then every sealed batch (row hashes, count, digest,
// link; in SQL, batches in parallel), then the unsealed rows (none may be older than the window) — and
// check every signed checkpoint (from the database and from the checkpoint file outside it); exit 1 on
// any problem. `--from-batch=N` verifies incrementally: the batches from N on (use the batch a signed
// checkpoint vouched for in the previous run). See ADR 0003, 0010 and 0019. Read-only: it never seals.
import { existsSync } from 'node:fs';
import { loadConfigOrExit, openConfiguredDatabase } from './cli-support.js';
import { verifyAuditChain } from '../platform/audit/audit-log.js';
import { loadVerificationKey, verifyAuditCheckpoints } from '../platform/audit/checkpoints.js';

const fromBatchArgument = process.argv.find((argument) => argument.startsWith('--from-batch='));
const fromBatch = fromBatchArgument ? Number(fromBatchArgument.slice('--from-batch='.length)) : 0;
if (!Number.isSafeInteger(fromBatch) || fromBatch < 0) {
  console.error('Gebruik: audit:verify [--from-batch=N]');
  process.exit(64);
}
const config = loadConfigOrExit();
const { keyFile, file } = config.auditCheckpoints;
// An auditor may hold only the public key: AUDIT_CHECKPOINT_KEY_FILE may point to either PEM.
const publicKey = existsSync(keyFile) ? loadVerificationKey(keyFile) : null;
const database = await openConfiguredDatabase(config);
try {
  const started = performance.now();
  const chain = await verifyAuditChain(database.db, { fromBatch });
  const checkpoints = await verifyAuditCheckpoints(database.db, publicKey, file);
  const seconds = (performance.now() - started) / 1000;
  const problems = [...chain.problems, ...checkpoints.problems];
  const scope = fromBatch > 0 ? `vanaf batch ${fromBatch}: ` : '';
  if (problems.length === 0) {
    const newest = chain.lastBatch?.batch ?? 0;
    const uncovered = checkpoints.coveredBatch < newest ? ` (batch ${checkpoints.coveredBatch + 1} tot en met ${newest} vallen nog onder geen controlepunt)` : '';
    console.log(
      `Auditlog in orde: ${scope}${chain.rowCount} regels in ${chain.batchCount} batches, keten ongeschonden` +
        (chain.unsealedRows > 0 ? `, ${chain.unsealedRows} recente regels nog niet verzegeld` : '') +
        `; ${checkpoints.checkpointCount} ondertekende controlepunten kloppen${uncovered}. ` +
        `Nieuwste batch: ${newest}${checkpoints.coveredBatch >= 0 ? `; ondertekend tot en met batch ${checkpoints.coveredBatch} (volgende keer: --from-batch=${checkpoints.coveredBatch})` : ''}. ` +
        `${seconds.toFixed(1)} s.`,
    );
  } else {
    console.error(`Auditlog NIET in orde (${problems.length} problemen in ${scope}${chain.rowCount} regels):`);
    for (const problem of problems.slice(0, 50)) console.error(`- ${problem}`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}

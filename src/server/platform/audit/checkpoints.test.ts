// SPDX-License-Identifier: EUPL-1.2
// Signed checkpoints against the two attacks the batch chain alone misses, on a real database:
// the newest batches removed (truncation) and a row altered with every later digest recomputed (rewriting).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sign } from 'node:crypto';
import { asc, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, queryRows, type Database } from '../db/connection.js';
import { createTestDatabase } from '../../../../test/helpers/test-database.js';
import { createEmptyDatabase, migrationsUpTo } from '../../../../test/helpers/older-schema.js';
import { appendAuditEventAlone, batchDigestOf, chainFieldsOf, GENESIS_HASH, hashAuditRow, rowHashSql, verifyAuditChain } from './audit-log.js';
import { loadCheckpointSigner, scheduleAuditCheckpoints, verifyAuditCheckpoints, writeAuditCheckpoint, type CheckpointSigner } from './checkpoints.js';
import { sealSettled } from '../../../../test/helpers/audit-sealing.js';
import { auditBatches } from './schema.js';

const folder = mkdtempSync(path.join(os.tmpdir(), 'kansrijk-checkpoints-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const signer = loadCheckpointSigner(path.join(folder, 'key.pem'), true);
const NOW = new Date(Date.UTC(2026, 11, 6, 12, 0, 0));
let fileNumber = 0;

async function appendRows(database: Database, count: number) {
  for (let index = 0; index < count; index += 1) {
    await appendAuditEventAlone(database.db, { action: 'read', outcome: 'success', objectType: 'family', objectId: String(index) }, NOW);
  }
  await sealSettled(database.db);
}

/** A database with 10 rows in batch 1, a checkpoint of batch 1 (in the table and the file), then 5 more rows in batch 2. */
async function checkpointedLog(): Promise<{ database: Database; file: string }> {
  const database = await createTestDatabase();
  const file = path.join(folder, `checkpoints-${(fileNumber += 1)}.jsonl`);
  await appendRows(database, 10);
  expect(await writeAuditCheckpoint(database.db, signer, file, NOW)).toMatchObject({ batch: 1 });
  await appendRows(database, 5);
  return { database, file };
}

/** As an attacker with database access would: with the append-only triggers out of the way. */
async function tamper(database: Database, statement: ReturnType<typeof sql>) {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await tx.execute(statement);
  });
}

/** Alters one row of batch 1 with its hash recomputed, and recomputes every digest from batch 1 on, so the batch chain verifies again. */
async function rewriteBatchOne(database: Database) {
  await tamper(database, sql`UPDATE audit_log SET outcome = 'denied' WHERE sequence = (SELECT min(sequence) FROM audit_log)`);
  await tamper(database, sql`UPDATE audit_log SET hash = ${rowHashSql('audit_log')} WHERE sequence = (SELECT min(sequence) FROM audit_log)`);
  const batches = await database.db.select().from(auditBatches).orderBy(asc(auditBatches.batch));
  let previousDigest = batches[0]!.digest;
  for (const batch of batches.slice(1)) {
    const hashes = await queryRows<{ hash: string }>(
      database.db,
      sql`SELECT hash FROM audit_log WHERE xid >= ${batch.fromXid}::xid8 AND xid < ${batch.toXid}::xid8 ORDER BY xid, sequence`,
    );
    const digest = batchDigestOf(previousDigest, hashes.map((row) => row.hash));
    await tamper(database, sql`UPDATE audit_batches SET digest = ${digest}, previous_digest = ${previousDigest} WHERE batch = ${batch.batch}`);
    previousDigest = digest;
  }
}

describe('signed audit checkpoints', () => {
  it('verify passes on an untouched log, and reports how far the checkpoints reach', async () => {
    const { database, file } = await checkpointedLog();
    try {
      expect(await verifyAuditCheckpoints(database.db, signer.publicKey, file)).toEqual({ isValid: true, checkpointCount: 1, coveredRows: 0, coveredBatch: 1, problems: [] });
      // Nothing new: no second checkpoint for the same batch.
      await writeAuditCheckpoint(database.db, signer, file, NOW);
      expect(await writeAuditCheckpoint(database.db, signer, file, NOW)).toBeNull();
      expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
      expect(await verifyAuditCheckpoints(database.db, signer.publicKey, file)).toMatchObject({ isValid: true, checkpointCount: 2, coveredBatch: 2 });
    } finally {
      await database.close();
    }
  });

  it('signs nothing while no row is sealed', async () => {
    const database = await createTestDatabase();
    try {
      expect(await writeAuditCheckpoint(database.db, signer, path.join(folder, 'empty.jsonl'), NOW)).toBeNull();
    } finally {
      await database.close();
    }
  });

  it('detects truncation: the newest batches and their rows removed (the batch chain alone does not)', async () => {
    const { database, file } = await checkpointedLog();
    try {
      await tamper(database, sql`DELETE FROM audit_log`);
      await tamper(database, sql`DELETE FROM audit_batches WHERE batch > 0`);
      expect(await verifyAuditChain(database.db)).toMatchObject({ isValid: true, rowCount: 0 });
      const verification = await verifyAuditCheckpoints(database.db, signer.publicKey, file);
      expect(verification.isValid).toBe(false);
      expect(verification.problems).toEqual(['checkpoint of batch 1: the batch is missing (removed)']);

      // Removing the checkpoints from the database as well does not help: the file still has them.
      await tamper(database, sql`DELETE FROM audit_batch_checkpoints`);
      expect((await verifyAuditCheckpoints(database.db, signer.publicKey, file)).problems).toEqual([
        'checkpoint of batch 1: in the file but missing from the database (removed)',
        'checkpoint of batch 1: the batch is missing (removed)',
      ]);
    } finally {
      await database.close();
    }
  });

  it('detects rewriting: a row altered and every later digest recomputed (the batch chain alone does not)', async () => {
    const { database, file } = await checkpointedLog();
    try {
      await rewriteBatchOne(database);
      expect(await verifyAuditChain(database.db)).toMatchObject({ isValid: true, rowCount: 15 });
      const verification = await verifyAuditCheckpoints(database.db, signer.publicKey, file);
      expect(verification.problems).toEqual(["checkpoint of batch 1: the batch's digest is not the signed digest (rewritten)"]);
    } finally {
      await database.close();
    }
  });

  it('refuses a checkpoint re-signed with another key, and one removed from the file', async () => {
    const { database, file } = await checkpointedLog();
    try {
      await rewriteBatchOne(database);
      // The attacker signs the rewritten batch with a key of their own, in the database and in the file.
      const forger: CheckpointSigner = loadCheckpointSigner(path.join(folder, `forger-${fileNumber}.pem`), true);
      await tamper(database, sql`DELETE FROM audit_batch_checkpoints`);
      writeFileSync(file, '');
      await writeAuditCheckpoint(database.db, forger, file, NOW);
      const verification = await verifyAuditCheckpoints(database.db, signer.publicKey, file);
      expect(verification.problems).toEqual(['checkpoint of batch 2: signature does not verify (forged or another key)']);
    } finally {
      await database.close();
    }
    const other = await checkpointedLog();
    try {
      writeFileSync(other.file, '');
      expect((await verifyAuditCheckpoints(other.database.db, signer.publicKey, other.file)).problems).toEqual([
        'checkpoint of batch 1: in the database but not in the checkpoint file',
      ]);
    } finally {
      await other.database.close();
    }
  });

  it('the schedule signs the newest batch at start and again at stop', async () => {
    const database = await createTestDatabase();
    const file = path.join(folder, 'scheduled.jsonl');
    try {
      await appendRows(database, 3);
      const schedule = scheduleAuditCheckpoints(database.db, signer, { file, everyRows: 1000, everyMinutes: 60 }, () => NOW, (error) => {
        throw error;
      });
      await schedule.started;
      await appendRows(database, 2);
      await schedule.stop();
      const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { batch: number });
      expect(lines.map((line) => line.batch)).toEqual([1, 2]);
      expect(await verifyAuditCheckpoints(database.db, signer.publicKey, file)).toMatchObject({ isValid: true, coveredBatch: 2 });
    } finally {
      await database.close();
    }
  });
});

describe('signed checkpoints of the chain from before sealing (ADR 0010)', () => {
  it('are still verified: the row they name must carry the signed head hash', async () => {
    const database = await createEmptyDatabase();
    const file = path.join(folder, 'legacy.jsonl');
    try {
      await database.migrate({ migrationsFolder: migrationsUpTo('0032_child_closures') });
      let previousHash = GENESIS_HASH;
      for (let sequence = 1; sequence <= 3; sequence += 1) {
        const fields = chainFieldsOf({ action: 'read', outcome: 'success' }, sequence, NOW, previousHash);
        const hash = hashAuditRow(fields);
        await database.db.execute(sql`INSERT INTO audit_log (sequence, occurred_at, action, outcome, previous_hash, hash)
          VALUES (${sequence}, ${NOW.toISOString()}::timestamptz, 'read', 'success', ${previousHash}, ${hash})`);
        previousHash = hash;
      }
      // As the release before ADR 0019 signed it: v1 over (sequence, head hash).
      const unsigned = { sequence: 3, headHash: previousHash, signedAt: NOW.toISOString(), keyId: signer.keyId };
      const message = Buffer.from(['kansrijk-audit-checkpoint/v1', unsigned.sequence, unsigned.headHash, unsigned.signedAt, unsigned.keyId].join('\n'));
      const checkpoint = { ...unsigned, signature: sign(null, message, signer.privateKey).toString('base64') };
      await database.db.execute(sql`INSERT INTO audit_checkpoints (sequence, head_hash, signed_at, key_id, signature)
        VALUES (3, ${checkpoint.headHash}, ${checkpoint.signedAt}::timestamptz, ${checkpoint.keyId}, ${checkpoint.signature})`);
      writeFileSync(file, `${JSON.stringify(checkpoint)}\n`);
      await database.migrate({ migrationsFolder: MIGRATIONS_FOLDER });
      await appendRows(database, 2);
      await writeAuditCheckpoint(database.db, signer, file, NOW);
      expect(await verifyAuditCheckpoints(database.db, signer.publicKey, file)).toEqual({ isValid: true, checkpointCount: 2, coveredRows: 3, coveredBatch: 1, problems: [] });
      await tamper(database, sql`UPDATE audit_log SET hash = ${'e'.repeat(64)} WHERE sequence = 3`);
      expect((await verifyAuditCheckpoints(database.db, signer.publicKey, file)).problems).toEqual([
        "checkpoint at row 3: the chain's hash at that row is not the signed head hash (rewritten)",
      ]);
    } finally {
      await database.close();
    }
  }, 60_000);
});

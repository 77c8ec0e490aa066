// SPDX-License-Identifier: EUPL-1.2
// Signed checkpoints against the two attacks the hash chain alone misses, on a real database:
// the newest rows removed (truncation) and a row altered with every later hash recomputed (rewriting).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, gte, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.js';
import { createTestDatabase } from '../../../../test/helpers/test-database.js';
import { appendAuditEventAlone, hashAuditRow, verifyAuditChain } from './audit-log.js';
import { loadCheckpointSigner, scheduleAuditCheckpoints, verifyAuditCheckpoints, writeAuditCheckpoint, type CheckpointSigner } from './checkpoints.js';
import { auditLog } from './schema.js';

const folder = mkdtempSync(path.join(os.tmpdir(), 'kansrijk-checkpoints-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const signer = loadCheckpointSigner(path.join(folder, 'key.pem'), true);
const NOW = new Date(Date.UTC(2026, 11, 6, 12, 0, 0));
let fileNumber = 0;

async function appendRows(database: Database, count: number) {
  for (let index = 0; index < count; index += 1) {
    await appendAuditEventAlone(database.db, { action: 'read', outcome: 'success', objectType: 'family', objectId: String(index) }, NOW);
  }
}

/** A database with 10 rows, a checkpoint at row 10 (in the table and the file), then 5 more rows. */
async function checkpointedLog(): Promise<{ database: Database; file: string }> {
  const database = await createTestDatabase();
  const file = path.join(folder, `checkpoints-${(fileNumber += 1)}.jsonl`);
  await appendRows(database, 10);
  expect(await writeAuditCheckpoint(database.db, signer, file, NOW)).toMatchObject({ sequence: 10 });
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

/** Alters one row and recomputes its hash and every later one, so the chain verifies again. */
async function rewriteFrom(database: Database, sequence: number) {
  const rows = await database.db.select().from(auditLog).where(gte(auditLog.sequence, sequence)).orderBy(asc(auditLog.sequence));
  let previousHash = rows[0]!.previousHash;
  for (const [index, row] of rows.entries()) {
    const { hash: _old, ...fields } = row;
    const changed = { ...fields, previousHash, outcome: index === 0 ? 'denied' : fields.outcome };
    const hash = hashAuditRow(changed as Parameters<typeof hashAuditRow>[0]);
    await tamper(database, sql`UPDATE audit_log SET outcome = ${changed.outcome}, previous_hash = ${previousHash}, hash = ${hash} WHERE sequence = ${row.sequence}`);
    previousHash = hash;
  }
}

describe('signed audit checkpoints', () => {
  it('verify passes on an untouched log, and reports how far the checkpoints reach', async () => {
    const { database, file } = await checkpointedLog();
    try {
      expect(await verifyAuditCheckpoints(database.db, signer.publicKey, file)).toEqual({ isValid: true, checkpointCount: 1, coveredRows: 10, problems: [] });
      // Nothing new: no second checkpoint for the same head.
      await writeAuditCheckpoint(database.db, signer, file, NOW);
      expect(await writeAuditCheckpoint(database.db, signer, file, NOW)).toBeNull();
      expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
      expect(await verifyAuditCheckpoints(database.db, signer.publicKey, file)).toMatchObject({ isValid: true, checkpointCount: 2, coveredRows: 15 });
    } finally {
      await database.close();
    }
  });

  it('detects truncation: the newest rows removed back to before the latest checkpoint (the chain alone does not)', async () => {
    const { database, file } = await checkpointedLog();
    try {
      await tamper(database, sql`DELETE FROM audit_log WHERE sequence > 7`);
      expect(await verifyAuditChain(database.db)).toMatchObject({ isValid: true, rowCount: 7 });
      const verification = await verifyAuditCheckpoints(database.db, signer.publicKey, file);
      expect(verification.isValid).toBe(false);
      expect(verification.problems).toEqual(['checkpoint at row 10: the log has only 7 rows (truncated: rows removed)']);

      // Removing the checkpoints from the database as well does not help: the file still has them.
      await tamper(database, sql`DELETE FROM audit_checkpoints`);
      expect((await verifyAuditCheckpoints(database.db, signer.publicKey, file)).problems).toEqual([
        'checkpoint at row 10: in the file but missing from the database (removed)',
        'checkpoint at row 10: the log has only 7 rows (truncated: rows removed)',
      ]);
    } finally {
      await database.close();
    }
  });

  it('detects rewriting: a row altered and every later hash recomputed (the chain alone does not)', async () => {
    const { database, file } = await checkpointedLog();
    try {
      await rewriteFrom(database, 3);
      expect(await verifyAuditChain(database.db)).toMatchObject({ isValid: true, rowCount: 15 });
      const verification = await verifyAuditCheckpoints(database.db, signer.publicKey, file);
      expect(verification.problems).toEqual(["checkpoint at row 10: the chain's hash at that row is not the signed head hash (rewritten)"]);
    } finally {
      await database.close();
    }
  });

  it('refuses a checkpoint re-signed with another key, and one removed from the file', async () => {
    const { database, file } = await checkpointedLog();
    try {
      await rewriteFrom(database, 3);
      // The attacker signs the rewritten head with a key of their own, in the database and in the file.
      const forger: CheckpointSigner = loadCheckpointSigner(path.join(folder, `forger-${fileNumber}.pem`), true);
      await tamper(database, sql`DELETE FROM audit_checkpoints`);
      writeFileSync(file, '');
      await writeAuditCheckpoint(database.db, forger, file, NOW);
      const verification = await verifyAuditCheckpoints(database.db, signer.publicKey, file);
      expect(verification.problems).toEqual(['checkpoint at row 15: signature does not verify (forged or another key)']);
    } finally {
      await database.close();
    }
    const other = await checkpointedLog();
    try {
      writeFileSync(other.file, '');
      expect((await verifyAuditCheckpoints(other.database.db, signer.publicKey, other.file)).problems).toEqual([
        'checkpoint at row 10: in the database but not in the checkpoint file',
      ]);
    } finally {
      await other.database.close();
    }
  });

  it('the schedule signs the head at start and again at stop', async () => {
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
      const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { sequence: number });
      expect(lines.map((line) => line.sequence)).toEqual([3, 5]);
      expect(await verifyAuditCheckpoints(database.db, signer.publicKey, file)).toMatchObject({ isValid: true, coveredRows: 5 });
    } finally {
      await database.close();
    }
  });
});

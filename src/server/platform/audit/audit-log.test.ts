// SPDX-License-Identifier: EUPL-1.2
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, openDatabase, queryRows, type Database } from '../db/connection.js';
import { appendAuditEvent, appendAuditEventAlone, batchDigestOf, chainFieldsOf, hashAuditRow, rowHashSql, verifyAuditChain, GENESIS_HASH } from './audit-log.js';
import { loadCheckpointSigner, writeAuditCheckpoint } from './checkpoints.js';
import { sealAuditLog } from './sealer.js';
import { sealSettled } from '../../../../test/helpers/audit-sealing.js';
import { createEmptyDatabase, migrationsUpTo } from '../../../../test/helpers/older-schema.js';
import {
  createServerTestDatabaseUrl,
  createTestDatabase,
  isServerRun,
  pgliteTemplate,
} from '../../../../test/helpers/test-database.js';

const run = promisify(execFile);

/** A test database; on the server with a pool of `poolSize` connections (PGlite has one connection: work queues). */
async function databaseWithPool(poolSize: number): Promise<Database> {
  if (isServerRun()) return openDatabase({ kind: 'postgres', url: await createServerTestDatabaseUrl(), poolSize });
  return createTestDatabase();
}
const REPO = path.resolve(import.meta.dirname, '../../../..');

async function appendSome(database: Database, count: number) {
  for (let index = 0; index < count; index += 1) {
    await appendAuditEventAlone(
      database.db,
      {
        action: index % 2 ? 'read' : 'search',
        outcome: 'success',
        actorId: '00000000-0000-4000-8000-000000000001',
        objectType: 'person',
        objectId: String(index),
        sourceIp: '127.0.0.1',
        details: { resultCount: index, z: 1, a: 2 },
      },
      new Date(Date.UTC(2026, 10, 25, 12, 0, index, 123)),
    );
  }
}

/** Tampering needs the trigger out of the way: as a superuser, the way an attacker with DB access would. */
async function tamper(database: Database, statement: ReturnType<typeof sql>) {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await tx.execute(statement);
  });
}

/** A fresh database with `count` rows sealed in one batch. */
async function sealedLog(count: number): Promise<Database> {
  const database = await createTestDatabase();
  await appendSome(database, count);
  expect(await sealSettled(database.db)).toMatchObject({ batches: [1], rows: count });
  return database;
}

async function batchesOf(database: Database) {
  return queryRows<{ batch: number; from_xid: string; to_xid: string; row_count: number; digest: string; previous_digest: string }>(
    database.db,
    sql`SELECT batch::int, from_xid::text, to_xid::text, row_count, digest, previous_digest FROM audit_batches ORDER BY batch`,
  );
}

/** Well after every row appendSome writes: their unsealed age is then beyond the window. */
const LATER = new Date(Date.UTC(2026, 10, 25, 13, 0, 0));
const SAME_TIME = new Date(Date.UTC(2026, 10, 25, 12, 0, 10));

describe('audit log: append without a global lock, sealed in batches (ADR 0019)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('appends with one INSERT: a database sequence and the transaction id, no link to the row before', async () => {
    await appendSome(database, 5);
    const rows = await queryRows<{ sequence: string; xid: string; previous_hash: string | null; hash: string }>(
      database.db,
      sql`SELECT sequence, xid::text, previous_hash, hash FROM audit_log ORDER BY sequence`,
    );
    expect(rows).toHaveLength(5);
    const sequences = rows.map((row) => Number(row.sequence));
    expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);
    expect(new Set(rows.map((row) => row.xid)).size).toBe(5);
    expect(rows.every((row) => row.previous_hash === null && /^[0-9a-f]{64}$/.test(row.hash))).toBe(true);
    // Recent unsealed rows are no defect.
    expect(await verifyAuditChain(database.db, { now: SAME_TIME })).toMatchObject({ isValid: true, rowCount: 5, unsealedRows: 5, problems: [] });
  });

  it('seals the committed rows into batch 1: digest = SHA-256(previous digest ‖ row hashes by xid, sequence)', async () => {
    expect(await sealSettled(database.db)).toEqual({ batches: [1], rows: 5 });
    const [zero, one] = await batchesOf(database);
    expect(zero).toMatchObject({ batch: 0, row_count: 0, digest: GENESIS_HASH });
    const hashes = await queryRows<{ hash: string }>(database.db, sql`SELECT hash FROM audit_log ORDER BY xid, sequence`);
    expect(one).toMatchObject({ batch: 1, from_xid: zero!.to_xid, row_count: 5, previous_digest: GENESIS_HASH, digest: batchDigestOf(GENESIS_HASH, hashes.map((row) => row.hash)) });
    // Nothing new: nothing sealed, no empty batch.
    expect(await sealSettled(database.db)).toEqual({ batches: [], rows: 0 });
    expect(await verifyAuditChain(database.db, { now: LATER })).toEqual({
      isValid: true,
      rowCount: 5,
      problems: [],
      batchCount: 2,
      lastBatch: { batch: 1, digest: one!.digest },
      unsealedRows: 0,
    });
  });

  it('rolls the audit row back with the transaction it belongs to', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await appendAuditEvent(tx as never, { action: 'update', outcome: 'success' }, new Date());
        throw new Error('feature failed after writing');
      }),
    ).rejects.toThrow('feature failed');
    expect(await sealSettled(database.db)).toEqual({ batches: [], rows: 0 });
    expect((await verifyAuditChain(database.db)).rowCount).toBe(5);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the log, the batches and their checkpoints', async () => {
    for (const statement of [
      sql`UPDATE audit_log SET action = 'login' WHERE sequence = (SELECT min(sequence) FROM audit_log)`,
      sql`DELETE FROM audit_log`,
      sql`TRUNCATE audit_log`,
      sql`UPDATE audit_batches SET row_count = 4 WHERE batch = 1`,
      sql`DELETE FROM audit_batches WHERE batch = 1`,
      sql`TRUNCATE audit_batches`,
      sql`TRUNCATE audit_batch_checkpoints`,
    ]) {
      const error = await database.db.execute(statement).then(() => null, (failure: Error) => failure);
      // Drizzle wraps the driver's error; the database's own message is the cause.
      expect(String((error?.cause as Error | undefined)?.message ?? error?.message)).toMatch(/append-only/);
    }
    expect((await verifyAuditChain(database.db)).isValid).toBe(true);
  });

  it('a sealer killed before it commits seals nothing; the next run seals the same rows exactly once', async () => {
    await appendSome(database, 3);
    const before = await batchesOf(database);
    await expect(
      sealAuditLog(database.db, {
        beforeCommit: async () => {
          throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    expect(await batchesOf(database)).toEqual(before);
    expect(await sealSettled(database.db)).toEqual({ batches: [2], rows: 3 });
    expect(await sealSettled(database.db)).toEqual({ batches: [], rows: 0 });
    const [sums] = await queryRows<{ sealed: number; rows: number }>(
      database.db,
      sql`SELECT (SELECT sum(row_count)::int FROM audit_batches) AS sealed, (SELECT count(*)::int FROM audit_log) AS rows`,
    );
    expect(sums).toEqual({ sealed: 8, rows: 8 });
    expect(await verifyAuditChain(database.db, { now: LATER })).toMatchObject({ isValid: true, rowCount: 8, batchCount: 3, unsealedRows: 0 });
  });

  it('splits a large range into batches of about maxBatchRows, never splitting a transaction', async () => {
    const fresh = await createTestDatabase();
    try {
      await appendSome(fresh, 7);
      expect(await sealSettled(fresh.db, { maxBatchRows: 3 })).toEqual({ batches: [1, 2, 3], rows: 7 });
      expect((await batchesOf(fresh)).map((batch) => batch.row_count)).toEqual([0, 3, 3, 1]);
      expect(await verifyAuditChain(fresh.db, { now: LATER, parallel: 3 })).toMatchObject({ isValid: true, rowCount: 7, batchCount: 4 });
      expect(await verifyAuditChain(fresh.db, { now: LATER, fromBatch: 2 })).toMatchObject({ isValid: true, rowCount: 4, batchCount: 2 });
    } finally {
      await fresh.close();
    }
  });
});

describe('audit log: tampering is detected', () => {
  it('a forged row inserted with an old xid (into a sealed range)', async () => {
    const database = await sealedLog(4);
    try {
      const [batch] = (await batchesOf(database)).slice(-1);
      // A well-formed row (its own hash right), placed in batch 1's range.
      await database.db.execute(sql`INSERT INTO audit_log (sequence, xid, occurred_at, action, outcome, hash)
        SELECT r.sequence, r.xid, r.occurred_at, r.action, r.outcome, ${rowHashSql('r')} FROM
        (SELECT 999 AS sequence, ${batch!.from_xid}::xid8 AS xid, now()::timestamptz(3) AS occurred_at, NULL::uuid AS actor_id, NULL::uuid AS on_behalf_of_id,
          NULL::uuid AS organisation_id, NULL::text AS role, 'read'::text AS action, NULL::text AS object_type, NULL::text AS object_id, NULL::uuid AS client_id,
          NULL::uuid[] AS client_ids, 'success'::text AS outcome, NULL::text AS source_ip, NULL::text AS user_agent, NULL::text AS reason, NULL::jsonb AS details) r`);
      expect((await verifyAuditChain(database.db, { now: LATER })).problems).toEqual([
        'batch 1: 5 rows in its range, sealed with 4 (rows added or removed)',
        'batch 1: its rows do not give its digest (rows altered, added or removed, or the digest altered)',
      ]);
    } finally {
      await database.close();
    }
  });

  it('a forged row inserted into the range of the chain from before sealing (batch 0)', async () => {
    const database = await sealedLog(1);
    try {
      await database.db.execute(sql`INSERT INTO audit_log (sequence, xid, occurred_at, action, outcome, hash) VALUES (998, '3'::xid8, now(), 'read', 'success', ${GENESIS_HASH})`);
      expect((await verifyAuditChain(database.db, { now: LATER })).problems).toEqual([
        'sequence 998: in the range of batch 0 but not part of its chain (inserted afterwards)',
      ]);
    } finally {
      await database.close();
    }
  });

  it('an altered row, with or without its hash recomputed', async () => {
    const database = await sealedLog(4);
    try {
      const [row] = await queryRows<{ sequence: string }>(database.db, sql`SELECT sequence FROM audit_log ORDER BY sequence LIMIT 1 OFFSET 2`);
      await tamper(database, sql`UPDATE audit_log SET object_id = 'other' WHERE sequence = ${row!.sequence}`);
      expect((await verifyAuditChain(database.db, { now: LATER })).problems).toEqual([`sequence ${row!.sequence}: contents do not match its hash (altered)`]);
      await tamper(database, sql`UPDATE audit_log SET hash = ${rowHashSql('audit_log')} WHERE sequence = ${row!.sequence}`);
      expect((await verifyAuditChain(database.db, { now: LATER })).problems).toEqual([
        'batch 1: its rows do not give its digest (rows altered, added or removed, or the digest altered)',
      ]);
    } finally {
      await database.close();
    }
  });

  it('a deleted row', async () => {
    const database = await sealedLog(4);
    try {
      await tamper(database, sql`DELETE FROM audit_log WHERE sequence = (SELECT max(sequence) FROM audit_log)`);
      expect((await verifyAuditChain(database.db, { now: LATER })).problems).toEqual([
        'batch 1: 3 rows in its range, sealed with 4 (rows added or removed)',
        'batch 1: its rows do not give its digest (rows altered, added or removed, or the digest altered)',
      ]);
    } finally {
      await database.close();
    }
  });

  it('a removed batch: in the middle by the chain, the newest by its rows left unsealed', async () => {
    const database = await sealedLog(2);
    try {
      for (let index = 0; index < 2; index += 1) {
        await appendSome(database, 1);
        await sealSettled(database.db);
      }
      await tamper(database, sql`DELETE FROM audit_batches WHERE batch = 2`);
      expect((await verifyAuditChain(database.db, { now: LATER })).problems).toEqual([
        'batch 2: missing (removed)',
        'batch 3: its range does not start where batch 1 ended',
        'batch 3: not linked to batch 1 (a digest altered or a batch removed)',
      ]);
      await tamper(database, sql`DELETE FROM audit_batches WHERE batch = 3`);
      expect((await verifyAuditChain(database.db, { now: LATER })).problems).toEqual(['2 rows unsealed for longer than 60 s (the sealer is not running, or a long transaction holds it back)']);
    } finally {
      await database.close();
    }
  });

  it('an altered batch digest', async () => {
    const database = await sealedLog(2);
    try {
      await appendSome(database, 1);
      await sealSettled(database.db);
      await tamper(database, sql`UPDATE audit_batches SET digest = ${'f'.repeat(64)} WHERE batch = 1`);
      expect((await verifyAuditChain(database.db, { now: LATER })).problems).toEqual([
        'batch 2: not linked to batch 1 (a digest altered or a batch removed)',
        'batch 1: its rows do not give its digest (rows altered, added or removed, or the digest altered)',
      ]);
    } finally {
      await database.close();
    }
  });

  it('an unsealed row older than the window (a recent one is fine); an altered unsealed row', async () => {
    const database = await sealedLog(1);
    try {
      await appendSome(database, 2);
      expect((await verifyAuditChain(database.db, { now: SAME_TIME })).problems).toEqual([]);
      expect((await verifyAuditChain(database.db, { now: LATER })).problems).toEqual([
        '2 rows unsealed for longer than 60 s (the sealer is not running, or a long transaction holds it back)',
      ]);
      await tamper(database, sql`UPDATE audit_log SET outcome = 'denied' WHERE sequence = (SELECT max(sequence) FROM audit_log)`);
      expect((await verifyAuditChain(database.db, { now: SAME_TIME })).problems).toEqual([
        expect.stringMatching(/^sequence \d+: contents do not match its hash \(altered\)$/),
      ]);
    } finally {
      await database.close();
    }
  });

  it('covers the list of clients with the hash', async () => {
    const fresh = await createTestDatabase();
    try {
      const clients = ['00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-00000000000a'];
      await appendAuditEventAlone(fresh.db, { action: 'search', outcome: 'success', clientIds: [...clients, clients[0]!] }, new Date());
      await appendAuditEventAlone(fresh.db, { action: 'search', outcome: 'success', clientIds: [] }, new Date());
      const rows = await queryRows<{ sequence: string; client_ids: string[] | null }>(fresh.db, sql`SELECT sequence, client_ids FROM audit_log ORDER BY sequence`);
      expect(rows.map((row) => row.client_ids)).toEqual([[...clients].sort(), null]);
      expect(await verifyAuditChain(fresh.db)).toMatchObject({ isValid: true });
      await tamper(fresh, sql`UPDATE audit_log SET client_ids = ARRAY[${clients[0]!}]::uuid[] WHERE sequence = ${rows[0]!.sequence}`);
      await tamper(fresh, sql`UPDATE audit_log SET client_ids = '{}' WHERE sequence = ${rows[1]!.sequence}`);
      expect((await verifyAuditChain(fresh.db)).problems).toEqual([
        `sequence ${rows[0]!.sequence}: contents do not match its hash (altered)`,
        `sequence ${rows[1]!.sequence}: contents do not match its hash (altered)`,
      ]);
    } finally {
      await fresh.close();
    }
  });
});

describe('audit log: concurrent appends', () => {
  it('32 concurrent appending transactions, sealed while they run: no row lost or counted twice', async () => {
    // On the server: a pool of its own with a connection per transaction (PGlite has one connection: they queue).
    const database = await databaseWithPool(34);
    try {
      let isAppending = true;
      const sealing = (async () => {
        while (isAppending) {
          await sealAuditLog(database.db);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      await Promise.all(
        Array.from({ length: 32 }, async (_, worker) => {
          for (let round = 0; round < 5; round += 1) {
            await database.db.transaction(async (tx) => {
              await appendAuditEvent(tx as never, { action: 'read', outcome: 'success', objectId: `${worker}-${round}-a` }, new Date());
              await appendAuditEvent(tx as never, { action: 'read', outcome: 'success', objectId: `${worker}-${round}-b` }, new Date());
            });
          }
        }),
      );
      isAppending = false;
      await sealing;
      await sealSettled(database.db);
      const [counts] = await queryRows<{ rows: number; distinct_objects: number; sealed: number; covered: number }>(
        database.db,
        sql`SELECT (SELECT count(*)::int FROM audit_log) AS rows, (SELECT count(DISTINCT object_id)::int FROM audit_log) AS distinct_objects,
                   (SELECT sum(row_count)::int FROM audit_batches) AS sealed,
                   (SELECT count(*)::int FROM audit_log l JOIN audit_batches b ON l.xid >= b.from_xid AND l.xid < b.to_xid) AS covered`,
      );
      expect(counts).toEqual({ rows: 320, distinct_objects: 320, sealed: 320, covered: 320 });
      expect(await verifyAuditChain(database.db)).toMatchObject({ isValid: true, rowCount: 320, unsealedRows: 0 });
    } finally {
      await database.close();
    }
  }, 60_000);

  it.runIf(isServerRun())('a transaction still open holds the watermark back: rows after it wait, and are sealed once it ends', async () => {
    const database = await databaseWithPool(4);
    try {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let appended!: () => void;
      const hasAppended = new Promise<void>((resolve) => (appended = resolve));
      const slow = database.db.transaction(async (tx) => {
        await appendAuditEvent(tx as never, { action: 'read', outcome: 'success', objectId: 'slow' }, new Date());
        appended();
        await released;
      });
      await hasAppended;
      await appendSome(database, 2);
      // The slow transaction's xid is below every later one: nothing at or after it may be sealed yet.
      expect(await sealAuditLog(database.db)).toEqual({ batches: [], rows: 0 });
      release();
      await slow;
      expect(await sealSettled(database.db)).toEqual({ batches: [1], rows: 3 });
      expect(await verifyAuditChain(database.db)).toMatchObject({ isValid: true, rowCount: 3, unsealedRows: 0 });
    } finally {
      await database.close();
    }
  }, 30_000);
});

describe('audit log: the chain from before sealing (migration 0034)', () => {
  it('becomes batch 0 and is verified row by row as before; new rows are sealed after it', async () => {
    const database = await createEmptyDatabase();
    try {
      await database.migrate({ migrationsFolder: migrationsUpTo('0032_child_closures') });
      // Rows as the release before ADR 0019 wrote them: sequence from 1, each linked to the one before.
      let previousHash = GENESIS_HASH;
      for (let sequence = 1; sequence <= 4; sequence += 1) {
        const fields = chainFieldsOf({ action: 'read', outcome: 'success', objectId: String(sequence), details: { b: 1, a: 2 } }, sequence, new Date(Date.UTC(2026, 0, 1, 0, 0, sequence)), previousHash);
        const hash = hashAuditRow(fields);
        await database.db.execute(sql`INSERT INTO audit_log (sequence, occurred_at, action, outcome, object_id, details, previous_hash, hash)
          VALUES (${sequence}, ${fields.occurredAt.toISOString()}::timestamptz, 'read', 'success', ${fields.objectId}, ${JSON.stringify(fields.details)}::jsonb, ${previousHash}, ${hash})`);
        previousHash = hash;
      }
      await database.migrate({ migrationsFolder: MIGRATIONS_FOLDER });
      const [zero] = await batchesOf(database);
      expect(zero).toMatchObject({ batch: 0, row_count: 4, digest: previousHash, previous_digest: GENESIS_HASH, from_xid: '0' });
      await appendSome(database, 2);
      const sequences = await queryRows<{ sequence: string }>(database.db, sql`SELECT sequence FROM audit_log WHERE previous_hash IS NULL ORDER BY sequence`);
      expect(sequences.map((row) => Number(row.sequence))).toEqual([5, 6]);
      await sealSettled(database.db);
      expect(await verifyAuditChain(database.db, { now: LATER })).toMatchObject({ isValid: true, rowCount: 6, batchCount: 2 });
      await tamper(database, sql`UPDATE audit_log SET outcome = 'denied' WHERE sequence = 2`);
      await tamper(database, sql`DELETE FROM audit_log WHERE sequence = 4`);
      expect((await verifyAuditChain(database.db, { now: LATER })).problems).toEqual([
        'sequence 2: contents do not match its hash (altered)',
        'batch 0: the chain has 3 rows, sealed with 4 (rows added or removed)',
        "batch 0: the chain's head hash is not the batch digest (rows removed or rewritten)",
      ]);
    } finally {
      await database.close();
    }
  }, 60_000);
});

describe('npm run audit:verify', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'kansrijk-audit-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  // The checkpoint key and file live in the test's own folder, never in the repository's ./var.
  const checkpointEnv = { AUDIT_CHECKPOINT_KEY_FILE: path.join(folder, 'key.pem'), AUDIT_CHECKPOINT_FILE: path.join(folder, 'checkpoints.jsonl') };

  async function openTarget(): Promise<{ database: Database; env: Record<string, string> }> {
    if (isServerRun()) {
      const url = await createServerTestDatabaseUrl();
      return { database: await openDatabase({ kind: 'postgres', url, poolSize: 1 }), env: { DATABASE_URL: url, ...checkpointEnv } };
    }
    const dataDir = path.join(folder, 'pglite');
    const loadDataDir = existsSync(dataDir) ? undefined : pgliteTemplate();
    return {
      database: await openDatabase({ kind: 'pglite', dataDir, loadDataDir }),
      env: { DATA_DIR: folder, ...checkpointEnv },
    };
  }

  async function verifyCommand(env: Record<string, string>, args: string[] = []) {
    try {
      const { stdout } = await run('npx', ['tsx', 'src/server/cli/audit-verify.ts', ...args], { cwd: REPO, env: { ...process.env, ...env } });
      return { code: 0, output: stdout };
    } catch (error) {
      const failure = error as { code: number; stderr: string };
      return { code: failure.code, output: failure.stderr };
    }
  }

  it('passes on a fresh database and fails after a row is altered directly in the database', async () => {
    const target = await openTarget();
    await appendSome(target.database, 3);
    // Rows written at a fixed time long ago and never sealed: the sealer is not running (a defect).
    const [second] = await queryRows<{ sequence: string }>(target.database.db, sql`SELECT sequence FROM audit_log ORDER BY sequence OFFSET 1 LIMIT 1`);
    // PGlite is single-process: close it before the command opens the same data directory.
    if (target.database.kind === 'pglite') await target.database.close();
    const unsealed = await verifyCommand(target.env);
    expect(unsealed).toMatchObject({ code: 1 });
    expect(unsealed.output).toContain('3 rows unsealed for longer than 60 s');

    const sealing = target.database.kind === 'pglite' ? (await openTarget()).database : target.database;
    await sealSettled(sealing.db);
    if (sealing.kind === 'pglite') await sealing.close();
    const intact = await verifyCommand(target.env);
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.output).toContain('3 regels in 2 batches, keten ongeschonden');

    const again = sealing.kind === 'pglite' ? (await openTarget()).database : sealing;
    await tamper(again, sql`UPDATE audit_log SET outcome = 'denied' WHERE sequence = ${second!.sequence}`);
    await again.close();
    const broken = await verifyCommand(target.env);
    expect(broken.code).toBe(1);
    expect(broken.output).toContain(`sequence ${second!.sequence}: contents do not match its hash`);
  }, 90_000);

  it('fails when the newest batches and the database checkpoints are removed: the signed checkpoint file still tells', async () => {
    rmSync(path.join(folder, 'pglite'), { recursive: true, force: true });
    const target = await openTarget();
    await appendSome(target.database, 6);
    await sealSettled(target.database.db);
    const signer = loadCheckpointSigner(checkpointEnv.AUDIT_CHECKPOINT_KEY_FILE, true);
    await writeAuditCheckpoint(target.database.db, signer, checkpointEnv.AUDIT_CHECKPOINT_FILE, new Date());
    await appendSome(target.database, 2);
    await sealSettled(target.database.db);
    if (target.database.kind === 'pglite') await target.database.close();
    const intact = await verifyCommand(target.env);
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.output).toContain('8 regels in 3 batches, keten ongeschonden; 1 ondertekende controlepunten kloppen (batch 2 tot en met 2 vallen nog onder geen controlepunt)');
    const incremental = await verifyCommand(target.env, ['--from-batch=1']);
    expect(incremental).toMatchObject({ code: 0 });
    expect(incremental.output).toContain('vanaf batch 1: 8 regels in 2 batches');

    const again = target.database.kind === 'pglite' ? (await openTarget()).database : target.database;
    // Every row and batch after batch 0 removed, and the checkpoints in the database: the file still has batch 1's.
    await tamper(again, sql`DELETE FROM audit_log`);
    await tamper(again, sql`DELETE FROM audit_batches WHERE batch > 0`);
    await tamper(again, sql`DELETE FROM audit_batch_checkpoints`);
    await again.close();
    const truncated = await verifyCommand(target.env);
    expect(truncated.code).toBe(1);
    expect(truncated.output).toContain('checkpoint of batch 1: in the file but missing from the database (removed)');
    expect(truncated.output).toContain('checkpoint of batch 1: the batch is missing (removed)');
  }, 90_000);
});

// SPDX-License-Identifier: EUPL-1.2
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type Database } from '../db/connection.js';
import { appendAuditEvent, appendAuditEventAlone, verifyAuditChain, GENESIS_HASH } from './audit-log.js';
import { loadCheckpointSigner, writeAuditCheckpoint } from './checkpoints.js';
import {
  createServerTestDatabaseUrl,
  createTestDatabase,
  isServerRun,
  pgliteTemplate,
} from '../../../../test/helpers/test-database.js';

const run = promisify(execFile);
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

describe('audit log chain', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('links each row to the previous one and verifies on an intact log', async () => {
    await appendSome(database, 5);
    const rows = await queryRows<{ sequence: string; previous_hash: string; hash: string }>(
      database.db,
      sql`SELECT sequence, previous_hash, hash FROM audit_log ORDER BY sequence`,
    );
    expect(rows.map((row) => Number(row.sequence))).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.previous_hash).toBe(GENESIS_HASH);
    for (let index = 1; index < rows.length; index += 1) expect(rows[index]!.previous_hash).toBe(rows[index - 1]!.hash);
    expect(await verifyAuditChain(database.db)).toEqual({ isValid: true, rowCount: 5, problems: [] });
  });

  it('rolls the audit row back with the transaction it belongs to', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await appendAuditEvent(tx as never, { action: 'update', outcome: 'success' }, new Date());
        throw new Error('feature failed after writing');
      }),
    ).rejects.toThrow('feature failed');
    expect((await verifyAuditChain(database.db)).rowCount).toBe(5);
  });

  it('refuses UPDATE, DELETE and TRUNCATE through the trigger', async () => {
    for (const statement of [
      sql`UPDATE audit_log SET action = 'login' WHERE sequence = 1`,
      sql`DELETE FROM audit_log WHERE sequence = 2`,
      sql`TRUNCATE audit_log`,
    ]) {
      const error = await database.db.execute(statement).then(() => null, (failure: Error) => failure);
      // Drizzle wraps the driver's error; the database's own message is the cause.
      expect(String((error?.cause as Error | undefined)?.message ?? error?.message)).toMatch(/append-only/);
    }
    expect((await verifyAuditChain(database.db)).isValid).toBe(true);
  });

  it('detects an altered row and a removed row', async () => {
    await tamper(database, sql`UPDATE audit_log SET object_id = 'other' WHERE sequence = 3`);
    const altered = await verifyAuditChain(database.db);
    expect(altered.isValid).toBe(false);
    expect(altered.problems).toContain('sequence 3: contents do not match its hash (altered)');

    await tamper(database, sql`DELETE FROM audit_log WHERE sequence = 4`);
    const removed = await verifyAuditChain(database.db);
    expect(removed.problems).toContain('gap: expected sequence 4, found 5');
  });

  it('covers the list of clients with the hash; rows that name none hash as before the column existed', async () => {
    const fresh = await createTestDatabase();
    try {
      const clients = ['00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-00000000000a'];
      await appendAuditEventAlone(fresh.db, { action: 'search', outcome: 'success', clientIds: [...clients, clients[0]!] }, new Date());
      await appendAuditEventAlone(fresh.db, { action: 'search', outcome: 'success', clientIds: [] }, new Date());
      const rows = await queryRows<{ client_ids: string[] | null }>(fresh.db, sql`SELECT client_ids FROM audit_log ORDER BY sequence`);
      expect(rows.map((row) => row.client_ids)).toEqual([[...clients].sort(), null]);
      expect(await verifyAuditChain(fresh.db)).toMatchObject({ isValid: true });
      await tamper(fresh, sql`UPDATE audit_log SET client_ids = ARRAY[${clients[0]!}]::uuid[] WHERE sequence = 1`);
      await tamper(fresh, sql`UPDATE audit_log SET client_ids = '{}' WHERE sequence = 2`);
      expect((await verifyAuditChain(fresh.db)).problems).toEqual([
        'sequence 1: contents do not match its hash (altered)',
        'sequence 2: contents do not match its hash (altered)',
      ]);
    } finally {
      await fresh.close();
    }
  });

  it('keeps the chain linear under concurrent appends', async () => {
    const fresh = await createTestDatabase();
    try {
      await Promise.all(Array.from({ length: 20 }, () => appendSome(fresh, 1)));
      expect(await verifyAuditChain(fresh.db)).toMatchObject({ isValid: true, rowCount: 20 });
    } finally {
      await fresh.close();
    }
  });
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

  async function verifyCommand(env: Record<string, string>) {
    try {
      const { stdout } = await run('npx', ['tsx', 'src/server/cli/audit-verify.ts'], { cwd: REPO, env: { ...process.env, ...env } });
      return { code: 0, output: stdout };
    } catch (error) {
      const failure = error as { code: number; stderr: string };
      return { code: failure.code, output: failure.stderr };
    }
  }

  it('passes on a fresh database and fails after a row is altered directly in the database', async () => {
    const target = await openTarget();
    await appendSome(target.database, 3);
    // PGlite is single-process: close it before the command opens the same data directory.
    if (target.database.kind === 'pglite') await target.database.close();
    const intact = await verifyCommand(target.env);
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.output).toContain('3 regels');

    const again = target.database.kind === 'pglite' ? (await openTarget()).database : target.database;
    await tamper(again, sql`UPDATE audit_log SET outcome = 'denied' WHERE sequence = 2`);
    await again.close();
    const broken = await verifyCommand(target.env);
    expect(broken.code).toBe(1);
    expect(broken.output).toContain('sequence 2: contents do not match its hash');
  }, 60_000);

  it('fails when the newest rows and the database checkpoints are removed: the signed checkpoint file still tells', async () => {
    rmSync(path.join(folder, 'pglite'), { recursive: true, force: true });
    const target = await openTarget();
    await appendSome(target.database, 6);
    const signer = loadCheckpointSigner(checkpointEnv.AUDIT_CHECKPOINT_KEY_FILE, true);
    await writeAuditCheckpoint(target.database.db, signer, checkpointEnv.AUDIT_CHECKPOINT_FILE, new Date());
    await appendSome(target.database, 2);
    if (target.database.kind === 'pglite') await target.database.close();
    const intact = await verifyCommand(target.env);
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.output).toContain('8 regels, keten ongeschonden; 1 ondertekende controlepunten kloppen (de nieuwste 2 regels');

    const again = target.database.kind === 'pglite' ? (await openTarget()).database : target.database;
    await tamper(again, sql`DELETE FROM audit_log WHERE sequence > 4`);
    await tamper(again, sql`DELETE FROM audit_checkpoints`);
    await again.close();
    const truncated = await verifyCommand(target.env);
    expect(truncated.code).toBe(1);
    expect(truncated.output).toContain('checkpoint at row 6: the log has only 4 rows (truncated: rows removed)');
  }, 90_000);
});

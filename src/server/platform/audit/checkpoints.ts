// SPDX-License-Identifier: EUPL-1.2
// Signed checkpoints of the audit log (ADR 0010, 0019). The batch chain alone shows a gap or an altered
// row, but not the newest batches removed, nor a row altered with every later digest recomputed: the
// chain uses no secret. A checkpoint signs "batch N had digest D" with an Ed25519 key the database does
// not hold, and is kept twice: in `audit_batch_checkpoints` and in a file outside the database.
// Checkpoints from before ADR 0019 ("after N rows the chain's head hash was H", in `audit_checkpoints`)
// are still verified as they were.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/connection.js';
import { auditBatchCheckpoints, auditBatches, auditCheckpoints, auditLog } from './schema.js';

export interface CheckpointSigner {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
}

/** A checkpoint of the legacy chain (before ADR 0019): verified, no longer written. */
export interface AuditCheckpoint {
  /** The number of rows covered: the chain's head sequence when signed (sequences start at 1, without gaps). */
  sequence: number;
  headHash: string;
  signedAt: string;
  keyId: string;
  /** Ed25519 signature over `signedMessage`, base64. */
  signature: string;
}

/** A signed checkpoint of the batch chain (ADR 0019): batch `batch` had digest `digest`. */
export interface BatchCheckpoint {
  batch: number;
  digest: string;
  signedAt: string;
  keyId: string;
  /** Ed25519 signature over `signedBatchMessage`, base64. */
  signature: string;
}

/** Short identifier of a public key: the first 16 hex digits of SHA-256 over its DER (SPKI) form. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

/**
 * The signing key from a PKCS#8 PEM file. When the file is missing and `mayGenerate` (development,
 * tests), a new key is generated into it (mode 600); otherwise starting fails: production brings its
 * own key, kept where the database (and its administrators) cannot reach it.
 */
export function loadCheckpointSigner(keyFile: string, mayGenerate: boolean): CheckpointSigner {
  if (!existsSync(keyFile)) {
    if (!mayGenerate) throw new Error(`audit checkpoint key not found: ${keyFile} (AUDIT_CHECKPOINT_KEY_FILE)`);
    const { privateKey } = generateKeyPairSync('ed25519');
    mkdirSync(path.dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  }
  const privateKey = createPrivateKey(readFileSync(keyFile));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`audit checkpoint key is not an Ed25519 key: ${keyFile}`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/** The public key for verifying: a public key PEM, or derived from the private key PEM. */
export function loadVerificationKey(keyFile: string): KeyObject {
  return createPublicKey(readFileSync(keyFile));
}

function signedMessage(checkpoint: Omit<AuditCheckpoint, 'signature'>): Buffer {
  return Buffer.from(['kansrijk-audit-checkpoint/v1', checkpoint.sequence, checkpoint.headHash, checkpoint.signedAt, checkpoint.keyId].join('\n'));
}

function signedBatchMessage(checkpoint: Omit<BatchCheckpoint, 'signature'>): Buffer {
  return Buffer.from(['kansrijk-audit-checkpoint/v2', `batch ${checkpoint.batch}`, checkpoint.digest, checkpoint.signedAt, checkpoint.keyId].join('\n'));
}

/** Appends one line and waits until it is on disk: the copy outside the database must survive a crash. */
function appendDurably(file: string, line: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const handle = openSync(file, 'a', 0o640);
  try {
    writeSync(handle, `${line}\n`);
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
}

/**
 * Signs the newest sealed batch (its number and digest), stores the checkpoint and appends it to the
 * file. Returns null when there is nothing new to sign (no rows sealed yet, or that batch is signed).
 */
export async function writeAuditCheckpoint(db: Executor, signer: CheckpointSigner, file: string, now: Date): Promise<BatchCheckpoint | null> {
  const [head] = await db
    .select({ batch: auditBatches.batch, digest: auditBatches.digest, rowCount: auditBatches.rowCount })
    .from(auditBatches)
    .orderBy(desc(auditBatches.batch))
    .limit(1);
  if (!head || (head.batch === 0 && head.rowCount === 0)) return null;
  const unsigned = { batch: head.batch, digest: head.digest, signedAt: new Date(Math.floor(now.getTime())).toISOString(), keyId: signer.keyId };
  const checkpoint: BatchCheckpoint = { ...unsigned, signature: sign(null, signedBatchMessage(unsigned), signer.privateKey).toString('base64') };
  const inserted = await db
    .insert(auditBatchCheckpoints)
    .values({ ...checkpoint, signedAt: new Date(checkpoint.signedAt) })
    .onConflictDoNothing()
    .returning({ batch: auditBatchCheckpoints.batch });
  if (inserted.length === 0) return null;
  appendDurably(file, JSON.stringify(checkpoint));
  return checkpoint;
}

/** The newest signed batch in the database (-1 when none). */
export async function latestCheckpointBatch(db: Executor): Promise<number> {
  const [row] = await db.select({ batch: auditBatchCheckpoints.batch }).from(auditBatchCheckpoints).orderBy(desc(auditBatchCheckpoints.batch)).limit(1);
  return row?.batch ?? -1;
}

/** The checkpoints in the file, in file order; unreadable lines are reported, not skipped silently. */
function readCheckpointFile(file: string, problems: string[]): { checkpoints: AuditCheckpoint[]; batchCheckpoints: BatchCheckpoint[] } {
  const checkpoints: AuditCheckpoint[] = [];
  const batchCheckpoints: BatchCheckpoint[] = [];
  if (!existsSync(file)) return { checkpoints, batchCheckpoints };
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      try {
        const value = JSON.parse(line) as AuditCheckpoint | BatchCheckpoint;
        if (typeof value.signature !== 'string') throw new Error('shape');
        if ('batch' in value) {
          if (!Number.isSafeInteger(value.batch) || typeof value.digest !== 'string') throw new Error('shape');
          batchCheckpoints.push(value);
        } else {
          if (!Number.isSafeInteger(value.sequence) || typeof value.headHash !== 'string') throw new Error('shape');
          checkpoints.push(value);
        }
      } catch {
        problems.push(`checkpoint file line ${index + 1}: unreadable`);
      }
    });
  return { checkpoints, batchCheckpoints };
}

export interface CheckpointVerification {
  isValid: boolean;
  /** Distinct checkpoints found (database and file together). */
  checkpointCount: number;
  /** The highest row count a valid legacy checkpoint vouches for (0 when none). */
  coveredRows: number;
  /** The newest batch a valid checkpoint vouches for (-1 when none). */
  coveredBatch: number;
  problems: string[];
}

const same = (a: AuditCheckpoint, b: AuditCheckpoint) =>
  a.headHash === b.headHash && a.signature === b.signature && a.keyId === b.keyId && Date.parse(a.signedAt) === Date.parse(b.signedAt);

/**
 * Checks every checkpoint, from the database and from the file: its signature, and that the log still
 * has that many rows with the signed head hash at that row. Detects the newest rows removed (back to
 * before the latest checkpoint) and a row altered with every later hash recomputed. A checkpoint in
 * one copy and not in the other is reported too: someone removed it there.
 */
export async function verifyAuditCheckpoints(db: Executor, publicKey: KeyObject | null, file: string): Promise<CheckpointVerification> {
  const problems: string[] = [];
  const stored = (await db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.sequence))).map(
    (row): AuditCheckpoint => ({ ...row, signedAt: row.signedAt.toISOString() }),
  );
  const { checkpoints: filed, batchCheckpoints } = readCheckpointFile(file, problems);
  const rows = await reconcileCopies(stored, filed, problems, {
    keyOf: (checkpoint) => checkpoint.sequence,
    label: (sequence) => `checkpoint at row ${sequence}`,
    same,
    check: (checkpoint) => checkOne(db, publicKey, checkpoint, problems),
  });
  const storedBatches = (await db.select().from(auditBatchCheckpoints).orderBy(asc(auditBatchCheckpoints.batch))).map(
    (row): BatchCheckpoint => ({ ...row, signedAt: row.signedAt.toISOString() }),
  );
  const batches = await reconcileCopies(storedBatches, batchCheckpoints, problems, {
    keyOf: (checkpoint) => checkpoint.batch,
    label: (batch) => `checkpoint of batch ${batch}`,
    same: sameBatch,
    check: (checkpoint) => checkOneBatch(db, publicKey, checkpoint, problems),
  });
  return {
    isValid: problems.length === 0,
    checkpointCount: rows.count + batches.count,
    coveredRows: Math.max(0, rows.covered),
    coveredBatch: batches.covered,
    problems,
  };
}

const sameBatch = (a: BatchCheckpoint, b: BatchCheckpoint) =>
  a.digest === b.digest && a.signature === b.signature && a.keyId === b.keyId && Date.parse(a.signedAt) === Date.parse(b.signedAt);

/**
 * The database's and the file's copies of one kind of checkpoint (legacy rows or batches): each must be
 * in both and the same; where they differ both are checked (whichever is forged fails its signature);
 * then every checkpoint against what it signs. `covered`: the highest key that verified (−1: none).
 */
async function reconcileCopies<C>(
  stored: readonly C[],
  filed: readonly C[],
  problems: string[],
  kind: { keyOf(checkpoint: C): number; label(key: number): string; same(a: C, b: C): boolean; check(checkpoint: C): Promise<boolean> },
): Promise<{ count: number; covered: number }> {
  const byKey = new Map<number, C>();
  for (const checkpoint of filed) {
    const key = kind.keyOf(checkpoint);
    const earlier = byKey.get(key);
    if (earlier && !kind.same(earlier, checkpoint)) problems.push(`${kind.label(key)}: two different versions in the file`);
    byKey.set(key, checkpoint);
  }
  const storedKeys = new Set(stored.map(kind.keyOf));
  for (const checkpoint of stored) {
    const key = kind.keyOf(checkpoint);
    const inFile = byKey.get(key);
    if (!inFile) {
      problems.push(`${kind.label(key)}: in the database but not in the checkpoint file`);
      byKey.set(key, checkpoint);
    } else if (!kind.same(inFile, checkpoint)) {
      problems.push(`${kind.label(key)}: database and file copies differ`);
      await kind.check(checkpoint);
    }
  }
  for (const [key] of byKey) {
    if (!storedKeys.has(key)) problems.push(`${kind.label(key)}: in the file but missing from the database (removed)`);
  }
  let covered = -1;
  for (const checkpoint of [...byKey.values()].sort((a, b) => kind.keyOf(a) - kind.keyOf(b))) {
    if (await kind.check(checkpoint)) covered = Math.max(covered, kind.keyOf(checkpoint));
  }
  return { count: byKey.size, covered };
}

async function checkOneBatch(db: Executor, publicKey: KeyObject | null, checkpoint: BatchCheckpoint, problems: string[]): Promise<boolean> {
  const at = `checkpoint of batch ${checkpoint.batch}`;
  if (!publicKey) {
    problems.push(`${at}: no key to verify its signature (AUDIT_CHECKPOINT_KEY_FILE)`);
    return false;
  }
  const { signature, ...unsigned } = checkpoint;
  if (unsigned.keyId !== keyIdOf(publicKey) || !verify(null, signedBatchMessage(unsigned), publicKey, Buffer.from(signature, 'base64'))) {
    problems.push(`${at}: signature does not verify (forged or another key)`);
    return false;
  }
  const [row] = await db.select({ digest: auditBatches.digest }).from(auditBatches).where(eq(auditBatches.batch, checkpoint.batch));
  if (!row) {
    problems.push(`${at}: the batch is missing (removed)`);
    return false;
  }
  if (row.digest !== checkpoint.digest) {
    problems.push(`${at}: the batch's digest is not the signed digest (rewritten)`);
    return false;
  }
  return true;
}

async function checkOne(db: Executor, publicKey: KeyObject | null, checkpoint: AuditCheckpoint, problems: string[]): Promise<boolean> {
  const at = `checkpoint at row ${checkpoint.sequence}`;
  if (!publicKey) {
    problems.push(`${at}: no key to verify its signature (AUDIT_CHECKPOINT_KEY_FILE)`);
    return false;
  }
  const { signature, ...unsigned } = checkpoint;
  if (unsigned.keyId !== keyIdOf(publicKey) || !verify(null, signedMessage(unsigned), publicKey, Buffer.from(signature, 'base64'))) {
    problems.push(`${at}: signature does not verify (forged or another key)`);
    return false;
  }
  const [row] = await db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.sequence, checkpoint.sequence));
  if (!row) {
    const [count] = await db.select({ rows: sql<number>`count(*)::int` }).from(auditLog);
    problems.push(`${at}: the log has only ${count?.rows ?? 0} rows (truncated: rows removed)`);
    return false;
  }
  if (row.hash !== checkpoint.headHash) {
    problems.push(`${at}: the chain's hash at that row is not the signed head hash (rewritten)`);
    return false;
  }
  return true;
}

export interface CheckpointSchedule {
  /** Settles when the checkpoint at start is written (or was not needed). */
  started: Promise<void>;
  /** Stops the timer and signs the head one last time (at shutdown). */
  stop(): Promise<void>;
}

export interface CheckpointScheduleSettings {
  file: string;
  everyRows: number;
  everyMinutes: number;
}

/**
 * Writes a checkpoint when `everyRows` rows were sealed since the last one, or `everyMinutes` passed
 * with anything new; at start (so a restart closes the previous window) and at stop. The row count is
 * polled (every 30 s at most), so "every N rows" is approximate under a burst: the ADR names the window.
 */
export function scheduleAuditCheckpoints(
  db: Executor,
  signer: CheckpointSigner,
  settings: CheckpointScheduleSettings,
  now: () => Date,
  onError: (error: unknown) => void,
): CheckpointSchedule {
  let lastWrittenAt = 0;
  let running: Promise<void> = Promise.resolve();
  const tick = (force: boolean) => {
    running = running.then(async () => {
      try {
        const signed = await latestCheckpointBatch(db);
        const [pending] = await db
          .select({ batches: sql<number>`count(*)::int`, rows: sql<number>`coalesce(sum(${auditBatches.rowCount}), 0)::int` })
          .from(auditBatches)
          .where(sql`${auditBatches.batch} > ${signed} AND ${auditBatches.rowCount} > 0`);
        if (!pending || pending.batches === 0) return;
        const isDue = force || pending.rows >= settings.everyRows || now().getTime() - lastWrittenAt >= settings.everyMinutes * 60_000;
        if (!isDue) return;
        await writeAuditCheckpoint(db, signer, settings.file, now());
        lastWrittenAt = now().getTime();
      } catch (error) {
        onError(error);
      }
    });
    return running;
  };
  const started = tick(true);
  const timer = setInterval(() => void tick(false), Math.min(30_000, settings.everyMinutes * 60_000));
  timer.unref();
  return {
    started,
    async stop() {
      clearInterval(timer);
      await tick(true);
    },
  };
}

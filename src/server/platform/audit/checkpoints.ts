// SPDX-License-Identifier: EUPL-1.2
// Signed checkpoints of the audit chain (ADR 0010). The hash chain alone shows a gap or an altered
// row, but not the newest rows removed, nor a row altered with every later hash recomputed: the chain
// uses no secret. A checkpoint signs "after N rows the head hash was H" with an Ed25519 key the
// database does not hold, and is kept twice: in `audit_checkpoints` and in a file outside the database.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/connection.js';
import { auditCheckpoints, auditLog } from './schema.js';

export interface CheckpointSigner {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
}

export interface AuditCheckpoint {
  /** The number of rows covered: the chain's head sequence when signed (sequences start at 1, without gaps). */
  sequence: number;
  headHash: string;
  signedAt: string;
  keyId: string;
  /** Ed25519 signature over `signedMessage`, base64. */
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
 * Signs the chain's current head, stores the checkpoint and appends it to the file. Returns null when
 * there is nothing new to sign (an empty log, or the head is already checkpointed).
 */
export async function writeAuditCheckpoint(db: Executor, signer: CheckpointSigner, file: string, now: Date): Promise<AuditCheckpoint | null> {
  const [head] = await db.select({ sequence: auditLog.sequence, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.sequence)).limit(1);
  if (!head) return null;
  const unsigned = { sequence: head.sequence, headHash: head.hash, signedAt: new Date(Math.floor(now.getTime())).toISOString(), keyId: signer.keyId };
  const checkpoint: AuditCheckpoint = { ...unsigned, signature: sign(null, signedMessage(unsigned), signer.privateKey).toString('base64') };
  const inserted = await db
    .insert(auditCheckpoints)
    .values({ ...checkpoint, signedAt: new Date(checkpoint.signedAt) })
    .onConflictDoNothing()
    .returning({ sequence: auditCheckpoints.sequence });
  if (inserted.length === 0) return null;
  appendDurably(file, JSON.stringify(checkpoint));
  return checkpoint;
}

/** The sequence of the newest checkpoint in the database (0 when none). */
export async function latestCheckpointSequence(db: Executor): Promise<number> {
  const [row] = await db.select({ sequence: auditCheckpoints.sequence }).from(auditCheckpoints).orderBy(desc(auditCheckpoints.sequence)).limit(1);
  return row?.sequence ?? 0;
}

/** The checkpoints in the file, in file order; unreadable lines are reported, not skipped silently. */
function readCheckpointFile(file: string, problems: string[]): AuditCheckpoint[] {
  if (!existsSync(file)) return [];
  const checkpoints: AuditCheckpoint[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      try {
        const value = JSON.parse(line) as AuditCheckpoint;
        if (!Number.isSafeInteger(value.sequence) || typeof value.headHash !== 'string' || typeof value.signature !== 'string') throw new Error('shape');
        checkpoints.push(value);
      } catch {
        problems.push(`checkpoint file line ${index + 1}: unreadable`);
      }
    });
  return checkpoints;
}

export interface CheckpointVerification {
  isValid: boolean;
  /** Distinct checkpoints found (database and file together). */
  checkpointCount: number;
  /** The highest row count a valid checkpoint vouches for (0 when none). */
  coveredRows: number;
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
  const filed = readCheckpointFile(file, problems);
  const bySequence = new Map<number, AuditCheckpoint>();
  for (const checkpoint of filed) {
    const earlier = bySequence.get(checkpoint.sequence);
    if (earlier && !same(earlier, checkpoint)) problems.push(`checkpoint at row ${checkpoint.sequence}: two different versions in the file`);
    bySequence.set(checkpoint.sequence, checkpoint);
  }
  const storedSequences = new Set(stored.map((checkpoint) => checkpoint.sequence));
  for (const checkpoint of stored) {
    const inFile = bySequence.get(checkpoint.sequence);
    if (!inFile) {
      problems.push(`checkpoint at row ${checkpoint.sequence}: in the database but not in the checkpoint file`);
      bySequence.set(checkpoint.sequence, checkpoint);
    } else if (!same(inFile, checkpoint)) {
      problems.push(`checkpoint at row ${checkpoint.sequence}: database and file copies differ`);
      // Both are checked below: whichever is forged fails its signature.
      await checkOne(db, publicKey, checkpoint, problems);
    }
  }
  for (const checkpoint of bySequence.values()) {
    if (!storedSequences.has(checkpoint.sequence)) problems.push(`checkpoint at row ${checkpoint.sequence}: in the file but missing from the database (removed)`);
  }
  let coveredRows = 0;
  for (const checkpoint of [...bySequence.values()].sort((a, b) => a.sequence - b.sequence)) {
    if (await checkOne(db, publicKey, checkpoint, problems)) coveredRows = Math.max(coveredRows, checkpoint.sequence);
  }
  return { isValid: problems.length === 0, checkpointCount: bySequence.size, coveredRows, problems };
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
 * Writes a checkpoint when `everyRows` rows were appended since the last one, or `everyMinutes` passed
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
        const [head] = await db.select({ sequence: sql<number>`coalesce(max(${auditLog.sequence}), 0)`.mapWith(Number) }).from(auditLog);
        const pending = (head?.sequence ?? 0) - (await latestCheckpointSequence(db));
        if (pending <= 0) return;
        const isDue = force || pending >= settings.everyRows || now().getTime() - lastWrittenAt >= settings.everyMinutes * 60_000;
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

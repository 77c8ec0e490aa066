// SPDX-License-Identifier: EUPL-1.2
// The audit log's sealer (ADR 0019): appends insert rows without ordering them; the sealer integrates
// the committed rows into a chain of batches by transaction id. One sealer at a time over all
// instances (its own advisory lock, which business transactions never take).
import { desc, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/connection.js';
import { periodicWorker, type PeriodicWorker } from '../jobs/periodic-worker.js';
import { batchDigestSql } from './audit-log.js';
import { auditBatches, auditLog } from './schema.js';

/** Held (transaction-scoped) by the sealer only: the append takes no lock at all. */
const AUDIT_SEALER_LOCK = 7_513_0002;
/** A batch holds at most about this many rows (a transaction's rows are never split), so verification can run batches in parallel. */
export const MAX_BATCH_ROWS = 20_000;

export interface SealResult {
  /** The batches sealed in this run (none when nothing was final yet or another sealer was at work). */
  batches: number[];
  rows: number;
}

/**
 * Seals every row that is final: in one REPEATABLE READ transaction, reads the watermark
 * w = pg_snapshot_xmin(pg_current_snapshot()) — every transaction with an xid below it has ended, so
 * the rows with previous to_xid ≤ xid < w can neither appear nor vanish any more — and inserts the
 * batches that cover them. Killed before it commits, nothing is sealed and the next run seals the same
 * range; a second sealer that raced it fails on the batch number (primary key) and seals nothing.
 */
export interface SealOptions {
  now?: Date;
  maxBatchRows?: number;
  /** Runs after the batches are inserted, before the commit (tests: a sealer killed there). */
  beforeCommit?: () => Promise<void>;
}

export async function sealAuditLog(db: Executor, options: SealOptions = {}): Promise<SealResult> {
  const now = options.now ?? new Date();
  const maxBatchRows = options.maxBatchRows ?? MAX_BATCH_ROWS;
  try {
    return await db.transaction(
      async (tx) => {
        const [lock] = await queryRows<{ locked: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${AUDIT_SEALER_LOCK}) AS locked`);
        if (!lock?.locked) return { batches: [], rows: 0 };
        const [state] = await queryRows<{ watermark: string }>(tx, sql`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS watermark`);
        const watermark = BigInt(state!.watermark);
        const [last] = await tx
          .select({ batch: auditBatches.batch, toXid: auditBatches.toXid, digest: auditBatches.digest })
          .from(auditBatches)
          .orderBy(desc(auditBatches.batch))
          .limit(1);
        // Batch 0 (the legacy chain) is written by the migration; without it there is nothing to chain to.
        if (!last) throw new Error('audit_batches has no batch 0: the log cannot be sealed');
        const sealed: SealResult = { batches: [], rows: 0 };
        let previous = { batch: last.batch, toXid: BigInt(last.toXid), digest: last.digest };
        while (previous.toXid < watermark) {
          // The end of this batch: the xid of the row after the first maxBatchRows, or the watermark.
          const [cut] = await queryRows<{ xid: string }>(
            tx,
            sql`SELECT ${auditLog.xid}::text AS xid FROM audit_log
                WHERE ${auditLog.xid} >= ${previous.toXid.toString()}::xid8 AND ${auditLog.xid} < ${watermark.toString()}::xid8
                ORDER BY ${auditLog.xid}, ${auditLog.sequence} OFFSET ${maxBatchRows} LIMIT 1`,
          );
          const toXid = cut && BigInt(cut.xid) > previous.toXid ? BigInt(cut.xid) : watermark;
          const [range] = await queryRows<{ rows: number; digest: string }>(
            tx,
            sql`SELECT count(*)::int AS rows, ${batchDigestSql(previous.digest)} AS digest FROM audit_log
                WHERE ${auditLog.xid} >= ${previous.toXid.toString()}::xid8 AND ${auditLog.xid} < ${toXid.toString()}::xid8`,
          );
          // No rows: no batch. The next batch's range then simply starts at the same place.
          if (!range || range.rows === 0) break;
          const batch = previous.batch + 1;
          await tx.insert(auditBatches).values({
            batch,
            fromXid: previous.toXid.toString(),
            toXid: toXid.toString(),
            rowCount: range.rows,
            digest: range.digest,
            previousDigest: previous.digest,
            sealedAt: new Date(Math.floor(now.getTime())),
          });
          sealed.batches.push(batch);
          sealed.rows += range.rows;
          previous = { batch, toXid, digest: range.digest };
        }
        await options.beforeCommit?.();
        return sealed;
      },
      { isolationLevel: 'repeatable read' },
    );
  } catch (error) {
    // Another sealer committed the same batch number between our snapshot and our lock: it sealed; we did not.
    if (isUniqueViolation(error)) return { batches: [], rows: 0 };
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
    if ((cause as { code?: string }).code === '23505') return true;
  }
  return false;
}

/** Default interval of the sealer in the app: the window in which a row is not yet sealed. */
export const SEALER_INTERVAL_MS = 2_000;

/** The sealer on a timer (the app starts it when ready and stops it, with a last pass, on close); tests call runOnce. */
export function auditSealer(db: Executor, intervalMs: number | null, now: () => Date, onError: (error: unknown) => void): PeriodicWorker<SealResult> {
  return periodicWorker(() => sealAuditLog(db, { now: now() }), intervalMs, onError);
}

// SPDX-License-Identifier: EUPL-1.2
// Sealing in tests (ADR 0019). The sealer's watermark is the oldest transaction still running in the
// whole PostgreSQL cluster, so on a shared test server another test file's open transaction holds it
// back for a moment. Waiting until every transaction older than "now" has ended makes one sealer run
// deterministic: it then seals every row committed before the call.
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../src/server/platform/db/connection.js';
import { sealAuditLog, type SealOptions, type SealResult } from '../../src/server/platform/audit/sealer.js';

/** Waits until every transaction that started before this call has ended (at most `timeoutMs`). */
export async function settleAuditWatermark(db: Executor, timeoutMs = 20_000): Promise<void> {
  // A transaction id of our own (it ends at once): every older transaction must end before the watermark passes it.
  const [mark] = await db.transaction(async (tx) => queryRows<{ xid: string }>(tx as unknown as Executor, sql`SELECT pg_current_xact_id()::text AS xid`));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [now] = await queryRows<{ watermark: string }>(db, sql`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS watermark`);
    if (BigInt(now!.watermark) > BigInt(mark!.xid)) return;
    if (Date.now() > deadline) throw new Error('a transaction older than the test stays open: the audit watermark does not advance');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Seals every row committed before the call, in one run of the sealer. */
export async function sealSettled(db: Executor, options: SealOptions = {}): Promise<SealResult> {
  await settleAuditWatermark(db);
  return sealAuditLog(db, options);
}

// SPDX-License-Identifier: EUPL-1.2
// NEN 7513 audit log: append rows to a hash chain, and verify the chain.
import { createHash } from 'node:crypto';
import { asc, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/connection.js';
import { auditBatches, auditLog } from './schema.js';

import type { AuditAction, AuditObjectType, AuditOutcome } from '../../../contracts/audit.js';

export { AUDIT_ACTIONS } from '../../../contracts/audit.js';
export type { AuditAction, AuditObjectType, AuditOutcome };

/** Who did it, for whom, from where: the fields that come from the request, not the feature. */
export interface AuditActorFields {
  actorId?: string | null;
  onBehalfOfId?: string | null;
  organisationId?: string | null;
  role?: string | null;
  sourceIp?: string | null;
  userAgent?: string | null;
}

export interface AuditEvent extends AuditActorFields {
  action: AuditAction;
  outcome: AuditOutcome;
  objectType?: AuditObjectType | null;
  objectId?: string | null;
  clientId?: string | null;
  /** Every client whose data the request returned (lists, searches, exports); duplicates are dropped. */
  clientIds?: readonly string[] | null;
  reason?: string | null;
  /** Non-personal extra facts (e.g. result count of a search). Never names, BSNs or free text. */
  details?: Record<string, unknown> | null;
}

export const GENESIS_HASH = '0'.repeat(64);

interface ChainFields {
  sequence: number;
  occurredAt: Date;
  actorId: string | null;
  onBehalfOfId: string | null;
  organisationId: string | null;
  role: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  clientId: string | null;
  /** Null when the row names no list of clients: then it is left out of the hash, so rows from before the column hash as they did. */
  clientIds: string[] | null;
  outcome: string;
  sourceIp: string | null;
  userAgent: string | null;
  reason: string | null;
  details: Record<string, unknown> | null;
  previousHash: string;
}

/** Canonical JSON (sorted keys) so the hash does not depend on property order. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export function hashAuditRow(row: ChainFields): string {
  const { clientIds, ...rest } = row;
  return createHash('sha256').update(canonical(clientIds === null || clientIds === undefined ? rest : row)).digest('hex');
}

/** Distinct and sorted, so the same set of clients always hashes the same; null for none. */
function clientListOf(clientIds: readonly string[] | null | undefined): string[] | null {
  if (!clientIds || clientIds.length === 0) return null;
  return [...new Set(clientIds)].sort();
}

/** The row an event becomes in the legacy chain (before its hash): rows from before ADR 0019, tests and tools that build them. */
export function chainFieldsOf(event: AuditEvent, sequence: number, occurredAt: Date, previousHash: string): ChainFields {
  return {
    sequence,
    occurredAt,
    actorId: event.actorId ?? null,
    onBehalfOfId: event.onBehalfOfId ?? null,
    organisationId: event.organisationId ?? null,
    role: event.role ?? null,
    action: event.action,
    objectType: event.objectType ?? null,
    objectId: event.objectId ?? null,
    clientId: event.clientId ?? null,
    clientIds: clientListOf(event.clientIds),
    outcome: event.outcome,
    sourceIp: event.sourceIp ?? null,
    userAgent: event.userAgent ? event.userAgent.slice(0, 500) : null,
    reason: event.reason ?? null,
    details: event.details ?? null,
    previousHash,
  };
}

/** The columns a row's hash covers, in their fixed order (ADR 0019 item 6; migration 0034's audit_row_hash). */
const HASHED_COLUMNS = [
  'sequence', 'xid', 'occurred_at', 'actor_id', 'on_behalf_of_id', 'organisation_id', 'role', 'action', 'object_type', 'object_id',
  'client_id', 'client_ids', 'outcome', 'source_ip', 'user_agent', 'reason', 'details',
] as const;

/**
 * The hash of a row sealed in batches (ADR 0019), as SQL over the row's columns under `alias`: the
 * database function `audit_row_hash` (migration 0034) — SHA-256 over a JSON array PostgreSQL builds and
 * normalises itself (`occurred_at` as epoch milliseconds, `details` as jsonb, strings escaped so no
 * field can run into the next). The append computes it in the database, and so does verification.
 */
export function rowHashSql(alias: string): SQL {
  return sql`audit_row_hash(${sql.raw(HASHED_COLUMNS.map((name) => `${alias}.${name}`).join(', '))})`;
}

const uuidOrNull = (value: string | null) => sql`${value}::uuid`;

/**
 * Appends one event: one INSERT in the caller's transaction (so the audit row commits or rolls back
 * with the change it describes), without a lock and without reading any other row (ADR 0019). The
 * row gets its transaction id and a sequence number from the database, which hashes it too; the
 * sealer integrates it into a batch once every older transaction has ended. Through the database
 * function `audit_log_append` (migration 0034), whose plan each connection prepares once.
 */
export async function appendAuditEvent(tx: Executor, event: AuditEvent, now: Date): Promise<void> {
  // Millisecond precision: what PostgreSQL stores (precision 3) is exactly what is hashed.
  const occurredAt = new Date(Math.floor(now.getTime()));
  const fields = chainFieldsOf(event, 0, occurredAt, GENESIS_HASH);
  const clientIds = fields.clientIds === null ? sql`NULL::uuid[]` : sql`ARRAY[${sql.join(fields.clientIds.map((id) => sql`${id}::uuid`), sql`, `)}]::uuid[]`;
  await tx.execute(sql`SELECT audit_log_append(${occurredAt.toISOString()}::timestamptz, ${uuidOrNull(fields.actorId)}, ${uuidOrNull(fields.onBehalfOfId)},
    ${uuidOrNull(fields.organisationId)}, ${fields.role}::text, ${fields.action}::text, ${fields.objectType}::text, ${fields.objectId}::text,
    ${uuidOrNull(fields.clientId)}, ${clientIds}, ${fields.outcome}::text, ${fields.sourceIp}::text, ${fields.userAgent}::text, ${fields.reason}::text,
    ${fields.details === null ? null : JSON.stringify(fields.details)}::jsonb)`);
}

/** Appends one event in a transaction of its own (for events with no other write: failed logins, denials). */
export async function appendAuditEventAlone(db: Executor, event: AuditEvent, now: Date): Promise<void> {
  await db.transaction((tx) => appendAuditEvent(tx as unknown as Executor, event, now));
}

/**
 * A batch's digest as SQL over the rows in scope of the query: SHA-256 over the previous batch's
 * digest followed by the rows' hashes in (xid, sequence) order (ADR 0019 item 2), hex.
 */
export function batchDigestSql(previousDigest: string): SQL {
  return sql`encode(sha256(convert_to(${previousDigest}::text || coalesce(string_agg(${auditLog.hash}, '' ORDER BY ${auditLog.xid}, ${auditLog.sequence}), ''), 'UTF8')), 'hex')`;
}

/** The same digest in JavaScript, for tests and tools that hold the row hashes. */
export function batchDigestOf(previousDigest: string, rowHashes: readonly string[]): string {
  return createHash('sha256').update(previousDigest + rowHashes.join('')).digest('hex');
}

/** Rows still unsealed this long after they were written are a defect (ADR 0019: the window). */
export const UNSEALED_WINDOW_MS = 60_000;

export interface ChainVerification {
  isValid: boolean;
  /** Rows looked at: the legacy chain (when verified), the verified batches and the unsealed rows. */
  rowCount: number;
  problems: string[];
  /** Batches verified (batch 0, the legacy chain, included when verified). */
  batchCount: number;
  /** The newest batch and its digest (what a signed checkpoint vouches for), null without batches. */
  lastBatch: { batch: number; digest: string } | null;
  /** Rows no batch holds yet (recent ones are normal; older than the window is a problem). */
  unsealedRows: number;
}

export interface VerifyOptions {
  /** Verify from this batch on (incremental: the batches before it were verified and signed before). Default 0: everything. */
  fromBatch?: number;
  /** The verifier's clock, for the unsealed-row window. */
  now?: Date;
  windowMs?: number;
  /** Batches verified at once (each a query of its own; PostgreSQL runs them on separate connections). */
  parallel?: number;
}

interface BatchRow {
  batch: number;
  fromXid: string;
  toXid: string;
  rowCount: number;
  digest: string;
  previousDigest: string;
}

const listed = (sequences: readonly (number | string)[]) => sequences.slice(0, 10).join(', ') + (sequences.length > 10 ? ', …' : '');

/**
 * Verifies the audit log (ADR 0003, 0019): the legacy chain (batch 0) row by row as before, then each
 * sealed batch — every row's hash recomputed from its fields, the count and digest over the batch's xid
 * range, the link to the previous batch — in SQL and in parallel; then the unsealed rows: their hashes,
 * and whether any is older than the window. A row inserted with a chosen old xid, a removed or altered
 * row, a removed batch or an altered digest each shows as a problem.
 */
export async function verifyAuditChain(db: Executor, options: VerifyOptions = {}): Promise<ChainVerification> {
  const fromBatch = options.fromBatch ?? 0;
  const now = options.now ?? new Date();
  const windowMs = options.windowMs ?? UNSEALED_WINDOW_MS;
  const problems: string[] = [];
  let rowCount = 0;
  let batchCount = 0;
  const batches: BatchRow[] = await db
    .select({
      batch: auditBatches.batch,
      fromXid: auditBatches.fromXid,
      toXid: auditBatches.toXid,
      rowCount: auditBatches.rowCount,
      digest: auditBatches.digest,
      previousDigest: auditBatches.previousDigest,
    })
    .from(auditBatches)
    .orderBy(asc(auditBatches.batch));
  const legacy = batches[0]?.batch === 0 ? batches[0] : null;
  if (!legacy) problems.push('batch 0 (the chain from before sealing) is missing (removed)');

  if (fromBatch === 0 && legacy) {
    const chain = await verifyLegacyChain(db, legacy.toXid);
    problems.push(...chain.problems);
    rowCount += chain.rowCount;
    batchCount += 1;
    if (chain.rowCount !== legacy.rowCount) problems.push(`batch 0: the chain has ${chain.rowCount} rows, sealed with ${legacy.rowCount} (rows added or removed)`);
    if (chain.headHash !== legacy.digest) problems.push('batch 0: the chain\'s head hash is not the batch digest (rows removed or rewritten)');
    if (legacy.previousDigest !== GENESIS_HASH || legacy.fromXid !== '0') problems.push('batch 0: altered (its range or previous digest)');
  }

  // The batch chain: contiguous numbers and xid ranges, each linked to the digest before it.
  for (let index = 1; index < batches.length; index += 1) {
    const previous = batches[index - 1]!;
    const batch = batches[index]!;
    if (batch.batch < fromBatch) continue;
    if (batch.batch !== previous.batch + 1) problems.push(`batch ${previous.batch + 1}${batch.batch - previous.batch > 2 ? `–${batch.batch - 1}` : ''}: missing (removed)`);
    if (batch.fromXid !== previous.toXid) problems.push(`batch ${batch.batch}: its range does not start where batch ${previous.batch} ended`);
    if (batch.previousDigest !== previous.digest) problems.push(`batch ${batch.batch}: not linked to batch ${previous.batch} (a digest altered or a batch removed)`);
    if (BigInt(batch.toXid) <= BigInt(batch.fromXid)) problems.push(`batch ${batch.batch}: empty or reversed range`);
  }

  // Each batch's rows, independently: count, digest and every row's own hash, computed by PostgreSQL.
  const toCheck = batches.filter((batch) => batch.batch > 0 && batch.batch >= fromBatch);
  const results = await inParallel(toCheck, options.parallel ?? 4, async (batch) => {
    const [found] = await queryRows<{ rows: number; digest: string; altered: string[] | null }>(
      db,
      sql`SELECT count(*)::int AS rows, ${batchDigestSql(batch.previousDigest)} AS digest,
            (array_agg(${auditLog.sequence}::text ORDER BY ${auditLog.sequence}) FILTER (WHERE ${auditLog.hash} IS DISTINCT FROM ${rowHashSql('audit_log')} OR ${auditLog.previousHash} IS NOT NULL)) AS altered
          FROM audit_log WHERE ${auditLog.xid} >= ${batch.fromXid}::xid8 AND ${auditLog.xid} < ${batch.toXid}::xid8`,
    );
    return { batch, found: found! };
  });
  for (const { batch, found } of results) {
    batchCount += 1;
    rowCount += found.rows;
    for (const sequence of found.altered ?? []) problems.push(`sequence ${sequence}: contents do not match its hash (altered)`);
    if (found.rows !== batch.rowCount) problems.push(`batch ${batch.batch}: ${found.rows} rows in its range, sealed with ${batch.rowCount} (rows added or removed)`);
    if (found.digest !== batch.digest) problems.push(`batch ${batch.batch}: its rows do not give its digest (rows altered, added or removed, or the digest altered)`);
  }

  // Rows no batch accounts for: below batch 0's end without a chain link (inserted with an old xid), and the unsealed ones.
  const last = batches.at(-1);
  let unsealedRows = 0;
  if (legacy) {
    const [forged] = await queryRows<{ sequences: string[] | null }>(
      db,
      sql`SELECT array_agg(${auditLog.sequence}::text ORDER BY ${auditLog.sequence}) AS sequences FROM audit_log
          WHERE ${auditLog.xid} < ${legacy.toXid}::xid8 AND ${auditLog.previousHash} IS NULL`,
    );
    if (forged?.sequences) problems.push(`sequence ${listed(forged.sequences)}: in the range of batch 0 but not part of its chain (inserted afterwards)`);
  }
  if (last) {
    const [unsealed] = await queryRows<{ rows: number; overdue: number; oldest: string | null; altered: string[] | null }>(
      db,
      sql`SELECT count(*)::int AS rows, count(*) FILTER (WHERE ${auditLog.occurredAt} < ${new Date(now.getTime() - windowMs).toISOString()}::timestamptz)::int AS overdue,
            min(${auditLog.occurredAt})::text AS oldest,
            (array_agg(${auditLog.sequence}::text ORDER BY ${auditLog.sequence}) FILTER (WHERE ${auditLog.hash} IS DISTINCT FROM ${rowHashSql('audit_log')} OR ${auditLog.previousHash} IS NOT NULL)) AS altered
          FROM audit_log WHERE ${auditLog.xid} >= ${last.toXid}::xid8`,
    );
    unsealedRows = unsealed?.rows ?? 0;
    rowCount += unsealedRows;
    for (const sequence of unsealed?.altered ?? []) problems.push(`sequence ${sequence}: contents do not match its hash (altered)`);
    if (unsealed && unsealed.overdue > 0) {
      problems.push(`${unsealed.overdue} rows unsealed for longer than ${Math.round(windowMs / 1000)} s (the sealer is not running, or a long transaction holds it back)`);
    }
  }
  return {
    isValid: problems.length === 0,
    rowCount,
    problems,
    batchCount,
    lastBatch: last ? { batch: last.batch, digest: last.digest } : null,
    unsealedRows,
  };
}

/** Runs `work` over `items`, at most `parallel` at a time, keeping their order. */
async function inParallel<T, R>(items: readonly T[], parallel: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(parallel, items.length)) }, async () => {
      while (next < items.length) {
        const index = next;
        next += 1;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

/** The chain from before ADR 0019 (the rows below batch 0's end), recomputed row by row as ADR 0003 did. */
async function verifyLegacyChain(db: Executor, untilXid: string, pageSize = 5000): Promise<{ rowCount: number; headHash: string; problems: string[] }> {
  const problems: string[] = [];
  let expectedSequence = 1;
  let previousHash = GENESIS_HASH;
  let rowCount = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.sequence} >= ${expectedSequence} AND ${auditLog.xid} < ${untilXid}::xid8 AND ${auditLog.previousHash} IS NOT NULL`)
      .orderBy(asc(auditLog.sequence))
      .limit(pageSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      rowCount += 1;
      if (row.sequence !== expectedSequence) {
        problems.push(`gap: expected sequence ${expectedSequence}, found ${row.sequence}`);
      }
      if (row.previousHash !== previousHash) {
        problems.push(`sequence ${row.sequence}: previous hash does not match the row before it`);
      }
      const { hash, xid: _xid, ...fields } = row;
      if (hashAuditRow(fields as ChainFields) !== hash) {
        problems.push(`sequence ${row.sequence}: contents do not match its hash (altered)`);
      }
      previousHash = hash;
      expectedSequence = row.sequence + 1;
    }
  }
  return { rowCount, headHash: previousHash, problems };
}

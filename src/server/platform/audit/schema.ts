// SPDX-License-Identifier: EUPL-1.2
import { sql } from 'drizzle-orm';
import { bigint, customType, integer, jsonb, pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';

/** PostgreSQL's 64-bit transaction id (never wraps); read and written as its decimal text. */
export const xid8 = customType<{ data: string; driverData: string }>({
  dataType: () => 'xid8',
});

/**
 * NEN 7513 access log. Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). Rows from before
 * ADR 0019 are hash-chained (`previousHash` set, `hash` over the fields and it: the legacy chain, batch
 * 0); newer rows carry no `previousHash`, `hash` covers the row's own fields (computed by PostgreSQL,
 * see audit-log.ts) and the sealer integrates them into `audit_batches` by transaction id.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    /** Unique and increasing per session, not gap-free and not in commit order (ADR 0019). */
    sequence: bigint('sequence', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** The writing transaction's id: the sealer's batches are ranges of it. */
    xid: xid8('xid').notNull().default(sql`pg_current_xact_id()`),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid('actor_id'),
    onBehalfOfId: uuid('on_behalf_of_id'),
    organisationId: uuid('organisation_id'),
    role: text('role'),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    clientId: uuid('client_id'),
    /** Every client whose data a list, search or export returned (one row per request, NEN 7513). */
    clientIds: uuid('client_ids').array(),
    outcome: text('outcome').notNull(),
    sourceIp: text('source_ip'),
    userAgent: text('user_agent'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    /** The legacy chain's link (rows before ADR 0019); null for rows sealed in batches. */
    previousHash: text('previous_hash'),
    hash: text('hash').notNull(),
  },
  (table) => [
    index('audit_log_occurred_at_idx').on(table.occurredAt),
    index('audit_log_actor_idx').on(table.actorId),
    index('audit_log_client_idx').on(table.clientId),
    index('audit_log_client_ids_idx').using('gin', table.clientIds),
    index('audit_log_organisation_idx').on(table.organisationId),
    index('audit_log_xid_idx').on(table.xid, table.sequence),
  ],
);

/**
 * The sealer's batches (ADR 0019): batch N holds the rows with `fromXid ≤ xid < toXid`, ordered by
 * (xid, sequence); `digest` = SHA-256(previousDigest ‖ their hashes). Ranges are contiguous (each
 * `fromXid` is the previous `toXid`), so the batches form one chain. Batch 0 is the legacy chain (its
 * digest the legacy head hash). Append-only like the log.
 */
export const auditBatches = pgTable('audit_batches', {
  batch: bigint('batch', { mode: 'number' }).primaryKey(),
  fromXid: xid8('from_xid').notNull(),
  toXid: xid8('to_xid').notNull(),
  rowCount: integer('row_count').notNull(),
  digest: text('digest').notNull(),
  previousDigest: text('previous_digest').notNull(),
  sealedAt: timestamp('sealed_at', { withTimezone: true, precision: 3 }).notNull(),
});

/**
 * Signed checkpoints of the batches (ADR 0019 item 3): batch `batch` had digest `digest`, signed with
 * the Ed25519 key of ADR 0010. Append-only; each also appended to the checkpoint file.
 */
export const auditBatchCheckpoints = pgTable('audit_batch_checkpoints', {
  batch: bigint('batch', { mode: 'number' }).primaryKey(),
  digest: text('digest').notNull(),
  signedAt: timestamp('signed_at', { withTimezone: true, precision: 3 }).notNull(),
  keyId: text('key_id').notNull(),
  signature: text('signature').notNull(),
});

/**
 * Signed checkpoints of the audit chain (see ADR 0010): after `sequence` rows the chain's head hash
 * was `headHash`, signed with an Ed25519 key the database does not hold. Each is also appended to a
 * file outside the database. Append-only like the log itself.
 */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  sequence: bigint('sequence', { mode: 'number' }).primaryKey(),
  headHash: text('head_hash').notNull(),
  signedAt: timestamp('signed_at', { withTimezone: true, precision: 3 }).notNull(),
  keyId: text('key_id').notNull(),
  signature: text('signature').notNull(),
});

// SPDX-License-Identifier: EUPL-1.2
import { bigint, jsonb, pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';

/**
 * NEN 7513 access log. Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE) and
 * hash-chained: `hash` = SHA-256 over the row's fields and `previousHash`.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    sequence: bigint('sequence', { mode: 'number' }).primaryKey(),
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
    previousHash: text('previous_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [
    index('audit_log_occurred_at_idx').on(table.occurredAt),
    index('audit_log_actor_idx').on(table.actorId),
    index('audit_log_client_idx').on(table.clientId),
    index('audit_log_client_ids_idx').using('gin', table.clientIds),
    index('audit_log_organisation_idx').on(table.organisationId),
  ],
);

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

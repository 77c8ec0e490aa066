// SPDX-License-Identifier: EUPL-1.2
// NEN 7513 audit log: append rows to a hash chain, and verify the chain.
import { createHash } from 'node:crypto';
import { asc, desc, sql } from 'drizzle-orm';
import type { Executor } from '../db/connection.js';
import { auditLog } from './schema.js';

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
/** Serialises appends so that sequence numbers and the chain have no gaps or forks. */
const AUDIT_CHAIN_LOCK = 7_513_0001;

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

/**
 * Appends one event. Must run inside a transaction (the caller's, so the audit row commits or
 * rolls back with the change it describes); takes a transaction-scoped lock to keep the chain linear.
 */
/** The row an event becomes at this place in the chain (before its hash). */
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

export async function appendAuditEvent(tx: Executor, event: AuditEvent, now: Date): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx
    .select({ sequence: auditLog.sequence, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.sequence))
    .limit(1);
  // Millisecond precision: what PostgreSQL stores (precision 3) is exactly what we hash.
  const occurredAt = new Date(Math.floor(now.getTime()));
  const fields = chainFieldsOf(event, (last?.sequence ?? 0) + 1, occurredAt, last?.hash ?? GENESIS_HASH);
  await tx.insert(auditLog).values({ ...fields, hash: hashAuditRow(fields) });
}

/** Appends one event in a transaction of its own (for events with no other write: failed logins, denials). */
export async function appendAuditEventAlone(db: Executor, event: AuditEvent, now: Date): Promise<void> {
  await db.transaction((tx) => appendAuditEvent(tx as unknown as Executor, event, now));
}

export interface ChainVerification {
  isValid: boolean;
  rowCount: number;
  problems: string[];
}

/** Recomputes the whole chain in batches; reports gaps in the sequence and altered rows. */
export async function verifyAuditChain(db: Executor, batchSize = 5000): Promise<ChainVerification> {
  const problems: string[] = [];
  let expectedSequence = 1;
  let previousHash = GENESIS_HASH;
  let rowCount = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.sequence} >= ${expectedSequence}`)
      .orderBy(asc(auditLog.sequence))
      .limit(batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      rowCount += 1;
      if (row.sequence !== expectedSequence) {
        problems.push(`gap: expected sequence ${expectedSequence}, found ${row.sequence}`);
      }
      if (row.previousHash !== previousHash) {
        problems.push(`sequence ${row.sequence}: previous hash does not match the row before it`);
      }
      const { hash, ...fields } = row;
      if (hashAuditRow(fields as ChainFields) !== hash) {
        problems.push(`sequence ${row.sequence}: contents do not match its hash (altered)`);
      }
      previousHash = hash;
      expectedSequence = row.sequence + 1;
    }
  }
  return { isValid: problems.length === 0, rowCount, problems };
}

// SPDX-License-Identifier: EUPL-1.2
// Who may see a family: the organisations with an active care relationship, plus a person's own
// emergency access while it lasts. The policy's 'own_organisation' reach on 'family' means exactly
// this; every feature that reads or writes part of a family's file locates it through here.
import type { AuditObjectType } from '../../../contracts/audit.js';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import type { Actor, Target } from '../../platform/access/policy.js';
import { requireAllowed, type ScopedStore } from '../../platform/access/scoped-store.js';
import { lockChildOfFamily } from './child-closure-store.js';
import { amsterdamDate } from '../../../contracts/calendar.js';

/**
 * SQL condition: the care relationship row `cr` (joined with its consent `c`) is active on `today`.
 * A relationship from a referral lives only while its consent does: withdrawn or expired consent ends
 * it at once. A legal ground (e.g. the reporting code) needs no consent.
 */
function activeRelationship(today: string): SQL {
  return sql`cr.ended_at IS NULL AND (
    cr.basis = 'registered'
    OR cr.legal_ground IS NOT NULL
    OR EXISTS (SELECT 1 FROM consents c WHERE c.id = cr.consent_id AND c.withdrawn_at IS NULL AND c.given_on <= ${today}::date AND c.valid_until >= ${today}::date)
  )`;
}

/** SQL condition: the organisation has an active care relationship with the family (emergency access is a person's, not counted). */
export function organisationCaresFor(familyId: SQL, organisationId: string, now: Date): SQL {
  return sql`EXISTS (
      SELECT 1 FROM care_relationships cr
      WHERE cr.family_id = ${familyId} AND cr.organisation_id = ${organisationId}::uuid AND ${activeRelationship(amsterdamDate(now))}
    )`;
}

/**
 * SQL condition on a family id expression: the actor's organisation has an active care relationship
 * with it, or the actor has an emergency access to it that has not expired. For lists and searches.
 */
export function familyVisibleTo(familyId: SQL, actor: Actor, now: Date): SQL {
  if (!actor.organisationId) return sql`false`;
  return sql`(${organisationCaresFor(familyId, actor.organisationId, now)} OR EXISTS (
      SELECT 1 FROM emergency_accesses ea
      WHERE ea.family_id = ${familyId} AND ea.person_id = ${actor.personId} AND ea.organisation_id = ${actor.organisationId}
        AND ea.expires_at > ${now.toISOString()}::timestamptz
    ))`;
}

/**
 * The policy target for one family: the organisations with an active care relationship; an active
 * emergency access of this very person adds their organisation and marks the audit row. Null when
 * the family does not exist.
 */
export async function locateFamily(tx: Executor, familyId: string, actor: Actor, now: Date): Promise<Target | null> {
  const today = amsterdamDate(now);
  const rows = await queryRows<{ organisation_ids: string[]; emergency_access_id: string | null }>(tx, sql`
    SELECT
      ARRAY(SELECT DISTINCT cr.organisation_id::text FROM care_relationships cr WHERE cr.family_id = f.id AND ${activeRelationship(today)}) AS organisation_ids,
      (SELECT ea.id::text FROM emergency_accesses ea
        WHERE ea.family_id = f.id AND ea.person_id = ${actor.personId} AND ea.organisation_id = ${actor.organisationId ?? null}::uuid
          AND ea.expires_at > ${now.toISOString()}::timestamptz
        ORDER BY ea.expires_at DESC LIMIT 1) AS emergency_access_id
    FROM families f WHERE f.id = ${familyId}::uuid`);
  const row = rows[0];
  if (!row) return null;
  const organisationIds = row.organisation_ids;
  if (row.emergency_access_id && actor.organisationId && !organisationIds.includes(actor.organisationId)) {
    return { organisationIds: [...organisationIds, actor.organisationId], auditNote: { emergencyAccessId: row.emergency_access_id } };
  }
  return { organisationIds };
}

/**
 * Everyone who may see a family now, and how: each organisation with an active care relationship
 * (lasting — registered or on a legal ground — or only while a consent holds), and each person with
 * an emergency access that has not expired. Two families with the same answer are seen by the same
 * people in the same way.
 */
export async function whoMaySee(tx: Executor, familyId: string, now: Date): Promise<{ organisations: string[]; emergencyAccessors: string[] }> {
  const organisations = await queryRows<{ organisation_id: string; is_lasting: boolean }>(
    tx,
    sql`SELECT cr.organisation_id::text AS organisation_id, bool_or(cr.basis = 'registered' OR cr.legal_ground IS NOT NULL) AS is_lasting
      FROM care_relationships cr WHERE cr.family_id = ${familyId}::uuid AND ${activeRelationship(amsterdamDate(now))}
      GROUP BY cr.organisation_id ORDER BY cr.organisation_id`,
  );
  const accessors = await queryRows<{ accessor: string }>(
    tx,
    sql`SELECT DISTINCT ea.person_id::text || '@' || ea.organisation_id::text AS accessor FROM emergency_accesses ea
      WHERE ea.family_id = ${familyId}::uuid AND ea.expires_at > ${now.toISOString()}::timestamptz ORDER BY 1`,
  );
  return {
    organisations: organisations.map((row) => `${row.organisation_id}:${row.is_lasting ? 'lasting' : 'consent'}`),
    emergencyAccessors: accessors.map((row) => row.accessor),
  };
}

/** Does this organisation have an active care relationship (not an emergency access) with the family? */
export async function hasCareRelationship(tx: Executor, familyId: string, organisationId: string, now: Date): Promise<boolean> {
  const rows = await queryRows<{ found: number }>(
    tx,
    sql`SELECT 1 AS found FROM care_relationships cr
      WHERE cr.family_id = ${familyId}::uuid AND cr.organisation_id = ${organisationId}::uuid AND ${activeRelationship(amsterdamDate(now))} LIMIT 1`,
  );
  return rows.length > 0;
}

/**
 * The policy target for a decision only a care relationship carries (a closure flag): the organisations
 * with an active care relationship with the family, without an emergency access.
 */
export function careRelationshipTarget(relationships: readonly { organisationId: string }[]): Target {
  return { organisationIds: [...new Set(relationships.map((relationship) => relationship.organisationId))] };
}

/** The organisations that may see a family now, and since when (for the file's overview). */
export async function activeCareRelationships(
  tx: Executor,
  familyId: string,
  now: Date,
): Promise<{ organisationId: string; organisationName: string; basis: 'registered' | 'referral'; since: Date }[]> {
  const rows = await queryRows<{ organisation_id: string; organisation_name: string; basis: 'registered' | 'referral'; since: Date | string }>(
    tx,
    sql`SELECT cr.organisation_id::text AS organisation_id, o.name AS organisation_name, cr.basis, min(cr.started_at) AS since
      FROM care_relationships cr JOIN organisations o ON o.id = cr.organisation_id
      WHERE cr.family_id = ${familyId}::uuid AND ${activeRelationship(amsterdamDate(now))}
      GROUP BY cr.organisation_id, o.name, cr.basis ORDER BY min(cr.started_at)`,
  );
  return rows.map((row) => ({
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    basis: row.basis,
    since: new Date(row.since),
  }));
}

export interface FamilyRecordOperation<T> {
  familyId: string;
  /** 'read' to look, 'update' to add or change something in the file. */
  action: 'read' | 'update';
  /** What the audit row calls the record, e.g. 'home_visit'. */
  objectType: AuditObjectType;
  perform: (tx: Executor, target: Target) => Promise<T>;
  details?: (result: T) => Record<string, unknown> | null;
  /** Other clients whose data the result holds (e.g. possible duplicates): named in the audit row too. */
  clientIds?: (result: T) => readonly string[];
  /** Other families this act touched (a merge's duplicate): each gets its own audit row. */
  alsoConcerns?: (result: T) => { objectId: string; clientId: string; details?: Record<string, unknown> | null }[];
}

/**
 * Read or write part of a family's file: the policy decides on the family (care relationship or
 * emergency access), the work runs in one transaction, and the audit row names the client and the record.
 */
/**
 * A change to a child's closure flag (set: create, lift: update): decided on 'child_closure' with the
 * organisations that have a care relationship (an emergency access does not count), with the child's
 * row locked, and audited as a change to the family's file naming the child and the closure.
 */
export function actOnChildClosure<T extends { id: string }>(
  store: ScopedStore,
  now: () => Date,
  target: { familyId: string; childId: string; decision: 'create' | 'update'; change: 'closure_set' | 'closure_lifted' },
  perform: (tx: Executor) => Promise<T>,
): Promise<T> {
  return actOnFamily(store, now, {
    familyId: target.familyId,
    action: 'update',
    objectType: 'child_closure',
    perform: async (tx) => {
      requireAllowed(store.actor, 'child_closure', target.decision, careRelationshipTarget(await activeCareRelationships(tx, target.familyId, now())));
      await lockChildOfFamily(tx, target.familyId, target.childId);
      return perform(tx);
    },
    details: (closure) => ({ change: target.change, childId: target.childId, closureId: closure.id }),
  });
}

export function actOnFamily<T>(store: ScopedStore, now: () => Date, operation: FamilyRecordOperation<T>): Promise<T> {
  return store.act({
    resource: 'family',
    action: operation.action,
    objectId: operation.familyId,
    clientId: operation.familyId,
    objectType: operation.objectType,
    locate: (tx) => locateFamily(tx, operation.familyId, store.actor, now()),
    perform: operation.perform,
    ...(operation.details ? { details: operation.details } : {}),
    ...(operation.clientIds ? { clientIds: operation.clientIds } : {}),
    ...(operation.alsoConcerns ? { alsoConcerns: operation.alsoConcerns } : {}),
  });
}

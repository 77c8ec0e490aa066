// SPDX-License-Identifier: EUPL-1.2
// Which family's file a FHIR id belongs to. Only ids come back (never personal data), and only to
// pass them on to a use-case that asks the policy and audits — the same "locate first" step the
// screening and referral features take (familyOfScreening, actOnFamilyOf).
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/connection.js';

export interface PatientLocation {
  familyId: string;
  /** Null when the id is the family's own (the client); a child's member id otherwise. */
  childId: string | null;
}

/** Patient ids: the family id stands for the client (expecting parent), a member id for a child. */
export async function locatePatient(db: Executor, id: string): Promise<PatientLocation | null> {
  const [row] = await queryRows<{ family_id: string; child_id: string | null }>(
    db,
    sql`SELECT f.id::text AS family_id, NULL::text AS child_id FROM families f WHERE f.id = ${id}::uuid
      UNION ALL
      SELECT m.family_id::text, m.id::text FROM family_members m WHERE m.id = ${id}::uuid AND m.role = 'child'
      LIMIT 1`,
  );
  return row ? { familyId: row.family_id, childId: row.child_id } : null;
}

/** RelatedPerson ids are the partner's member id. */
export async function familyOfPartner(db: Executor, id: string): Promise<string | null> {
  const [row] = await queryRows<{ family_id: string }>(
    db,
    sql`SELECT family_id::text FROM family_members WHERE id = ${id}::uuid AND role = 'partner'`,
  );
  return row?.family_id ?? null;
}

/** Consent ids → family. */
export async function familyOfConsent(db: Executor, id: string): Promise<string | null> {
  const [row] = await queryRows<{ family_id: string }>(db, sql`SELECT family_id::text FROM consents WHERE id = ${id}::uuid`);
  return row?.family_id ?? null;
}

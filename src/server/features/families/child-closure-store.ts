// SPDX-License-Identifier: EUPL-1.2
// Queries on closure flags (afscherming) of a family's children. Only called from inside a ScopedStore
// operation (actOnFamily), with the transaction it hands out.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { ChildClosure } from '../../../contracts/families.js';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import { AppError } from '../../platform/errors.js';
import { organisations } from '../organisations/schema.js';
import { childClosures, familyMembers } from './schema.js';

const CLOSURE_COLUMNS = {
  id: childClosures.id,
  childId: childClosures.childId,
  reason: childClosures.reason,
  setAt: childClosures.setAt,
  setByOrganisationName: organisations.name,
  liftedAt: childClosures.liftedAt,
};

function toClosure(row: { id: string; childId: string; reason: ChildClosure['reason']; setAt: Date; setByOrganisationName: string | null; liftedAt: Date | null }): ChildClosure {
  return { ...row, setAt: row.setAt.toISOString(), liftedAt: row.liftedAt ? row.liftedAt.toISOString() : null };
}

/** The closure flags in force on the family's children, by child id. */
export async function findActiveClosures(tx: Executor, familyId: string): Promise<Map<string, ChildClosure>> {
  const rows = await tx
    .select(CLOSURE_COLUMNS)
    .from(childClosures)
    .innerJoin(familyMembers, eq(familyMembers.id, childClosures.childId))
    .leftJoin(organisations, eq(organisations.id, childClosures.setByOrganisationId))
    .where(and(eq(familyMembers.familyId, familyId), isNull(childClosures.liftedAt)))
    .orderBy(asc(childClosures.setAt));
  return new Map(rows.map((row) => [row.childId, toClosure(row)]));
}

/** One closure flag of this child, lifted or not; null when there is none with this id. */
export async function findClosure(tx: Executor, childId: string, closureId: string): Promise<ChildClosure | null> {
  const [row] = await tx
    .select(CLOSURE_COLUMNS)
    .from(childClosures)
    .leftJoin(organisations, eq(organisations.id, childClosures.setByOrganisationId))
    .where(and(eq(childClosures.id, closureId), eq(childClosures.childId, childId)));
  return row ? toClosure(row) : null;
}

/**
 * Locks the child's row for the rest of the transaction, so two changes to its closure flag wait for
 * each other. A member that is not a child of this very family is not found.
 */
export async function lockChildOfFamily(tx: Executor, familyId: string, childId: string): Promise<void> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`SELECT ${familyMembers.id} FROM ${familyMembers} WHERE ${familyMembers.id} = ${childId}::uuid AND ${familyMembers.familyId} = ${familyId}::uuid AND ${familyMembers.role} = 'child' FOR UPDATE`,
  );
  if (rows.length === 0) throw new AppError('not_found');
}

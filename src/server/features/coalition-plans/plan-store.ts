// SPDX-License-Identifier: EUPL-1.2
// Queries of the plan of approach: its versions and improvement actions, and their wire shapes.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { ImprovementAction, PlanVersion, PlanVersionSummary } from '../../../contracts/coalition-plans.js';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import { AppError } from '../../platform/errors.js';
import { findCoalitionRef, type CoalitionRef } from '../coalitions/coalition-target.js';
import { coalitionPlanVersions, improvementActions } from './schema.js';

export type PlanVersionRow = typeof coalitionPlanVersions.$inferSelect;
export type ImprovementActionRow = typeof improvementActions.$inferSelect;

/** The coalition with this code, or 404 (the briefing: an unknown code answers not_found). */
export async function requireCoalition(db: Executor, code: string): Promise<CoalitionRef> {
  const coalition = await findCoalitionRef(db, code);
  if (!coalition) throw new AppError('not_found');
  return coalition;
}

export async function listVersionRows(db: Executor, coalitionId: string): Promise<PlanVersionRow[]> {
  return db.select().from(coalitionPlanVersions).where(eq(coalitionPlanVersions.coalitionId, coalitionId)).orderBy(desc(coalitionPlanVersions.version));
}

export async function findVersionRow(db: Executor, coalitionId: string, version: number): Promise<PlanVersionRow | null> {
  const [row] = await db
    .select()
    .from(coalitionPlanVersions)
    .where(and(eq(coalitionPlanVersions.coalitionId, coalitionId), eq(coalitionPlanVersions.version, version)));
  return row ?? null;
}

/** The row, locked for this transaction (a save or approval waits for another one on the same version). */
export async function lockVersionRow(tx: Executor, id: string): Promise<PlanVersionRow> {
  await queryRows(tx, sql`SELECT id FROM coalition_plan_versions WHERE id = ${id}::uuid FOR UPDATE`);
  const [row] = await tx.select().from(coalitionPlanVersions).where(eq(coalitionPlanVersions.id, id));
  return row!;
}

/** Serialises the creation of versions of one coalition (the next number, one draft at a time). */
export async function lockCoalition(tx: Executor, coalitionId: string): Promise<void> {
  await queryRows(tx, sql`SELECT id FROM coalitions WHERE id = ${coalitionId}::uuid FOR UPDATE`);
}

export function toSummary(row: PlanVersionRow): PlanVersionSummary {
  return {
    version: row.version,
    status: row.status,
    basedOnVersion: row.basedOnVersion,
    approvedOn: row.approvedOn,
    approvedBy: row.approvedBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toVersion(row: PlanVersionRow, allowedActions: PlanVersion['allowedActions']): PlanVersion {
  return { ...toSummary(row), revision: row.revision, content: row.content, allowedActions };
}

export async function listImprovementActionRows(db: Executor, coalitionId: string): Promise<ImprovementActionRow[]> {
  return db
    .select()
    .from(improvementActions)
    .where(eq(improvementActions.coalitionId, coalitionId))
    .orderBy(asc(improvementActions.createdAt), asc(improvementActions.id));
}

export function toImprovementAction(row: ImprovementActionRow): ImprovementAction {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    origin: row.originRoundId && row.originStatementKey ? { roundId: row.originRoundId, statementKey: row.originStatementKey } : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A stable serialisation (keys sorted), to tell whether a save changes anything (jsonb reorders keys). */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

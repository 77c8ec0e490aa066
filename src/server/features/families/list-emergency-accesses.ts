// SPDX-License-Identifier: EUPL-1.2
// Emergency accesses for review: an organisation admin sees their own organisation's, the platform
// admin all. No client data beyond the family's id: the reason is what has to be judged.
import { and, desc, eq, inArray, isNull, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { EMERGENCY_ACCESS_SORT_FIELDS, EmergencyAccess, emergencyAccessQuerySchema } from '../../../contracts/families.js';
import type { Executor } from '../../platform/db/connection.js';
import type { Scope } from '../../platform/access/policy.js';
import { orderByOf, windowOf, type Page, type RowWindow } from '../../platform/http/listing.js';
import { organisations, people } from '../organisations/schema.js';
import { emergencyAccesses } from './schema.js';
import type { UseCaseContext } from './store.js';

const reviewers = alias(people, 'reviewers');

/** `sorteer` on the list; by default the latest started first. */
function emergencyAccessOrder(sort: string | undefined): SQL[] {
  const columns: Record<(typeof EMERGENCY_ACCESS_SORT_FIELDS)[number], SQLWrapper> = {
    startedAt: emergencyAccesses.startedAt,
    expiresAt: emergencyAccesses.expiresAt,
    reviewedAt: emergencyAccesses.reviewedAt,
    personName: people.name,
    organisationName: organisations.name,
  };
  return orderByOf(sort, columns, [desc(emergencyAccesses.startedAt)], emergencyAccesses.id);
}

export async function findEmergencyAccesses(
  tx: Executor,
  scope: Exclude<Scope, { kind: 'none' }>,
  status: 'to_review' | 'all',
  window: RowWindow,
  id?: string,
  sort?: string,
): Promise<{ rows: EmergencyAccess[]; total: number }> {
  const conditions: SQL[] = [];
  if (scope.kind === 'organisations') conditions.push(inArray(emergencyAccesses.organisationId, scope.organisationIds));
  if (status === 'to_review') conditions.push(isNull(emergencyAccesses.reviewedAt));
  if (id) conditions.push(eq(emergencyAccesses.id, id));
  const rows = await tx
    .select({
      id: emergencyAccesses.id,
      familyId: emergencyAccesses.familyId,
      personName: people.name,
      organisationName: organisations.name,
      reason: emergencyAccesses.reason,
      startedAt: emergencyAccesses.startedAt,
      expiresAt: emergencyAccesses.expiresAt,
      reviewedAt: emergencyAccesses.reviewedAt,
      reviewedByName: reviewers.name,
      reviewNote: emergencyAccesses.reviewNote,
      total: sql<number>`count(*) OVER ()`.mapWith(Number),
    })
    .from(emergencyAccesses)
    .innerJoin(people, eq(people.id, emergencyAccesses.personId))
    .innerJoin(organisations, eq(organisations.id, emergencyAccesses.organisationId))
    .leftJoin(reviewers, eq(reviewers.id, emergencyAccesses.reviewedById))
    .where(and(...conditions))
    .orderBy(...emergencyAccessOrder(sort))
    .limit(window.limit)
    .offset(window.offset);
  return {
    rows: rows.map(({ total: _total, ...row }) => ({
      ...row,
      startedAt: row.startedAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
      reviewedAt: row.reviewedAt?.toISOString() ?? null,
    })),
    total: rows[0]?.total ?? 0,
  };
}

export async function listEmergencyAccesses(ctx: UseCaseContext, query: z.infer<typeof emergencyAccessQuerySchema>): Promise<Page<EmergencyAccess>> {
  const { page, pageSize, status, sorteer } = query;
  const found = await ctx.store.search({
    resource: 'emergency_access',
    perform: (tx, scope) => findEmergencyAccesses(tx, scope, status, windowOf({ page, pageSize }), undefined, sorteer),
    details: (result) => ({ resultCount: result.rows.length, total: result.total }),
    clientIds: (result) => result.rows.map((row) => row.familyId),
  });
  return { items: found.rows, total: found.total, page, pageSize };
}

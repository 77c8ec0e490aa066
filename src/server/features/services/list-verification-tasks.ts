// SPDX-License-Identifier: EUPL-1.2
// The organisation admin's task list: the services of their own organisation (every organisation for
// the platform admin) that must be confirmed within 30 days or are overdue, the most overdue first.
// Whoever may not keep services is refused (and the refusal audited).
import { and, asc, eq, inArray } from 'drizzle-orm';
import { organisationIdsOf, scopeFor } from '../../platform/access/policy.js';
import type { Service } from '../../../contracts/services.js';
import { directoryServices } from './schema.js';
import { toService, withOrganisationNames, type UseCaseContext } from './store.js';

export async function listVerificationTasks(ctx: UseCaseContext, window: { page: number; pageSize: number }): Promise<{ items: Service[]; total: number }> {
  const { scope } = scopeFor(ctx.actor, 'service', 'update');
  if (scope.kind === 'none') {
    // The store's own refusal path: audited, then forbidden.
    await ctx.store.act({ resource: 'service', action: 'update', objectId: 'verification-tasks', locate: async () => ({ organisationIds: [] }), perform: async () => null });
  }
  const now = ctx.now();
  return ctx.store.search({
    resource: 'service',
    objectType: 'service',
    perform: async (tx) => {
      const organisationIds = scope.kind === 'none' ? [] : organisationIdsOf(scope);
      if (organisationIds !== null && organisationIds.length === 0) return { items: [], total: 0 };
      const conditions = [eq(directoryServices.isActive, true)];
      if (organisationIds !== null) conditions.push(inArray(directoryServices.organisationId, organisationIds));
      const rows = await tx.select().from(directoryServices).where(and(...conditions)).orderBy(asc(directoryServices.lastConfirmedAt), asc(directoryServices.id));
      const due = (await withOrganisationNames(tx, rows))
        .map(({ row, organisationName }) => toService(row, organisationName, ctx.actor, now))
        .filter((service) => service.verification !== 'current');
      const start = (window.page - 1) * window.pageSize;
      return { items: due.slice(start, start + window.pageSize), total: due.length };
    },
    details: (result) => ({ count: result.items.length, view: 'verification_tasks' }),
  });
}

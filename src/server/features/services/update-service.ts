// SPDX-License-Identifier: EUPL-1.2
// The organisation admin corrects a service of their own organisation: every field again, based on the
// version they saw (optimistic locking). The same rules as adding; a correction also confirms the
// entry (the six months start again). Audited as 'update', naming the changed fields (never values).
import { and, eq } from 'drizzle-orm';
import type { Service, ServiceUpdate } from '../../../contracts/services.js';
import { AppError } from '../../platform/errors.js';
import { directoryServices } from './schema.js';
import { checkServiceRules, findServiceRow, locateService, serviceValues, toService, withOrganisationNames, type UseCaseContext } from './store.js';

export async function updateService(ctx: UseCaseContext, id: string, input: ServiceUpdate): Promise<Service & { changedFields: string[] }> {
  return ctx.store.act({
    resource: 'service',
    action: 'update',
    objectId: id,
    locate: (tx) => locateService(tx, id),
    perform: async (tx) => {
      const current = (await findServiceRow(tx, id))!;
      if (current.version !== input.version) throw new AppError('stale_version');
      await checkServiceRules(tx, current.organisationId, input);
      const values = serviceValues(input);
      const changedFields = (Object.keys(values) as (keyof typeof values)[]).filter(
        (field) => JSON.stringify(values[field]) !== JSON.stringify(current[field]),
      );
      const now = ctx.now();
      const [row] = await tx
        .update(directoryServices)
        .set({
          ...values,
          lastConfirmedAt: now,
          lastConfirmedById: ctx.actor.kind === 'system' ? null : ctx.actor.personId,
          version: current.version + 1,
          updatedAt: now,
        })
        .where(and(eq(directoryServices.id, id), eq(directoryServices.version, input.version)))
        .returning();
      if (!row) throw new AppError('stale_version');
      const [named] = await withOrganisationNames(tx, [row]);
      return { ...toService(named!.row, named!.organisationName, ctx.actor, now), changedFields };
    },
    details: (result) => ({ kind: 'correction', changedFields: result.changedFields, confirmed: true }),
  });
}

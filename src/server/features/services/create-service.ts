// SPDX-License-Identifier: EUPL-1.2
// An organisation admin adds a service of (or kept by) their own organisation. Factor keys must be in
// the factor catalogue and municipalities in the organisation's service area; otherwise nothing is
// saved. Adding counts as the first confirmation. Audited as 'create'.
import type { Service, ServiceCreate } from '../../../contracts/services.js';
import { AppError } from '../../platform/errors.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { directoryServices } from './schema.js';
import { checkServiceRules, serviceValues, toService, withOrganisationNames, type UseCaseContext } from './store.js';

export async function createService(ctx: UseCaseContext, input: ServiceCreate): Promise<Service> {
  const organisationId = input.organisationId ?? ctx.actor.organisationId;
  return ctx.store.create({
    resource: 'service',
    // Without an organisation only an 'any' reach passes (the platform admin), and she must name one.
    target: { organisationIds: organisationId ? [organisationId] : [], municipalityCodes: input.municipalityCodes },
    perform: async (tx) => {
      if (!organisationId) {
        throw new AppError('validation_failed', { errors: [{ path: 'body.organisationId', message: nl.services.errorOrganisation }] });
      }
      await checkServiceRules(tx, organisationId, input);
      const now = ctx.now();
      const [row] = await tx
        .insert(directoryServices)
        .values({
          organisationId,
          ...serviceValues(input),
          lastConfirmedAt: now,
          lastConfirmedById: ctx.actor.kind === 'system' ? null : ctx.actor.personId,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const [named] = await withOrganisationNames(tx, [row!]);
      return toService(named!.row, named!.organisationName, ctx.actor, now);
    },
  });
}

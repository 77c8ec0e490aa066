// SPDX-License-Identifier: EUPL-1.2
// An organisation subscribes to its own referrals (rest-hook): criteria, endpoint and headers are
// checked by the subscription rules; the subscription belongs to the actor's organisation.
import { AppError } from '../../platform/errors.js';
import { checkEndpoint, checkHeaders, parseCriteria, type RuleResult } from './domain/subscription-rules.js';
import { fhirSubscriptions } from './schema.js';
import { toSubscription, type Subscription, type UseCaseContext } from './store.js';

export interface SubscriptionInput {
  criteria: string;
  endpoint: string;
  payload: string | null;
  headers: string[];
  reason: string;
  end: Date | null;
}

export function accepted<T>(result: RuleResult<T>): T {
  if (!result.ok) throw new AppError('validation_failed', { message: result.message, errors: [{ path: result.field, message: result.message }] });
  return result.value;
}

export async function createSubscription(ctx: UseCaseContext, input: SubscriptionInput, options: { mayUseLocalHttp: boolean }): Promise<Subscription> {
  const organisationId = ctx.store.actor.organisationId;
  if (!organisationId) throw new AppError('forbidden');
  const { kind } = accepted(parseCriteria(input.criteria, organisationId));
  const endpoint = accepted(checkEndpoint(input.endpoint, options.mayUseLocalHttp));
  accepted(checkHeaders(input.headers));
  const now = ctx.now();
  return ctx.store.create({
    resource: 'subscription',
    target: { organisationIds: [organisationId] },
    perform: async (tx) => {
      const [row] = await tx
        .insert(fhirSubscriptions)
        .values({
          organisationId,
          criteriaKind: kind,
          criteria: input.criteria.trim(),
          endpoint,
          payload: input.payload,
          headers: input.headers,
          reason: input.reason,
          // R4: the client asks ('requested'); nothing has to be set up, so it is active at once.
          status: 'active',
          end: input.end,
          createdById: ctx.store.actor.personId,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      return toSubscription(row!);
    },
  });
}

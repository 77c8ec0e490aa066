// SPDX-License-Identifier: EUPL-1.2
// HTTP face of the organisation admin's view of its FHIR Subscriptions (issue 11 item 5): how the
// deliveries to its systems fared, switching one in 'error' on again, and ending one. Creating one is
// FHIR's (POST /fhir/R4/Subscription): the system that receives the notifications asks for them itself.
import { z } from 'zod';
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { contextOf } from '../../platform/http/request-context.js';
import { pagingQuerySchema, uuidParamSchema } from '../../../contracts/common.js';
import { subscriptionPageSchema, subscriptionSummarySchema, type SubscriptionSummary } from '../../../contracts/subscriptions.js';
import { listSubscriptions } from './list-subscriptions.js';
import { reactivateSubscription } from './reactivate-subscription.js';
import { deleteSubscription } from './delete-subscription.js';
import { parseDeliveryError } from './domain/subscription-rules.js';
import type { SubscriptionWithDeliveries } from './store.js';

function toSummary(subscription: SubscriptionWithDeliveries): SubscriptionSummary {
  const { lastFailure, ...counts } = subscription.deliveries;
  const failure = lastFailure ? parseDeliveryError(lastFailure.error) : null;
  return {
    id: subscription.id,
    criteriaKind: subscription.criteriaKind,
    criteria: subscription.criteria,
    endpoint: subscription.endpoint,
    reason: subscription.reason,
    status: subscription.status,
    end: subscription.end?.toISOString() ?? null,
    updatedAt: subscription.updatedAt.toISOString(),
    deliveries: counts,
    lastFailure:
      lastFailure && failure
        ? {
            at: lastFailure.at.toISOString(),
            kind: failure.kind,
            httpStatus: failure.kind === 'http' ? failure.httpStatus : null,
            networkCode: failure.kind === 'network' ? failure.networkCode : null,
          }
        : null,
  };
}

export function registerSubscriptionRoutes(app: ZodApp, deps: FeatureDependencies) {
  const tags = ['Koppelingen'];
  app.get(
    '/subscriptions',
    {
      schema: {
        tags,
        summary: 'Meldingen aan systemen (FHIR Subscriptions)',
        description:
          'De FHIR Subscriptions van de eigen organisatie, met per abonnement hoeveel meldingen zijn afgeleverd, nog wachten of zijn opgegeven, ' +
          'en de laatste mislukte aflevering (HTTP-status, time-out of netwerkfout; nooit inhoud). Alleen voor de beheerder van de organisatie.',
        querystring: pagingQuerySchema,
        response: { 200: subscriptionPageSchema },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const result = await listSubscriptions(contextOf(request, deps), { page, pageSize });
      return { items: result.items.map(toSummary), total: result.total, page, pageSize };
    },
  );
  app.post(
    '/subscriptions/:id/reactivation',
    {
      schema: {
        tags,
        summary: 'Melding aan een systeem opnieuw inschakelen',
        description:
          "Zet een abonnement met status 'error' weer aan, nadat het ontvangende systeem is hersteld: de opgegeven meldingen worden opnieuw " +
          'verstuurd, samen met de meldingen die intussen wachtten. Een abonnement dat niet in de fout staat geeft 409 `subscription_not_in_error`.',
        params: uuidParamSchema,
        response: { 200: subscriptionSummarySchema },
      },
    },
    async (request) => toSummary(await reactivateSubscription(contextOf(request, deps), request.params.id)),
  );
  app.delete(
    '/subscriptions/:id',
    {
      schema: {
        tags,
        summary: 'Melding aan een systeem opzeggen',
        description: 'Beëindigt het abonnement: er gaan geen meldingen meer uit, ook niet de nog wachtende. Niet terug te draaien.',
        params: uuidParamSchema,
        response: { 204: z.null().describe('Opgezegd.') },
      },
    },
    async (request, reply) => {
      await deleteSubscription(contextOf(request, deps), request.params.id);
      return reply.status(204).send(null);
    },
  );
}

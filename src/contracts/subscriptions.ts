// SPDX-License-Identifier: EUPL-1.2
// Wire contract of the organisation admin's view of its FHIR Subscriptions (issue 11 item 5): which
// systems hear of the organisation's referrals, how their deliveries fared, and why the last one failed.
import { z } from 'zod';
import { dateTimeStringSchema, pageOf } from './common.js';

export const SUBSCRIPTION_STATUSES = ['requested', 'active', 'error', 'off'] as const;
/** Which side of a referral the subscriber is on: its inbox (owner) or what it sent (requester). */
export const CRITERIA_KINDS = ['owner', 'requester'] as const;

/** Why a delivery failed: the receiver's HTTP status, no answer in time, or a network error (with its code). */
export const deliveryFailureSchema = z
  .object({
    at: dateTimeStringSchema,
    kind: z.enum(['http', 'timeout', 'network']),
    httpStatus: z.number().int().nullable(),
    networkCode: z.string().nullable(),
  })
  .meta({ id: 'DeliveryFailure' });

export const subscriptionSummarySchema = z
  .object({
    id: z.uuid(),
    criteriaKind: z.enum(CRITERIA_KINDS),
    criteria: z.string(),
    endpoint: z.string(),
    reason: z.string(),
    status: z.enum(SUBSCRIPTION_STATUSES),
    end: dateTimeStringSchema.nullable(),
    updatedAt: dateTimeStringSchema,
    deliveries: z.object({
      pending: z.number().int().meta({ description: 'Nog af te leveren (ook na een mislukte poging).' }),
      delivered: z.number().int(),
      failed: z.number().int().meta({ description: 'Opgegeven na alle pogingen.' }),
    }),
    lastFailure: deliveryFailureSchema.nullable(),
  })
  .meta({ id: 'SubscriptionSummary' });
export type SubscriptionSummary = z.infer<typeof subscriptionSummarySchema>;

export const subscriptionPageSchema = pageOf(subscriptionSummarySchema, 'SubscriptionPage');
export type SubscriptionPage = z.infer<typeof subscriptionPageSchema>;

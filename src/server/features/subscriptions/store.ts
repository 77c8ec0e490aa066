// SPDX-License-Identifier: EUPL-1.2
// Queries the subscription use-cases share, and the shape they return.
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import type { Target } from '../../platform/access/policy.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import type { SubscriptionStatus } from './domain/subscription-rules.js';
import { fhirSubscriptions } from './schema.js';

export type UseCaseContext = Pick<RequestContext, 'store' | 'now'>;

export interface Subscription {
  id: string;
  organisationId: string;
  criteria: string;
  endpoint: string;
  payload: string | null;
  headers: string[];
  reason: string;
  status: SubscriptionStatus;
  error: string | null;
  end: Date | null;
  updatedAt: Date;
}

type Row = typeof fhirSubscriptions.$inferSelect;

export function toSubscription(row: Row): Subscription {
  return {
    id: row.id,
    organisationId: row.organisationId,
    criteria: row.criteria,
    endpoint: row.endpoint,
    payload: row.payload,
    headers: row.headers,
    reason: row.reason,
    status: row.status,
    error: row.error,
    end: row.end,
    updatedAt: row.updatedAt,
  };
}

/** A subscription that was not deleted, or null. */
export async function findSubscription(tx: Executor, id: string): Promise<Subscription | null> {
  const [row] = await tx
    .select()
    .from(fhirSubscriptions)
    .where(and(eq(fhirSubscriptions.id, id), isNull(fhirSubscriptions.deletedAt)));
  return row ? toSubscription(row) : null;
}

/** The policy target of a subscription: the subscribing organisation. */
export async function locateSubscription(tx: Executor, id: string): Promise<Target | null> {
  const found = await findSubscription(tx, id);
  return found ? { organisationIds: [found.organisationId] } : null;
}

// SPDX-License-Identifier: EUPL-1.2
// Queries the subscription use-cases share, and the shape they return.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import type { Target } from '../../platform/access/policy.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import type { CriteriaKind, SubscriptionStatus } from './domain/subscription-rules.js';
import { fhirSubscriptionNotifications, fhirSubscriptions } from './schema.js';

export type UseCaseContext = Pick<RequestContext, 'store' | 'now'>;

export interface Subscription {
  id: string;
  organisationId: string;
  criteriaKind: CriteriaKind;
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
    criteriaKind: row.criteriaKind,
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

/** How a subscription's notifications fared: counts by outcome, and the latest failure (an HTTP status or error code). */
export interface DeliverySummary {
  pending: number;
  delivered: number;
  failed: number;
  lastFailure: { at: Date; error: string } | null;
}

export type SubscriptionWithDeliveries = Subscription & { deliveries: DeliverySummary };

const NO_DELIVERIES: DeliverySummary = { pending: 0, delivered: 0, failed: 0, lastFailure: null };

/**
 * The delivery summary of each subscription. A failure is a notification given up ('failed') or one
 * still waiting after a failed attempt (pending with last_error); its time is its latest attempt's.
 */
export async function deliverySummaries(tx: Executor, subscriptionIds: string[]): Promise<Map<string, DeliverySummary>> {
  const summaries = new Map<string, DeliverySummary>(subscriptionIds.map((id) => [id, { ...NO_DELIVERIES }]));
  if (subscriptionIds.length === 0) return summaries;
  const n = fhirSubscriptionNotifications;
  const counts = await tx
    .select({ subscriptionId: n.subscriptionId, status: n.status, total: sql<number>`count(*)::int` })
    .from(n)
    .where(inArray(n.subscriptionId, subscriptionIds))
    .groupBy(n.subscriptionId, n.status);
  for (const row of counts) {
    const summary = summaries.get(row.subscriptionId)!;
    if (row.status === 'pending' || row.status === 'delivered' || row.status === 'failed') summary[row.status] = Number(row.total);
  }
  const failures = await tx
    .selectDistinctOn([n.subscriptionId], { subscriptionId: n.subscriptionId, error: n.lastError, at: n.lastAttemptAt })
    .from(n)
    .where(and(inArray(n.subscriptionId, subscriptionIds), sql`${n.lastError} IS NOT NULL`, sql`${n.lastAttemptAt} IS NOT NULL`))
    .orderBy(n.subscriptionId, sql`${n.lastAttemptAt} DESC`);
  for (const row of failures) summaries.get(row.subscriptionId)!.lastFailure = { at: row.at!, error: row.error! };
  return summaries;
}

// SPDX-License-Identifier: EUPL-1.2
// The delivery worker: takes due notifications from the outbox, POSTs each to its subscription's
// endpoint, and records the attempt (and an audit row) — retried with back-off, and after
// MAX_DELIVERY_ATTEMPTS the subscription goes to 'error' with the reason, for the organisation admin.
//
// What is sent (R4 rest-hook, id-only — no personal data, the receiver reads the Task with its own access):
// - channel.payload absent: a POST without a body (R4: "no payload … just a notification"), with the
//   Task in the header X-Kansrijk-Resource (Task/{id}) and the Subscription in X-Kansrijk-Subscription;
// - channel.payload application/fhir+json: the same headers and a Bundle of type 'history' with one
//   entry that names the Task (fullUrl, request, response) without the resource itself.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import type { Clock } from '../../platform/clock.js';
import { queryRows } from '../../platform/db/connection.js';
import { appendAuditEvent } from '../../platform/audit/audit-log.js';
import { periodicWorker, type PeriodicWorker } from '../../platform/jobs/periodic-worker.js';
import { ID_ONLY_BUNDLE_PAYLOAD, MAX_DELIVERY_ATTEMPTS, checkHeaders, retryDelayMs } from './domain/subscription-rules.js';

/** How long a claimed notification is left alone by other workers while its attempt runs. */
const CLAIM_MS = 5 * 60_000;
const REQUEST_TIMEOUT_MS = 10_000;
const BATCH_SIZE = 20;

export interface DeliveryOptions {
  db: Executor;
  clock: Clock;
  /** Absolute base of the FHIR API (…/fhir/R4): for the references in a notification. */
  fhirBaseUrl: string;
  fetch?: typeof fetch;
  /** Scrubbed failures of the worker itself (never content). */
  onError?: (error: unknown) => void;
}

interface Claimed {
  id: string;
  subscription_id: string;
  task_id: string;
  family_id: string | null;
  attempts: number;
  organisation_id: string;
  endpoint: string;
  payload: string | null;
  headers: string[];
}

export interface DeliveryRun {
  attempted: number;
  delivered: number;
}

/** Claims due notifications of active subscriptions (another worker skips them until the claim lapses). */
async function claimDue(db: Executor, now: Date): Promise<Claimed[]> {
  const at = now.toISOString();
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Executor;
    return queryRows<Claimed>(
      tx,
      sql`WITH due AS (
          SELECT n.id FROM fhir_subscription_notifications n
            JOIN fhir_subscriptions s ON s.id = n.subscription_id
           WHERE n.status = 'pending' AND n.next_attempt_at <= ${at}::timestamptz
             AND s.status = 'active' AND s.deleted_at IS NULL
           ORDER BY n.next_attempt_at, n.id
           LIMIT ${BATCH_SIZE}
           FOR UPDATE OF n SKIP LOCKED)
        UPDATE fhir_subscription_notifications n
           SET attempts = n.attempts + 1, next_attempt_at = ${new Date(now.getTime() + CLAIM_MS).toISOString()}::timestamptz
          FROM due, fhir_subscriptions s
         WHERE n.id = due.id AND s.id = n.subscription_id
        RETURNING n.id::text, n.subscription_id::text, n.task_id::text, n.attempts,
          (SELECT r.family_id::text FROM referrals r WHERE r.id = n.task_id) AS family_id,
          s.organisation_id::text, s.endpoint, s.payload, s.headers`,
    );
  });
}

function notificationRequest(notification: Claimed, fhirBaseUrl: string): { headers: Record<string, string>; body: string | undefined } {
  const headers: Record<string, string> = {};
  const extra = checkHeaders(notification.headers);
  if (extra.ok) for (const { name, value } of extra.value) headers[name] = value;
  headers['X-Kansrijk-Subscription'] = `Subscription/${notification.subscription_id}`;
  headers['X-Kansrijk-Resource'] = `Task/${notification.task_id}`;
  if (notification.payload !== ID_ONLY_BUNDLE_PAYLOAD) return { headers, body: undefined };
  headers['Content-Type'] = 'application/fhir+json; charset=utf-8';
  const bundle = {
    resourceType: 'Bundle',
    type: 'history',
    entry: [
      {
        fullUrl: `${fhirBaseUrl}/Task/${notification.task_id}`,
        request: { method: 'PUT', url: `Task/${notification.task_id}` },
        response: { status: '200' },
      },
    ],
  };
  return { headers, body: JSON.stringify(bundle) };
}

/** The outcome of one POST: ok, or why not — an HTTP status or an error code, never a response body. */
async function post(fetcher: typeof fetch, notification: Claimed, fhirBaseUrl: string): Promise<{ ok: true; status: number } | { ok: false; status: number | null; error: string }> {
  const { headers, body } = notificationRequest(notification, fhirBaseUrl);
  try {
    const response = await fetcher(notification.endpoint, {
      method: 'POST',
      headers,
      ...(body === undefined ? {} : { body }),
      // A redirect could lead anywhere (also to plain http): it counts as a failure.
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    // The receiver's answer is not read: it may say anything, and it is not ours to keep.
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    return { ok: false, status: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    const name = (error as { name?: string })?.name;
    if (name === 'TimeoutError' || name === 'AbortError') return { ok: false, status: null, error: 'time-out' };
    const code = (error as { cause?: { code?: unknown } })?.cause?.code;
    return { ok: false, status: null, error: typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code) ? `netwerkfout ${code}` : 'netwerkfout' };
  }
}

async function record(db: Executor, notification: Claimed, outcome: Awaited<ReturnType<typeof post>>, now: Date, endpointHost: string): Promise<void> {
  await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Executor;
    const at = now.toISOString();
    if (outcome.ok) {
      await tx.execute(sql`UPDATE fhir_subscription_notifications SET status = 'delivered', delivered_at = ${at}::timestamptz, last_attempt_at = ${at}::timestamptz, last_error = NULL
        WHERE id = ${notification.id}::uuid`);
    } else {
      const delay = retryDelayMs(notification.attempts);
      if (delay === null) {
        await tx.execute(sql`UPDATE fhir_subscription_notifications SET status = 'failed', last_error = ${outcome.error}, last_attempt_at = ${at}::timestamptz
          WHERE id = ${notification.id}::uuid`);
        const message = `Aflevering mislukt na ${MAX_DELIVERY_ATTEMPTS} pogingen (laatste fout: ${outcome.error}). Controleer het endpoint; daarna kan de beheerder van de organisatie de Subscription opnieuw inschakelen (Beheer, Meldingen aan systemen).`;
        await tx.execute(sql`UPDATE fhir_subscriptions SET status = 'error', error = ${message}, updated_at = ${at}::timestamptz
          WHERE id = ${notification.subscription_id}::uuid AND status = 'active'`);
      } else {
        await tx.execute(sql`UPDATE fhir_subscription_notifications SET last_error = ${outcome.error}, last_attempt_at = ${at}::timestamptz,
          next_attempt_at = ${new Date(now.getTime() + delay).toISOString()}::timestamptz WHERE id = ${notification.id}::uuid`);
      }
    }
    await appendAuditEvent(
      tx,
      {
        actorId: null,
        organisationId: notification.organisation_id,
        role: 'system',
        action: 'notify',
        outcome: outcome.ok ? 'success' : 'failure',
        objectType: 'referral',
        objectId: notification.task_id,
        clientId: notification.family_id,
        details: {
          subscriptionId: notification.subscription_id,
          attempt: notification.attempts,
          endpointHost,
          ...(outcome.status !== null ? { httpStatus: outcome.status } : {}),
          ...(outcome.ok ? {} : { error: outcome.error }),
        },
      },
      now,
    );
  });
}

/** One pass over the outbox: every due notification gets one attempt. */
export async function deliverDueNotifications(options: DeliveryOptions): Promise<DeliveryRun> {
  const fetcher = options.fetch ?? fetch;
  const claimed = await claimDue(options.db, options.clock.now());
  let delivered = 0;
  for (const notification of claimed) {
    const outcome = await post(fetcher, notification, options.fhirBaseUrl);
    if (outcome.ok) delivered += 1;
    await record(options.db, notification, outcome, options.clock.now(), new URL(notification.endpoint).host);
  }
  return { attempted: claimed.length, delivered };
}

export type NotificationWorker = PeriodicWorker<DeliveryRun>;

/** The delivery pass on a timer (platform/jobs/periodic-worker.ts). */
export function notificationWorker(options: DeliveryOptions, intervalMs: number | null): NotificationWorker {
  return periodicWorker(() => deliverDueNotifications(options), intervalMs, options.onError);
}

// SPDX-License-Identifier: EUPL-1.2
// A referral (FHIR Task) was created or changed status: one outbox row for every active subscription
// of its owner (the receiving organisation) or, for 'requester' criteria, of its sender. Runs in the
// caller's transaction, so the notification exists exactly when the change does. A subscription in
// 'error' collects them too (nothing is sent while it is): once its admin switches it on again, the
// system hears of what it missed.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';

export async function enqueueTaskNotifications(tx: Executor, taskId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await tx.execute(sql`
    INSERT INTO fhir_subscription_notifications (subscription_id, task_id, status, attempts, next_attempt_at, created_at)
    SELECT s.id, r.id, 'pending', 0, ${at}::timestamptz, ${at}::timestamptz
      FROM referrals r
      JOIN fhir_subscriptions s
        ON (s.criteria_kind = 'owner' AND s.organisation_id = r.receiver_organisation_id)
        OR (s.criteria_kind = 'requester' AND s.organisation_id = r.sender_organisation_id)
     WHERE r.id = ${taskId}::uuid
       AND s.status IN ('active', 'error') AND s.deleted_at IS NULL
       AND (s.end_at IS NULL OR s.end_at > ${at}::timestamptz)`);
}

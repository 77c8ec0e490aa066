// SPDX-License-Identifier: EUPL-1.2
// The rule table of who hears of an event and how: every kind × on the organisation's list or not ×
// every choice (or none).
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_DELIVERIES, NOTIFICATION_KINDS, type NotificationDelivery, type NotificationKind } from '../../../../contracts/notifications.js';
import { deliveryFor } from './delivery.js';

/** Without a choice: [on the list, not on it]. A choice always wins. */
const WITHOUT_CHOICE: Record<NotificationKind, [NotificationDelivery, NotificationDelivery]> = {
  referral_received: ['in_app', 'none'],
  referral_due: ['in_app', 'none'],
  // Not an inbox event: every coordinator of the municipality, by e-mail unless she chose otherwise.
  referral_overdue: ['email_immediate', 'email_immediate'],
  // Not an inbox event: only the person who sent the referral, in Kansrijk unless she chose otherwise.
  referral_status_changed: ['in_app', 'in_app'],
  // The reminders, each to one person: by e-mail at once (as before they were notifications) unless she chose otherwise.
  agreement_review: ['email_immediate', 'email_immediate'],
  pathway_review: ['email_immediate', 'email_immediate'],
  service_verification: ['email_immediate', 'email_immediate'],
  questionnaire_open: ['email_immediate', 'email_immediate'],
  questionnaire_deadline: ['email_immediate', 'email_immediate'],
  analysis_reminder: ['email_immediate', 'email_immediate'],
};

describe('deliveryFor', () => {
  const cases = NOTIFICATION_KINDS.flatMap((kind) =>
    [true, false].flatMap((isInboxRecipient) => [null, ...NOTIFICATION_DELIVERIES].map((chosen) => [kind, isInboxRecipient, chosen] as const)),
  );
  it.each(cases)('%s, on the list: %s, chosen: %s', (kind, isInboxRecipient, chosen) => {
    const expected = chosen ?? WITHOUT_CHOICE[kind][isInboxRecipient ? 0 : 1];
    expect(deliveryFor(kind, { isInboxRecipient, chosen })).toBe(expected);
  });
});

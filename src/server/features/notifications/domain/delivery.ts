// SPDX-License-Identifier: EUPL-1.2
// Whether and how a person hears of an event (issue 16 item 5). For an organisation-inbox event the
// organisation's admin chooses who receives it (the recipient list) and each person chooses how; a
// member not on the list may opt in herself, and one on it may opt out. For the escalation to the
// coordinators every coordinator of the municipality is a candidate and chooses how. Pinned by a
// table test (delivery.test.ts). Every e-mail choice also shows the notice in Kansrijk.
import { INBOX_NOTIFICATION_KINDS, type NotificationDelivery, type NotificationKind } from '../../../../contracts/notifications.js';
import type { MailTemplate } from '../../../platform/mail/templates.js';

/** What applies when the person chose nothing for that kind. */
export const DEFAULT_DELIVERY: Record<NotificationKind, NotificationDelivery> = {
  referral_received: 'in_app',
  referral_due: 'in_app',
  referral_overdue: 'email_immediate',
  // The sender follows her referral in Kansrijk unless she chose otherwise.
  referral_status_changed: 'in_app',
  // The reminders were mails before they were notifications: still mailed at once unless she chose otherwise.
  agreement_review: 'email_immediate',
  pathway_review: 'email_immediate',
  service_verification: 'email_immediate',
  questionnaire_open: 'email_immediate',
  questionnaire_deadline: 'email_immediate',
  analysis_reminder: 'email_immediate',
};

/** The mail of each kind (without personal data: it says that something waits and links to it). */
export const MAIL_TEMPLATE_OF: Record<NotificationKind, MailTemplate> = {
  referral_received: 'newReferral',
  referral_due: 'referralDue',
  referral_overdue: 'referralOverdue',
  referral_status_changed: 'referralStatusChanged',
  agreement_review: 'agreementReview',
  pathway_review: 'pathwayReview',
  service_verification: 'serviceVerification',
  questionnaire_open: 'questionnaireOpen',
  questionnaire_deadline: 'questionnaireDeadline',
  analysis_reminder: 'analysisReminder',
};

export function isInboxKind(kind: NotificationKind): boolean {
  return INBOX_NOTIFICATION_KINDS.includes(kind);
}

export interface Candidate {
  /** On the organisation's recipient list (only meaningful for inbox events). */
  isInboxRecipient: boolean;
  /** The person's own choice for this kind; null: none made. */
  chosen: NotificationDelivery | null;
}

export function deliveryFor(kind: NotificationKind, candidate: Candidate): NotificationDelivery {
  if (candidate.chosen !== null) return candidate.chosen;
  if (isInboxKind(kind) && !candidate.isInboxRecipient) return 'none';
  return DEFAULT_DELIVERY[kind];
}

/** The preference shown to a person for each kind: her choice, or what applies to her without one. */
export function effectiveDelivery(kind: NotificationKind, isInboxRecipient: boolean, chosen: NotificationDelivery | null): NotificationDelivery {
  return deliveryFor(kind, { isInboxRecipient, chosen });
}

// SPDX-License-Identifier: EUPL-1.2
// The six-month rule of the service directory: every service is confirmed by its organisation's admin
// at least every six calendar months. From 30 days before that it is on the admin's task list
// ('due_soon'); after it, it is 'overdue' and shown everywhere as "niet recent gecontroleerd".
import type { VerificationStatus } from '../../../../contracts/services.js';

export const CONFIRMATION_INTERVAL_MONTHS = 6;
export const DUE_SOON_DAYS = 30;
const DAY_MS = 86_400_000;

/** The moment six calendar months after the confirmation (UTC; the 31st of a short month becomes its last day). */
export function confirmationDueAt(lastConfirmedAt: Date): Date {
  const due = new Date(lastConfirmedAt.getTime());
  const day = due.getUTCDate();
  due.setUTCDate(1);
  due.setUTCMonth(due.getUTCMonth() + CONFIRMATION_INTERVAL_MONTHS);
  const lastDayOfMonth = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate();
  due.setUTCDate(Math.min(day, lastDayOfMonth));
  return due;
}

/** How current a service is now. Exactly at the due moment it is still current (confirmed "within" six months). */
export function verificationStatus(lastConfirmedAt: Date, now: Date): VerificationStatus {
  const due = confirmationDueAt(lastConfirmedAt).getTime();
  if (now.getTime() > due) return 'overdue';
  if (due - now.getTime() <= DUE_SOON_DAYS * DAY_MS) return 'due_soon';
  return 'current';
}

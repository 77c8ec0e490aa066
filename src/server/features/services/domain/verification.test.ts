// SPDX-License-Identifier: EUPL-1.2
// The six-month rule as a table: when a service is due, when it is on the task list, when it is
// "niet recent gecontroleerd" — at the boundaries, over month ends and leap years.
import { describe, expect, it } from 'vitest';
import { confirmationDueAt, verificationStatus } from './verification.js';

const at = (text: string) => new Date(text);

describe('six months after the last confirmation', () => {
  // [last confirmed, due]
  const dues: [string, string][] = [
    ['2026-01-15T10:00:00.000Z', '2026-07-15T10:00:00.000Z'],
    ['2026-03-31T09:00:00.000Z', '2026-09-30T09:00:00.000Z'], // September has 30 days
    ['2026-08-31T12:00:00.000Z', '2027-02-28T12:00:00.000Z'], // February, not a leap year
    ['2027-08-31T12:00:00.000Z', '2028-02-29T12:00:00.000Z'], // February in a leap year
    ['2026-07-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'], // over the year end
    ['2026-12-31T23:59:59.999Z', '2027-06-30T23:59:59.999Z'],
  ];
  it.each(dues)('confirmed %s → due %s', (confirmed, due) => {
    expect(confirmationDueAt(at(confirmed)).toISOString()).toBe(due);
  });
});

describe('verification status', () => {
  const confirmed = '2026-01-15T10:00:00.000Z';
  // [now, status]
  const cases: [string, 'current' | 'due_soon' | 'overdue'][] = [
    ['2026-01-15T10:00:00.000Z', 'current'], // just confirmed
    ['2026-06-15T09:59:59.999Z', 'current'], // 30 days and a moment before the due date
    ['2026-06-15T10:00:00.000Z', 'due_soon'], // exactly 30 days before: on the task list
    ['2026-07-15T10:00:00.000Z', 'due_soon'], // exactly at the due moment: still within six months
    ['2026-07-15T10:00:00.001Z', 'overdue'], // a millisecond later: niet recent gecontroleerd
    ['2027-01-15T10:00:00.000Z', 'overdue'], // a year later
    ['2025-12-01T00:00:00.000Z', 'current'], // a clock before the confirmation counts as current
  ];
  it.each(cases)('confirmed 2026-01-15, now %s → %s', (now, status) => {
    expect(verificationStatus(at(confirmed), at(now))).toBe(status);
  });
});

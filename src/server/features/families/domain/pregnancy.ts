// SPDX-License-Identifier: EUPL-1.2
// Pregnancy dating from the expected due date (à terme datum). Everything works on calendar dates
// (YYYY-MM-DD) because gestational age is counted in whole days of the Dutch calendar, not in
// instants; mixing in time zones would make a pregnancy a day older at 23:30.
import { fail, ok, type Result } from '../../../platform/domain/result.js';

export { isValidPostcode, normalisePostcode, POSTCODE_MESSAGE } from './postcode.js';

/** Naegele: the due date is 280 days (40+0 weeks) after the first day of the last menstrual period. */
export const PREGNANCY_LENGTH_DAYS = 280;
/** A due date can at most be 40 weeks ahead; 44 leaves room for typos in dating without allowing nonsense. */
export const MAX_DUE_DATE_WEEKS_AHEAD = 44;
/** Registering shortly after the due date is normal (a late birth, registering the child); 6 weeks is not. */
export const MAX_DUE_DATE_WEEKS_PAST = 6;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid ISO calendar date, null otherwise (e.g. 2026-02-30). */
export function toDayNumber(isoDate: string): number | null {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return time / DAY_MS;
}

export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

function requireDay(isoDate: string, name: string): number {
  const day = toDayNumber(isoDate);
  if (day === null) throw new RangeError(`${name} is not a valid ISO date: ${isoDate}`);
  return day;
}

export interface GestationalAge {
  /** Completed days since the (calculated) start of the pregnancy. */
  readonly totalDays: number;
  readonly weeks: number;
  readonly days: number;
}

export function gestationalAgeFromDays(totalDays: number): GestationalAge {
  return { totalDays, weeks: Math.floor(totalDays / 7), days: ((totalDays % 7) + 7) % 7 };
}

/** Gestational age on `onDate` (YYYY-MM-DD); negative before the calculated start. */
export function gestationalAge(dueDate: string, onDate: string): GestationalAge {
  return gestationalAgeFromDays(PREGNANCY_LENGTH_DAYS - (requireDay(dueDate, 'dueDate') - requireDay(onDate, 'onDate')));
}

/** "24+3" — how Dutch obstetrics writes weeks and days. */
export function formatGestationalAge(age: Pick<GestationalAge, 'weeks' | 'days'>): string {
  return `${age.weeks}+${age.days}`;
}

export type Trimester = 1 | 2 | 3;

/** Dutch convention: first trimester up to 13+6, second 14+0–27+6, third from 28+0. */
export function trimester(age: Pick<GestationalAge, 'totalDays'>): Trimester {
  if (age.totalDays < 14 * 7) return 1;
  if (age.totalDays < 28 * 7) return 2;
  return 3;
}

export function validateDueDate(dueDate: string, today: string): Result<{ dueDate: string; gestationalAge: GestationalAge }> {
  const due = toDayNumber(dueDate);
  if (due === null) return fail('validation_failed', 'due_date_invalid', 'Vul een geldige uitgerekende datum in (dag, maand en jaar).', 'dueDate');
  const now = requireDay(today, 'today');
  if (due - now > MAX_DUE_DATE_WEEKS_AHEAD * 7) {
    return fail(
      'validation_failed',
      'due_date_too_far_ahead',
      `De uitgerekende datum ligt meer dan ${MAX_DUE_DATE_WEEKS_AHEAD} weken in de toekomst. Controleer de datum.`,
      'dueDate',
    );
  }
  if (now - due > MAX_DUE_DATE_WEEKS_PAST * 7) {
    return fail(
      'validation_failed',
      'due_date_too_far_past',
      `De uitgerekende datum ligt meer dan ${MAX_DUE_DATE_WEEKS_PAST} weken in het verleden. Registreer een geboren kind als kind, niet als zwangerschap.`,
      'dueDate',
    );
  }
  return ok({ dueDate, gestationalAge: gestationalAge(dueDate, today) });
}

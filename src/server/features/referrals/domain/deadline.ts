// SPDX-License-Identifier: EUPL-1.2
// Response deadline for a referral: the receiver must accept or reject within N working days
// (default 5, per receiving organisation) after it was sent. Working days are counted on the
// calendar of Amsterdam, because that is where people work: a referral sent at 00:30 on a Friday in
// Amsterdam (23:30 UTC on Thursday) was sent on Friday.
//
// Holidays: the public holidays in date-holidays 'NL' (Nieuwjaarsdag, Tweede Paasdag, Koningsdag —
// moved to the 26th when the 27th is a Sunday —, Hemelvaartsdag, Tweede Pinksterdag, both Christmas
// days; Easter and Whit Sunday fall on Sundays anyway), plus Bevrijdingsdag (5 May) in lustrum years
// only, as most collective agreements give it then. Goede Vrijdag is a working day in most of the
// sector (date-holidays lists it only as a school holiday); both choices can be switched per
// organisation with the options below.
import Holidays from 'date-holidays';
import { amsterdamDate } from '../../../../contracts/calendar.js';
import type { ReferralStatus } from './referral-state.js';

export const DEFAULT_RESPONSE_WORKING_DAYS = 5;
const TIME_ZONE = 'Europe/Amsterdam';
const DAY_MS = 86_400_000;

export interface WorkingDayCalendarOptions {
  /** Bevrijdingsdag off every year instead of only in lustrum years (2025, 2030, …). */
  readonly liberationDayEveryYear?: boolean;
  readonly goodFridayOff?: boolean;
}

const dutchHolidays = new Holidays('NL');
const holidaysByYear = new Map<number, { publicDays: Set<string>; goodFriday: string | null }>();

function holidaysOf(year: number) {
  let entry = holidaysByYear.get(year);
  if (!entry) {
    const all = dutchHolidays.getHolidays(year);
    // `date` is the local calendar date as "YYYY-MM-DD hh:mm:ss"; we only need the day.
    const publicDays = new Set(all.filter((holiday) => holiday.type === 'public').map((holiday) => holiday.date.slice(0, 10)));
    const goodFriday = all.find((holiday) => holiday.name === 'Goede Vrijdag')?.date.slice(0, 10) ?? null;
    entry = { publicDays, goodFriday };
    holidaysByYear.set(year, entry);
  }
  return entry;
}


function amsterdamOffsetMs(instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant of 00:00 in Amsterdam on an ISO date (Dutch DST switches at 02:00/03:00, never at midnight). */
export function amsterdamMidnight(isoDate: string): Date {
  const utcMidnight = Date.parse(`${isoDate}T00:00:00Z`);
  const firstGuess = utcMidnight - amsterdamOffsetMs(new Date(utcMidnight));
  return new Date(utcMidnight - amsterdamOffsetMs(new Date(firstGuess)));
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function isDutchPublicHoliday(isoDate: string, options: WorkingDayCalendarOptions = {}): boolean {
  const year = Number(isoDate.slice(0, 4));
  const { publicDays, goodFriday } = holidaysOf(year);
  if (publicDays.has(isoDate)) return true;
  if (isoDate.slice(5) === '05-05' && (options.liberationDayEveryYear || year % 5 === 0)) return true;
  return options.goodFridayOff === true && goodFriday === isoDate;
}

export function isWorkingDay(isoDate: string, options: WorkingDayCalendarOptions = {}): boolean {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isDutchPublicHoliday(isoDate, options);
}

export interface ResponseDeadline {
  /** The last working day to respond on, Amsterdam calendar. */
  readonly dueDate: string;
  /** The first instant that is too late: 00:00 in Amsterdam after `dueDate`. */
  readonly overdueFrom: Date;
}

/**
 * The Nth working day after the day it was sent (the day of sending itself never counts, so a
 * referral sent on Friday evening gets the same deadline as one sent on Friday morning).
 */
export function responseDeadline(
  sentAt: Date,
  workingDays: number = DEFAULT_RESPONSE_WORKING_DAYS,
  options: WorkingDayCalendarOptions = {},
): ResponseDeadline {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError(`workingDays must be a positive integer, got ${workingDays}`);
  let day = amsterdamDate(sentAt);
  let counted = 0;
  while (counted < workingDays) {
    day = addDays(day, 1);
    if (isWorkingDay(day, options)) counted++;
  }
  return { dueDate: day, overdueFrom: amsterdamMidnight(addDays(day, 1)) };
}

export interface ReferralForDeadline {
  readonly sentAt: Date;
  readonly status: ReferralStatus;
  readonly responseWorkingDays?: number;
}

/**
 * Overdue: still waiting for the receiver's answer (requested or received) past the deadline. A
 * referral on hold is paused by agreement and is not flagged; one that has been answered never is.
 */
export function isOverdue(referral: ReferralForDeadline, now: Date, options: WorkingDayCalendarOptions = {}): boolean {
  if (referral.status !== 'requested' && referral.status !== 'received') return false;
  return now.getTime() >= responseDeadline(referral.sentAt, referral.responseWorkingDays ?? DEFAULT_RESPONSE_WORKING_DAYS, options).overdueFrom.getTime();
}

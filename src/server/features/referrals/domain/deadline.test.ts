// SPDX-License-Identifier: EUPL-1.2
// Every expected date below was counted by hand on a calendar; the comment lists the days counted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amsterdamDate } from '../../../../contracts/calendar.js';
import { amsterdamMidnight, isDutchPublicHoliday, isOverdue, isWorkingDay, responseDeadline } from './deadline.js';

// Noon in Amsterdam on a date (CET or CEST does not matter at noon for the date).
const noon = (isoDate: string) => new Date(`${isoDate}T10:00:00Z`);

describe('Dutch holidays', () => {
  it('knows Easter 2026, Koningsdag 2026, Christmas, and Bevrijdingsdag only in lustrum years', () => {
    expect(isDutchPublicHoliday('2026-04-06')).toBe(true); // Tweede Paasdag
    expect(isDutchPublicHoliday('2026-04-03')).toBe(false); // Goede Vrijdag: a working day by default
    expect(isDutchPublicHoliday('2026-04-03', { goodFridayOff: true })).toBe(true);
    expect(isDutchPublicHoliday('2026-04-27')).toBe(true); // Koningsdag, a Monday
    expect(isDutchPublicHoliday('2025-04-26')).toBe(true); // 27 April 2025 was a Sunday
    expect(isDutchPublicHoliday('2026-05-14')).toBe(true); // Hemelvaartsdag
    expect(isDutchPublicHoliday('2026-05-25')).toBe(true); // Tweede Pinksterdag
    expect(isDutchPublicHoliday('2026-12-25')).toBe(true);
    expect(isDutchPublicHoliday('2026-12-26')).toBe(true);
    expect(isDutchPublicHoliday('2026-12-31')).toBe(false);
    expect(isDutchPublicHoliday('2025-05-05')).toBe(true);
    expect(isDutchPublicHoliday('2026-05-05')).toBe(false);
    expect(isDutchPublicHoliday('2026-05-05', { liberationDayEveryYear: true })).toBe(true);
    expect(isWorkingDay('2026-04-04')).toBe(false); // Saturday
  });
});

describe('responseDeadline (5 working days)', () => {
  it('an ordinary week: Mon 9 March 2026 → Mon 16 March', () => {
    // Tue 10, Wed 11, Thu 12, Fri 13, Mon 16.
    expect(responseDeadline(noon('2026-03-09')).dueDate).toBe('2026-03-16');
  });

  it('Easter 2026: sent Thu 2 April → Fri 10 April', () => {
    // Fri 3 (Goede Vrijdag, worked), Sat 4, Sun 5 Easter, Mon 6 Tweede Paasdag skipped; Tue 7, Wed 8, Thu 9, Fri 10.
    expect(responseDeadline(noon('2026-04-02')).dueDate).toBe('2026-04-10');
    // With Goede Vrijdag off: Tue 7, Wed 8, Thu 9, Fri 10, Mon 13.
    expect(responseDeadline(noon('2026-04-02'), 5, { goodFridayOff: true }).dueDate).toBe('2026-04-13');
  });

  it('Koningsdag 2026: sent Fri 24 April → Mon 4 May', () => {
    // Mon 27 skipped; Tue 28, Wed 29, Thu 30, Fri 1 May, Mon 4 May.
    expect(responseDeadline(noon('2026-04-24')).dueDate).toBe('2026-05-04');
  });

  it('Bevrijdingsdag counts in 2025 (lustrum) but not in 2026', () => {
    // 2025: sent Wed 30 April → Thu 1, Fri 2, Mon 5 skipped, Tue 6, Wed 7, Thu 8.
    expect(responseDeadline(noon('2025-04-30')).dueDate).toBe('2025-05-08');
    // 2026: sent Thu 30 April → Fri 1, Mon 4, Tue 5, Wed 6, Thu 7.
    expect(responseDeadline(noon('2026-04-30')).dueDate).toBe('2026-05-07');
  });

  it('Christmas and New Year', () => {
    // 2026: sent Wed 23 Dec → Thu 24, Fri 25 + Sat 26 skipped, Mon 28, Tue 29, Wed 30, Thu 31.
    expect(responseDeadline(noon('2026-12-23')).dueDate).toBe('2026-12-31');
    // 2026: sent Mon 28 Dec → Tue 29, Wed 30, Thu 31, Fri 1 Jan skipped, Mon 4, Tue 5.
    expect(responseDeadline(noon('2026-12-28')).dueDate).toBe('2027-01-05');
    // 2025: sent Tue 23 Dec → Wed 24, Thu 25 + Fri 26 skipped, Mon 29, Tue 30, Wed 31, Thu 1 Jan skipped, Fri 2.
    expect(responseDeadline(noon('2025-12-23')).dueDate).toBe('2026-01-02');
  });

  it('counts from the Amsterdam date, not the UTC date', () => {
    // 2026-03-26T23:30Z is Fri 27 March 00:30 CET. From Friday: Mon 30, Tue 31, Wed 1, Thu 2, Fri 3.
    // (From the UTC Thursday it would wrongly be Thu 2 April.)
    const sentAt = new Date('2026-03-26T23:30:00Z');
    expect(amsterdamDate(sentAt)).toBe('2026-03-27');
    expect(responseDeadline(sentAt).dueDate).toBe('2026-04-03');
  });

  it('across the spring DST switch (29 March 2026) the deadline ends at midnight CEST', () => {
    const deadline = responseDeadline(new Date('2026-03-26T23:30:00Z'));
    // Midnight at the start of Sat 4 April in CEST (UTC+2) is 22:00 UTC on Fri 3 April.
    expect(deadline.overdueFrom.toISOString()).toBe('2026-04-03T22:00:00.000Z');
    const referral = { sentAt: new Date('2026-03-26T23:30:00Z'), status: 'requested' as const };
    expect(isOverdue(referral, new Date('2026-04-03T21:59:59.999Z'))).toBe(false);
    expect(isOverdue(referral, new Date('2026-04-03T22:00:00Z'))).toBe(true);
  });

  it('across the autumn DST switch (25 October 2026) midnight is CET again', () => {
    // Sent Fri 23 Oct → Mon 26, Tue 27, Wed 28, Thu 29, Fri 30; overdue from Sat 31 00:00 CET = Fri 30 23:00 UTC.
    const deadline = responseDeadline(noon('2026-10-23'));
    expect(deadline.dueDate).toBe('2026-10-30');
    expect(deadline.overdueFrom.toISOString()).toBe('2026-10-30T23:00:00.000Z');
    expect(amsterdamMidnight('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(amsterdamMidnight('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('uses the organisation’s own number of working days', () => {
    // 2 working days from Fri 24 April 2026: Mon 27 skipped, Tue 28, Wed 29.
    expect(responseDeadline(noon('2026-04-24'), 2).dueDate).toBe('2026-04-29');
    expect(() => responseDeadline(noon('2026-04-24'), 0)).toThrow(RangeError);
  });
});

describe('isOverdue', () => {
  const sentAt = noon('2026-03-09'); // due Mon 16 March; overdue from Tue 17 March 00:00 CET = Mon 16 23:00 UTC

  it('only while waiting for an answer', () => {
    const late = new Date('2026-03-16T23:00:00Z');
    expect(isOverdue({ sentAt, status: 'requested' }, late)).toBe(true);
    expect(isOverdue({ sentAt, status: 'received' }, late)).toBe(true);
    expect(isOverdue({ sentAt, status: 'received' }, new Date('2026-03-16T22:59:59Z'))).toBe(false);
    for (const status of ['accepted', 'rejected', 'in-progress', 'completed', 'cancelled', 'on-hold', 'draft'] as const) {
      expect(isOverdue({ sentAt, status }, late)).toBe(false);
    }
  });

  it('the deadline is always a working day, at least N calendar days and at most N+14 later', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2024-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), fc.integer({ min: 1, max: 10 }), (sentAt, days) => {
        const { dueDate, overdueFrom } = responseDeadline(sentAt, days);
        expect(isWorkingDay(dueDate)).toBe(true);
        const calendarDays = (Date.parse(dueDate) - Date.parse(amsterdamDate(sentAt))) / 86_400_000;
        expect(calendarDays).toBeGreaterThanOrEqual(days);
        expect(calendarDays).toBeLessThanOrEqual(days + 14);
        expect(amsterdamDate(overdueFrom)).not.toBe(dueDate);
        expect(amsterdamDate(new Date(overdueFrom.getTime() - 1))).toBe(dueDate);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the working-day calendar, day by day', () => {
  it.each([
    // date, weekday, holiday?, working day?  (2026: Good Friday 3 April, Easter Monday 6 April, Koningsdag Mon 27 April)
    ['2026-03-06', 'Fri', false, true],
    ['2026-03-07', 'Sat', false, false],
    ['2026-03-08', 'Sun', false, false],
    ['2026-03-09', 'Mon', false, true],
    ['2026-04-03', 'Good Friday', false, true],
    ['2026-04-06', 'Easter Monday', true, false],
    ['2026-04-27', 'Koningsdag', true, false],
    ['2026-05-05', 'Bevrijdingsdag (not a lustrum year)', false, true],
    ['2025-05-05', 'Bevrijdingsdag 2025 (lustrum)', true, false],
    ['2030-05-05', 'Bevrijdingsdag 2030 (lustrum, a Sunday)', true, false],
    ['2026-12-25', 'Christmas', true, false],
    ['2026-12-28', 'Monday after Christmas', false, true],
  ] as const)('%s (%s): holiday %s, working day %s', (date, _name, holiday, working) => {
    expect(isDutchPublicHoliday(date)).toBe(holiday);
    expect(isWorkingDay(date)).toBe(working);
  });

  it('an organisation may take Bevrijdingsdag every year and Good Friday off', () => {
    expect(isDutchPublicHoliday('2026-05-05', { liberationDayEveryYear: true })).toBe(true);
    expect(isWorkingDay('2026-05-05', { liberationDayEveryYear: true })).toBe(false);
    expect(isDutchPublicHoliday('2026-05-05', { liberationDayEveryYear: false })).toBe(false);
    expect(isDutchPublicHoliday('2026-04-03', { goodFridayOff: true })).toBe(true);
    expect(isWorkingDay('2026-04-03', { goodFridayOff: true })).toBe(false);
    expect(isDutchPublicHoliday('2026-04-02', { goodFridayOff: true })).toBe(false);
    expect(isDutchPublicHoliday('2026-05-06', { liberationDayEveryYear: true })).toBe(false);
    // With Good Friday off, a referral sent on Thursday 2 April 2026 is due a day later.
    expect(responseDeadline(noon('2026-04-02'), 5, { goodFridayOff: true }).dueDate).toBe('2026-04-13');
    expect(responseDeadline(noon('2026-04-02'), 5).dueDate).toBe('2026-04-10');
    expect(isOverdue({ sentAt: noon('2026-04-02'), status: 'requested' }, new Date('2026-04-12T00:00:00Z'), { goodFridayOff: true })).toBe(false);
    expect(isOverdue({ sentAt: noon('2026-04-02'), status: 'requested' }, new Date('2026-04-12T00:00:00Z'))).toBe(true);
  });

  it('midnight in Amsterdam is 23:00 UTC in winter and 22:00 UTC in summer', () => {
    expect(amsterdamMidnight('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(amsterdamMidnight('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    expect(amsterdamMidnight('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(amsterdamMidnight('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(amsterdamMidnight('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(amsterdamMidnight('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(amsterdamDate(new Date('2026-07-14T22:00:00.000Z'))).toBe('2026-07-15');
    expect(amsterdamDate(new Date('2026-07-14T21:59:59.999Z'))).toBe('2026-07-14');
  });

  it('one working day, the default of five, and nonsense refused', () => {
    expect(responseDeadline(noon('2026-03-06'), 1)).toEqual({ dueDate: '2026-03-09', overdueFrom: new Date('2026-03-09T23:00:00Z') });
    expect(responseDeadline(noon('2026-03-09'))).toEqual({ dueDate: '2026-03-16', overdueFrom: new Date('2026-03-16T23:00:00Z') });
    expect(isOverdue({ sentAt: noon('2026-03-06'), status: 'requested', responseWorkingDays: 1 }, new Date('2026-03-09T23:00:00Z'))).toBe(true);
    expect(isOverdue({ sentAt: noon('2026-03-06'), status: 'requested', responseWorkingDays: 1 }, new Date('2026-03-09T22:59:59.999Z'))).toBe(false);
    for (const days of [0, -1, 1.5, Number.NaN]) {
      expect(() => responseDeadline(noon('2026-03-09'), days)).toThrow(new RangeError(`workingDays must be a positive integer, got ${days}`));
    }
  });
});

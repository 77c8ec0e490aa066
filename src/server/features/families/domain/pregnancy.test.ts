// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatGestationalAge,
  fromDayNumber,
  gestationalAge,
  isValidPostcode,
  normalisePostcode,
  toDayNumber,
  trimester,
  validateDueDate,
} from './pregnancy.js';

describe('gestationalAge', () => {
  it('is 40+0 on the due date and 0+0 280 days before', () => {
    expect(gestationalAge('2026-09-01', '2026-09-01')).toEqual({ totalDays: 280, weeks: 40, days: 0 });
    // 2026-09-01 minus 280 days: 2025-11-25 (Nov 25 → Dec 1 is 6 days, + 31 + 31 + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 1 = 280).
    expect(gestationalAge('2026-09-01', '2025-11-25')).toEqual({ totalDays: 0, weeks: 0, days: 0 });
  });

  it('counts weeks and days across a leap day', () => {
    // Due 2028-06-01; on 2028-03-01: 92 days before due (Mar 31 + Apr 30 + May 31 = 92) → 188 days = 26+6.
    const age = gestationalAge('2028-06-01', '2028-03-01');
    expect(age).toEqual({ totalDays: 188, weeks: 26, days: 6 });
    expect(formatGestationalAge(age)).toBe('26+6');
  });

  // 2026-10-01 is 183 days after 2026-04-01: 280 − 183 = 97 days = 13+6.
  it('moves one day per calendar day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 19_000, max: 22_000 }), fc.integer({ min: -400, max: 400 }), (due, offset) => {
        const a = gestationalAge(fromDayNumber(due), fromDayNumber(due + offset));
        const b = gestationalAge(fromDayNumber(due), fromDayNumber(due + offset + 1));
        expect(b.totalDays - a.totalDays).toBe(1);
        expect(a.weeks * 7 + a.days).toBe(a.totalDays);
        expect(a.days).toBeGreaterThanOrEqual(0);
        expect(a.days).toBeLessThan(7);
      }),
    );
  });
});

describe('trimester', () => {
  it('switches at 14+0 and 28+0', () => {
    expect(trimester({ totalDays: 13 * 7 + 6 })).toBe(1);
    expect(trimester({ totalDays: 14 * 7 })).toBe(2);
    expect(trimester({ totalDays: 27 * 7 + 6 })).toBe(2);
    expect(trimester({ totalDays: 28 * 7 })).toBe(3);
  });
});

describe('validateDueDate', () => {
  it('accepts up to exactly 44 weeks ahead and 6 weeks past', () => {
    // 2026-04-01 + 308 days = 2027-02-03 (Feb 1 is day 306); − 42 days = 2026-02-18.
    expect(validateDueDate('2027-02-03', '2026-04-01').ok).toBe(true);
    expect(validateDueDate('2026-02-18', '2026-04-01').ok).toBe(true);
    const result = validateDueDate('2026-10-01', '2026-04-01');
    expect(result.ok && formatGestationalAge(result.value.gestationalAge)).toBe('13+6');
  });

  it('refuses more than 44 weeks ahead, in Dutch', () => {
    const result = validateDueDate('2027-02-04', '2026-04-01');
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'validation_failed',
        reason: 'due_date_too_far_ahead',
        message: 'De uitgerekende datum ligt meer dan 44 weken in de toekomst. Controleer de datum.',
        field: 'dueDate',
      },
    });
  });

  it('refuses more than 6 weeks past, in Dutch', () => {
    const result = validateDueDate('2026-02-17', '2026-04-01');
    expect(!result.ok && result.error.reason).toBe('due_date_too_far_past');
    expect(!result.ok && result.error.message).toMatch(/meer dan 6 weken in het verleden/);
  });

  it('refuses impossible dates', () => {
    const result = validateDueDate('2026-02-30', '2026-04-01');
    expect(!result.ok && result.error.message).toBe('Vul een geldige uitgerekende datum in (dag, maand en jaar).');
    expect(toDayNumber('2026-13-01')).toBeNull();
    expect(toDayNumber('1-1-2026')).toBeNull();
  });
});

describe('postcode', () => {
  it('validates and normalises Dutch postcodes', () => {
    expect(normalisePostcode('3311ab')).toBe('3311 AB');
    expect(normalisePostcode(' 3311  AB ')).toBe('3311 AB');
    expect(isValidPostcode('1234 AB')).toBe(true);
    expect(isValidPostcode('0123 AB')).toBe(false);
    expect(isValidPostcode('1234 SS')).toBe(false);
    expect(isValidPostcode('1234 A')).toBe(false);
    expect(isValidPostcode('12345 AB')).toBe(false);
    expect(normalisePostcode('abcd 12')).toBeNull();
  });
});

describe('calendar dates, exactly', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2026-04-01', 20_544],
    ['2028-02-29', 21_243],
  ])('%s is day %i', (isoDate, dayNumber) => {
    expect(toDayNumber(isoDate)).toBe(dayNumber);
    expect(fromDayNumber(dayNumber)).toBe(isoDate);
  });

  it.each([
    ['2026-02-29', 'not a leap year'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-00-10', 'month 0'],
    ['2026-03-00', 'day 0'],
    ['0050-01-01', 'a year before 100 (the date functions would read it as 1950)'],
    ['2026-04-01x', 'something after'],
    ['x2026-04-01', 'something before'],
    ['2026-4-01', 'a month without its leading zero'],
    ['', 'empty'],
  ])('%j is no date (%s)', (isoDate) => {
    expect(toDayNumber(isoDate)).toBeNull();
  });

  it('a gestational age before the calculated start is negative: whole weeks down, days 0–6', () => {
    expect(gestationalAge('2026-09-01', '2025-11-24')).toEqual({ totalDays: -1, weeks: -1, days: 6 });
    expect(gestationalAge('2026-09-01', '2025-11-18')).toEqual({ totalDays: -7, weeks: -1, days: 0 });
    expect(gestationalAge('2026-09-01', '2026-09-09')).toEqual({ totalDays: 288, weeks: 41, days: 1 });
  });

  it('names the date that is not one', () => {
    expect(() => gestationalAge('2026-02-30', '2026-04-01')).toThrow(new RangeError('dueDate is not a valid ISO date: 2026-02-30'));
    expect(() => gestationalAge('2026-09-01', '1-4-2026')).toThrow(new RangeError('onDate is not a valid ISO date: 1-4-2026'));
    expect(() => validateDueDate('2026-09-01', 'today')).toThrow(new RangeError('today is not a valid ISO date: today'));
  });
});

describe('validateDueDate, exactly', () => {
  it('gives the due date and the gestational age today', () => {
    expect(validateDueDate('2026-10-01', '2026-04-01')).toEqual({ ok: true, value: { dueDate: '2026-10-01', gestationalAge: { totalDays: 97, weeks: 13, days: 6 } } });
  });

  it('refuses a due date more than 6 weeks past with the whole error', () => {
    expect(validateDueDate('2026-02-17', '2026-04-01')).toEqual({
      ok: false,
      error: {
        code: 'validation_failed',
        reason: 'due_date_too_far_past',
        message: 'De uitgerekende datum ligt meer dan 6 weken in het verleden. Registreer een geboren kind als kind, niet als zwangerschap.',
        field: 'dueDate',
      },
    });
  });

  it('refuses an impossible due date with the whole error', () => {
    expect(validateDueDate('2026-02-30', '2026-04-01')).toEqual({
      ok: false,
      error: { code: 'validation_failed', reason: 'due_date_invalid', message: 'Vul een geldige uitgerekende datum in (dag, maand en jaar).', field: 'dueDate' },
    });
  });
});

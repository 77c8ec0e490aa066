// SPDX-License-Identifier: EUPL-1.2
// The one place that turns dates, date-times and counts into text for the user (pure, no React):
// dates as "6 december 2026", date-times as "6 december 2026 14:05", both in Europe/Amsterdam;
// counts in the singular or plural sentence the catalogue gives ("1 resultaat", "3 resultaten").

export type Locale = 'nl' | 'en';
const TIME_ZONE = 'Europe/Amsterdam';
const LANGUAGE_TAG: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };
/** A calendar date without a time ("2026-12-06"): a day, not an instant, so it is never shifted by a time zone. */
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Replaces {name} placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function interpolate(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** The singular and plural sentence of one count, both from the catalogue; `{count}` is filled in. */
export interface CountForms {
  one: string;
  many: string;
}

export interface Formatters {
  date(iso: string): string;
  dateTime(iso: string): string;
  /** "14:05" (a time on a day the reader already knows, such as a draft saved today). */
  time(iso: string): string;
  number(value: number): string;
  count(count: number, forms: CountForms, values?: Record<string, string | number>): string;
}

export function formattersFor(locale: Locale): Formatters {
  const tag = LANGUAGE_TAG[locale];
  const day = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE });
  const calendarDay = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const time = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE });
  const number = new Intl.NumberFormat(tag);
  const date = (iso: string) => {
    if (CALENDAR_DATE.test(iso)) return calendarDay.format(new Date(`${iso}T00:00:00Z`));
    return day.format(new Date(iso));
  };
  return {
    date,
    // Day and time from the same formatters as everywhere, joined without a locale's " om " or comma.
    dateTime: (iso) => `${date(iso)} ${time.format(new Date(iso))}`,
    time: (iso) => time.format(new Date(iso)),
    number: (value) => number.format(value),
    count: (count, forms, values = {}) => interpolate(count === 1 ? forms.one : forms.many, { ...values, count: number.format(count) }),
  };
}

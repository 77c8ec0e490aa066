// SPDX-License-Identifier: EUPL-1.2
// The contact moments a JGZ caseload tier (klantroute) plans for a family. Pure: dates in, dates out.
//
// THE SCHEDULE (documented here and in the API description; domain reference §6.3):
// - universal: the standard JGZ 0–4 moments up to age two, after the historical fixed schedule
//   (RIVM 2008, Activiteiten basistakenpakket JGZ 0–19): a home visit at 2 weeks, then consultations
//   at 4 and 8 weeks and at 3, 4, 6, 9, 11, 14, 18 and 24 months. (The current Landelijk
//   Professioneel Kader lets the JGZ deploy moments flexibly; its exact set was not found, so this is
//   the starting point the nurse adjusts.) The heel prick and hearing screening of days 4–7 are not
//   nurse contacts and are left out.
// - extra: universal, plus extra home visits at 6 weeks, 5 months and 12 months; and while the
//   family is still expecting, a prenatal home visit within two weeks.
// - intensive: universal, plus a monthly home visit from next month until the child is two
//   (while expecting: also the prenatal home visit within two weeks).
// The anchor is the child's birth date, or the due date while the family is expecting. Moments that
// would fall before today are not planned (a family that enters at 7 months starts at 9 months).
import type { SupportTierCode } from '../../../contracts/care.js';
import { fromDayNumber, toDayNumber } from '../families/domain/pregnancy.js';

export type ContactKind = 'home_visit' | 'consultation';

export interface PlannedContact {
  readonly kind: ContactKind;
  readonly plannedOn: string;
}

/** Standard moments: [weeks, months] after birth (one of the two). */
const UNIVERSAL: readonly { weeks?: number; months?: number; kind: ContactKind }[] = [
  { weeks: 2, kind: 'home_visit' },
  { weeks: 4, kind: 'consultation' },
  { weeks: 8, kind: 'consultation' },
  { months: 3, kind: 'consultation' },
  { months: 4, kind: 'consultation' },
  { months: 6, kind: 'consultation' },
  { months: 9, kind: 'consultation' },
  { months: 11, kind: 'consultation' },
  { months: 14, kind: 'consultation' },
  { months: 18, kind: 'consultation' },
  { months: 24, kind: 'consultation' },
];
const EXTRA_HOME_VISITS: readonly { weeks?: number; months?: number }[] = [{ weeks: 6 }, { months: 5 }, { months: 12 }];
export const PRENATAL_VISIT_WITHIN_DAYS = 14;
export const LAST_MONTH = 24;

/** Adds calendar months; the 31st becomes the last day of a shorter month. */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

function addDays(isoDate: string, days: number): string {
  return fromDayNumber(toDayNumber(isoDate)! + days);
}

function offset(anchor: string, at: { weeks?: number; months?: number }): string {
  return at.weeks !== undefined ? addDays(anchor, at.weeks * 7) : addMonths(anchor, at.months!);
}

/**
 * @param anchor the child's birth date, or the due date while expecting
 * @param isExpecting no child born yet
 */
export function planContactMoments(tier: SupportTierCode, anchor: string, today: string, isExpecting: boolean): PlannedContact[] {
  const moments: PlannedContact[] = UNIVERSAL.map((moment) => ({ kind: moment.kind, plannedOn: offset(anchor, moment) }));
  if (tier !== 'universal' && isExpecting) moments.push({ kind: 'home_visit', plannedOn: addDays(today, PRENATAL_VISIT_WITHIN_DAYS) });
  if (tier === 'extra') for (const at of EXTRA_HOME_VISITS) moments.push({ kind: 'home_visit', plannedOn: offset(anchor, at) });
  if (tier === 'intensive') {
    const end = addMonths(anchor, LAST_MONTH);
    for (let month = 1; ; month++) {
      const day = addMonths(today, month);
      if (day > end) break;
      moments.push({ kind: 'home_visit', plannedOn: day });
    }
  }
  const seen = new Set<string>();
  return moments
    .filter((moment) => moment.plannedOn >= today)
    .sort((a, b) => a.plannedOn.localeCompare(b.plannedOn) || a.kind.localeCompare(b.kind))
    .filter((moment) => {
      const key = `${moment.plannedOn}|${moment.kind}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

// SPDX-License-Identifier: EUPL-1.2
// The rule of the register's memberships (seed 003 "Coalities": 140 municipalities work in a
// (sub)regional coalition as well as in a local one): a municipality belongs to at most one local
// coalition and at most one regional collaboration at the same time. Periods are whole days, both
// ends included; an open end (until null) lasts. The database keeps the current memberships unique;
// this rule also keeps closed periods from overlapping. Pure: the table test lists every case.
import type { CoalitionKind } from '../../../contracts/coalitions.js';

export interface MembershipPeriod {
  coalitionId: string;
  coalitionCode: string;
  coalitionName: string;
  kind: CoalitionKind;
  since: string;
  /** Last day; null while it lasts. */
  until: string | null;
}

export type MembershipCheck =
  | { kind: 'ok' }
  /** The very same membership is already recorded: adding it again changes nothing (idempotent). */
  | { kind: 'same' }
  | { kind: 'end_before_start' }
  | { kind: 'overlap'; other: MembershipPeriod };

/** Do two periods share at least one day? ISO dates compare as strings. */
export function periodsOverlap(a: { since: string; until: string | null }, b: { since: string; until: string | null }): boolean {
  return (a.until === null || b.since <= a.until) && (b.until === null || a.since <= b.until);
}

/** May `candidate` be added beside the municipality's `existing` memberships (of any kind, any coalition)? */
export function checkMembership(existing: readonly MembershipPeriod[], candidate: MembershipPeriod): MembershipCheck {
  if (candidate.until !== null && candidate.until < candidate.since) return { kind: 'end_before_start' };
  const same = existing.find(
    (period) => period.coalitionId === candidate.coalitionId && period.since === candidate.since && period.until === candidate.until,
  );
  if (same) return { kind: 'same' };
  const other = existing.find((period) => period.kind === candidate.kind && periodsOverlap(period, candidate));
  return other ? { kind: 'overlap', other } : { kind: 'ok' };
}

/** May the membership `period` end on `until` (its other memberships of the same kind left as they are)? */
export function checkMembershipEnd(existing: readonly MembershipPeriod[], period: MembershipPeriod, until: string): MembershipCheck {
  if (until < period.since) return { kind: 'end_before_start' };
  if (period.until === until) return { kind: 'same' };
  const others = existing.filter((candidate) => !(candidate.coalitionId === period.coalitionId && candidate.since === period.since));
  return checkMembership(others, { ...period, until });
}

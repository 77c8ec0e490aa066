// SPDX-License-Identifier: EUPL-1.2
// The membership rule as a table (seed 003 "Coalities"): every case of a new membership beside one
// existing membership of a municipality — same or other kind, same or other coalition, periods
// before, touching, overlapping, inside, open — and the ends of a membership.
import { describe, expect, it } from 'vitest';
import { checkMembership, checkMembershipEnd, periodsOverlap, type MembershipPeriod } from './membership-rule.js';

const local = (coalition: string, since: string, until: string | null): MembershipPeriod => ({
  coalitionId: coalition,
  coalitionCode: coalition,
  coalitionName: `Coalitie ${coalition}`,
  kind: 'local',
  since,
  until,
});
const regional = (coalition: string, since: string, until: string | null): MembershipPeriod => ({ ...local(coalition, since, until), kind: 'regional' });

type Expected = 'ok' | 'same' | 'overlap' | 'end_before_start';
const CASES: [string, MembershipPeriod | null, MembershipPeriod, Expected][] = [
  ['no membership yet', null, local('A', '2020-01-01', null), 'ok'],
  ['a second current local coalition', local('A', '2019-01-01', null), local('B', '2024-01-01', null), 'overlap'],
  ['a second local coalition starting on the day the first ends', local('A', '2019-01-01', '2023-12-31'), local('B', '2023-12-31', null), 'overlap'],
  ['a second local coalition starting the day after the first ends', local('A', '2019-01-01', '2023-12-31'), local('B', '2024-01-01', null), 'ok'],
  ['a second local coalition ending the day before the first starts', local('A', '2020-01-01', null), local('B', '2018-01-01', '2019-12-31'), 'ok'],
  ['a second local coalition ending on the day the first starts', local('A', '2020-01-01', null), local('B', '2018-01-01', '2020-01-01'), 'overlap'],
  ['a closed period inside a closed one', local('A', '2019-01-01', '2022-12-31'), local('B', '2020-01-01', '2020-12-31'), 'overlap'],
  ['a closed period around a closed one', local('A', '2020-01-01', '2020-12-31'), local('B', '2019-01-01', '2022-12-31'), 'overlap'],
  ['an open period starting inside a closed one', local('A', '2019-01-01', '2022-12-31'), local('B', '2021-01-01', null), 'overlap'],
  ['an open period starting before a closed one', local('A', '2019-01-01', '2022-12-31'), local('B', '2018-01-01', null), 'overlap'],
  ['a regional collaboration beside a current local coalition', local('A', '2019-01-01', null), regional('R', '2024-01-01', null), 'ok'],
  ['a local coalition beside a current regional collaboration', regional('R', '2019-01-01', null), local('A', '2024-01-01', null), 'ok'],
  ['a second current regional collaboration', regional('R', '2019-01-01', null), regional('S', '2024-01-01', null), 'overlap'],
  ['a second regional collaboration after the first ended', regional('R', '2019-01-01', '2020-12-31'), regional('S', '2021-01-01', null), 'ok'],
  ['the same coalition again with an overlapping period', local('A', '2019-01-01', null), local('A', '2020-01-01', null), 'overlap'],
  ['the same coalition again after a gap', local('A', '2019-01-01', '2019-12-31'), local('A', '2021-01-01', null), 'ok'],
  ['exactly the same membership again (idempotent)', local('A', '2019-01-01', null), local('A', '2019-01-01', null), 'same'],
  ['exactly the same closed membership again (idempotent)', local('A', '2019-01-01', '2020-12-31'), local('A', '2019-01-01', '2020-12-31'), 'same'],
  ['a membership ending before it starts', null, local('A', '2020-01-01', '2019-12-31'), 'end_before_start'],
  ['a one-day membership', null, local('A', '2020-01-01', '2020-01-01'), 'ok'],
];

describe('membership rule (seed 003: one local and one regional at a time, closed periods too)', () => {
  it.each(CASES)('%s', (_name, existing, candidate, expected) => {
    expect(checkMembership(existing ? [existing] : [], candidate).kind).toBe(expected);
  });

  it('names the membership it overlaps', () => {
    const existing = [regional('R', '2019-01-01', null), local('A', '2019-01-01', null)];
    expect(checkMembership(existing, local('B', '2024-01-01', null))).toEqual({ kind: 'overlap', other: existing[1] });
  });

  it('overlap is symmetric and includes both end days', () => {
    const periods = [
      { since: '2020-01-01', until: '2020-12-31' },
      { since: '2020-12-31', until: null },
      { since: '2021-01-01', until: '2021-01-01' },
      { since: '2019-01-01', until: null },
    ];
    for (const a of periods) for (const b of periods) expect(periodsOverlap(a, b)).toBe(periodsOverlap(b, a));
    expect(periodsOverlap(periods[0]!, periods[1]!)).toBe(true);
    expect(periodsOverlap(periods[0]!, periods[2]!)).toBe(false);
  });
});

describe('ending a membership', () => {
  const current = local('A', '2020-01-01', null);
  const END_CASES: [string, MembershipPeriod[], string, Expected][] = [
    ['on a day after its start', [current], '2023-12-31', 'ok'],
    ['on its first day', [current], '2020-01-01', 'ok'],
    ['before its start', [current], '2019-12-31', 'end_before_start'],
    ['again on the day it already ends', [local('A', '2020-01-01', '2023-12-31')], '2023-12-31', 'same'],
    ['later, running into a later membership of the same kind', [current, local('B', '2025-01-01', '2025-12-31')], '2025-06-30', 'overlap'],
    ['before a later membership of the same kind', [current, local('B', '2025-01-01', '2025-12-31')], '2024-12-31', 'ok'],
    ['beside a regional collaboration (other kind)', [current, regional('R', '2021-01-01', null)], '2030-01-01', 'ok'],
  ];
  it.each(END_CASES)('%s', (_name, existing, until, expected) => {
    const period = existing.find((candidate) => candidate.coalitionId === 'A')!;
    expect(checkMembershipEnd(existing, period, until).kind).toBe(expected);
  });
});

// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, planContactMoments } from './contact-schedule.js';

describe('planContactMoments', () => {
  it('universal: the standard JGZ moments from birth to two years', () => {
    const moments = planContactMoments('universal', '2026-01-10', '2026-01-10', false);
    expect(moments.map((moment) => moment.plannedOn)).toEqual([
      '2026-01-24', '2026-02-07', '2026-03-07', '2026-04-10', '2026-05-10', '2026-07-10',
      '2026-10-10', '2026-12-10', '2027-03-10', '2027-07-10', '2028-01-10',
    ]);
    expect(moments[0]).toEqual({ kind: 'home_visit', plannedOn: '2026-01-24' });
  });

  it('extra adds home visits (and a prenatal one while expecting); intensive visits monthly', () => {
    const universal = planContactMoments('universal', '2026-06-01', '2026-01-10', true);
    const extra = planContactMoments('extra', '2026-06-01', '2026-01-10', true);
    const intensive = planContactMoments('intensive', '2026-06-01', '2026-01-10', true);
    expect(extra.length).toBe(universal.length + 4);
    expect(extra[0]).toEqual({ kind: 'home_visit', plannedOn: '2026-01-24' });
    const homeVisits = intensive.filter((moment) => moment.kind === 'home_visit');
    // Monthly from 2026-02-10 to the second birthday (2028-06-01), the prenatal visit and the 2-week visit.
    expect(homeVisits.length).toBe(28 + 1 + 1);
  });

  it('never plans in the past; sorted and without duplicates', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('universal', 'extra', 'intensive' as const),
        fc.integer({ min: -800, max: 300 }),
        fc.boolean(),
        (tier, anchorOffset, isExpecting) => {
          const today = '2026-03-15';
          const anchor = new Date(Date.UTC(2026, 2, 15 + anchorOffset)).toISOString().slice(0, 10);
          const moments = planContactMoments(tier, anchor, today, isExpecting);
          for (const [index, moment] of moments.entries()) {
            expect(moment.plannedOn >= today).toBe(true);
            if (index > 0) expect(moment.plannedOn >= moments[index - 1]!.plannedOn).toBe(true);
          }
          expect(new Set(moments.map((moment) => `${moment.plannedOn}${moment.kind}`)).size).toBe(moments.length);
        },
      ),
    );
  });

  it('adds months to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-12-15', 2)).toBe('2027-02-15');
  });
});

// SPDX-License-Identifier: EUPL-1.2
// The form state ↔ answers conversion of the screening form (pure).
import { describe, expect, it } from 'vitest';
import { KANSRIJK_SIGNALERING_V1 as Q } from '../../../server/features/screening/instruments/shipped-instruments.js';
import { validateResponse } from '../../../contracts/screening/questionnaire-response.js';
import { code, PREGNANT_WITH_DEBTS_AND_STRESS } from '../../../server/features/screening/test-support.js';
import { answersOf, fieldValuesOf, isoDate } from './answer-values.js';

/** Answers without the display texts the instrument's codings carry. */
const withoutDisplay = (answers: Record<string, readonly unknown[]>) =>
  Object.fromEntries(
    Object.entries(answers).map(([linkId, values]) => [
      linkId,
      values.map((value) => (typeof value === 'object' && value !== null ? { system: (value as { system?: string }).system, code: (value as { code: string }).code } : value)),
    ]),
  );

describe('screening form values', () => {
  it('round-trips the fixture answers through the form state', () => {
    const values = fieldValuesOf(Q, PREGNANT_WITH_DEBTS_AND_STRESS);
    expect(values['situatie.uitgerekend']).toBe('20-09-2025');
    expect(values['leefstijl.roken']).toBe('false');
    const { answers, localErrors } = answersOf(Q, values);
    expect(localErrors).toEqual({});
    expect(withoutDisplay(answers)).toEqual(PREGNANT_WITH_DEBTS_AND_STRESS);
    expect(validateResponse(Q, answers, 'completed').isValid).toBe(true);
  });

  it('keeps half-typed numbers and impossible dates out of the answers, with a message key', () => {
    const { answers, localErrors } = answersOf(Q, {
      'situatie.fase': `${code('pregnant').system}|pregnant`,
      'situatie.weken': '14,5',
      'situatie.uitgerekend': '31-02-2025',
      'leefstijl.bmi': '23,4',
      'professional.toelichting': '   ',
    });
    expect(localErrors).toEqual({ 'situatie.weken': 'notInteger', 'situatie.uitgerekend': 'notDate' });
    expect(withoutDisplay(answers)).toEqual({ 'situatie.fase': [code('pregnant')], 'leefstijl.bmi': [23.4] });
  });

  it('reads Dutch and ISO dates', () => {
    expect(isoDate('20-09-2025')).toBe('2025-09-20');
    expect(isoDate('1/2/2026')).toBe('2026-02-01');
    expect(isoDate('2026-02-01')).toBe('2026-02-01');
    expect(isoDate('29-02-2025')).toBeNull();
    expect(isoDate('morgen')).toBeNull();
  });
});

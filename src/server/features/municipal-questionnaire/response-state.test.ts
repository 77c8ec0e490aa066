// SPDX-License-Identifier: EUPL-1.2
// The response's state machine, every case: state × event × phase of the edition.
import { describe, expect, it } from 'vitest';
import { RESPONSE_VIEW_STATES } from '../../../contracts/municipal-questionnaire.js';
import { phaseOn, transition, viewState, type ResponseEvent } from './response-state.js';

describe('the phase of an edition', () => {
  it('is not open before the opening date, open through the deadline (inclusive), closed after', () => {
    const edition = { opensOn: '2024-10-01', deadline: '2024-11-16' };
    expect(phaseOn(edition, '2024-09-30')).toBe('not_open');
    expect(phaseOn(edition, '2024-10-01')).toBe('open');
    expect(phaseOn(edition, '2024-11-16')).toBe('open');
    expect(phaseOn(edition, '2024-11-17')).toBe('closed');
  });
});

describe('what the respondent sees', () => {
  it.each([
    [null, 'open', 'new'],
    ['draft', 'open', 'draft'],
    ['submitted', 'open', 'submitted'],
    ['reopened', 'open', 'reopened'],
    [null, 'closed', 'locked'],
    ['draft', 'closed', 'locked'],
    ['submitted', 'closed', 'locked'],
    ['reopened', 'closed', 'reopened'],
    [null, 'not_open', 'new'],
  ] as const)('stored %s in phase %s → %s', (stored, phase, seen) => {
    expect(viewState(stored, phase)).toBe(seen);
  });
});

describe('every transition', () => {
  const EXPECTED: Record<string, string> = {
    'new|save': 'draft',
    'new|submit': 'submitted',
    'new|reopen': 'refused:questionnaire_not_locked',
    'draft|save': 'draft',
    'draft|submit': 'submitted',
    'draft|reopen': 'refused:questionnaire_not_locked',
    'submitted|save': 'draft',
    'submitted|submit': 'submitted',
    'submitted|reopen': 'refused:questionnaire_not_locked',
    'locked|save': 'refused:questionnaire_locked',
    'locked|submit': 'refused:questionnaire_locked',
    'locked|reopen': 'reopened',
    'reopened|save': 'reopened',
    'reopened|submit': 'submitted',
    'reopened|reopen': 'reopened',
  };
  const EVENTS: ResponseEvent[] = ['save', 'submit', 'reopen'];

  it('lists each state × event once', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(RESPONSE_VIEW_STATES.flatMap((state) => EVENTS.map((event) => `${state}|${event}`)).sort());
  });

  for (const state of RESPONSE_VIEW_STATES) {
    for (const event of EVENTS) {
      it(`${state} + ${event} → ${EXPECTED[`${state}|${event}`]}`, () => {
        const result = transition(state, event, 'open');
        expect('to' in result ? result.to : `refused:${result.refused}`).toBe(EXPECTED[`${state}|${event}`]);
      });
    }
  }

  it('before the opening date a save or submit is refused as not open yet; reopening follows the table', () => {
    for (const state of RESPONSE_VIEW_STATES) {
      expect(transition(state, 'save', 'not_open')).toEqual({ refused: 'questionnaire_not_open' });
      expect(transition(state, 'submit', 'not_open')).toEqual({ refused: 'questionnaire_not_open' });
      expect(transition(state, 'reopen', 'not_open')).toEqual(transition(state, 'reopen', 'open'));
    }
  });
});

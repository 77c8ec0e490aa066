// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeEnrolment, enrol, findIntervention, INTERVENTION_CATALOGUE, type EnrolmentEvent, type EnrolmentState } from './catalogue.js';

describe('the menukaart', () => {
  it('finds an entry of the shipped menu by its key, and nothing for an unknown key', () => {
    expect(findIntervention('stevig-ouderschap')).toMatchObject({ name: 'Stevig Ouderschap', phases: ['T', 'N'] });
    expect(findIntervention('bestaat-niet')).toBeUndefined();
    expect(INTERVENTION_CATALOGUE.length).toBeGreaterThan(11);
  });
});

describe('enrolment', () => {
  it('enrolled → started → ended', () => {
    const enrolled = enrol('stevig-ouderschap', '2026-04-10');
    if (!enrolled.ok) throw new Error();
    const started = changeEnrolment(enrolled.value, { type: 'start', on: '2026-04-20' });
    if (!started.ok) throw new Error();
    expect(changeEnrolment(started.value, { type: 'end', on: '2027-10-01' })).toEqual({
      ok: true,
      value: { status: 'ended', enrolledOn: '2026-04-10', startedOn: '2026-04-20', endedOn: '2027-10-01' },
    });
  });

  it('drop-out needs a reason, and "other" an explanation, in Dutch', () => {
    const state: EnrolmentState = { status: 'enrolled', enrolledOn: '2026-04-10' };
    const other = changeEnrolment(state, { type: 'drop_out', on: '2026-05-01', reason: 'other' });
    expect(!other.ok && other.error.message).toBe('Licht de reden voor de uitval toe.');
    expect(changeEnrolment(state, { type: 'drop_out', on: '2026-05-01', reason: 'moved_away' })).toMatchObject({ ok: true, value: { status: 'dropped_out', startedOn: null } });
    const unknown = enrol('yoga', '2026-04-10');
    expect(!unknown.ok && unknown.error.message).toBe('Kies een interventie uit de menukaart.');
    const early = changeEnrolment(state, { type: 'start', on: '2026-04-09' });
    expect(!early.ok && early.error.message).toBe('De datum kan niet vóór de vorige stap van de deelname liggen.');
  });

  it('property: closed enrolments stay closed and dates never go backwards', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((offset) => new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10));
    const event: fc.Arbitrary<EnrolmentEvent> = fc.oneof(
      day.map((on) => ({ type: 'start', on }) as const),
      day.map((on) => ({ type: 'end', on }) as const),
      fc.tuple(day, fc.constantFrom('client_stopped', 'other', 'bogus' as never), fc.option(fc.string(), { nil: undefined })).map(
        ([on, reason, explanation]) => ({ type: 'drop_out', on, reason, explanation }) as EnrolmentEvent,
      ),
    );
    fc.assert(
      fc.property(day, fc.array(event, { maxLength: 12 }), (start, events) => {
        let state: EnrolmentState = { status: 'enrolled', enrolledOn: start };
        for (const next of events) {
          const closed = state.status === 'ended' || state.status === 'dropped_out';
          const result = changeEnrolment(state, next);
          if (closed) expect(result.ok).toBe(false);
          if (result.ok) {
            const dates = [result.value.enrolledOn, 'startedOn' in result.value ? result.value.startedOn : null, 'endedOn' in result.value ? result.value.endedOn : null].filter(
              (value): value is string => typeof value === 'string',
            );
            expect([...dates].sort()).toEqual(dates);
            if (result.value.status === 'dropped_out') expect(['client_stopped', 'other']).toContain(result.value.reason);
            state = result.value;
          }
        }
      }),
    );
  });
});

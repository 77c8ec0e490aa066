// SPDX-License-Identifier: EUPL-1.2
// The plan's rules are tables: every case of the version state machine, of starting a version, and of the goal checks.
import { describe, expect, it } from 'vitest';
import type { PlanStatus } from '../../../../contracts/coalition-plans.js';
import { emptyContent, goalProblems, startVersion, transition, type PlanEvent } from './plan-rules.js';
import { goal, planContent } from '../test-support.js';

describe('the version state machine: every (state, event)', () => {
  const CASES: [PlanStatus, PlanEvent, PlanStatus | string][] = [
    ['draft', 'save', 'draft'],
    ['draft', 'approve', 'approved'],
    ['approved', 'save', 'plan_version_approved'],
    ['approved', 'approve', 'plan_already_approved'],
  ];
  it('covers every state and event', () => {
    expect(CASES.map(([status, event]) => `${status}/${event}`).sort()).toEqual(['approved/approve', 'approved/save', 'draft/approve', 'draft/save']);
  });
  for (const [status, event, expected] of CASES) {
    it(`${status} + ${event} → ${expected}`, () => {
      const result = transition(status, event);
      if (expected === 'draft' || expected === 'approved') expect(result).toEqual({ ok: true, value: expected });
      else {
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe(expected);
          expect(result.error.message).toMatch(/vastgesteld/);
        }
      }
    });
  }
});

describe('starting a version ("Plan beginnen", "Nieuwe versie")', () => {
  const approved = (version: number) => ({ version, status: 'approved' as const });
  const draft = (version: number) => ({ version, status: 'draft' as const });
  const CASES: [string, { version: number; status: PlanStatus }[], number | null, unknown][] = [
    ['no versions: version 1, empty', [], null, { kind: 'create', version: 1, copyFrom: null }],
    ['an approved version: the next, copied from it', [approved(1)], null, { kind: 'create', version: 2, copyFrom: 1 }],
    ['several approved: the next, copied from the newest', [approved(2), approved(1)], null, { kind: 'create', version: 3, copyFrom: 2 }],
    ['several approved, from an older one', [approved(2), approved(1)], 1, { kind: 'create', version: 3, copyFrom: 1 }],
    ['an open draft: that draft (no second one)', [draft(2), approved(1)], null, { kind: 'existing_draft', version: 2 }],
    ['an open draft, from another version: still that draft', [draft(2), approved(1)], 1, { kind: 'existing_draft', version: 2 }],
    ['the only version a draft', [draft(1)], null, { kind: 'existing_draft', version: 1 }],
  ];
  for (const [name, versions, from, expected] of CASES) {
    it(name, () => expect(startVersion(versions, from)).toEqual({ ok: true, value: expected }));
  }
  it('from a version that does not exist: refused in Dutch', () => {
    const result = startVersion([approved(1)], 7);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation_failed', field: 'fromVersion', message: 'Versie 7 van dit plan bestaat niet.' } });
  });
});

describe('goal checks (seed 001 stap 4; seed 000 §2 and §4)', () => {
  const units = (key: string) => (key === 'big2' ? { unit: 'percentage' as const } : key === 'per_duizend' ? { unit: 'per_1000' as const } : undefined);
  const problemsOf = (...goals: ReturnType<typeof goal>[]) => goalProblems(planContent({}, goals), units).map((problem) => problem.message);
  it('an empty plan and a valid goal pass', () => {
    expect(goalProblems(emptyContent(), units)).toEqual([]);
    expect(problemsOf(goal())).toEqual([]);
    expect(problemsOf(goal({ indicatorKey: null, targetValue: null, targetYear: 2030 }))).toEqual([]);
    expect(problemsOf(goal({ indicatorKey: 'per_duizend', targetValue: 400 }))).toEqual([]);
  });
  const CASES: [string, Partial<ReturnType<typeof goal>>, string][] = [
    ['a target year before 2018', { targetYear: 2017 }, 'Kies een streefjaar van 2018 tot en met 2040.'],
    ['a target year after 2040', { targetYear: 2041 }, 'Kies een streefjaar van 2018 tot en met 2040.'],
    ['an unknown indicator', { indicatorKey: 'bestaat_niet' }, '"bestaat_niet" is geen indicator van de monitor.'],
    ['an indicator without a target value', { targetValue: null }, 'Vul een streefwaarde in bij de indicator.'],
    ['an indicator without a target year', { targetYear: null }, 'Vul een streefjaar in bij de indicator.'],
    ['a percentage above 100', { targetValue: 101 }, 'Een percentage ligt tussen 0 en 100.'],
    ['a target value without an indicator', { indicatorKey: null }, 'Kies de indicator waar de streefwaarde bij hoort.'],
    ['a programme goal of another period', { phase: 'before_pregnancy', programmeGoal: 5 }, 'Doel 5 van het actieprogramma hoort niet bij deze periode.'],
  ];
  for (const [name, overrides, message] of CASES) {
    it(`${name}: "${message}"`, () => expect(problemsOf(goal(overrides))).toEqual([message]));
  }
  it('every programme goal belongs to exactly one period', () => {
    const periods = (['before_pregnancy', 'during_pregnancy', 'after_birth'] as const).flatMap((phase) =>
      ([1, 2, 3, 4, 5, 6] as const).filter((programmeGoal) => problemsOf(goal({ phase, programmeGoal })).length === 0).map((programmeGoal) => `${phase}:${programmeGoal}`),
    );
    expect(periods).toEqual(['before_pregnancy:1', 'before_pregnancy:2', 'during_pregnancy:3', 'during_pregnancy:4', 'after_birth:5', 'after_birth:6']);
  });
  it('two goals with the same id are refused, at the field', () => {
    const one = goal();
    expect(goalProblems(planContent({}, [one, { ...one }]), units)).toEqual([{ path: 'content.goals.1.id', message: 'Twee doelen hebben dezelfde verwijzing.' }]);
  });
});

// SPDX-License-Identifier: EUPL-1.2
// The rules of a plan of approach, pure: the version state machine (draft → vastgesteld, seed 001
// "bijstellen en sturen": a new cycle starts a new version, the approved one is kept as it was) and
// the checks of its goals (seed 001 stap 4: per period, tied to the programme's goals of seed 000 §2).
import {
  PROGRAMME_GOALS_OF_PHASE,
  TARGET_YEAR_MAX,
  TARGET_YEAR_MIN,
  type PlanContent,
  type PlanStatus,
} from '../../../../contracts/coalition-plans.js';
import { fail, ok, type Result } from '../../../platform/domain/result.js';

/** What can happen to one version. */
export type PlanEvent = 'save' | 'approve';

/**
 * The version state machine. A draft is saved (stays a draft) or approved (vastgesteld); an approved
 * version accepts nothing: saving it is refused (start a new version), approving it again is refused.
 */
export function transition(status: PlanStatus, event: PlanEvent): Result<PlanStatus> {
  if (status === 'approved') {
    return event === 'approve'
      ? fail('plan_already_approved', 'already_approved', 'Deze versie van het plan van aanpak is al vastgesteld. Een versie wordt maar één keer vastgesteld.')
      : fail('plan_version_approved', 'version_approved', 'Deze versie van het plan van aanpak is vastgesteld en kan niet meer worden gewijzigd. Kies "Nieuwe versie" om verder te werken.');
  }
  return ok(event === 'approve' ? 'approved' : 'draft');
}

/** "Nieuwe versie" / "Plan beginnen": what starting a version does, given the versions there are. */
export type StartOutcome =
  /** A new draft with this number, copied from `copyFrom` (null: empty). */
  | { kind: 'create'; version: number; copyFrom: number | null }
  /** There is an open draft already: continue it (a repeated click makes no second draft). */
  | { kind: 'existing_draft'; version: number };

export function startVersion(versions: readonly { version: number; status: PlanStatus }[], fromVersion: number | null): Result<StartOutcome> {
  const draft = versions.find((candidate) => candidate.status === 'draft');
  if (draft) return ok({ kind: 'existing_draft', version: draft.version });
  const newest = versions.reduce((max, candidate) => Math.max(max, candidate.version), 0);
  if (fromVersion !== null && !versions.some((candidate) => candidate.version === fromVersion)) {
    return fail('validation_failed', 'unknown_from_version', `Versie ${fromVersion} van dit plan bestaat niet.`, 'fromVersion');
  }
  return ok({ kind: 'create', version: newest + 1, copyFrom: fromVersion ?? (newest > 0 ? newest : null) });
}

/** The indicator facts a goal check needs (from the monitor's definitions). */
export interface IndicatorFacts {
  unit: 'percentage' | 'per_1000';
}

/**
 * Checks the goal rows: the programme goal belongs to the chosen period (seed 000 §4: the action
 * lines), an indicator is one the monitor knows, and a goal with an indicator has a target value
 * (within the indicator's unit) and a target year in 2018–2040. Every problem, each at its field
 * (none: the goals are fine).
 */
export function goalProblems(content: PlanContent, indicatorOf: (key: string) => IndicatorFacts | undefined): GoalProblem[] {
  const problems: GoalProblem[] = [];
  const seen = new Set<string>();
  content.goals.forEach((goal, index) => {
    const at = (field: string) => `content.goals.${index}.${field}`;
    if (seen.has(goal.id)) problems.push({ path: at('id'), message: 'Twee doelen hebben dezelfde verwijzing.' });
    seen.add(goal.id);
    if (!PROGRAMME_GOALS_OF_PHASE[goal.phase].includes(goal.programmeGoal)) {
      problems.push({ path: at('programmeGoal'), message: `Doel ${goal.programmeGoal} van het actieprogramma hoort niet bij deze periode.` });
    }
    if (goal.targetYear !== null && (goal.targetYear < TARGET_YEAR_MIN || goal.targetYear > TARGET_YEAR_MAX)) {
      problems.push({ path: at('targetYear'), message: `Kies een streefjaar van ${TARGET_YEAR_MIN} tot en met ${TARGET_YEAR_MAX}.` });
    }
    const key = goal.indicatorKey === '' ? null : goal.indicatorKey;
    if (key === null) {
      if (goal.targetValue !== null) problems.push({ path: at('indicatorKey'), message: 'Kies de indicator waar de streefwaarde bij hoort.' });
      return;
    }
    const indicator = indicatorOf(key);
    if (!indicator) {
      problems.push({ path: at('indicatorKey'), message: `"${key}" is geen indicator van de monitor.` });
      return;
    }
    if (goal.targetValue === null) problems.push({ path: at('targetValue'), message: 'Vul een streefwaarde in bij de indicator.' });
    else if (indicator.unit === 'percentage' && goal.targetValue > 100) problems.push({ path: at('targetValue'), message: 'Een percentage ligt tussen 0 en 100.' });
    if (goal.targetYear === null) problems.push({ path: at('targetYear'), message: 'Vul een streefjaar in bij de indicator.' });
  });
  return problems;
}

export interface GoalProblem {
  path: string;
  message: string;
}

/** The content as stored: an empty indicator key is no indicator. */
export function normaliseContent(content: PlanContent): PlanContent {
  return { ...content, goals: content.goals.map((goal) => ({ ...goal, indicatorKey: goal.indicatorKey === '' ? null : goal.indicatorKey })) };
}

/** An empty plan: the first version starts from this. */
export function emptyContent(): PlanContent {
  return { texts: { facts: '', coalition: '', ambition: '', goals: '', results: '', interventions: '', review: '' }, goals: [] };
}

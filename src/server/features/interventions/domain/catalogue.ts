// SPDX-License-Identifier: EUPL-1.2
// The menukaart: the entries of the shipped menu file (menu/menu-<version>.json, validated at load)
// and the rules of enrolling a family in one of them.
import { fail, ok, type Result } from '../../../platform/domain/result.js';
import { INTERVENTION_MENU } from '../menu/load-menu.js';
import type { MenuEntry } from '../menu/menu-schema.js';

export type Intervention = MenuEntry;

export const INTERVENTION_CATALOGUE: readonly Intervention[] = INTERVENTION_MENU.interventions;

export function findIntervention(key: string): Intervention | undefined {
  return INTERVENTION_CATALOGUE.find((intervention) => intervention.key === key);
}

// ── Enrolment ─────────────────────────────────────────────────────────────────────────────────────

export const DROP_OUT_REASONS = ['client_stopped', 'moved_away', 'no_contact', 'not_suitable', 'other'] as const;
export type DropOutReason = (typeof DROP_OUT_REASONS)[number];

export type EnrolmentState =
  | { readonly status: 'enrolled'; readonly enrolledOn: string }
  | { readonly status: 'started'; readonly enrolledOn: string; readonly startedOn: string }
  | { readonly status: 'ended'; readonly enrolledOn: string; readonly startedOn: string; readonly endedOn: string }
  | {
      readonly status: 'dropped_out';
      readonly enrolledOn: string;
      readonly startedOn: string | null;
      readonly endedOn: string;
      readonly reason: DropOutReason;
      readonly explanation?: string;
    };

export type EnrolmentEvent =
  | { readonly type: 'start'; readonly on: string }
  | { readonly type: 'end'; readonly on: string }
  | { readonly type: 'drop_out'; readonly on: string; readonly reason: DropOutReason; readonly explanation?: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function enrol(interventionKey: string, on: string): Result<EnrolmentState> {
  if (!findIntervention(interventionKey)) return fail('validation_failed', 'intervention_unknown', 'Kies een interventie uit de menukaart.', 'interventionKey');
  if (!ISO_DATE.test(on)) return fail('validation_failed', 'date_invalid', 'Vul een geldige datum in.', 'on');
  return ok({ status: 'enrolled', enrolledOn: on });
}

/** ISO dates compare correctly as strings; a later step may not be dated before an earlier one. */
export function changeEnrolment(state: EnrolmentState, event: EnrolmentEvent): Result<EnrolmentState> {
  if (state.status === 'ended' || state.status === 'dropped_out') {
    return fail('already_processed', 'enrolment_closed', 'Deze deelname is al beëindigd.');
  }
  if (!ISO_DATE.test(event.on)) return fail('validation_failed', 'date_invalid', 'Vul een geldige datum in.', 'on');
  const previous = state.status === 'started' ? state.startedOn : state.enrolledOn;
  if (event.on < previous) {
    return fail('validation_failed', 'date_before_previous', 'De datum kan niet vóór de vorige stap van de deelname liggen.', 'on');
  }
  switch (event.type) {
    case 'start':
      if (state.status !== 'enrolled') return fail('conflict', 'already_started', 'Deze deelname is al gestart.');
      return ok({ status: 'started', enrolledOn: state.enrolledOn, startedOn: event.on });
    case 'end':
      if (state.status !== 'started') return fail('conflict', 'not_started', 'Een deelname die niet is gestart, kan niet worden afgerond; registreer dan uitval met een reden.');
      return ok({ status: 'ended', enrolledOn: state.enrolledOn, startedOn: state.startedOn, endedOn: event.on });
    case 'drop_out': {
      if (!(DROP_OUT_REASONS as readonly string[]).includes(event.reason)) {
        return fail('validation_failed', 'reason_required', 'Kies een reden voor de uitval.', 'reason');
      }
      const explanation = event.explanation?.trim();
      if (event.reason === 'other' && !explanation) {
        return fail('validation_failed', 'explanation_required', 'Licht de reden voor de uitval toe.', 'explanation');
      }
      return ok({
        status: 'dropped_out',
        enrolledOn: state.enrolledOn,
        startedOn: state.status === 'started' ? state.startedOn : null,
        endedOn: event.on,
        reason: event.reason,
        ...(explanation ? { explanation } : {}),
      });
    }
  }
}

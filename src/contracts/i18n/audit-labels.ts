// SPDX-License-Identifier: EUPL-1.2
// Audit codes in words, for the audit log and the client's "Wie keek mee" (page and CSV export): every action, kind of
// record, outcome and role the server writes has a label in the catalogue; a code is never shown.
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES, AUDIT_OUTCOMES } from '../audit.js';
import { ROLES } from '../roles.js';
import { PARENT_ROLE } from '../my-start.js';
import type { Catalogue } from './nl.js';

function labelIn<Code extends string>(codes: readonly Code[], labels: Record<Code, string>, fallback: string) {
  return (code: string | null | undefined): string => (code && (codes as readonly string[]).includes(code) ? labels[code as Code] : code ? fallback : '');
}

export interface AuditLabels {
  action(code: string): string;
  objectType(code: string | null): string;
  outcome(code: string): string;
  /** An audit row's role: one role, or several joined with commas (a refusal names all the actor's roles). */
  roles(codes: string | null): string;
  actionOptions: { value: string; label: string }[];
  objectTypeOptions: { value: string; label: string }[];
  outcomeOptions: { value: string; label: string }[];
}

export function auditLabels(m: Catalogue): AuditLabels {
  const unknown = m.auditPage.unknownCode;
  const action = labelIn(AUDIT_ACTIONS, m.auditActions, unknown);
  const objectType = labelIn(AUDIT_OBJECT_TYPES, m.auditObjectTypes, unknown);
  const outcome = labelIn(AUDIT_OUTCOMES, m.auditOutcomes, unknown);
  // The staff roles, and the parent acting on their own file (Mijn Kansrijke Start).
  const role = labelIn([...ROLES, PARENT_ROLE], { ...m.roles, [PARENT_ROLE]: m.myStart.roleParent }, unknown);
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'nl');
  return {
    action,
    objectType,
    outcome,
    roles: (codes) => (codes ? codes.split(',').map(role).join(', ') : ''),
    actionOptions: AUDIT_ACTIONS.map((value) => ({ value, label: action(value) })).sort(byLabel),
    objectTypeOptions: AUDIT_OBJECT_TYPES.map((value) => ({ value, label: objectType(value) })).sort(byLabel),
    outcomeOptions: AUDIT_OUTCOMES.map((value) => ({ value, label: outcome(value) })),
  };
}

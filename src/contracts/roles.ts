// SPDX-License-Identifier: EUPL-1.2
// Roles and organisation types shared by server and web. Codes in English; labels live in the message catalogue.
import { z } from 'zod';

export const ROLES = [
  'professional',
  'coalition_coordinator',
  'policy_officer',
  'analyst',
  'organisation_admin',
  'platform_admin',
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Roles that only ever see aggregates: they never reach personal data and need no 2FA. */
export const AGGREGATE_ONLY_ROLES: readonly Role[] = ['policy_officer', 'analyst'];

/** Every other role may see personal data (of clients or of staff) and must use 2FA. */
export function isPersonalDataRole(role: Role): boolean {
  return !AGGREGATE_ONLY_ROLES.includes(role);
}

export function requiresTwoFactor(roles: readonly Role[]): boolean {
  return roles.some(isPersonalDataRole);
}

export const ORGANISATION_TYPES = [
  'verloskundigenpraktijk',
  'ziekenhuis',
  'huisartsenpraktijk',
  'kraamzorg',
  'jgz',
  'ggd',
  'sociaal_team',
  'gemeente',
  'ggz',
  'verslavingszorg',
  'schuldhulpverlening',
  'welzijn',
  'landelijk',
] as const;
export const organisationTypeSchema = z.enum(ORGANISATION_TYPES);
export type OrganisationType = z.infer<typeof organisationTypeSchema>;

/** The kinds of record the access policy decides on (server: platform/access/policy.ts). */
export const RESOURCE_TYPES = [
  'organisation',
  'person',
  'audit_event',
  'session',
  'indicator_figure',
  'monitor_import',
  'family',
  'referral',
  'emergency_access',
  'screening_instrument',
  // The national intervention menu (menukaart): shipped data, no personal data.
  'intervention',
  'care_pathway',
  'referral_overview',
  'care_team',
  'home_visit',
  'caseload',
  // The coalition workspace (none of it personal client data; every change audited):
  // the register with members, coordinators, partners, agreements and funding,
  'coalition',
  // the plan of approach (drafts; approved versions are listed for everyone),
  'coalition_plan',
  // self-analysis rounds and their reports (answering goes by invitation, checked by the feature),
  'analysis_round',
  // the yearly municipal questionnaire (a municipality's response to an edition).
  'municipal_questionnaire',
  // Machine access: the API clients (integrations) the platform admin registers for an organisation.
  'api_client',
  // FHIR Subscriptions of an organisation (notifications of its referrals; no personal data).
  'subscription',
  // The service directory (sociale kaart): who offers what, kept current by each organisation (no personal data).
  'service',
  // The coverage and funding overview of a coalition or the country (pathways, offer; aggregates, no personal data).
  'offer_coverage',
  // A person's own notifications and notification preferences (no personal data: a kind and a link).
  'notification',
  // The mail outbox (issue 16): the platform admin sees each mail's state and sends a dead letter again.
  'mail',
  // A closure flag on a child (afscherming, issue 15 item 5): set and lifted by the professionals who
  // care for the family; while set, a parent sees a neutral message instead of the child.
  'child_closure',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

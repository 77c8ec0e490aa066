// SPDX-License-Identifier: EUPL-1.2
// Errors under /fhir/R4 are FHIR OperationOutcomes, never problem+json: the same AppError codes and
// the same Dutch sentences as the REST API, in the shape a FHIR client expects.
import type { FastifyReply } from 'fastify';
import { nl } from '../../../contracts/i18n/nl.js';
import type { ErrorCode } from '../../../contracts/errors.js';
import { AppError } from '../../platform/errors.js';
import { FHIR_CONTENT_TYPE, KANSRIJK_CODE_SYSTEM } from './fhir-types.js';

/** Our error codes as a FHIR CodeSystem: a client can act on the code, a person reads the text. */
export const ERROR_CODE_SYSTEM = `${KANSRIJK_CODE_SYSTEM}/foutcode`;

/** http://hl7.org/fhir/issue-type for each of our error codes. */
const ISSUE_TYPE: Record<ErrorCode, string> = {
  validation_failed: 'invalid',
  invalid_json: 'structure',
  unstorable_input: 'invalid',
  unauthenticated: 'login',
  session_expired: 'expired',
  invalid_credentials: 'security',
  second_factor_required: 'login',
  second_factor_invalid: 'security',
  forbidden: 'forbidden',
  csrf_failed: 'security',
  not_found: 'not-found',
  conflict: 'conflict',
  duplicate_email: 'duplicate',
  admin_exists: 'duplicate',
  already_processed: 'business-rule',
  questionnaire_locked: 'business-rule',
  questionnaire_not_open: 'business-rule',
  questionnaire_not_locked: 'business-rule',
  questionnaire_edition_exists: 'duplicate',
  stale_version: 'conflict',
  duplicate_family: 'duplicate',
  consent_required: 'business-rule',
  merge_not_duplicate: 'business-rule',
  merge_requires_care_relationship: 'forbidden',
  merge_would_widen_access: 'business-rule',
  emergency_access_no_match: 'not-found',
  emergency_access_ambiguous: 'multiple-matches',
  invitation_invalid: 'expired',
  payload_too_large: 'too-costly',
  unsupported_media_type: 'not-supported',
  method_not_allowed: 'not-supported',
  not_acceptable: 'not-supported',
  document_too_large: 'too-costly',
  document_type_not_allowed: 'not-supported',
  agreement_status_transition: 'business-rule',
  agreement_party_not_partner: 'business-rule',
  password_policy: 'business-rule',
  account_locked: 'throttled',
  rate_limited: 'throttled',
  internal: 'exception',
  unavailable: 'transient',
  database_unavailable: 'transient',
  membership_overlap: 'business-rule',
  plan_already_approved: 'conflict',
  plan_version_approved: 'conflict',
  analysis_round_closed: 'business-rule',
  analysis_link_invalid: 'expired',
  analysis_already_invited: 'duplicate',
  bsn_in_url: 'security',
  invalid_sort: 'invalid',
  subscription_not_in_error: 'business-rule',
  service_municipality_outside_area: 'business-rule',
  service_unknown_factor: 'business-rule',
  pathway_version_not_draft: 'conflict',
  pathway_not_published: 'conflict',
  pathway_step_without_service: 'business-rule',
  pathway_incomplete: 'business-rule',
  pathway_title_required: 'business-rule',
  pathway_agreement_unknown: 'business-rule',
  pathway_without_coalition: 'business-rule',
  pathway_service_not_in_directory: 'business-rule',
  pathway_service_unavailable: 'business-rule',
  pathway_service_not_current: 'business-rule',
  copy_in_progress: 'conflict',
  child_closure_active: 'business-rule',
  child_closure_lifted: 'business-rule',
};

export interface OperationOutcomeIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: string;
  details: { coding?: { system: string; code: string }[]; text: string };
  diagnostics?: string;
  expression?: string[];
}

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: OperationOutcomeIssue[];
}

/** FHIRPath-ish expression for an error path from zod or a domain check ('body.status' → 'status'). */
function expressionOf(path: string): string[] | undefined {
  const cleaned = path.replace(/^(body|querystring|params|headers)\.?/, '').trim();
  return cleaned ? [cleaned] : undefined;
}

/**
 * One issue with our code and the Dutch sentence; one more per field error (the field in
 * `expression`, its own Dutch message in `details.text`).
 */
export function toOperationOutcome(error: AppError): OperationOutcome {
  const text = error.details?.message ?? nl.errors[error.code];
  const coding = [{ system: ERROR_CODE_SYSTEM, code: error.code }];
  const type = ISSUE_TYPE[error.code];
  const severity = error.status >= 500 ? 'fatal' : 'error';
  const fields = error.details?.errors ?? [];
  // The field whose message is the summary itself is named on the first issue, not repeated.
  const summaryField = fields.find((field) => field.message === text);
  const summaryExpression = summaryField ? expressionOf(summaryField.path) : undefined;
  const fieldIssues = fields
    .filter((field) => field.message && field !== summaryField)
    .map((field): OperationOutcomeIssue => {
      const expression = expressionOf(field.path);
      return { severity: 'error', code: type, details: { coding, text: field.message }, ...(expression ? { expression } : {}) };
    });
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity, code: type, details: { coding, text }, diagnostics: text, ...(summaryExpression ? { expression: summaryExpression } : {}) }, ...fieldIssues],
  };
}

/** `status` overrides the code's own status where FHIR asks for another (412 for a failed If-Match). */
export function sendOperationOutcome(reply: FastifyReply, error: AppError, status: number = error.status) {
  if (error.details?.retryAfterSeconds) reply.header('Retry-After', String(error.details.retryAfterSeconds));
  return reply.status(status).header('Cache-Control', 'no-store').type(FHIR_CONTENT_TYPE).send(toOperationOutcome(error));
}

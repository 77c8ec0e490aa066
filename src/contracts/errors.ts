// SPDX-License-Identifier: EUPL-1.2
// The closed set of error codes. Each maps to one HTTP status and one sentence in the catalogue.
export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_json: 400,
  unstorable_input: 400,
  unauthenticated: 401,
  session_expired: 401,
  invalid_credentials: 401,
  second_factor_required: 401,
  second_factor_invalid: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  duplicate_email: 409,
  admin_exists: 409,
  already_processed: 409,
  stale_version: 409,
  duplicate_family: 409,
  consent_required: 422,
  merge_not_duplicate: 422,
  merge_requires_care_relationship: 403,
  merge_would_widen_access: 409,
  emergency_access_no_match: 404,
  emergency_access_ambiguous: 409,
  invitation_invalid: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  method_not_allowed: 405,
  not_acceptable: 406,
  password_policy: 422,
  account_locked: 429,
  rate_limited: 429,
  document_too_large: 413,
  document_type_not_allowed: 415,
  agreement_status_transition: 409,
  agreement_party_not_partner: 422,
  questionnaire_locked: 409,
  questionnaire_not_open: 409,
  questionnaire_not_locked: 409,
  questionnaire_edition_exists: 409,
  internal: 500,
  unavailable: 503,
  /** The database is away, or a statement or lock wait timed out: 503 with Retry-After (issue 12 item 4). */
  database_unavailable: 503,
  membership_overlap: 409,
  // Plan of approach (coalition workspace).
  plan_already_approved: 409,
  plan_version_approved: 409,
  // Self-analysis (coalition workspace, issue 10 item 5).
  analysis_round_closed: 409,
  analysis_link_invalid: 410,
  analysis_already_invited: 409,
  // The public contract (issue 11): no BSN in a URL, sorting by a whitelisted field.
  bsn_in_url: 400,
  invalid_sort: 400,
  subscription_not_in_error: 409,
  // Service directory (issue 13 item 2).
  service_municipality_outside_area: 422,
  service_unknown_factor: 422,
  // The pathway editor (issue 13 item 4).
  pathway_version_not_draft: 409,
  pathway_not_published: 409,
  pathway_step_without_service: 422,
  pathway_incomplete: 422,
  pathway_title_required: 422,
  pathway_agreement_unknown: 422,
  pathway_without_coalition: 409,
  // Steps choose their services from the directory (issue 13 items 4 and 6).
  pathway_service_not_in_directory: 422,
  pathway_service_unavailable: 422,
  pathway_service_not_current: 422,
  // Mijn Kansrijke Start (issue 15 item 4): a copy of the data is already being made for this file.
  copy_in_progress: 409,
  // A closure flag on a child (issue 15 item 5): one is already set; the one to lift was lifted already.
  child_closure_active: 409,
  child_closure_lifted: 409,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];


/**
 * The stable code of one field error in a refused request: the kind of schema check that failed
 * (named as in zod 4), or `invalid` for a rule of Kansrijk itself. The sentence comes from the
 * catalogue (section `fieldErrors`).
 */
export const FIELD_ERROR_CODES = [
  'invalid_type',
  'too_small',
  'too_big',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'invalid',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export interface FieldError {
  path: string;
  code: FieldErrorCode;
  message: string;
}

/** RFC 9457 problem details as the API sends them, with our code as an extension member. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  errors?: FieldError[];
}

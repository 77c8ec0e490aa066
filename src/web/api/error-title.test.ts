// SPDX-License-Identifier: EUPL-1.2
// The title of a failed action, pinned for every error code the server can send: only validation is
// "Controleer het formulier"; refusals, conflicts, missing records, server and network failures are not.
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_STATUS, type ErrorCode } from '../../contracts/errors.js';
import { nl } from '../../contracts/i18n/nl.js';
import { ApiError } from './client.js';
import { errorTitle, failureOf, type ErrorTitleKey } from './error-title.js';

/** Every code, with no field errors: the title the summary shows above the code's sentence. */
const TITLE_WITHOUT_FIELD_ERRORS: Record<ErrorCode, ErrorTitleKey> = {
  validation_failed: 'errorSummaryTitle',
  invalid_json: 'errorTitleRefused',
  unstorable_input: 'errorTitleRefused',
  unauthenticated: 'errorTitleLogin',
  session_expired: 'errorTitleLogin',
  invalid_credentials: 'errorTitleLogin',
  second_factor_required: 'errorTitleLogin',
  second_factor_invalid: 'errorTitleLogin',
  forbidden: 'errorTitleForbidden',
  csrf_failed: 'errorTitleForbidden',
  not_found: 'errorTitleNotFound',
  conflict: 'errorTitleConflict',
  duplicate_email: 'errorTitleConflict',
  admin_exists: 'errorTitleConflict',
  already_processed: 'errorTitleConflict',
  questionnaire_locked: 'errorTitleConflict',
  questionnaire_not_open: 'errorTitleConflict',
  questionnaire_not_locked: 'errorTitleConflict',
  questionnaire_edition_exists: 'errorTitleConflict',
  stale_version: 'errorTitleConflict',
  duplicate_family: 'errorTitleConflict',
  consent_required: 'errorTitleRefused',
  merge_not_duplicate: 'errorTitleRefused',
  merge_requires_care_relationship: 'errorTitleForbidden',
  merge_would_widen_access: 'errorTitleConflict',
  emergency_access_no_match: 'errorTitleNotFound',
  emergency_access_ambiguous: 'errorTitleConflict',
  invitation_invalid: 'errorTitleGone',
  payload_too_large: 'errorTitleRefused',
  unsupported_media_type: 'errorTitleRefused',
  method_not_allowed: 'errorTitleRefused',
  not_acceptable: 'errorTitleRefused',
  document_too_large: 'errorTitleRefused',
  document_type_not_allowed: 'errorTitleRefused',
  agreement_status_transition: 'errorTitleConflict',
  agreement_party_not_partner: 'errorTitleRefused',
  password_policy: 'errorTitleRefused',
  account_locked: 'errorTitleRateLimited',
  rate_limited: 'errorTitleRateLimited',
  internal: 'errorTitleServer',
  unavailable: 'errorTitleServer',
  database_unavailable: 'errorTitleServer',
  membership_overlap: 'errorTitleConflict',
  plan_already_approved: 'errorTitleConflict',
  plan_version_approved: 'errorTitleConflict',
  analysis_round_closed: 'errorTitleConflict',
  analysis_link_invalid: 'errorTitleGone',
  analysis_already_invited: 'errorTitleConflict',
  bsn_in_url: 'errorTitleRefused',
  invalid_sort: 'errorTitleRefused',
  subscription_not_in_error: 'errorTitleConflict',
  service_municipality_outside_area: 'errorTitleRefused',
  service_unknown_factor: 'errorTitleRefused',
  pathway_version_not_draft: 'errorTitleConflict',
  pathway_not_published: 'errorTitleConflict',
  pathway_step_without_service: 'errorTitleRefused',
  pathway_incomplete: 'errorTitleRefused',
  pathway_title_required: 'errorTitleRefused',
  pathway_agreement_unknown: 'errorTitleRefused',
  pathway_without_coalition: 'errorTitleConflict',
  pathway_service_not_in_directory: 'errorTitleRefused',
  pathway_service_unavailable: 'errorTitleRefused',
  pathway_service_not_current: 'errorTitleRefused',
  copy_in_progress: 'errorTitleConflict',
  child_closure_active: 'errorTitleConflict',
  child_closure_lifted: 'errorTitleConflict',
};

const CHECK_THE_FORM = nl.shell.errorSummaryTitle;

describe('error titles', () => {
  it.each(ERROR_CODES)('%s without field errors', (code) => {
    const title = errorTitle(nl, failureOf(new ApiError(ERROR_STATUS[code], code), false));
    expect(title).toBe(nl.shell[TITLE_WITHOUT_FIELD_ERRORS[code]]);
    if (code !== 'validation_failed') expect(title).not.toBe(CHECK_THE_FORM);
  });

  it.each(ERROR_CODES)('%s with errors at fields is a form to check', (code) => {
    expect(errorTitle(nl, failureOf(new ApiError(ERROR_STATUS[code], code, [{ path: 'body.x', message: 'fout' }]), true))).toBe(CHECK_THE_FORM);
  });

  it('a server that cannot be reached, or an unexpected error, is not a form to check', () => {
    expect(errorTitle(nl, failureOf(new TypeError('Failed to fetch'), false))).toBe(nl.shell.errorTitleNetwork);
    expect(errorTitle(nl, failureOf(new Error('bug'), false))).toBe(nl.shell.errorTitleServer);
  });

  it('every title is a distinct Dutch text in the catalogue', () => {
    const keys = [...new Set(Object.values(TITLE_WITHOUT_FIELD_ERRORS)), 'errorTitleNetwork' as const];
    const texts = keys.map((key) => nl.shell[key]);
    expect(new Set(texts).size).toBe(keys.length);
    for (const text of texts) expect(text.length).toBeGreaterThan(3);
  });
});

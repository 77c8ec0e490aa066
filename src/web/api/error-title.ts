// SPDX-License-Identifier: EUPL-1.2
// Which title a failed action gets. Only a validation error (the server named fields, or answered
// validation_failed) is titled "Controleer het formulier"; a refusal, a conflict, a missing record, a
// server or network failure gets a title of its own, above the catalogue's sentence for its code.
import type { Catalogue } from '../../contracts/i18n/nl.js';
import { ERROR_STATUS, type ErrorCode } from '../../contracts/errors.js';
import { ApiError } from './client.js';

export type ErrorTitleKey =
  | 'errorSummaryTitle'
  | 'errorTitleRefused'
  | 'errorTitleLogin'
  | 'errorTitleForbidden'
  | 'errorTitleNotFound'
  | 'errorTitleConflict'
  | 'errorTitleGone'
  | 'errorTitleRateLimited'
  | 'errorTitleServer'
  | 'errorTitleNetwork';

/** The title for each HTTP status our error codes can have (ERROR_STATUS); a status not listed is a server failure. */
const TITLE_OF_STATUS: Record<(typeof ERROR_STATUS)[ErrorCode], ErrorTitleKey> = {
  400: 'errorTitleRefused',
  401: 'errorTitleLogin',
  403: 'errorTitleForbidden',
  404: 'errorTitleNotFound',
  405: 'errorTitleRefused',
  406: 'errorTitleRefused',
  409: 'errorTitleConflict',
  410: 'errorTitleGone',
  413: 'errorTitleRefused',
  415: 'errorTitleRefused',
  422: 'errorTitleRefused',
  429: 'errorTitleRateLimited',
  500: 'errorTitleServer',
  503: 'errorTitleServer',
};

export type Failure = { kind: 'api'; status: number; code: ErrorCode; hasFieldErrors: boolean } | { kind: 'network' } | { kind: 'unexpected' };

/** What kind of failure an error thrown by an action is; `hasFieldErrors`: the form shows some of them at its fields. */
export function failureOf(error: unknown, hasFieldErrors: boolean): Failure {
  if (error instanceof ApiError) return { kind: 'api', status: error.status, code: error.code, hasFieldErrors };
  // fetch rejects with a TypeError when the server cannot be reached.
  return error instanceof TypeError ? { kind: 'network' } : { kind: 'unexpected' };
}

export function errorTitleKey(failure: Failure): ErrorTitleKey {
  if (failure.kind === 'network') return 'errorTitleNetwork';
  if (failure.kind === 'unexpected') return 'errorTitleServer';
  if (failure.hasFieldErrors || failure.code === 'validation_failed') return 'errorSummaryTitle';
  return (TITLE_OF_STATUS as Record<number, ErrorTitleKey>)[failure.status] ?? 'errorTitleServer';
}

export function errorTitle(m: Catalogue, failure: Failure): string {
  return m.shell[errorTitleKey(failure)];
}

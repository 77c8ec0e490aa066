// SPDX-License-Identifier: EUPL-1.2
// The shape every pure check in the chain's domain returns. The error carries a code from the
// closed set in contracts/errors (so a use-case can raise AppError(code) without translating) and
// the Dutch sentence the professional sees; `field` points the form at the input to fix.
import type { ErrorCode } from '../../../contracts/errors.js';
import { AppError } from '../errors.js';

export interface DomainError {
  readonly code: ErrorCode;
  /** Stable machine-readable reason, e.g. 'due_date_too_far_ahead'; tests and logs use this. */
  readonly reason: string;
  /** Dutch, shown to the user as is. */
  readonly message: string;
  readonly field?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DomainError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Raise a domain error at the edge: problem+json with the domain's own Dutch sentence. */
export function raise(error: DomainError): never {
  throw new AppError(error.code, { message: error.message, errors: [{ path: error.field ?? '', message: error.message }] });
}

/** The value, or raise its error. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) raise(result.error);
  return result.value;
}

export function fail<T = never>(code: ErrorCode, reason: string, message: string, field?: string): Result<T> {
  return { ok: false, error: field === undefined ? { code, reason, message } : { code, reason, message, field } };
}

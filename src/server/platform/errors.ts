// SPDX-License-Identifier: EUPL-1.2
// One error type with a closed set of codes, and one handler that turns any error into problem+json.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERROR_STATUS, type ErrorCode, type FieldErrorCode, type Problem } from '../../contracts/errors.js';
import { nl } from '../../contracts/i18n/nl.js';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './db/unavailable.js';
import { fieldErrorCode } from './http/validation-messages.js';

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: { errors?: { path: string; message: string; code?: FieldErrorCode }[]; retryAfterSeconds?: number; message?: string },
  ) {
    super(code);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export function toProblem(error: AppError): Problem {
  return {
    type: `https://kansrijk.nl/problemen/${error.code.replaceAll('_', '-')}`,
    title: nl.errorTitles[error.status] ?? 'Fout',
    status: error.status,
    detail: error.details?.message ?? nl.errors[error.code],
    code: error.code,
    ...(error.details?.errors
      ? { errors: error.details.errors.map(({ path, code, message }) => ({ path, code: code ?? 'invalid', message })) }
      : {}),
  };
}

const FASTIFY_CODE_MAP: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_VALIDATION: 'validation_failed',
};

function validationPathOf(context: string | undefined, instancePath: string): string {
  return [context, ...instancePath.split('/').filter(Boolean)].join('.');
}

/** The paths (e.g. 'body.reason') a request validation error names, never the values; [] for other errors. */
export function invalidFieldsOf(error: unknown): string[] {
  const fastifyError = error as FastifyError;
  if (!hasZodFastifySchemaValidationErrors(fastifyError)) return [];
  return fastifyError.validation.map((issue) => validationPathOf(fastifyError.validationContext, issue.instancePath));
}

/**
 * A refinement may name the problem code of the whole response in its params
 * (`{ problemCode: 'invalid_sort' }`); otherwise, and for a code that is not a 400, validation_failed.
 */
function problemCodeOf(params: unknown[]): ErrorCode {
  for (const entry of params) {
    const code = (entry as { problemCode?: unknown } | undefined)?.problemCode;
    if (typeof code === 'string' && code in ERROR_STATUS && ERROR_STATUS[code as ErrorCode] === 400) return code as ErrorCode;
  }
  return 'validation_failed';
}

/** Maps any thrown value to an AppError; unknown errors become `internal`. */
export function normaliseError(error: unknown): { appError: AppError; isUnexpected: boolean } {
  if (error instanceof AppError) return { appError: error, isUnexpected: false };
  // The database is away, or a statement or lock wait hit its timeout: try again shortly (issue 12 item 4).
  if (isDatabaseUnavailable(error)) {
    return { appError: new AppError('database_unavailable', { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS }), isUnexpected: false };
  }
  if (error instanceof ZodError) {
    const code = problemCodeOf(error.issues.map((issue) => (issue.code === 'custom' ? issue.params : undefined)));
    return { appError: new AppError(code, { errors: zodIssues(error.issues) }), isUnexpected: false };
  }
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError)) {
    const code = problemCodeOf(fastifyError.validation.map((issue) => (issue.params as { params?: unknown } | undefined)?.params));
    const errors = fastifyError.validation.map((issue) => ({
      path: validationPathOf(fastifyError.validationContext, issue.instancePath),
      code: fieldErrorCode(issue.keyword),
      message: issue.message ?? nl.errors.validation_failed,
    }));
    return { appError: new AppError(code, { errors }), isUnexpected: false };
  }
  // The request took longer than REQUEST_TIMEOUT_MS (Fastify's handlerTimeout).
  if (fastifyError.code === 'FST_ERR_HANDLER_TIMEOUT') {
    return { appError: new AppError('unavailable', { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS }), isUnexpected: false };
  }
  if (fastifyError.statusCode === 429) return { appError: new AppError('rate_limited'), isUnexpected: false };
  if (fastifyError.code && FASTIFY_CODE_MAP[fastifyError.code]) {
    return { appError: new AppError(FASTIFY_CODE_MAP[fastifyError.code]!), isUnexpected: false };
  }
  if (fastifyError instanceof SyntaxError && fastifyError.statusCode === 400) {
    return { appError: new AppError('invalid_json'), isUnexpected: false };
  }
  if (isResponseSerializationError(fastifyError)) return { appError: new AppError('internal'), isUnexpected: true };
  if (fastifyError.statusCode === 404) return { appError: new AppError('not_found'), isUnexpected: false };
  if (fastifyError.statusCode === 415) return { appError: new AppError('unsupported_media_type'), isUnexpected: false };
  if (fastifyError.statusCode === 413) return { appError: new AppError('payload_too_large'), isUnexpected: false };
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return { appError: new AppError('validation_failed'), isUnexpected: false };
  }
  return { appError: new AppError('internal'), isUnexpected: true };
}

function zodIssues(issues: ZodError['issues']) {
  return issues.map((issue) => ({ path: issue.path.join('.'), code: fieldErrorCode(issue.code), message: issue.message }));
}

export function sendProblem(_request: FastifyRequest, reply: FastifyReply, appError: AppError) {
  if (appError.details?.retryAfterSeconds) reply.header('Retry-After', String(appError.details.retryAfterSeconds));
  return reply
    .status(appError.status)
    .header('Cache-Control', 'no-store')
    .type('application/problem+json; charset=utf-8')
    .send(toProblem(appError));
}

/** What may be logged about an unexpected error: its kind, codes and where it was thrown. */
export interface LoggableError {
  type: string;
  /** SQLSTATE of a database error, or a Node system error code (ECONNRESET). */
  code?: string;
  constraint?: string;
  /** The stack frames only: the first stack line repeats the message. */
  stack?: string;
  cause?: LoggableError;
}

/**
 * Scrubs an error for the log. Messages are never logged: a driver error's message, `detail`,
 * `where`, `query` and `params` carry the bound values (names, BSN, e-mail), Drizzle's message
 * repeats the parameters, and even V8's messages quote input. Only the error's type, its
 * code/SQLSTATE, the constraint name and the stack frames remain.
 */
export function loggableError(error: unknown, depth = 0): LoggableError {
  if (!error || typeof error !== 'object') return { type: typeof error };
  const source = error as { name?: unknown; code?: unknown; constraint?: unknown; stack?: unknown; cause?: unknown };
  const safeWord = (value: unknown) => (typeof value === 'string' && /^[A-Za-z0-9_.-]{1,63}$/.test(value) ? value : undefined);
  const frames = typeof source.stack === 'string' ? source.stack.split('\n').filter((line) => /^\s+at /.test(line)).join('\n') : '';
  const code = safeWord(source.code);
  const constraint = safeWord(source.constraint);
  return {
    type: safeWord(source.name) ?? safeWord((error as object).constructor?.name) ?? 'Error',
    ...(code ? { code } : {}),
    ...(constraint ? { constraint } : {}),
    ...(frames ? { stack: frames } : {}),
    ...(source.cause && depth < 3 ? { cause: loggableError(source.cause, depth + 1) } : {}),
  };
}

/** Logs a refused request by its code, an unexpected failure by its scrubbed error. */
export function logFailure(request: FastifyRequest, error: unknown, appError: AppError, isUnexpected: boolean) {
  if (appError.code === 'database_unavailable') {
    // Operations must see these (which SQLSTATE or socket code), but they are not the request's fault.
    request.log.warn({ code: appError.code, status: appError.status, err: loggableError(error) }, 'database unavailable');
  } else if ((error as FastifyError)?.code === 'FST_ERR_HANDLER_TIMEOUT') {
    request.log.warn({ code: appError.code, status: appError.status }, 'request timed out');
  } else if (isUnexpected) {
    // Never the request body or query, nor the error's message: they may hold personal data.
    request.log.error({ code: appError.code, err: loggableError(error) }, 'unexpected error');
  } else {
    request.log.info({ code: appError.code, status: appError.status }, 'request refused');
  }
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error, request, reply) => {
    const { appError, isUnexpected } = normaliseError(error);
    logFailure(request, error, appError, isUnexpected);
    return sendProblem(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, new AppError('not_found')));
}

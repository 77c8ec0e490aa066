// SPDX-License-Identifier: EUPL-1.2
// One error type with a closed set of codes, and one handler that turns any error into problem+json.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERROR_STATUS, type ErrorCode, type Problem } from '../../contracts/errors.js';
import { nl } from '../../contracts/i18n/nl.js';

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: { errors?: { path: string; message: string }[]; retryAfterSeconds?: number; message?: string },
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
    ...(error.details?.errors ? { errors: error.details.errors } : {}),
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

/** Maps any thrown value to an AppError; unknown errors become `internal`. */
export function normaliseError(error: unknown): { appError: AppError; isUnexpected: boolean } {
  if (error instanceof AppError) return { appError: error, isUnexpected: false };
  if (error instanceof ZodError) {
    return { appError: new AppError('validation_failed', { errors: zodIssues(error.issues) }), isUnexpected: false };
  }
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError)) {
    const errors = fastifyError.validation.map((issue) => ({
      path: validationPathOf(fastifyError.validationContext, issue.instancePath),
      message: issue.message ?? 'ongeldig',
    }));
    return { appError: new AppError('validation_failed', { errors }), isUnexpected: false };
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
  return issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

export function sendProblem(_request: FastifyRequest, reply: FastifyReply, appError: AppError) {
  if (appError.details?.retryAfterSeconds) reply.header('Retry-After', String(appError.details.retryAfterSeconds));
  return reply
    .status(appError.status)
    .header('Cache-Control', 'no-store')
    .type('application/problem+json; charset=utf-8')
    .send(toProblem(appError));
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error, request, reply) => {
    const { appError, isUnexpected } = normaliseError(error);
    if (isUnexpected) {
      // Log the stack, never the request body or query: they may hold personal data.
      request.log.error({ code: appError.code, err: { type: (error as Error)?.name, message: (error as Error)?.message, stack: (error as Error)?.stack } }, 'unexpected error');
    } else {
      request.log.info({ code: appError.code, status: appError.status }, 'request refused');
    }
    return sendProblem(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, new AppError('not_found')));
}

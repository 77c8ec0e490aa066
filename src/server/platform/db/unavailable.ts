// SPDX-License-Identifier: EUPL-1.2
// Which failures mean "the database is away or stuck" rather than "this request is wrong": those
// become 503 with Retry-After (database_unavailable), and the next request tries again on a fresh
// connection. Everything else keeps its own meaning (a constraint violation stays a 409 or a 500).
import { DrizzleQueryError } from 'drizzle-orm';

/** What a client should wait before trying again, in seconds. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * SQLSTATEs (PostgreSQL appendix A) of a connection lost or refused, a server shutting down, a
 * statement or lock wait that hit its timeout, or a database that is gone.
 */
export const UNAVAILABLE_SQLSTATES: Readonly<Record<string, string>> = {
  '08000': 'connection_exception',
  '08001': 'sqlclient_unable_to_establish_sqlconnection',
  '08003': 'connection_does_not_exist',
  '08004': 'sqlserver_rejected_establishment_of_sqlconnection',
  '08006': 'connection_failure',
  '08P01': 'protocol_violation',
  '25P03': 'idle_in_transaction_session_timeout',
  '28000': 'invalid_authorization_specification',
  '28P01': 'invalid_password',
  '3D000': 'invalid_catalog_name',
  '53300': 'too_many_connections',
  '55P03': 'lock_not_available',
  '57014': 'query_canceled',
  '57P01': 'admin_shutdown',
  '57P02': 'crash_shutdown',
  '57P03': 'cannot_connect_now',
  '57P04': 'database_dropped',
  '57P05': 'idle_session_timeout',
};

/** Node's codes for a socket that could not be opened or was cut. */
export const UNAVAILABLE_SOCKET_CODES: readonly string[] = [
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
];

/** node-postgres and its pool say these without a code. */
export const UNAVAILABLE_DRIVER_MESSAGES: readonly RegExp[] = [
  /^timeout exceeded when trying to connect$/,
  /^Connection terminated/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^Cannot use a pool after calling end on the pool$/,
];

interface Failure {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

function isUnavailableItself(error: Failure, mayBeSocket: boolean): boolean {
  if (typeof error.code === 'string') {
    if (Object.hasOwn(UNAVAILABLE_SQLSTATES, error.code)) return true;
    if (mayBeSocket && UNAVAILABLE_SOCKET_CODES.includes(error.code)) return true;
  }
  return typeof error.message === 'string' && UNAVAILABLE_DRIVER_MESSAGES.some((pattern) => pattern.test(error.message as string));
}

/**
 * True when a thrown value (or what it wraps: Drizzle's query error, Node's AggregateError of a
 * refused connection) says the database cannot be reached or did not answer in time. A socket code
 * counts when thrown as such (the pool's connect), or inside Drizzle's query error or an
 * AggregateError; not inside another wrapper (fetch's "fetch failed" to an identity provider is no
 * database trouble).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return isUnavailable(error, true, 0);
}

function isUnavailable(error: unknown, mayBeSocket: boolean, depth: number): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const failure = error as Failure;
  if (isUnavailableItself(failure, mayBeSocket)) return true;
  const passesSocketsOn = error instanceof DrizzleQueryError || error instanceof AggregateError;
  const nested = [failure.cause, ...(Array.isArray(failure.errors) ? failure.errors : [])];
  return nested.some((inner) => isUnavailable(inner, passesSocketsOn, depth + 1));
}

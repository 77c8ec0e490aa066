// SPDX-License-Identifier: EUPL-1.2
// A small fetch client: same-origin cookies, the CSRF double-submit header, problem+json → ApiError,
// and one place that reacts to an ended session.
import type { ErrorCode, Problem } from '../../contracts/errors.js';

const CSRF_COOKIE = 'kr_csrf';
const CSRF_HEADER = 'x-csrf-token';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The Accept value that makes a list endpoint answer with CSV (CSV_MEDIA_TYPE in the contracts). */
export const CSV_MEDIA_TYPE = 'text/csv';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly fieldErrors: { path: string; message: string }[] = [],
  ) {
    super(code);
    this.name = 'ApiError';
  }
}

export type SessionEndCode = Extract<ErrorCode, 'session_expired' | 'unauthenticated' | 'second_factor_required'>;
let onSessionEnded: (code: SessionEndCode) => void = () => {};

/** The router registers how to send the user to the login page when the server ends the session. */
export function setSessionEndedHandler(handler: (code: SessionEndCode) => void) {
  onSessionEnded = handler;
}

function csrfToken(): string | undefined {
  const match = document.cookie.split('; ').find((part) => part.startsWith(`${CSRF_COOKIE}=`));
  return match ? decodeURIComponent(match.slice(CSRF_COOKIE.length + 1)) : undefined;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

/** A search as a JSON body: the filters that are set (empty fields left out). */
export function searchBody(query: Query): Record<string, string | number | boolean> {
  return Object.fromEntries(
    Object.entries(query).filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== null && entry[1] !== ''),
  );
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export interface RequestOptions {
  body?: unknown;
  query?: Query;
  accept?: string;
  /** A non-JSON body (e.g. a CSV file), sent as is with this content type. */
  rawBody?: { contentType: string; data: string | Uint8Array<ArrayBuffer> };
  headers?: Record<string, string>;
  /** Do not redirect on 401: for the session probe and the login steps themselves. */
  isSessionProbe?: boolean;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers, accept: options.accept ?? 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.rawBody) headers['content-type'] = options.rawBody.contentType;
  if (STATE_CHANGING.has(method)) {
    // The server sets the readable CSRF cookie on any request; make one if this is the very first.
    let token = csrfToken();
    if (!token) {
      await fetch('/api/v1/auth/options', { credentials: 'same-origin' }).catch(() => undefined);
      token = csrfToken();
    }
    if (token) headers[CSRF_HEADER] = token;
  }
  const response = await fetch(`/api/v1${withQuery(path, options.query)}`, {
    method,
    credentials: 'same-origin',
    headers,
    body: options.rawBody ? options.rawBody.data : options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (response.ok) return response;
  const problem = (await response.json().catch(() => null)) as Partial<Problem> | null;
  const code: ErrorCode = problem?.code ?? (response.status >= 500 ? 'internal' : 'validation_failed');
  const error = new ApiError(response.status, code, problem?.errors ?? []);
  const isSessionEnd = code === 'session_expired' || code === 'unauthenticated' || code === 'second_factor_required';
  if (isSessionEnd && !options.isSessionProbe) onSessionEnded(code as SessionEndCode);
  throw error;
}

export async function apiJson<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function apiBlob(path: string, options: RequestOptions = {}, method: 'GET' | 'POST' = 'GET'): Promise<Blob> {
  const response = await send(method, path, options);
  return response.blob();
}

/** Offers a file to the user (CSV exports). */
export function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

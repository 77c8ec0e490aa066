// SPDX-License-Identifier: EUPL-1.2
// What the FHIR API speaks and accepts: JSON only (the CapabilityStatement says so). An Accept
// header or _format asking for anything else is 406; a body in another media type is 415; a method
// a known resource path does not declare is 405 with Allow — all from the same handler list the
// routes and the CapabilityStatement come from.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import type { ResourceHandler } from './resource-handler.js';

export const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';
/** A resource body (create, update). */
export const RESOURCE_MEDIA_TYPES = ['application/fhir+json', 'application/json'] as const;

/** Accept ranges that a JSON answer satisfies. */
const JSON_RANGES = new Set(['*/*', 'application/*', 'application/fhir+json', 'application/json']);
/** _format values that mean JSON (FHIR R4 http.html#mime-type). */
const JSON_FORMATS = new Set(['json', 'application/json', 'application/fhir+json']);

function mediaTypeOf(value: string): string {
  return value.split(';')[0]!.trim().toLowerCase();
}

/** Accept: absent or empty is anything; otherwise one range with q > 0 must admit JSON. */
export function isJsonAcceptable(accept: string | string[] | undefined): boolean {
  const header = Array.isArray(accept) ? accept.join(',') : accept;
  if (header === undefined || header.trim() === '') return true;
  return header.split(',').some((part) => {
    const [range, ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const quality = parameters.find((parameter) => parameter.startsWith('q='));
    if (quality !== undefined && !(Number(quality.slice(2)) > 0)) return false;
    return JSON_RANGES.has(range ?? '');
  });
}

export function checkAcceptable(accept: string | string[] | undefined): void {
  if (!isJsonAcceptable(accept)) {
    throw new AppError('not_acceptable', { message: 'Deze FHIR-server antwoordt alleen in JSON (application/fhir+json). Vraag om JSON in de Accept-header.' });
  }
}

/** _format (once, or repeated with one value): json or a JSON media type; anything else is 406. */
export function checkFormat(format: unknown): void {
  if (format === undefined) return;
  const values = Array.isArray(format) ? format : [format];
  // Form-decoded '+' is a space: 'application/fhir json' is the same request as 'application/fhir+json'.
  if (values.every((value) => typeof value === 'string' && JSON_FORMATS.has(value.trim().toLowerCase().replace(/ /g, '+')))) return;
  throw new AppError('not_acceptable', { message: 'Deze FHIR-server antwoordt alleen in JSON: _format=json (of laat _format weg).' });
}

/** 415 unless the request's Content-Type is one of these. */
export function requireMediaType(request: FastifyRequest, allowed: readonly string[]): void {
  const type = mediaTypeOf(String(request.headers['content-type'] ?? ''));
  if (!allowed.includes(type)) {
    throw new AppError('unsupported_media_type', { message: `Stuur de inhoud als ${allowed.join(' of ')}.` });
  }
}

/** The form body of POST _search as name → value (or values, when repeated). */
export function formParser(_request: FastifyRequest, body: string, done: (error: Error | null, value?: unknown) => void): void {
  const parsed: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const before = parsed[name];
    parsed[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  done(null, parsed);
}

/**
 * The methods a path of a known resource type supports, or null when the path names no known type
 * (then it is simply not found). HEAD goes with GET.
 */
export function allowedMethodsOf(url: string, handlers: readonly ResourceHandler[]): string[] | null {
  const path = url.split('?')[0]!;
  const match = /^\/fhir\/R4\/(.+)$/.exec(path);
  if (!match) return null;
  const segments = match[1]!.replace(/\/$/, '').split('/');
  if (segments.length === 1 && segments[0] === 'metadata') return ['GET'];
  const handler = handlers.find((candidate) => candidate.type === segments[0]);
  if (!handler) return null;
  const methods = (entries: [boolean, string][]) => entries.filter(([isSupported]) => isSupported).map(([, method]) => method);
  if (segments.length === 1) return methods([[Boolean(handler.search), 'GET'], [Boolean(handler.create), 'POST']]);
  if (segments.length === 2 && segments[1] === '_search') return methods([[Boolean(handler.search), 'POST']]);
  if (segments.length === 2) return methods([[Boolean(handler.read), 'GET'], [Boolean(handler.update), 'PUT'], [Boolean(handler.patch), 'PATCH'], [Boolean(handler.delete), 'DELETE']]);
  if (segments.length === 4 && segments[2] === '_history') return methods([[Boolean(handler.read), 'GET']]);
  return null;
}

// SPDX-License-Identifier: EUPL-1.2
// Input the database cannot store is refused at the edge, once, for every route (REST, public and
// FHIR): a NUL character or a lone UTF-16 surrogate in any text (PostgreSQL refuses both in text and
// jsonb), an integer beyond the 32-bit range of an integer column (a version of 2147483648), and
// bytes that are not UTF-8 (a lone surrogate written as UTF-8 bytes). Refused with a 400
// `unstorable_input`, never silently changed and never a 500 from the driver.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { INT32_MAX } from '../../../contracts/common.js';

const INT32_MIN = -INT32_MAX - 1;
const MAX_DEPTH = 64;

const UNSTORABLE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(text: string): boolean {
  return !UNSTORABLE_TEXT.test(text);
}

/**
 * No input of this API holds an integer beyond 32 bits (versions, counts, weeks, grams; a FHIR
 * `integer` is 32-bit by definition), and JSON's 1e999 parses to Infinity: both are refused.
 */
function isStorableNumber(value: number): boolean {
  if (!Number.isFinite(value)) return false;
  return !Number.isInteger(value) || (value >= INT32_MIN && value <= INT32_MAX);
}

/** The path of the first value the database cannot store, or null when everything can be stored. */
export function findUnstorable(value: unknown, path: string, depth = 0): string | null {
  if (depth > MAX_DEPTH) return path;
  if (typeof value === 'string') return isStorableText(value) ? null : path;
  if (typeof value === 'number') return isStorableNumber(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorable(item, `${path}.${index}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) return path;
      const found = findUnstorable(item, `${path}.${key}`, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

export function unstorableInput(path: string): AppError {
  return new AppError('unstorable_input', { errors: [{ path, message: nl.errors.unstorable_input }] });
}

/** Throws `unstorable_input` when anything in the value cannot be stored. */
export function assertStorable(value: unknown, path: string): void {
  const found = findUnstorable(value, path);
  if (found) throw unstorableInput(found);
}

/**
 * The query string as sent: the parser leaves a percent-encoding that is not UTF-8 (%ED%A0%80, a
 * lone surrogate; %E9, Latin-1) as literal text instead of refusing it.
 */
function findMalformedQuery(url: string): string | null {
  const start = url.indexOf('?');
  if (start === -1) return null;
  for (const pair of url.slice(start + 1).split('&')) {
    try {
      decodeURIComponent(pair.replaceAll('+', ' '));
    } catch {
      const key = pair.split('=')[0] ?? '';
      try {
        return `querystring.${decodeURIComponent(key)}`;
      } catch {
        return 'querystring';
      }
    }
  }
  return null;
}

function checkRequest(request: FastifyRequest) {
  const malformed = findMalformedQuery(request.url);
  if (malformed) throw unstorableInput(malformed);
  assertStorable(request.params, 'params');
  assertStorable(request.query, 'querystring');
  assertStorable(request.body, 'body');
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** A JSON body parser that refuses bytes that are not UTF-8 instead of turning them into U+FFFD. */
export function strictJsonParser(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  return (request: FastifyRequest, body: Buffer, done: (error: Error | null, value?: unknown) => void) => {
    let text: string;
    try {
      text = strictUtf8.decode(body);
    } catch {
      done(unstorableInput('body'));
      return;
    }
    parseJson(request, text, done);
  };
}

/** Registers the strict JSON parser and the check of params, query and body before validation. */
export function registerStorableInputGuard(app: FastifyInstance) {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, strictJsonParser(app));
  app.addHook('preValidation', async (request) => checkRequest(request));
}

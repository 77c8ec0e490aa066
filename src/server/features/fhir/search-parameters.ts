// SPDX-License-Identifier: EUPL-1.2
// Reads FHIR search parameters strictly: an unknown parameter or modifier is refused (400) instead
// of being ignored, so a client never mistakes an unfiltered list of personal data for a filtered one.
import { isSafeText } from '../../../contracts/screening.js';
import { invalidParameter } from './bundle.js';
import type { SearchParameterDefinition } from './resource-handler.js';

/** Result parameters every search accepts (handled by the plugin, not by the resource). */
export const RESULT_PARAMETERS = ['_count', '_page', '_format'] as const;

const MAX_VALUE_LENGTH = 200;
/** Joins the two values of a date range in `values` (a space never occurs in a date). */
export const DATE_SEPARATOR = ' ';

export function parseSearchParameters(
  query: unknown,
  definitions: readonly SearchParameterDefinition[],
): { values: Record<string, string>; given: Record<string, string | string[]> } {
  const known = new Set(definitions.map((definition) => definition.name));
  const values: Record<string, string> = {};
  const given: Record<string, string | string[]> = {};
  const entries = query && typeof query === 'object' ? Object.entries(query as Record<string, unknown>) : [];
  for (const [name, raw] of entries) {
    if ((RESULT_PARAMETERS as readonly string[]).includes(name)) continue;
    if (!known.has(name)) {
      const allowed = [...known].join(', ') || 'geen';
      throw invalidParameter(name, `Onbekende zoekparameter '${name.slice(0, 50)}'. Mogelijk: ${allowed}.`);
    }
    const definition = definitions.find((candidate) => candidate.name === name)!;
    // A date may be given twice (a range: ge… and le…); any other parameter once.
    const isRange = definition.type === 'date' && Array.isArray(raw) && raw.length === 2 && raw.every((item) => typeof item === 'string');
    if (typeof raw !== 'string' && !isRange) throw invalidParameter(name, `Geef de zoekparameter '${name}' één keer${definition.type === 'date' ? ' (een datum hoogstens twee keer)' : ''}.`);
    const value = isRange ? (raw as string[]).map((item) => item.trim()).join(DATE_SEPARATOR) : (raw as string).trim();
    if (value === '') throw invalidParameter(name, `De zoekparameter '${name}' heeft geen waarde.`);
    if (value.length > MAX_VALUE_LENGTH) throw invalidParameter(name, `De waarde van '${name}' is te lang.`);
    // eslint-disable-next-line no-control-regex
    if (!isSafeText(value) || /[\u0000-\u001f\u007f]/.test(value)) throw invalidParameter(name, `De waarde van '${name}' bevat tekens die niet zijn toegestaan.`);
    values[name] = value;
    given[name] = raw as string | string[];
  }
  return { values, given };
}

/** token: 'system|code', '|code' or 'code' → its parts (system null when not given). */
export function parseToken(value: string): { system: string | null; code: string } {
  const bar = value.indexOf('|');
  if (bar < 0) return { system: null, code: value };
  return { system: value.slice(0, bar) || null, code: value.slice(bar + 1) };
}

/**
 * A token on a code from one fixed system (a status): 'code', '|code' or 'system|code'. The code to
 * compare, or null when the named system is another one (then nothing matches).
 */
export function tokenCode(value: string, system: string): string | null {
  const token = parseToken(value);
  return token.system === null || token.system === system ? token.code : null;
}

const DATE_PREFIXES = ['eq', 'ge', 'le', 'gt', 'lt'] as const;
type DatePrefix = (typeof DATE_PREFIXES)[number];

function shiftDay(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** date: 'YYYY-MM-DD' with an optional prefix eq, ge, le, gt or lt; other forms are refused. */
export function parseDate(name: string, value: string): { prefix: DatePrefix; date: string } {
  const match = /^(eq|ge|le|gt|lt)?(\d{4}-\d{2}-\d{2})$/.exec(value);
  const parsed = match ? Date.parse(`${match[2]}T00:00:00Z`) : Number.NaN;
  // Date.parse accepts 2023-02-30 (rolling over): only a date that reads back the same is real.
  const year = match ? Number(match[2]!.slice(0, 4)) : 0;
  if (!match || Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== match[2] || year < 1800 || year > 2200) {
    throw invalidParameter(name, `Geef bij '${name}' een datum als jjjj-mm-dd, eventueel met ervoor eq, ge, le, gt of lt (bijvoorbeeld ge1990-01-01).`);
  }
  return { prefix: (match[1] ?? 'eq') as DatePrefix, date: match[2]! };
}

/**
 * A day-precision date search as an inclusive range: one value, or two (given as the parameter twice,
 * e.g. birthdate=ge1990-01-01&birthdate=lt2000-01-01), which must both hold.
 */
export function parseDateRange(name: string, values: readonly string[]): { from: string | null; to: string | null } {
  let from: string | null = null;
  let to: string | null = null;
  const later = (a: string | null, b: string) => (a === null || b > a ? b : a);
  const earlier = (a: string | null, b: string) => (a === null || b < a ? b : a);
  for (const value of values) {
    const { prefix, date } = parseDate(name, value);
    if (prefix === 'eq' || prefix === 'ge') from = later(from, date);
    if (prefix === 'eq' || prefix === 'le') to = earlier(to, date);
    if (prefix === 'gt') from = later(from, shiftDay(date, 1));
    if (prefix === 'lt') to = earlier(to, shiftDay(date, -1));
  }
  return { from, to };
}

/** reference: 'Type/id' or a bare id → the id (type checked when given). */
export function parseReference(name: string, value: string, resourceType: string): string {
  const slash = value.lastIndexOf('/');
  if (slash < 0) return value;
  const type = value.slice(0, slash).split('/').pop();
  if (type !== resourceType) throw invalidParameter(name, `De zoekparameter '${name}' verwijst naar een ${resourceType}.`);
  return value.slice(slash + 1);
}

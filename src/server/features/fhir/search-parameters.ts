// SPDX-License-Identifier: EUPL-1.2
// Reads FHIR search parameters strictly: an unknown parameter or modifier is refused (400) instead
// of being ignored, so a client never mistakes an unfiltered list of personal data for a filtered one.
import { isSafeText } from '../../../contracts/screening.js';
import { invalidParameter } from './bundle.js';
import type { SearchParameterDefinition } from './resource-handler.js';

/** Result parameters every search accepts (handled by the plugin, not by the resource). */
export const RESULT_PARAMETERS = ['_count', '_page', '_format'] as const;

const MAX_VALUE_LENGTH = 200;

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
    if (typeof raw !== 'string') throw invalidParameter(name, `Geef de zoekparameter '${name}' één keer.`);
    const value = raw.trim();
    if (value === '') throw invalidParameter(name, `De zoekparameter '${name}' heeft geen waarde.`);
    if (value.length > MAX_VALUE_LENGTH) throw invalidParameter(name, `De waarde van '${name}' is te lang.`);
    // eslint-disable-next-line no-control-regex
    if (!isSafeText(value) || /[\u0000-\u001f\u007f]/.test(value)) throw invalidParameter(name, `De waarde van '${name}' bevat tekens die niet zijn toegestaan.`);
    values[name] = value;
    given[name] = raw;
  }
  return { values, given };
}

/** token: 'system|code', '|code' or 'code' → its parts (system null when not given). */
export function parseToken(value: string): { system: string | null; code: string } {
  const bar = value.indexOf('|');
  if (bar < 0) return { system: null, code: value };
  return { system: value.slice(0, bar) || null, code: value.slice(bar + 1) };
}

/** date: 'YYYY-MM-DD' (optionally with the 'eq' prefix); other forms are refused. */
export function parseDate(name: string, value: string): string {
  const match = /^(?:eq)?(\d{4}-\d{2}-\d{2})$/.exec(value);
  const parsed = match ? Date.parse(`${match[1]}T00:00:00Z`) : Number.NaN;
  // Date.parse accepts 2023-02-30 (rolling over): only a date that reads back the same is real.
  const year = match ? Number(match[1]!.slice(0, 4)) : 0;
  if (!match || Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== match[1] || year < 1800 || year > 2200) {
    throw invalidParameter(name, `Geef bij '${name}' een datum als jjjj-mm-dd.`);
  }
  return match[1]!;
}

/** reference: 'Type/id' or a bare id → the id (type checked when given). */
export function parseReference(name: string, value: string, resourceType: string): string {
  const slash = value.lastIndexOf('/');
  if (slash < 0) return value;
  const type = value.slice(0, slash).split('/').pop();
  if (type !== resourceType) throw invalidParameter(name, `De zoekparameter '${name}' verwijst naar een ${resourceType}.`);
  return value.slice(slash + 1);
}

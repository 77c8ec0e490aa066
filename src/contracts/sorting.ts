// SPDX-License-Identifier: EUPL-1.2
// Sorting a long list (NL API Design Rules, extension "filteren, sorteren en zoeken"): the query
// parameter `sorteer` holds one or more fields, comma-separated, each with a leading `-` for
// descending (`sorteer=-birthDate,clientName`). Each list endpoint names the fields it sorts on; any
// other field is refused with 400 `invalid_sort`.
import { z } from 'zod';
import { nl } from './i18n/nl.js';

export const SORT_PARAMETER = 'sorteer';

export interface SortKey<Field extends string = string> {
  field: Field;
  descending: boolean;
}

/** The keys of a `sorteer` value, or null when it names a field outside `fields` (or one twice). */
export function parseSort<Field extends string>(text: string, fields: readonly Field[]): SortKey<Field>[] | null {
  const keys: SortKey<Field>[] = [];
  for (const part of text.split(',')) {
    const descending = part.startsWith('-');
    const field = (descending ? part.slice(1) : part).trim();
    if (!(fields as readonly string[]).includes(field) || keys.some((key) => key.field === field)) return null;
    keys.push({ field: field as Field, descending });
  }
  return keys;
}

/** The `sorteer` query parameter of a list that sorts on `fields` (the first is the example). */
export function sortParameter<const Field extends string>(fields: readonly Field[]) {
  const allowed = fields.join(', ');
  return z
    .string()
    .trim()
    .max(200)
    .refine((text) => parseSort(text, fields) !== null, {
      message: nl.fieldErrors.sortFields.replace('{allowed}', allowed),
      // The problem code of the whole response (see platform/errors.ts), not just validation_failed.
      params: { problemCode: 'invalid_sort' },
    })
    .optional()
    .meta({
      description: `Sorteren: een of meer velden met komma's ertussen, een - ervoor voor aflopend. Mogelijk: ${allowed}. Een ander veld geeft 400 \`invalid_sort\`.`,
      example: `-${fields[0]}`,
    });
}

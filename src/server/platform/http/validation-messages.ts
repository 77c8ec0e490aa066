// SPDX-License-Identifier: EUPL-1.2
// Field errors in Dutch from the catalogue instead of the schema library's English (NL API Design
// Rules, issue 11 item 3). Installed as zod's locale: a schema's own message still wins, so only the
// default sentences are replaced, wherever the server parses (request validation, handlers, FHIR).
import { z } from 'zod';
import { FIELD_ERROR_CODES, type FieldErrorCode } from '../../../contracts/errors.js';
import { nl } from '../../../contracts/i18n/nl.js';

type Texts = (typeof nl)['fieldErrors'];
type RawIssue = z.core.$ZodRawIssue;

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** The field as the sentence names it: `het veld ‘client.bsn’`, or `de invoer` for the whole. */
function fieldName(path: readonly PropertyKey[] | undefined, texts: Texts): string {
  if (!path || path.length === 0) return texts.root;
  return fill(texts.field, { path: path.map(String).join('.') });
}

function sentence(template: string, field: string, values: Record<string, string | number> = {}): string {
  const text = fill(template, { ...values, field });
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function quoted(value: unknown): string {
  return typeof value === 'string' ? `‘${value}’` : String(value);
}

const TYPE_KEYS = ['string', 'number', 'int', 'bigint', 'boolean', 'array', 'object', 'date', 'null'] as const;
const FORMAT_KEYS: Record<string, keyof Texts> = {
  email: 'format_email',
  uuid: 'format_uuid',
  guid: 'format_uuid',
  uuidv4: 'format_uuid',
  uuidv6: 'format_uuid',
  uuidv7: 'format_uuid',
  url: 'format_url',
  date: 'format_date',
  datetime: 'format_datetime',
  time: 'format_time',
};
const LENGTH_UNITS: Record<string, 'string' | 'array' | 'file'> = { string: 'string', array: 'array', set: 'array', map: 'array', file: 'file' };

function boundText(value: unknown, origin: string | undefined): string {
  if (origin === 'date') return new Date(Number(value)).toISOString().slice(0, 10);
  return String(value);
}

function sizeMessage(issue: RawIssue & { code: 'too_small' | 'too_big' }, field: string, texts: Texts): string {
  const isSmall = issue.code === 'too_small';
  const bound = isSmall ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum;
  const origin = (issue as { origin?: string }).origin;
  const unit = origin ? LENGTH_UNITS[origin] : undefined;
  if (unit) {
    const values = { minimum: String(bound), maximum: String(bound), unitOne: texts[`unit_${unit}One`], unitMany: texts[`unit_${unit}Many`] };
    const one = Number(bound) === 1;
    if (issue.exact) return sentence(one ? texts.exactLengthOne : texts.exactLengthMany, field, values);
    if (isSmall) return sentence(one ? texts.tooSmallLengthOne : texts.tooSmallLengthMany, field, values);
    return sentence(one ? texts.tooBigLengthOne : texts.tooBigLengthMany, field, values);
  }
  const text = boundText(bound, origin);
  if (origin === 'date') return sentence(isSmall ? texts.dateTooSmall : texts.dateTooBig, field, { minimum: text, maximum: text });
  const inclusive = issue.inclusive !== false;
  if (isSmall) return sentence(inclusive ? texts.tooSmallInclusive : texts.tooSmallExclusive, field, { minimum: text });
  return sentence(inclusive ? texts.tooBigInclusive : texts.tooBigExclusive, field, { maximum: text });
}

function formatMessage(issue: RawIssue & { code: 'invalid_format' }, field: string, texts: Texts): string {
  const details = issue as unknown as { format: string; prefix?: string; suffix?: string; includes?: string };
  if (details.format === 'starts_with') return sentence(texts.startsWith, field, { text: details.prefix ?? '' });
  if (details.format === 'ends_with') return sentence(texts.endsWith, field, { text: details.suffix ?? '' });
  if (details.format === 'includes') return sentence(texts.includes, field, { text: details.includes ?? '' });
  if (details.format === 'regex') return sentence(texts.invalidPattern, field);
  return sentence(texts.invalidFormat, field, { format: texts[FORMAT_KEYS[details.format] ?? 'format_other'] });
}

/** The Dutch sentence for one zod issue, naming the field by its path. Never quotes the input. */
export function validationMessage(issue: RawIssue, texts: Texts = nl.fieldErrors): string {
  const field = fieldName(issue.path, texts);
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return sentence(texts.required, field);
      const expected = (TYPE_KEYS as readonly string[]).includes(issue.expected) ? texts[`type_${issue.expected as (typeof TYPE_KEYS)[number]}`] : texts.type_other;
      return sentence(texts.invalidType, field, { expected });
    }
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue, field, texts);
    case 'invalid_format':
      return formatMessage(issue, field, texts);
    case 'not_multiple_of':
      return sentence(texts.notMultipleOf, field, { divisor: String(issue.divisor) });
    case 'invalid_value': {
      const values = issue.values as readonly unknown[];
      if (values.length === 1) return sentence(texts.invalidValueOne, field, { value: quoted(values[0]) });
      return sentence(texts.invalidValueMany, field, { values: values.map(quoted).join(', ') });
    }
    case 'unrecognized_keys':
      return sentence(issue.keys.length === 1 ? texts.unrecognizedKeysOne : texts.unrecognizedKeysMany, field, { keys: issue.keys.map(quoted).join(', ') });
    case 'invalid_key':
      return sentence(texts.invalidKey, field);
    case 'invalid_element':
      return sentence(texts.invalidElement, field);
    case 'invalid_union': {
      const options = (issue as { options?: readonly unknown[] }).options;
      if (options && options.length > 0) return sentence(texts.invalidDiscriminator, field, { values: options.map(quoted).join(', ') });
      return sentence(texts.invalidUnion, field);
    }
    default:
      return sentence(texts.invalid, field);
  }
}

/** zod's own issue codes: every field error code but Kansrijk's `invalid`. */
const ZOD_CODES: ReadonlySet<string> = new Set<FieldErrorCode>(FIELD_ERROR_CODES.filter((code) => code !== 'invalid'));

/** The stable field-error code of a zod issue code; `custom` (a refinement of our own) is `invalid`. */
export function fieldErrorCode(zodCode: string | undefined): FieldErrorCode {
  return zodCode && ZOD_CODES.has(zodCode) ? (zodCode as FieldErrorCode) : 'invalid';
}

/** Makes the catalogue zod's locale for this process (lowest precedence: a schema's own message wins). */
export function useDutchValidationMessages(): void {
  z.config({ localeError: (issue) => validationMessage(issue) });
}

// SPDX-License-Identifier: EUPL-1.2
// Rule table: every zod issue code becomes a stable field-error code and a Dutch sentence from the
// catalogue that names the field; a schema's own message still wins.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FieldErrorCode } from '../../../contracts/errors.js';
import { FIELD_ERROR_CODES } from '../../../contracts/errors.js';
import { en } from '../../../contracts/i18n/en.js';
import { fieldErrorCode, validationMessage } from './validation-messages.js';

type ZodIssueCode = z.core.$ZodIssue['code'];

interface Case {
  schema: z.ZodType;
  input: unknown;
  code: FieldErrorCode;
  message: string;
}

// One row (at least) per zod issue code; the Record type fails to compile if zod adds a code.
const TABLE: Record<ZodIssueCode, Case[]> = {
  invalid_type: [
    { schema: z.object({ name: z.string() }), input: {}, code: 'invalid_type', message: 'Het veld ‘name’ ontbreekt.' },
    { schema: z.object({ name: z.string() }), input: { name: 3 }, code: 'invalid_type', message: 'Het veld ‘name’ moet tekst zijn.' },
    { schema: z.object({ size: z.number() }), input: { size: 'x' }, code: 'invalid_type', message: 'Het veld ‘size’ moet een getal zijn.' },
    { schema: z.object({ flag: z.boolean() }), input: { flag: 'ja' }, code: 'invalid_type', message: 'Het veld ‘flag’ moet true of false zijn.' },
    { schema: z.object({ list: z.array(z.string()) }), input: { list: 'a' }, code: 'invalid_type', message: 'Het veld ‘list’ moet een lijst zijn.' },
    { schema: z.object({ a: z.object({ b: z.string() }) }), input: { a: 1 }, code: 'invalid_type', message: 'Het veld ‘a’ moet een object zijn.' },
    { schema: z.object({}), input: 'tekst', code: 'invalid_type', message: 'De invoer moet een object zijn.' },
  ],
  too_small: [
    { schema: z.object({ name: z.string().min(1) }), input: { name: '' }, code: 'too_small', message: 'Het veld ‘name’ moet minstens 1 teken bevatten.' },
    { schema: z.object({ name: z.string().min(3) }), input: { name: 'ab' }, code: 'too_small', message: 'Het veld ‘name’ moet minstens 3 tekens bevatten.' },
    { schema: z.object({ code: z.string().length(8) }), input: { code: '1' }, code: 'too_small', message: 'Het veld ‘code’ moet precies 8 tekens bevatten.' },
    { schema: z.object({ ids: z.array(z.string()).min(2) }), input: { ids: ['a'] }, code: 'too_small', message: 'Het veld ‘ids’ moet minstens 2 elementen bevatten.' },
    { schema: z.object({ page: z.number().min(1) }), input: { page: 0 }, code: 'too_small', message: 'Het veld ‘page’ moet minstens 1 zijn.' },
    { schema: z.object({ page: z.number().positive() }), input: { page: 0 }, code: 'too_small', message: 'Het veld ‘page’ moet groter zijn dan 0.' },
    { schema: z.object({ on: z.date().min(new Date('2020-01-01')) }), input: { on: new Date('2019-01-01') }, code: 'too_small', message: 'Het veld ‘on’ mag niet vóór 2020-01-01 liggen.' },
  ],
  too_big: [
    { schema: z.object({ name: z.string().max(1) }), input: { name: 'ab' }, code: 'too_big', message: 'Het veld ‘name’ mag hoogstens 1 teken bevatten.' },
    { schema: z.object({ name: z.string().max(5) }), input: { name: 'abcdef' }, code: 'too_big', message: 'Het veld ‘name’ mag hoogstens 5 tekens bevatten.' },
    { schema: z.object({ ids: z.array(z.string()).max(1) }), input: { ids: ['a', 'b'] }, code: 'too_big', message: 'Het veld ‘ids’ mag hoogstens 1 element bevatten.' },
    { schema: z.object({ pageSize: z.number().max(100) }), input: { pageSize: 101 }, code: 'too_big', message: 'Het veld ‘pageSize’ mag hoogstens 100 zijn.' },
    { schema: z.object({ n: z.number().lt(10) }), input: { n: 10 }, code: 'too_big', message: 'Het veld ‘n’ moet kleiner zijn dan 10.' },
    { schema: z.object({ on: z.date().max(new Date('2020-01-01')) }), input: { on: new Date('2021-01-01') }, code: 'too_big', message: 'Het veld ‘on’ mag niet na 2020-01-01 liggen.' },
  ],
  invalid_format: [
    { schema: z.object({ email: z.email() }), input: { email: 'geen' }, code: 'invalid_format', message: 'Het veld ‘email’ is geen geldig e-mailadres.' },
    { schema: z.object({ id: z.uuid() }), input: { id: 'x' }, code: 'invalid_format', message: 'Het veld ‘id’ is geen geldige UUID.' },
    { schema: z.object({ on: z.iso.date() }), input: { on: '1-1-2020' }, code: 'invalid_format', message: 'Het veld ‘on’ is geen geldige datum (JJJJ-MM-DD).' },
    { schema: z.object({ at: z.iso.datetime() }), input: { at: 'gisteren' }, code: 'invalid_format', message: 'Het veld ‘at’ is geen geldige datum en tijd (ISO 8601).' },
    { schema: z.object({ site: z.url() }), input: { site: 'x' }, code: 'invalid_format', message: 'Het veld ‘site’ is geen geldige URL.' },
    { schema: z.object({ agb: z.string().regex(/^\d{8}$/) }), input: { agb: 'abc' }, code: 'invalid_format', message: 'Het veld ‘agb’ heeft niet de juiste vorm.' },
    { schema: z.object({ code: z.string().startsWith('GM') }), input: { code: 'X1' }, code: 'invalid_format', message: 'Het veld ‘code’ moet beginnen met ‘GM’.' },
    { schema: z.object({ code: z.string().endsWith('.nl') }), input: { code: 'x' }, code: 'invalid_format', message: 'Het veld ‘code’ moet eindigen op ‘.nl’.' },
    { schema: z.object({ code: z.string().includes('@') }), input: { code: 'x' }, code: 'invalid_format', message: 'Het veld ‘code’ moet ‘@’ bevatten.' },
  ],
  not_multiple_of: [
    { schema: z.object({ step: z.number().multipleOf(5) }), input: { step: 3 }, code: 'not_multiple_of', message: 'Het veld ‘step’ moet een veelvoud van 5 zijn.' },
  ],
  unrecognized_keys: [
    { schema: z.strictObject({ a: z.string() }), input: { a: 'x', b: 1 }, code: 'unrecognized_keys', message: 'Onbekend veld in de invoer: ‘b’.' },
    { schema: z.object({ inner: z.strictObject({}) }), input: { inner: { b: 1, c: 2 } }, code: 'unrecognized_keys', message: 'Onbekende velden in het veld ‘inner’: ‘b’, ‘c’.' },
  ],
  invalid_union: [
    { schema: z.object({ v: z.union([z.string(), z.number()]) }), input: { v: true }, code: 'invalid_union', message: 'Het veld ‘v’ past bij geen van de toegestane vormen.' },
    {
      schema: z.object({ v: z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') }), z.object({ kind: z.literal('b') })]) }),
      input: { v: { kind: 'c' } },
      code: 'invalid_union',
      message: 'Het veld ‘v.kind’ moet een van deze soorten aangeven: ‘a’, ‘b’.',
    },
  ],
  invalid_key: [
    { schema: z.object({ m: z.record(z.string().max(2), z.number()) }), input: { m: { lang: 1 } }, code: 'invalid_key', message: 'Het veld ‘m.lang’ bevat een ongeldige sleutel.' },
  ],
  invalid_element: [
    { schema: z.object({ m: z.map(z.object({}), z.number()) }), input: { m: new Map([[{}, 'x']]) }, code: 'invalid_element', message: 'Het veld ‘m’ bevat een ongeldige waarde.' },
  ],
  invalid_value: [
    { schema: z.object({ kind: z.literal('a') }), input: { kind: 'b' }, code: 'invalid_value', message: 'Het veld ‘kind’ moet ‘a’ zijn.' },
    { schema: z.object({ sort: z.enum(['name', 'code']) }), input: { sort: 'x' }, code: 'invalid_value', message: 'Het veld ‘sort’ moet een van deze waarden zijn: ‘name’, ‘code’.' },
  ],
  custom: [
    { schema: z.object({ n: z.number().refine((value) => value > 1) }), input: { n: 1 }, code: 'invalid', message: 'Het veld ‘n’ is ongeldig.' },
  ],
};

const ROWS = Object.entries(TABLE).flatMap(([zodCode, cases]) => cases.map((row) => ({ zodCode, ...row })));

describe('a zod issue as a field error', () => {
  it.each(ROWS)('$zodCode → $code: $message', ({ zodCode, schema, input, code, message }) => {
    const result = schema.safeParse(input, { error: (issue) => validationMessage(issue) });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.code).toBe(zodCode);
    expect(fieldErrorCode(issue.code)).toBe(code);
    expect(issue.message).toBe(message);
  });

  it('maps every zod issue code to one of the published field-error codes', () => {
    const codes = Object.keys(TABLE).map((zodCode) => fieldErrorCode(zodCode));
    expect(new Set(codes)).toEqual(new Set(FIELD_ERROR_CODES));
    expect(fieldErrorCode(undefined)).toBe('invalid');
  });

  it('never quotes the value that was sent', () => {
    const result = z.object({ bsn: z.string().regex(/^\d{9}$/) }).safeParse({ bsn: '12345678X' }, { error: (issue) => validationMessage(issue) });
    expect(result.error!.issues[0]!.message).not.toContain('12345678X');
  });

  it('keeps a message the schema gives itself', () => {
    const schema = z.object({ name: z.string().min(1, 'Vul een naam in.') });
    const result = schema.safeParse({ name: '' }, { error: (issue) => validationMessage(issue) });
    expect(result.error!.issues[0]!.message).toBe('Vul een naam in.');
  });

  it('has the same sentences in English', () => {
    const result = z.object({ name: z.string() }).safeParse({}, { error: (issue) => validationMessage(issue, en.fieldErrors) });
    expect(result.error!.issues[0]!.message).toBe('The field ‘name’ is missing.');
  });
});

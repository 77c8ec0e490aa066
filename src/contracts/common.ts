// SPDX-License-Identifier: EUPL-1.2
import { z } from 'zod';

export const uuidParamSchema = z.object({ id: z.uuid({ message: 'Geen geldige verwijzing (UUID).' }) });

export const pagingQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
    .meta({ id });
}

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Vul een geldig e-mailadres in.' }));

/** The largest value of a PostgreSQL integer column: a larger number cannot be stored. */
export const INT32_MAX = 2_147_483_647;

/** The version a change is based on (optimistic locking): an integer column, so at most INT32_MAX. */
export const versionSchema = z.number().int().min(1).max(INT32_MAX, 'Dit getal is te groot.');

export const nameSchema = z.string().trim().min(1, 'Dit veld is verplicht.').max(200, 'Dit is te lang.');

/** Value of the Accept header that makes a list endpoint answer with a CSV export. */
export const CSV_MEDIA_TYPE = 'text/csv';

/**
 * A calendar date (jjjj-mm-dd) as the API sends it. Only documents the format (OpenAPI
 * `format: date`): the value comes from the database, and the contract test validates every
 * response against the document, format included.
 */
export const dateStringSchema = z.string().meta({ format: 'date' });

/** A moment (ISO 8601 with time zone) as the API sends it; documents `format: date-time`. */
export const dateTimeStringSchema = z.string().meta({ format: 'date-time' });

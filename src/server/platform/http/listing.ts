// SPDX-License-Identifier: EUPL-1.2
// What every list endpoint shares: the page window, LIKE patterns, and CSV exports shaped for Dutch
// spreadsheets (semicolon separator, UTF-8 with a byte-order mark so Excel reads the accents, a
// Dutch header row, ISO 8601 dates).
import Papa from 'papaparse';
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { asc, desc, type SQL, type SQLWrapper } from 'drizzle-orm';
import { CSV_MEDIA_TYPE } from '../../../contracts/common.js';
import { parseSort } from '../../../contracts/sorting.js';
import type { RequestContext } from './request-context.js';

export interface PageQuery {
  page: number;
  pageSize: number;
}

export interface Page<Item> {
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
}

/** Rows to fetch: one page, or (for an export) everything up to the export limit. */
export interface RowWindow {
  limit: number;
  offset: number;
}

export function windowOf(query: PageQuery): RowWindow {
  return { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
}

/** A case-insensitive 'contains' pattern in which % and _ are taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Most rows one export returns; a larger selection has to be narrowed with filters. */
export const CSV_EXPORT_LIMIT = 10_000;
export const EXPORT_WINDOW: RowWindow = { limit: CSV_EXPORT_LIMIT, offset: 0 };

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null;
}

export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const data = rows.map((row) => columns.map((column) => formatCell(column.value(row))));
  // escapeFormulae: a cell starting with = + - @ must not run as a formula in a spreadsheet.
  const body = Papa.unparse(
    { fields: columns.map((column) => column.header), data },
    { delimiter: ';', newline: '\r\n', escapeFormulae: true },
  );
  return `\uFEFF${body}\r\n`;
}

function formatCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  return String(value);
}

/** Does the client ask for CSV rather than JSON (the Accept header names text/csv)? */
export function wantsCsv(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept
    .split(',')
    .map((part) => part.split(';')[0]!.trim().toLowerCase())
    .includes(CSV_MEDIA_TYPE);
}

/** Sends a CSV as a download named `<baseName>-<date>.csv`. */
export function sendCsv(reply: FastifyReply, baseName: string, csv: string, now: Date) {
  const fileName = `${baseName}-${now.toISOString().slice(0, 10)}.csv`;
  return reply
    .type(`${CSV_MEDIA_TYPE}; charset=utf-8`)
    .header('Content-Disposition', `attachment; filename="${fileName}"`)
    .send(csv);
}

/** A list endpoint's 200 response: JSON by default, CSV on request (documented in OpenAPI). */
export function csvOrJson<T extends z.ZodType>(json: T) {
  return {
    content: {
      'application/json': { schema: json },
      [CSV_MEDIA_TYPE]: { schema: z.string().meta({ description: 'CSV (puntkomma, UTF-8 met BOM), met kopregel.' }) },
    },
  };
}

/** The two use-cases behind a list endpoint: one page of the selection, and all of it as a CSV file. */
export interface Listing<Query, Result> {
  list(ctx: RequestContext, query: Query): Promise<Result>;
  exportCsv(ctx: RequestContext, query: Query): Promise<string>;
  /** File name without date and extension. */
  csvName: string;
}

/** Answers a list endpoint: the page as JSON, or the whole selection as a CSV download when the client asks for CSV. */
export async function pageOrCsv<Query, Result>(
  request: FastifyRequest & { query: Query },
  reply: FastifyReply,
  ctx: RequestContext,
  listing: Listing<Query, Result>,
) {
  if (wantsCsv(request)) return sendCsv(reply, listing.csvName, await listing.exportCsv(ctx, request.query), ctx.now());
  return listing.list(ctx, request.query);
}

/**
 * The ORDER BY of a list sorted by `sorteer` (already checked against the endpoint's fields by its
 * schema): the requested keys, then the list's own order, then a unique column so pages never shift.
 */
export function orderByOf<Field extends string>(
  sort: string | undefined,
  columns: Record<Field, SQLWrapper>,
  defaults: readonly SQL[],
  unique: SQLWrapper,
): SQL[] {
  const keys = sort ? (parseSort(sort, Object.keys(columns) as Field[]) ?? []) : [];
  return [...keys.map((key) => (key.descending ? desc(columns[key.field]) : asc(columns[key.field]))), ...defaults, asc(unique)];
}

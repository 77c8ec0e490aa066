// SPDX-License-Identifier: EUPL-1.2
// Reads and checks an aggregate import file as a whole: every line is checked and every problem is
// reported with its line, so the analyst can fix the file in one go. Nothing here touches the store;
// the caller hands in what is known (indicators, area codes), which keeps this fast and testable.
import Papa from 'papaparse';
import { IMPORT_COLUMNS, SPLITS, type Indicator, type Split } from '../../../contracts/monitor.js';
import type { ImportError } from '../../../contracts/monitor.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { fill } from './monitor-text.js';

/** Most data lines one file may have; larger files are split by the sender. */
export const MAX_IMPORT_LINES = 200_000;
/** Most errors reported in full; the count is always exact. */
export const MAX_REPORTED_ERRORS = 1_000;
export const SAMPLE_SIZE = 10;
/** The integer columns of indicator_counts hold at most this. */
const MAX_COUNT = 2_147_483_647;
const COUNT_PATTERN = /^\d{1,10}$/;
const YEAR_PATTERN = /^\d{4}$/;
const text = nl.monitor;

export interface ImportRow {
  line: number;
  indicatorKey: string;
  areaCode: string;
  year: number;
  split: Split;
  numerator: number;
  denominator: number;
}

export interface ImportReference {
  indicatorByKey: (key: string) => Pick<Indicator, 'key' | 'hasVulnerabilitySplit'> | undefined;
  isKnownArea: (code: string) => boolean;
  years: { min: number; max: number };
}

export interface CheckedImport {
  rows: ImportRow[];
  /** Data lines in the file (without header and blank lines). */
  rowCount: number;
  errorCount: number;
  errors: ImportError[];
}

class ErrorList {
  readonly errors: ImportError[] = [];
  count = 0;
  add(line: number, column: string | null, message: string, isAboutTheFile = false) {
    this.count += 1;
    // A problem of the whole file is always shown, however many line errors came before it.
    if (this.errors.length < MAX_REPORTED_ERRORS || isAboutTheFile) this.errors.push({ line, column, message });
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_LENIENT = new TextDecoder('utf-8');

/**
 * Decodes the bytes as UTF-8 (with or without byte-order mark). Lines that are not valid UTF-8 —
 * typically Latin-1 or Windows-1252 bytes mixed into the file — or that carry U+FFFD from an earlier
 * bad conversion are reported per line; their text is still returned so the rest can be checked.
 */
function decodeLines(bytes: Uint8Array, errors: ErrorList): string[] {
  let content: string;
  let badLines = new Set<number>();
  try {
    content = UTF8.decode(bytes);
  } catch {
    // Slow path only for broken files: find the lines that do not decode.
    badLines = linesNotInUtf8(bytes);
    content = UTF8_LENIENT.decode(bytes);
  }
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  const lines = content.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const limit = Math.min(lines.length, MAX_IMPORT_LINES + 1);
  for (let index = 0; index < limit; index += 1) {
    const lineNumber = index + 1;
    if (badLines.has(lineNumber)) errors.add(lineNumber, null, text.importEncoding);
    else if (lines[index]!.includes('\uFFFD')) errors.add(lineNumber, null, text.importReplacementCharacter);
  }
  return lines;
}

function linesNotInUtf8(bytes: Uint8Array): Set<number> {
  const bad = new Set<number>();
  let start = 0;
  let lineNumber = 1;
  for (let position = 0; position <= bytes.length; position += 1) {
    if (position === bytes.length || bytes[position] === 0x0a) {
      try {
        UTF8.decode(bytes.subarray(start, position));
      } catch {
        bad.add(lineNumber);
      }
      start = position + 1;
      lineNumber += 1;
    }
  }
  return bad;
}

/** The fields of one line; quotes as a spreadsheet writes them. */
function fieldsOf(line: string, delimiter: string): { fields: string[] } | { problem: string } {
  if (!line.includes('"')) return { fields: line.split(delimiter) };
  const parsed = Papa.parse<string[]>(line, { delimiter, newline: '\n' });
  if (parsed.errors.length > 0 || parsed.data.length !== 1) return { problem: parsed.errors[0]?.message ?? 'ongeldige aanhalingstekens' };
  return { fields: parsed.data[0]! };
}

export function checkImportFile(bytes: Uint8Array, reference: ImportReference): CheckedImport {
  const errors = new ErrorList();
  const lines = decodeLines(bytes, errors);
  const done = (rows: ImportRow[], rowCount: number): CheckedImport => ({
    rows,
    rowCount,
    errorCount: errors.count,
    errors: errors.errors.sort((a, b) => a.line - b.line),
  });
  if (lines.every((line) => line.trim() === '')) {
    errors.add(1, null, text.importEmpty);
    return done([], 0);
  }
  const headerLine = lines[0]!;
  // Dutch spreadsheets write semicolons; others write commas. The header decides for the whole file.
  const delimiter = headerLine.includes(';') ? ';' : ',';
  const header = fieldsOf(headerLine, delimiter);
  const headerFields = 'fields' in header ? header.fields.map((field) => field.trim()) : [];
  const isHeaderRight =
    headerFields.length === IMPORT_COLUMNS.length && IMPORT_COLUMNS.every((column, index) => headerFields[index] === column);
  if (!isHeaderRight) {
    errors.add(1, null, fill(text.importHeader, { expected: IMPORT_COLUMNS.join(';'), found: headerLine.slice(0, 200) }));
    // Without the right columns, the values cannot be interpreted: count the lines and stop.
    return done([], lines.slice(1).filter((line) => line.trim() !== '').length);
  }

  const rows: ImportRow[] = [];
  const firstLineOf = new Map<string, number>();
  let rowCount = 0;
  for (let index = 1; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    rowCount += 1;
    const lineNumber = index + 1;
    if (rowCount > MAX_IMPORT_LINES) {
      errors.add(lineNumber, null, fill(text.importTooManyLines, { max: MAX_IMPORT_LINES.toLocaleString('nl-NL') }), true);
      rowCount = lines.slice(1).filter((candidate) => candidate.trim() !== '').length;
      break;
    }
    const row = checkLine(line, lineNumber, delimiter, reference, errors);
    if (!row) continue;
    const key = `${row.indicatorKey}|${row.areaCode}|${row.year}|${row.split}`;
    const firstLine = firstLineOf.get(key);
    if (firstLine !== undefined) {
      errors.add(lineNumber, null, fill(text.importDuplicate, { line: firstLine }));
      continue;
    }
    firstLineOf.set(key, lineNumber);
    rows.push(row);
  }
  return done(rows, rowCount);
}

/** One data line: every column is checked, so a line with two problems reports both. */
function checkLine(line: string, lineNumber: number, delimiter: string, reference: ImportReference, errors: ErrorList): ImportRow | null {
  const parsed = fieldsOf(line, delimiter);
  if ('problem' in parsed) {
    errors.add(lineNumber, null, fill(text.importUnreadable, { reason: parsed.problem }));
    return null;
  }
  const fields = parsed.fields.map((field) => field.trim());
  if (fields.length !== IMPORT_COLUMNS.length) {
    errors.add(lineNumber, null, fill(text.importColumnCount, { expected: IMPORT_COLUMNS.length, found: fields.length }));
    return null;
  }
  const [indicatorKey, rawAreaCode, rawYear, rawSplit, rawNumerator, rawDenominator] = fields as [string, string, string, string, string, string];
  const errorsBefore = errors.count;
  const [indicatorColumn, areaColumn, yearColumn, splitColumn, numeratorColumn, denominatorColumn] = IMPORT_COLUMNS;

  const indicator = reference.indicatorByKey(indicatorKey);
  if (!indicator) errors.add(lineNumber, indicatorColumn, fill(text.importUnknownIndicator, { value: shorten(indicatorKey) }));

  const areaCode = rawAreaCode.toUpperCase();
  if (!reference.isKnownArea(areaCode)) errors.add(lineNumber, areaColumn, fill(text.importUnknownArea, { value: shorten(rawAreaCode) }));

  const year = YEAR_PATTERN.test(rawYear) ? Number(rawYear) : Number.NaN;
  if (!(year >= reference.years.min && year <= reference.years.max)) {
    errors.add(lineNumber, yearColumn, fill(text.importYear, { min: reference.years.min, max: reference.years.max }));
  }

  const split = (SPLITS as readonly string[]).includes(rawSplit) ? (rawSplit as Split) : null;
  if (!split) errors.add(lineNumber, splitColumn, fill(text.importUnknownSplit, { value: shorten(rawSplit), allowed: SPLITS.join(', ') }));
  else if (indicator && split !== 'all' && !indicator.hasVulnerabilitySplit) {
    errors.add(lineNumber, splitColumn, fill(text.importSplitNotAvailable, { indicator: indicator.key }));
  }

  const numerator = countOf(rawNumerator);
  if (numerator === null) errors.add(lineNumber, numeratorColumn, text.importCount);
  const denominator = countOf(rawDenominator);
  if (denominator === null) errors.add(lineNumber, denominatorColumn, text.importCount);
  if (numerator !== null && denominator !== null && numerator > denominator) {
    errors.add(lineNumber, numeratorColumn, fill(text.importNumeratorAboveDenominator, { numerator, denominator }));
  }

  if (errors.count > errorsBefore) return null;
  return { line: lineNumber, indicatorKey, areaCode, year, split: split!, numerator: numerator!, denominator: denominator! };
}

function countOf(raw: string): number | null {
  if (!COUNT_PATTERN.test(raw)) return null;
  const value = Number(raw);
  return value <= MAX_COUNT ? value : null;
}

/** Values are echoed in messages; a pasted novel is cut short. */
function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

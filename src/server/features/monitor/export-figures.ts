// SPDX-License-Identifier: EUPL-1.2
// Every monitor table as a file: CSV (semicolon, UTF-8 with BOM, optional decimal comma) or XLSX.
// The rows are the very rows the JSON answer has — computed after suppression by the same use-case —
// and taking them out is audited as an export of 'indicator_figure'.
import ExcelJS from 'exceljs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Executor } from '../../platform/db/connection.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { toCsv, wantsCsv, type CsvColumn } from '../../platform/http/listing.js';
import { CSV_MEDIA_TYPE } from '../../../contracts/common.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { Figure, Indicator } from '../../../contracts/monitor.js';
import { ASSESSMENT_LABEL, LEVEL_LABEL, SPLIT_LABEL, SYMBOL_LABEL, UNIT_LABEL, fill } from './monitor-text.js';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export type ExportFormat = 'csv' | 'xlsx';
export type DecimalMark = 'point' | 'comma';

/** A cell: a number stays a number in XLSX; SUPPRESSED marks a hidden count. */
export const SUPPRESSED = Symbol('suppressed');
export type Cell = string | number | boolean | null | typeof SUPPRESSED;

export interface TableColumn<Row> {
  header: string;
  value: (row: Row) => Cell;
}

export interface ExportTable<Row> {
  /** File name without date and extension, e.g. "kansrijk-big2-gemeenten-2024". */
  baseName: string;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
}

/** Which file the Accept header asks for; null for JSON. */
export function exportFormatOf(request: FastifyRequest): ExportFormat | null {
  if (wantsCsv(request)) return 'csv';
  const accept = (request.headers.accept ?? '').toLowerCase();
  return accept.includes(XLSX_MEDIA_TYPE) ? 'xlsx' : null;
}

/**
 * Computes a table and renders it as an audited export (what is logged is what leaves). `compute` is
 * the same function the JSON answer uses, run like the JSON answer (on the database, where the
 * monitor's publication is cached — not inside the export's audit transaction, which on the embedded
 * database would also hold its only connection).
 */
export async function exportTable<Result, Row>(
  ctx: RequestContext,
  compute: (db: Executor) => Promise<Result>,
  toTable: (result: Result) => ExportTable<Row>,
  format: ExportFormat,
  decimal: DecimalMark,
): Promise<{ fileName: string; mediaType: string; body: string | Buffer }> {
  const result = await ctx.store.readAggregates({ resource: 'indicator_figure', action: 'list', perform: compute });
  const table = await ctx.store.export({
    resource: 'indicator_figure',
    perform: async () => toTable(result),
    details: (exported) => ({ table: exported.baseName, format, rowCount: exported.rows.length }),
  });
  const fileName = `${table.baseName}-${ctx.now().toISOString().slice(0, 10)}.${format}`;
  if (format === 'csv') return { fileName, mediaType: `${CSV_MEDIA_TYPE}; charset=utf-8`, body: renderCsv(table, decimal) };
  return { fileName, mediaType: XLSX_MEDIA_TYPE, body: await renderXlsx(table) };
}

export function sendExport(reply: FastifyReply, file: { fileName: string; mediaType: string; body: string | Buffer }) {
  return reply.type(file.mediaType).header('Content-Disposition', `attachment; filename="${file.fileName}"`).send(file.body);
}

export function renderCsv<Row>(table: ExportTable<Row>, decimal: DecimalMark): string {
  const columns: CsvColumn<Row>[] = table.columns.map((column) => ({
    header: column.header,
    value: (row) => csvCell(column.value(row), decimal),
  }));
  return toCsv(columns, table.rows);
}

function csvCell(cell: Cell, decimal: DecimalMark): string | boolean | null {
  if (cell === SUPPRESSED) return nl.monitor.suppressed;
  if (typeof cell === 'number') return decimal === 'comma' ? String(cell).replace('.', ',') : String(cell);
  return cell;
}

export async function renderXlsx<Row>(table: ExportTable<Row>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kansrijk';
  const sheet = workbook.addWorksheet(nl.monitor.sheetFigures);
  sheet.addRow(table.columns.map((column) => column.header));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(table.columns.map((column) => xlsxCell(column.value(row))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function xlsxCell(cell: Cell): string | number | null {
  if (cell === SUPPRESSED) return nl.monitor.suppressed;
  if (typeof cell === 'boolean') return cell ? 'ja' : 'nee';
  return cell;
}

const text = nl.monitor;
/** A number that is hidden when the figure is suppressed. */
const published = (figure: Figure | null, pick: (figure: Figure) => number | null): Cell =>
  figure === null ? null : figure.isSuppressed ? SUPPRESSED : pick(figure);

const STATUS_LABEL = { formed: nl.mq.status_formed, in_development: nl.mq.status_in_development, none: nl.mq.status_none, not_answered: nl.mq.status_not_answered } as const;

/** "Ja, gevormd: 212 van 342; In ontwikkeling: 66 van 342; …" for a breakdown; null otherwise. */
function categoriesText(figure: Figure): string | null {
  if (!figure.categories || figure.isSuppressed || figure.denominator === null) return null;
  const total = figure.denominator;
  return figure.categories.map((item) => fill(nl.mq.categoryCount, { label: STATUS_LABEL[item.category], count: item.count, total })).join('; ');
}

/** The columns every figure table shares (overview, figures per area, series, area profile). */
export function figureColumns<Row>(figureOf: (row: Row) => Figure | null, indicatorOf: (row: Row) => Indicator): TableColumn<Row>[] {
  const column = (header: string, value: (figure: Figure) => Cell): TableColumn<Row> => ({
    header,
    value: (row) => {
      const figure = figureOf(row);
      return figure ? value(figure) : null;
    },
  });
  return [
    { header: text.columnIndicator, value: (row) => indicatorOf(row).key },
    { header: text.columnIndicatorName, value: (row) => indicatorOf(row).name },
    column(text.columnAreaLevel, (figure) => LEVEL_LABEL[figure.areaLevel]),
    column(text.columnAreaCode, (figure) => figure.areaCode),
    column(text.columnAreaName, (figure) => figure.areaName),
    column(text.columnPeriod, (figure) => figure.period),
    column(text.columnSplit, (figure) => SPLIT_LABEL[figure.split]),
    { header: text.columnNumerator, value: (row) => published(figureOf(row), (figure) => figure.numerator) },
    { header: text.columnDenominator, value: (row) => published(figureOf(row), (figure) => figure.denominator) },
    { header: text.columnValue, value: (row) => published(figureOf(row), (figure) => figure.value) },
    { header: text.columnLower, value: (row) => published(figureOf(row), (figure) => figure.lower) },
    { header: text.columnUpper, value: (row) => published(figureOf(row), (figure) => figure.upper) },
    { header: text.columnUnit, value: (row) => UNIT_LABEL[indicatorOf(row).unit] },
    column(text.columnSuppressed, (figure) => figure.isSuppressed),
    column(text.columnChange, (figure) => (figure.change ? SYMBOL_LABEL[figure.change.symbol] : null)),
    column(text.columnAssessment, (figure) => (figure.change ? ASSESSMENT_LABEL[figure.change.assessment] : null)),
    column(text.columnPValue, (figure) => figure.change?.pValue ?? null),
    column(text.columnSignificant, (figure) => figure.change?.isSignificant ?? null),
    column(text.columnSource, (figure) => figure.sourceLabel),
    column(text.columnSynthetic, (figure) => figure.isSynthetic),
    // Indicator 1 (issue 10 item 6): the breakdown of the municipalities by coalition status.
    column(nl.mq.columnCategories, (figure) => categoriesText(figure)),
    ...indicatorNoteColumns(indicatorOf),
  ];
}

const YEAR_BASIS_LABEL: Record<Indicator['yearBasis'], string> = {
  calendar_year: nl.monitorNoteLabels.yearBasisCalendarYear,
  birth_cohort: nl.monitorNoteLabels.yearBasisBirthCohort,
};

/** What the year means and how the definition differs from RIVM's: on every row of every export. */
export function indicatorNoteColumns<Row>(indicatorOf: (row: Row) => Indicator): TableColumn<Row>[] {
  return [
    { header: nl.monitorNoteLabels.columnYearBasis, value: (row) => YEAR_BASIS_LABEL[indicatorOf(row).yearBasis] },
    { header: nl.monitorNoteLabels.columnNotes, value: (row) => indicatorOf(row).notes.map((note) => note.text).join(' ') || null },
  ];
}

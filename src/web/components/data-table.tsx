// SPDX-License-Identifier: EUPL-1.2
// A table of records with a caption, optional paging and a CSV export of what it shows (or, where the
// API offers it, of the full result from the server, which then also records the export in the audit log).
import { useState, type ReactNode } from 'react';
import { downloadBlob } from '../api/client.js';
import { useMessages } from '../i18n/messages.js';
import {
  Alert,
  Button,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from './ui.js';

export interface Column<Row> {
  key: string;
  header: string;
  cell(row: Row): ReactNode;
  /** Plain value for the CSV; defaults to the cell when that is text or a number. */
  csv?(row: Row): string | number | null;
  isNumeric?: boolean;
}

export interface DataTableProps<Row> {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey(row: Row): string;
  /** File name without extension. */
  csvName: string;
  /** Server-side export; without it the shown rows are exported. */
  fetchCsv?: () => Promise<Blob>;
  paging?: { page: number; pageSize: number; total: number; onPageChange(page: number): void };
}

function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[";\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Semicolon-separated with a BOM: opens correctly in Dutch spreadsheet programs. */
export function toCsv<Row>(columns: Column<Row>[], rows: Row[]): Blob {
  const lines = [columns.map((column) => csvCell(column.header)).join(';')];
  for (const row of rows) {
    lines.push(
      columns
        .map((column) => {
          const value = column.csv ? column.csv(row) : column.cell(row);
          return csvCell(typeof value === 'string' || typeof value === 'number' ? value : '');
        })
        .join(';'),
    );
  }
  return new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
}

export function DataTable<Row>({ caption, columns, rows, rowKey, csvName, fetchCsv, paging }: DataTableProps<Row>) {
  const { m, formatCount } = useMessages();
  const [exportError, setExportError] = useState<string | null>(null);
  const exportCsv = async () => {
    setExportError(null);
    try {
      const blob = fetchCsv ? await fetchCsv() : toCsv(columns, rows);
      downloadBlob(blob, `${csvName}.csv`);
    } catch {
      setExportError(m.shell.loadError);
    }
  };
  const total = paging?.total ?? rows.length;
  return (
    <div className="kr-data-table">
      <div className="kr-data-table__toolbar">
        <Paragraph className="kr-data-table__count">{formatCount(total, { one: m.shell.resultCountOne, many: m.shell.resultCountMany })}</Paragraph>
        <Button onClick={exportCsv} disabled={rows.length === 0}>
          {m.app.exportCsv}
        </Button>
      </div>
      {exportError ? <Alert type="error">{exportError}</Alert> : null}
      {rows.length === 0 ? (
        <Paragraph>{m.app.noResults}</Paragraph>
      ) : (
        <div className="kr-table-scroll" tabIndex={0} role="region" aria-label={caption}>
          <Table>
            <TableCaption>{caption}</TableCaption>
            <TableHeader>
              <TableRow>
                {columns.map((column) => (
                  <TableHeaderCell key={column.key} scope="col" className={column.isNumeric ? 'kr-numeric' : undefined}>
                    {column.header}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={rowKey(row)}>
                  {columns.map((column) => (
                    <TableCell key={column.key} className={column.isNumeric ? 'kr-numeric' : undefined}>
                      {column.cell(row)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {paging ? <Pagination {...paging} /> : null}
    </div>
  );
}

function Pagination({ page, pageSize, total, onPageChange }: NonNullable<DataTableProps<unknown>['paging']>) {
  const { m, format } = useMessages();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="kr-pagination" aria-label={m.shell.pagination}>
      <Button onClick={() => onPageChange(page - 1)} disabled={page <= 1} aria-label={m.shell.previousPage}>
        {m.app.previous}
      </Button>
      <span aria-live="polite">{format(m.shell.pageOf, { page, pages })}</span>
      <Button onClick={() => onPageChange(page + 1)} disabled={page >= pages} aria-label={m.shell.nextPage}>
        {m.app.next}
      </Button>
    </nav>
  );
}

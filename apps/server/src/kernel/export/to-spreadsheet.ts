import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/node';
import { toCsv } from './to-csv.ts';

/**
 * The one spreadsheet writer of the modules' list exports (relations, products, invoices): a CSV
 * (UTF-8 with BOM, RFC 4180, formula-safe, see to-csv.ts) or an XLSX workbook of the same cells.
 */
export type SpreadsheetFormat = 'csv' | 'xlsx';

/** A decimal string ("1234.50", "-12.10") that a workbook holds as a number, so it sums; `format` is Excel's. */
export interface NumberCell {
  number: string;
  format: string;
}

/** A legal date (YYYY-MM-DD) that a workbook holds as a date (shown as YYYY-MM-DD, in either language). */
export interface DateCell {
  date: string;
}

/** Text stays text in a workbook: identifiers and phone numbers keep their leading zeros. */
export type SpreadsheetCell = string | boolean | NumberCell | DateCell | null;

/** A column by its key in the rows; the header is the key unless a (translated) header is given. */
export type SpreadsheetColumn = string | { key: string; header: string };

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function numberCell(value: string | null, format = '0.00'): NumberCell | null {
  return value === null ? null : { number: value, format };
}

export function dateCell(value: string | null): DateCell | null {
  return value === null ? null : { date: value };
}

const keyOf = (column: SpreadsheetColumn) => (typeof column === 'string' ? column : column.key);
const headerOf = (column: SpreadsheetColumn) => (typeof column === 'string' ? column : column.header);

function textOf(cell: SpreadsheetCell): string | boolean | null {
  if (cell === null || typeof cell !== 'object') return cell;
  return 'number' in cell ? cell.number : cell.date;
}

function xlsxCell(cell: SpreadsheetCell): Cell {
  if (cell === null) return null;
  if (typeof cell === 'boolean') return { value: cell, type: Boolean };
  if (typeof cell === 'string') return { value: cell, type: String };
  if ('number' in cell) return { value: Number(cell.number), type: Number, format: cell.format };
  return { value: new Date(`${cell.date}T00:00:00Z`), type: Date, format: 'yyyy-mm-dd' };
}

/** Rows with the given columns as a CSV or an XLSX workbook (one sheet, header row kept in view). */
export async function toSpreadsheet(
  rows: readonly Record<string, SpreadsheetCell>[],
  columns: readonly SpreadsheetColumn[],
  format: SpreadsheetFormat,
  sheet: string,
): Promise<{ bytes: Buffer; contentType: string }> {
  const headers = columns.map(headerOf);
  if (format === 'csv') {
    const lines = rows.map((row) =>
      Object.fromEntries(columns.map((column, index) => [headers[index]!, textOf(row[keyOf(column)] ?? null)])),
    );
    return { bytes: Buffer.from(toCsv(lines, headers), 'utf8'), contentType: 'text/csv; charset=utf-8' };
  }
  const header: Row = headers.map((value) => ({ value, fontWeight: 'bold' as const }));
  const body = rows.map((row): Row => columns.map((column) => xlsxCell(row[keyOf(column)] ?? null)));
  return {
    bytes: await writeXlsxFile([header, ...body], { sheet, stickyRowsCount: 1 }).toBuffer(),
    contentType: XLSX_CONTENT_TYPE,
  };
}

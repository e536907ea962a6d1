import writeXlsxFile, { type Row } from 'write-excel-file/node';
import { toCsv } from '../../../../kernel/export/to-csv.ts';

export type SpreadsheetFormat = 'csv' | 'xlsx';
export type SpreadsheetCell = string | boolean | null;

/** Rows with the given columns as a CSV (UTF-8 with BOM, RFC 4180, formula-safe) or an XLSX workbook. */
export async function toSpreadsheet(
  rows: Record<string, SpreadsheetCell>[],
  columns: readonly string[],
  format: SpreadsheetFormat,
  sheet: string,
): Promise<{ bytes: Buffer; contentType: string }> {
  if (format === 'csv')
    return { bytes: Buffer.from(toCsv(rows, columns), 'utf8'), contentType: 'text/csv; charset=utf-8' };
  const header: Row = columns.map((column) => ({ value: column, fontWeight: 'bold' as const }));
  const body = rows.map((row): Row =>
    columns.map((column) => {
      const value = row[column] ?? null;
      if (value === null) return null;
      // Identifiers and phone numbers stay text: "0612345678" keeps its zero.
      return typeof value === 'boolean' ? { value, type: Boolean } : { value, type: String };
    }),
  );
  return {
    bytes: await writeXlsxFile([header, ...body], { sheet, stickyRowsCount: 1 }).toBuffer(),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}

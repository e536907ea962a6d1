import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { dateCell, numberCell, toSpreadsheet, XLSX_CONTENT_TYPE } from './to-spreadsheet.ts';

const rows = [
  { number: '2026-00001', total: numberCell('-12.50'), issued: dateCell('2026-03-02'), paid: true, note: '=SUM(A1)' },
  { number: null, total: numberCell(null), issued: dateCell(null), paid: false, note: 'a, "b"' },
];
const columns = [{ key: 'number', header: 'Nummer' }, { key: 'total', header: 'Bedrag' }, 'issued', 'paid', 'note'];

describe('toSpreadsheet', () => {
  it('writes a CSV with the headers given, numbers and dates as their text, formulas defused', async () => {
    const file = await toSpreadsheet(rows, columns, 'csv', 'Sheet');
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect(file.bytes.toString('utf8')).toBe(
      '\uFEFFNummer,Bedrag,issued,paid,note\r\n2026-00001,-12.50,2026-03-02,true,\'=SUM(A1)\r\n,,,false,"a, ""b"""\r\n',
    );
  });

  it('writes an XLSX with amounts as numbers and dates as dates, text as text', async () => {
    const file = await toSpreadsheet(rows, columns, 'xlsx', 'Facturen');
    expect(file.contentType).toBe(XLSX_CONTENT_TYPE);
    const entries = unzipSync(file.bytes);
    const sheet = strFromU8(entries['xl/worksheets/sheet1.xml']!);
    const strings = strFromU8(entries['xl/sharedStrings.xml'] ?? new Uint8Array());
    expect(sheet).toContain('<v>-12.5</v>');
    // 2026-03-02 as an Excel serial day number.
    expect(sheet).toContain('<v>46083</v>');
    expect(strings).toContain('Nummer');
    expect(strings).toContain('2026-00001');
    expect(strFromU8(entries['xl/workbook.xml']!)).toContain('name="Facturen"');
  });
});

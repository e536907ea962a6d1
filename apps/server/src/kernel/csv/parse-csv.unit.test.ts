import { describe, expect, it } from 'vitest';
import { decodeText, parseCsv } from './parse-csv.ts';

describe('parseCsv (RFC 4180, as spreadsheets write it)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and knows where each record starts', () => {
    const { delimiter, records } = parseCsv(
      '\uFEFFcode,name,description\r\nA,"Kabel, 5 m","Zegt ""hallo""\r\nop twee regels"\r\n\r\nB,Stoel,\r\n',
    );
    expect(delimiter).toBe(',');
    expect(records).toEqual([
      { line: 1, cells: ['code', 'name', 'description'] },
      { line: 2, cells: ['A', 'Kabel, 5 m', 'Zegt "hallo"\r\nop twee regels'] },
      { line: 5, cells: ['B', 'Stoel', ''] },
    ]);
  });

  it('takes the delimiter Dutch Excel writes (;) or a tab, and a last line without line end', () => {
    expect(parseCsv('code;naam;prijs\nA;Stoel;12,50')).toEqual({
      delimiter: ';',
      records: [
        { line: 1, cells: ['code', 'naam', 'prijs'] },
        { line: 2, cells: ['A', 'Stoel', '12,50'] },
      ],
    });
    expect(parseCsv('code\tname\nA\tB\n').delimiter).toBe('\t');
  });

  it('decodes UTF-8, and Windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('Café'))).toBe('Café');
    expect(decodeText(Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80]))).toBe('Café €');
  });
});

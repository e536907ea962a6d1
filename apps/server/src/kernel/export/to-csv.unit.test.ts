import { describe, expect, it } from 'vitest';
import { toCsv } from './to-csv.ts';

const BOM = '\uFEFF';

describe('toCsv (RFC 4180, for spreadsheets)', () => {
  it('writes a BOM, a header row and CRLF line ends', () => {
    expect(toCsv([{ a: 1, b: 'x' }])).toBe(`${BOM}a,b\r\n1,x\r\n`);
  });

  it('writes only the header when there are no rows but the columns are known', () => {
    expect(toCsv([], ['name', 'email'])).toBe(`${BOM}name,email\r\n`);
  });

  it.each([
    ['comma', 'Acme, BV', '"Acme, BV"'],
    ['quote', 'de "beste"', '"de ""beste"""'],
    ['line break', 'regel 1\nregel 2', '"regel 1\nregel 2"'],
    ['null', null, ''],
    ['boolean', true, 'true'],
    ['object', { fields: ['city'] }, '"{""fields"":[""city""]}"'],
    ['formula', '=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['at sign', '@SUM(A1)', "'@SUM(A1)"],
    ['negative amount', '-12.50', '-12.50'],
    ['accents', 'Café Ångström', 'Café Ångström'],
  ])('%s: %j → %s', (_label, value, cell) => {
    expect(toCsv([{ value }])).toBe(`${BOM}value\r\n${cell}\r\n`);
  });

  it('takes the columns of all rows, in order of first appearance', () => {
    expect(toCsv([{ a: 1 }, { b: 2, a: 3 }])).toBe(`${BOM}a,b\r\n1,\r\n3,2\r\n`);
  });
});

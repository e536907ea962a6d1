/**
 * RFC 4180 CSV for spreadsheets: comma-separated, CRLF line ends, fields with a comma, quote or
 * line break quoted, UTF-8 with a byte order mark (Excel reads UTF-8 without mojibake only with it).
 * Nested values (objects, arrays) become JSON text; null is an empty field.
 */
export function toCsv(rows: readonly Record<string, unknown>[], columns?: readonly string[]): string {
  const header = columns ? [...columns] : columnsOf(rows);
  const lines = [header.map(quote), ...rows.map((row) => header.map((column) => quote(cellOf(row[column]))))];
  return `\uFEFF${lines.map((line) => line.join(',')).join('\r\n')}\r\n`;
}

function columnsOf(rows: readonly Record<string, unknown>[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  return [...columns];
}

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  // A spreadsheet runs a cell starting with = + - @ as a formula (CSV injection, OWASP); such text
  // from users (names, user agents) gets a leading apostrophe. Numbers stay numbers; data/*.json is exact.
  return /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

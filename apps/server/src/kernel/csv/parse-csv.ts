export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvRecord {
  /** The line in the file where the record starts (1 = the header). */
  line: number;
  cells: string[];
}

/**
 * RFC 4180 CSV as spreadsheets write it: quoted fields with "" for a quote and line breaks
 * inside, CRLF or LF, a byte order mark. Dutch Excel writes `;` (the comma is the decimal
 * separator there), so the delimiter is the one of `,` `;` tab that the header line has most of.
 */
export function parseCsv(text: string): { delimiter: CsvDelimiter; records: CsvRecord[] } {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = detectDelimiter(source);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let isQuoted = false;
  let line = 1;
  let recordLine = 1;
  for (let index = 0; index < source.length; index++) {
    const char = source[index]!;
    if (isQuoted) {
      if (char === '"' && source[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') isQuoted = false;
      else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell === '') isQuoted = true;
    else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index++;
      cells.push(cell);
      records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      line++;
      recordLine = line;
    } else cell += char;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push({ line: recordLine, cells });
  }
  return { delimiter, records: records.filter((record) => record.cells.some((value) => value.trim() !== '')) };
}

function detectDelimiter(source: string): CsvDelimiter {
  const header = source.split(/\r?\n/, 1)[0] ?? '';
  const count = (delimiter: string) => header.split(delimiter).length - 1;
  const candidates: CsvDelimiter[] = [',', ';', '\t'];
  return candidates.reduce((best, candidate) => (count(candidate) > count(best) ? candidate : best), ',');
}

/**
 * Text from a file a person uploads: UTF-8, or else Windows-1252, which Excel on Windows still
 * writes for "CSV (comma delimited)" — decoding that as UTF-8 would turn "café" into "caf�".
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

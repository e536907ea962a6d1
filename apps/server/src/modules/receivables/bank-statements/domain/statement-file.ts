import type { BankStatement } from '../../statements/bank-statement.ts';
import { parseCamt053 } from '../../statements/camt053.ts';
import { parseMt940 } from '../../statements/mt940.ts';

/**
 * The statements of an uploaded file. XML is camt.053 (its parser refuses other messages with a
 * code); anything else is read as MT940 (whose parser refuses text without its blocks). A byte
 * order mark or leading blank lines do not change which.
 */
export function parseStatementFile(bytes: Uint8Array): BankStatement[] {
  const text = decode(bytes).replace(/^\uFEFF/, '');
  return text.trimStart().startsWith('<') ? parseCamt053(text) : parseMt940(text);
}

/** UTF-8, or else Windows-1252: Dutch banks still write MT940 in the older code page. */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

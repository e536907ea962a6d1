import { type Cents, isValidIban, parseAmount } from '@clientbox/contracts';
import type { StatementEntry } from './bank-statement.ts';
import { readInformation } from './mt940-information.ts';
import { statementFileError } from './statement-errors.ts';

/**
 * :61: value date YYMMDD, optional booking date MMDD, C/D/RC/RD, optional funds code, amount
 * with a decimal comma, transaction type (N541, NTRF…), our reference, `//` the bank's
 * reference, and on the next line optional supplementary details (Rabobank: the counter IBAN).
 */
const STATEMENT_LINE =
  /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?(\d+,\d{0,2})([NSF][A-Z0-9]{3})([^\n]*?)(?:\/\/([^\n]*))?(?:\n([\s\S]*))?$/;

export function readStatementLine(line: string, information: string | null): StatementEntry {
  const match = STATEMENT_LINE.exec(line);
  if (!match) throw statementFileError('statement_incomplete', `:61:${line.split('\n')[0]}`);
  const [, valueDate, bookingDay, mark, , amount, , , bankReference, supplementary] = match;
  const value = swiftDate(valueDate!);
  const details = readInformation(information ?? '', ibanIn(supplementary ?? ''));
  return {
    amount: mt940Amount(amount!),
    // RC undoes a credit and so is a debit; RD undoes a debit and so is a credit.
    creditDebit: mark === 'C' || mark === 'RD' ? 'CRDT' : 'DBIT',
    status: 'BOOK',
    bookingDate: bookingDay ? bookingDate(value, bookingDay) : value,
    valueDate: value,
    bankReference: bankReference?.trim() || null,
    isReversal: mark!.startsWith('R'),
    batch: details.batch,
    transactions: [{ amount: null, ...details.transaction }],
  };
}

/** `1000,` and `000000001000,5` → cents; MT940 has no sign, the C/D mark carries it. */
export function mt940Amount(text: string): Cents {
  const [whole = '0', fraction = ''] = text.split(',');
  return parseAmount(`${whole.replace(/^0+(?=\d)/, '')}.${fraction.padEnd(2, '0')}`);
}

/** YYMMDD; SWIFT dates are all in this century for statements. */
export function swiftDate(text: string): string {
  return `20${text.slice(0, 2)}-${text.slice(2, 4)}-${text.slice(4, 6)}`;
}

/** The booking date has no year: take the value date's, across a new year either way. */
function bookingDate(valueDate: string, monthDay: string): string {
  let year = Number(valueDate.slice(0, 4));
  const valueMonth = Number(valueDate.slice(5, 7));
  const bookingMonth = Number(monthDay.slice(0, 2));
  if (valueMonth === 1 && bookingMonth === 12) year -= 1;
  if (valueMonth === 12 && bookingMonth === 1) year += 1;
  return `${year}-${monthDay.slice(0, 2)}-${monthDay.slice(2, 4)}`;
}

function ibanIn(text: string): string | null {
  return text.match(/[A-Z]{2}\d{2}[A-Z0-9]{10,30}/g)?.find((candidate) => isValidIban(candidate)) ?? null;
}

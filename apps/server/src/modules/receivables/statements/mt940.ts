import { isValidIban, normalizeIdentifier } from '@clientbox/contracts';
import type { BankStatement, StatementBalance, StatementEntry } from './bank-statement.ts';
import { mt940Amount, readStatementLine, swiftDate } from './mt940-entry.ts';
import { statementFileError } from './statement-errors.ts';

/**
 * The statements of an MT940 file as the Dutch banks export it (domain rules §5.5 reads the
 * same fields from camt.053): :20: reference, :25: account, :28C: number, :60F:/:60M: opening
 * and :62F:/:62M: closing balance, :61: entries each followed by its :86: information.
 */
export function parseMt940(text: string): BankStatement[] {
  const blocks = statementBlocks(fieldsOf(text));
  if (blocks.length === 0) throw statementFileError('statement_not_mt940', 'no :20: field');
  return blocks.map(readStatement);
}

interface Field {
  tag: string;
  value: string;
}

/** A field runs from `:TAG:` at the start of a line to the next tag; banks wrap long fields over lines. */
function fieldsOf(text: string): Field[] {
  const fields: Field[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const tagged = /^:(\d{2}[A-Z]?|[A-Z]{2}):(.*)$/.exec(line);
    if (tagged) fields.push({ tag: tagged[1]!, value: tagged[2]! });
    // `-` and `-}` close a message; the `{1:…}{4:` envelope and bank headers precede :20:.
    else if (/^-}?$/.test(line.trim()) || line.startsWith('{')) fields.push({ tag: 'END', value: '' });
    else if (fields.length > 0 && fields.at(-1)!.tag !== 'END') fields.at(-1)!.value += `\n${line}`;
  }
  return fields;
}

function statementBlocks(fields: Field[]): Field[][] {
  const blocks: Field[][] = [];
  for (const field of fields) {
    if (field.tag === '20') blocks.push([field]);
    else if (field.tag !== 'END') blocks.at(-1)?.push(field);
  }
  return blocks;
}

function readStatement(fields: Field[]): BankStatement {
  const value = (tag: string) => fields.find((field) => field.tag === tag)?.value.trim() ?? null;
  const account = value('25');
  const opening = value('60F') ?? value('60M');
  const closing = value('62F') ?? value('62M');
  if (!account || !opening || !closing) {
    throw statementFileError('statement_incomplete', `statement ${value('20')}: needs :25:, :60F: and :62F:`);
  }
  // ABN AMRO writes the statement number as :28:, the others as :28C:.
  const sequence = value('28C') ?? value('28');
  return {
    format: 'mt940',
    statementId: sequence ? `${value('20')}/${sequence}` : value('20')!,
    accountIban: accountIbanOf(account),
    currency: opening.slice(7, 10),
    openingBalance: readBalance(opening),
    closingBalance: readBalance(closing),
    entries: readEntries(fields),
  };
}

function readEntries(fields: Field[]): StatementEntry[] {
  const entries: StatementEntry[] = [];
  fields.forEach((field, index) => {
    if (field.tag !== '61') return;
    const next = fields[index + 1];
    entries.push(readStatementLine(field.value, next?.tag === '86' ? joinInformation(next.value) : null));
  });
  return entries;
}

/**
 * Structured :86: text is cut at a fixed width mid-word, so its lines join without a space;
 * free text was written line by line, so its lines join with one.
 */
function joinInformation(value: string): string {
  const lines = value.split('\n').map((line) => line.trimEnd());
  return value.startsWith('/') ? lines.join('') : lines.join(' ').trim();
}

/** `C260318EUR1000,00`: mark, YYMMDD, currency, amount. */
function readBalance(value: string): StatementBalance {
  const match = /^([CD])(\d{6})([A-Z]{3})(\d+,\d{0,2})$/.exec(value);
  if (!match) throw statementFileError('statement_incomplete', `balance "${value}"`);
  const amount = mt940Amount(match[4]!);
  return { amount: match[1] === 'D' ? -amount : amount, date: swiftDate(match[2]!) };
}

/** :25: is `NL91ABNA0417164300`, `NL91ABNA0417164300EUR` (Rabobank) or `ABNANL2A/NL91…`. */
function accountIbanOf(value: string): string {
  const normalized = normalizeIdentifier(value.split('/').at(-1)!);
  for (let length = Math.min(normalized.length, 34); length >= 15; length--) {
    if (isValidIban(normalized.slice(0, length))) return normalized.slice(0, length);
  }
  return normalized;
}

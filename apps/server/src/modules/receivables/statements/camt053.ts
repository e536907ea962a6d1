import { normalizeIdentifier } from '@clientbox/contracts';
import type { Element } from '@xmldom/xmldom';
import type { BankStatement, StatementBalance } from './bank-statement.ts';
import { readAmount, readCreditDebit, readDate, readEntry } from './camt053-entry.ts';
import { statementFileError } from './statement-errors.ts';
import { childElements, elementAt, elementsAt, parseXmlDocument, textAt } from './xml-reader.ts';

const NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02';

/**
 * The statements of a camt.053.001.02 file (domain rules §5.5), one per Stmt. Refuses anything
 * else with a code: a camt.052 intraday report or a newer version would parse into the wrong
 * balances, so the namespace must match exactly.
 */
export function parseCamt053(xml: string): BankStatement[] {
  const root = parseWellFormed(xml);
  if (root.localName !== 'Document' || root.namespaceURI !== NAMESPACE) {
    throw statementFileError('statement_not_camt053', `root {${root.namespaceURI ?? ''}}${root.localName}`);
  }
  const statements = elementsAt(root, 'BkToCstmrStmt/Stmt');
  if (statements.length === 0) throw statementFileError('statement_incomplete', 'no Stmt');
  return statements.map(readStatement);
}

function parseWellFormed(xml: string): Element {
  try {
    const root = parseXmlDocument(xml);
    if (root) return root;
  } catch (error) {
    throw statementFileError('statement_not_well_formed', error instanceof Error ? error.message : String(error));
  }
  throw statementFileError('statement_not_well_formed', 'no root element');
}

function readStatement(statement: Element): BankStatement {
  const iban = textAt(statement, 'Acct/Id/IBAN');
  const id = textAt(statement, 'Id');
  if (!iban || !id) throw statementFileError('statement_incomplete', 'Stmt/Id or Stmt/Acct/Id/IBAN');
  const accountIban = normalizeIdentifier(iban);
  const opening = findBalance(statement, ['OPBD', 'PRCD']);
  const closing = findBalance(statement, ['CLBD']);
  return {
    format: 'camt.053.001.02',
    statementId: id,
    accountIban,
    currency: textAt(statement, 'Acct/Ccy') ?? elementAt(opening, 'Amt')?.getAttribute('Ccy') ?? 'EUR',
    openingBalance: readBalance(opening),
    closingBalance: readBalance(closing),
    entries: childElements(statement, 'Ntry').map((entry) => readEntry(entry, accountIban)),
  };
}

/** ING writes the opening balance as PRCD (previously closed booked) instead of OPBD. */
function findBalance(statement: Element, codes: string[]): Element {
  for (const code of codes) {
    const balance = childElements(statement, 'Bal').find((candidate) => textAt(candidate, 'Tp/CdOrPrtry/Cd') === code);
    if (balance) return balance;
  }
  throw statementFileError('statement_incomplete', `no ${codes.join('/')} balance`);
}

function readBalance(balance: Element): StatementBalance {
  const amount = readAmount(balance, 'Amt', 'Bal/Amt');
  const date = readDate(balance, 'Dt');
  if (!date) throw statementFileError('statement_incomplete', 'Bal/Dt');
  return { amount: readCreditDebit(balance, 'Bal') === 'CRDT' ? amount : -amount, date };
}

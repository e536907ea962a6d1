import { type Cents, normalizeIdentifier, parseAmount } from '@clientbox/contracts';
import type { Element } from '@xmldom/xmldom';
import type { CreditDebit, StatementEntry, StatementTransaction } from './bank-statement.ts';
import { statementFileError } from './statement-errors.ts';
import { elementAt, elementsAt, textAt } from './xml-reader.ts';

/** One Ntry of a camt.053.001.02 statement, with its TxDtls (domain rules §5.5 "Read"). */
export function readEntry(entry: Element, accountIban: string): StatementEntry {
  const creditDebit = readCreditDebit(entry, 'Ntry');
  const details = elementsAt(entry, 'NtryDtls/TxDtls');
  const batch = elementAt(entry, 'NtryDtls/Btch');
  const paymentInformationId =
    textAt(batch, 'PmtInfId') ?? details.map((tx) => textAt(tx, 'Refs/PmtInfId')).find(Boolean);
  const numberOfTransactions = textAt(batch, 'NbOfTxs');
  return {
    amount: readAmount(entry, 'Amt', 'Ntry/Amt'),
    creditDebit,
    status: readStatus(textAt(entry, 'Sts')),
    bookingDate: readDate(entry, 'BookgDt'),
    valueDate: readDate(entry, 'ValDt'),
    bankReference: textAt(entry, 'AcctSvcrRef'),
    isReversal: textAt(entry, 'RvslInd') === 'true',
    batch:
      batch || paymentInformationId
        ? {
            paymentInformationId: paymentInformationId ?? null,
            numberOfTransactions: numberOfTransactions ? Number(numberOfTransactions) : null,
          }
        : null,
    transactions: details.map((transaction) => readTransaction(transaction, creditDebit, accountIban)),
  };
}

function readTransaction(transaction: Element, creditDebit: CreditDebit, accountIban: string): StatementTransaction {
  const structured = elementsAt(transaction, 'RmtInf/Strd/CdtrRefInf').find((reference) => textAt(reference, 'Ref'));
  const unstructured = elementsAt(transaction, 'RmtInf/Ustrd')
    .map((line) => line.textContent?.trim() ?? '')
    .filter(Boolean);
  return {
    amount: elementAt(transaction, 'AmtDtls/TxAmt/Amt') ? readAmount(transaction, 'AmtDtls/TxAmt/Amt', 'TxAmt') : null,
    endToEndId: textAt(transaction, 'Refs/EndToEndId'),
    mandateId: textAt(transaction, 'Refs/MndtId'),
    counterparty: readCounterparty(transaction, creditDebit, accountIban),
    remittance: {
      // A bank splits long text over several Ustrd of ≤ 140: the lines belong together.
      unstructured: unstructured.length ? unstructured.join(' ') : null,
      structured: structured ? { reference: textAt(structured, 'Ref')!, issuer: textAt(structured, 'Tp/Issr') } : null,
    },
    returnReasonCode: textAt(transaction, 'RtrInf/Rsn/Cd') ?? textAt(transaction, 'RtrInf/Rsn/Prtry'),
  };
}

/**
 * The other side is the debtor of a credit and the creditor of a debit. A returned direct debit
 * is a debit whose creditor is ourselves, so the side that is not our own account wins.
 */
function readCounterparty(transaction: Element, creditDebit: CreditDebit, accountIban: string) {
  const parties = elementAt(transaction, 'RltdPties');
  if (!parties) return null;
  const party = (role: 'Dbtr' | 'Cdtr') => {
    const iban = textAt(parties, `${role}Acct/Id/IBAN`);
    return { name: textAt(parties, `${role}/Nm`), iban: iban ? normalizeIdentifier(iban) : null };
  };
  const [preferred, other] = creditDebit === 'CRDT' ? [party('Dbtr'), party('Cdtr')] : [party('Cdtr'), party('Dbtr')];
  const isEmpty = (candidate: typeof preferred) => !candidate.name && !candidate.iban;
  if (!isEmpty(preferred) && preferred.iban !== accountIban) return preferred;
  if (!isEmpty(other) && other.iban !== accountIban) return other;
  return isEmpty(preferred) ? null : preferred;
}

export function readCreditDebit(parent: Element, where: string): CreditDebit {
  const indicator = textAt(parent, 'CdtDbtInd');
  if (indicator !== 'CRDT' && indicator !== 'DBIT')
    throw statementFileError('statement_incomplete', `${where}/CdtDbtInd`);
  return indicator;
}

export function readAmount(parent: Element, path: string, where: string): Cents {
  const text = textAt(parent, path);
  try {
    if (text) return parseAmount(text);
  } catch {
    // An amount with more than two decimals is not euro cents: refused below like a missing one.
  }
  throw statementFileError('statement_incomplete', `${where}: "${text ?? ''}"`);
}

/** `Dt` or, with some banks, `DtTm`: the date part either way. */
export function readDate(parent: Element, path: string): string | null {
  return textAt(parent, `${path}/Dt`) ?? textAt(parent, `${path}/DtTm`)?.slice(0, 10) ?? null;
}

function readStatus(status: string | null): StatementEntry['status'] {
  if (status === 'BOOK' || status === 'PDNG' || status === 'INFO') return status;
  throw statementFileError('statement_incomplete', `Ntry/Sts: "${status ?? ''}"`);
}

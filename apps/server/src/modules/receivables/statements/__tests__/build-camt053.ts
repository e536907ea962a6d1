import { type Cents, formatAmount } from '@clientbox/contracts';
import { serializeXml, xmlElement as element, type XmlElement } from '../../../invoices/index.ts';
import type { BankStatement, StatementEntry, StatementTransaction } from '../bank-statement.ts';

/**
 * The camt.053.001.02 a bank would send for `statement`, for tests: round trips through
 * `parseCamt053` and imports of "bank" files. Element order follows the XSD; the tests check
 * the output against it with xmllint.
 */
export function buildCamt053(statement: BankStatement, createdAt = '2026-03-20T06:00:00+01:00'): string {
  const currency = statement.currency;
  const root = element('BkToCstmrStmt', [
    element('GrpHdr', [element('MsgId', `CAMT053-${statement.statementId}`), element('CreDtTm', createdAt)]),
    element('Stmt', [
      element('Id', statement.statementId),
      element('CreDtTm', createdAt),
      element('Acct', [element('Id', [element('IBAN', statement.accountIban)]), element('Ccy', currency)]),
      balance('OPBD', statement.openingBalance.amount, statement.openingBalance.date, currency),
      balance('CLBD', statement.closingBalance.amount, statement.closingBalance.date, currency),
      ...statement.entries.map((entry) => entryElement(entry, statement.accountIban, currency)),
    ]),
  ]);
  return serializeXml(element('Document', [root]), {
    xmlns: 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02',
  });
}

function balance(code: 'OPBD' | 'CLBD', signed: Cents, date: string, currency: string): XmlElement {
  return element('Bal', [
    element('Tp', [element('CdOrPrtry', [element('Cd', code)])]),
    amount('Amt', signed < 0n ? -signed : signed, currency),
    element('CdtDbtInd', signed < 0n ? 'DBIT' : 'CRDT'),
    element('Dt', [element('Dt', date)]),
  ]);
}

function entryElement(entry: StatementEntry, accountIban: string, currency: string): XmlElement {
  const hasDetails = entry.batch || entry.transactions.length > 0;
  return element('Ntry', [
    amount('Amt', entry.amount, currency),
    element('CdtDbtInd', entry.creditDebit),
    entry.isReversal && element('RvslInd', 'true'),
    element('Sts', entry.status),
    entry.bookingDate && element('BookgDt', [element('Dt', entry.bookingDate)]),
    entry.valueDate && element('ValDt', [element('Dt', entry.valueDate)]),
    entry.bankReference && element('AcctSvcrRef', entry.bankReference),
    bankTransactionCode(entry),
    hasDetails &&
      element('NtryDtls', [
        entry.batch &&
          element('Btch', [
            entry.batch.paymentInformationId && element('PmtInfId', entry.batch.paymentInformationId),
            entry.batch.numberOfTransactions !== null && element('NbOfTxs', String(entry.batch.numberOfTransactions)),
          ]),
        ...entry.transactions.map((transaction) => transactionElement(transaction, entry, accountIban, currency)),
      ]),
  ]);
}

/** ISO bank transaction codes: received credit transfer, direct debit collection or its return. */
function bankTransactionCode(entry: StatementEntry): XmlElement {
  const isReturn = entry.transactions.some((transaction) => transaction.returnReasonCode);
  const [family, subFamily] = isReturn
    ? ['IDDT', 'UPDD']
    : entry.batch
      ? ['IDDT', 'ESDD']
      : entry.creditDebit === 'CRDT'
        ? ['RCDT', 'ESCT']
        : ['ICDT', 'ESCT'];
  return element('BkTxCd', [
    element('Domn', [element('Cd', 'PMNT'), element('Fmly', [element('Cd', family), element('SubFmlyCd', subFamily)])]),
  ]);
}

function transactionElement(
  transaction: StatementTransaction,
  entry: StatementEntry,
  accountIban: string,
  currency: string,
): XmlElement {
  const { counterparty, remittance } = transaction;
  // A returned collection names the debtor as Dbtr, like the collection it undoes.
  const counterpartyRole: 'Dbtr' | 'Cdtr' =
    entry.creditDebit === 'CRDT' || transaction.returnReasonCode ? 'Dbtr' : 'Cdtr';
  const ownRole = counterpartyRole === 'Dbtr' ? 'Cdtr' : 'Dbtr';
  const parties: Record<'Dbtr' | 'Cdtr', XmlElement[]> = { Dbtr: [], Cdtr: [] };
  if (counterparty) {
    parties[counterpartyRole] = [
      element(counterpartyRole, [counterparty.name && element('Nm', counterparty.name)]),
      counterparty.iban && iban(`${counterpartyRole}Acct`, counterparty.iban),
    ].filter((child): child is XmlElement => !!child);
  }
  parties[ownRole] = [iban(`${ownRole}Acct`, accountIban)];
  const hasReferences = transaction.endToEndId || transaction.mandateId || entry.batch?.paymentInformationId;
  return element('TxDtls', [
    hasReferences &&
      element('Refs', [
        entry.batch?.paymentInformationId && element('PmtInfId', entry.batch.paymentInformationId),
        transaction.endToEndId && element('EndToEndId', transaction.endToEndId),
        transaction.mandateId && element('MndtId', transaction.mandateId),
      ]),
    transaction.amount !== null &&
      element('AmtDtls', [element('TxAmt', [amount('Amt', transaction.amount, currency)])]),
    element('RltdPties', [...parties.Dbtr, ...parties.Cdtr]),
    (remittance.unstructured || remittance.structured) &&
      element('RmtInf', [
        // Banks cut long text into Ustrd lines of at most 140 characters.
        ...(remittance.unstructured?.match(/.{1,140}(?=\s|$)/g) ?? []).map((line) => element('Ustrd', line.trim())),
        remittance.structured &&
          element('Strd', [
            element('CdtrRefInf', [
              element('Tp', [
                element('CdOrPrtry', [element('Cd', 'SCOR')]),
                remittance.structured.issuer && element('Issr', remittance.structured.issuer),
              ]),
              element('Ref', remittance.structured.reference),
            ]),
          ]),
      ]),
    transaction.returnReasonCode && element('RtrInf', [element('Rsn', [element('Cd', transaction.returnReasonCode)])]),
  ]);
}

const amount = (name: string, cents: Cents, currency: string) => element(name, formatAmount(cents), { Ccy: currency });

const iban = (name: string, value: string) => element(name, [element('Id', [element('IBAN', value)])]);

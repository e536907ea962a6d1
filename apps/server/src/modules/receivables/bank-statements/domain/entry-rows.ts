import { createHash } from 'node:crypto';
import type { Cents } from '@clientbox/contracts';
import type { BankStatement, StatementEntry, StatementTransaction } from '../../statements/bank-statement.ts';

/** One transaction to store and match: an entry with one transaction, or one TxDtls of a batch. */
export interface EntryTransaction {
  entry: StatementEntry;
  transaction: StatementTransaction;
  /** This transaction's part: TxAmt of a batch, else the entry's amount. */
  amount: Cents;
  /** What makes a second import of the same entry recognisable (domain rules §5.5 "Import"). */
  dedupeKey: string;
}

const EMPTY_TRANSACTION: StatementTransaction = {
  amount: null,
  endToEndId: null,
  mandateId: null,
  counterparty: null,
  remittance: { unstructured: null, structured: null },
  returnReasonCode: null,
};

/**
 * The booked transactions of a statement with their dedupe keys; pending entries (`PDNG`) are
 * left out, the bank has not booked them yet. The key is the bank's reference (AcctSvcrRef,
 * unique per account) when there is one, else a hash of the entry's content; two identical
 * entries in one statement (the same payer paying the same amount twice that day) are told apart
 * by their count, so both are kept and a second import still finds both.
 */
export function entryTransactions(statement: BankStatement): EntryTransaction[] {
  const seen = new Map<string, number>();
  const result: EntryTransaction[] = [];
  for (const entry of statement.entries) {
    if (entry.status !== 'BOOK') continue;
    let entryKey = entry.bankReference ? `ref:${entry.bankReference}` : `hash:${contentHash(entry)}`;
    const occurrence = seen.get(entryKey) ?? 0;
    seen.set(entryKey, occurrence + 1);
    if (occurrence > 0) entryKey = `${entryKey}#${occurrence}`;
    const transactions = entry.transactions.length ? entry.transactions : [EMPTY_TRANSACTION];
    transactions.forEach((transaction, index) => {
      result.push({
        entry,
        transaction,
        // A batch without amounts per transaction (one TxDtls, or none) is the whole entry.
        amount: transactions.length > 1 && transaction.amount !== null ? transaction.amount : entry.amount,
        dedupeKey: transactions.length > 1 ? `${entryKey}/${index}` : entryKey,
      });
    });
  }
  return result;
}

/** Date, amount, sign, counterparty, references and text: what two imports of one entry share. */
function contentHash(entry: StatementEntry): string {
  const content = [
    entry.bookingDate,
    entry.valueDate,
    entry.amount.toString(),
    entry.creditDebit,
    entry.isReversal,
    entry.batch?.paymentInformationId ?? null,
    ...entry.transactions.map((transaction) => [
      transaction.amount?.toString() ?? null,
      transaction.endToEndId,
      transaction.mandateId,
      transaction.counterparty?.iban ?? null,
      transaction.counterparty?.name ?? null,
      transaction.remittance.structured?.reference ?? null,
      transaction.remittance.unstructured,
      transaction.returnReasonCode,
    ]),
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

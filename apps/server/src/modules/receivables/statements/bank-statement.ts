import type { Cents } from '@clientbox/contracts';

/**
 * One account statement as read from a camt.053 or MT940 file: the same shape for both, so
 * import and matching (domain rules §5.5) do not care which format the bank sent.
 */
export interface BankStatement {
  format: 'camt.053.001.02' | 'mt940';
  /** Stmt/Id or :20: + :28C:; with the IBAN it names the statement. */
  statementId: string;
  accountIban: string;
  currency: string;
  /** OPBD (ING: PRCD) / :60F:; signed: a debit balance is negative. */
  openingBalance: StatementBalance;
  /** CLBD / :62F:. */
  closingBalance: StatementBalance;
  entries: StatementEntry[];
}

export interface StatementBalance {
  amount: Cents;
  date: string;
}

export type CreditDebit = 'CRDT' | 'DBIT';

export interface StatementEntry {
  /** Always positive; the direction is `creditDebit` (camt Amt is unsigned). */
  amount: Cents;
  creditDebit: CreditDebit;
  /** PDNG entries are not booked yet and must not be imported (domain rules §5.5). */
  status: 'BOOK' | 'PDNG' | 'INFO';
  bookingDate: string | null;
  valueDate: string | null;
  /** AcctSvcrRef: the bank's own id of the entry; with the IBAN, the key against a second import. */
  bankReference: string | null;
  /** The entry undoes an earlier one (RvslInd; MT940 RC/RD). `creditDebit` is still this entry's direction. */
  isReversal: boolean;
  /** A batch booking: the PmtInfId of our pain.008 and its number of transactions. */
  batch: { paymentInformationId: string | null; numberOfTransactions: number | null } | null;
  transactions: StatementTransaction[];
}

export interface StatementTransaction {
  /** TxDtls/AmtDtls/TxAmt: the part of a batch entry; null when the entry has one transaction. */
  amount: Cents | null;
  /** Ours when we collected or refunded (the invoice or credit note number); often `NOTPROVIDED`. */
  endToEndId: string | null;
  mandateId: string | null;
  /** The other side: the payer of a credit, the payee of a debit (the debtor of a returned debit). */
  counterparty: { name: string | null; iban: string | null } | null;
  remittance: {
    /** The Ustrd lines joined with a space. */
    unstructured: string | null;
    /** Strd/CdtrRefInf: an RF reference (`ISO`) or a Dutch betalingskenmerk (`CUR`). */
    structured: { reference: string; issuer: string | null } | null;
  };
  /** RtrInf/Rsn/Cd of an R-transaction, e.g. AM04 (domain rules §5.5 table). */
  returnReasonCode: string | null;
}

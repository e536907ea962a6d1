import type { Cents } from '@clientbox/contracts';
import type { BankAccount } from './sepa-elements.ts';

/** The input of `buildPain008`: everything the file says, nothing looked up. */
export interface DirectDebitBatch {
  /** GrpHdr/MsgId: ≤ 35, unique per creditor (banks refuse a MsgId they have seen). */
  messageId: string;
  /** GrpHdr/CreDtTm; an input so the same batch always gives the same file. */
  createdAt: Date;
  creditor: {
    name: string;
    /** The SEPA creditor identifier (domain rules §5.3), e.g. `NL69ZZZ123456780000`. */
    creditorId: string;
    account: BankAccount;
  };
  collections: DirectDebitCollection[];
}

export type DirectDebitScheme = 'CORE' | 'B2B';
/** FRST first use of a recurrent mandate, RCUR later ones, FNAL the last, OOFF a one-off mandate. */
export type SequenceType = 'FRST' | 'RCUR' | 'OOFF' | 'FNAL';

export interface DirectDebitCollection {
  scheme: DirectDebitScheme;
  sequenceType: SequenceType;
  /** ReqdColltnDt, `YYYY-MM-DD`, already moved to a TARGET day by the caller. */
  collectionDate: string;
  /** The account to credit when it is not the creditor's default one. */
  creditorAccount?: BankAccount;
  /** EndToEndId = the invoice number: it comes back on the statement and on a return. */
  endToEndId: string;
  amount: Cents;
  mandate: {
    id: string;
    signedOn: string;
    amendment?: MandateAmendment | null;
  };
  debtor: BankAccount & { name: string };
  remittance: Remittance;
}

/** What changed since the last collection under this mandate (EPC AT-24; domain rules §5.1). */
export interface MandateAmendment {
  originalMandateId?: string | null;
  originalCreditorId?: string | null;
  originalDebtorIban?: string | null;
  /** The debtor moved to another bank: `SMNDA`, and the sequence restarts at FRST. */
  isNewDebtorBank?: boolean;
}

/** Either free text (≤ 140) or a structured ISO 11649 RF reference, never both (EPC). */
export type Remittance = { unstructured: string } | { creditorReference: string };

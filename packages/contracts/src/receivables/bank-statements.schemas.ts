import { z } from 'zod';
import { timestamp } from '../common/fields.ts';
import { listQuery } from '../common/problem.ts';

/**
 * Bank statements (camt.053 / MT940, domain rules §5.5) and how each booked transaction was
 * matched: `booked` paid an invoice, `suggested` has candidates to confirm, `unmatched` waits in
 * the manual queue, `returned` undid a collection, `ignored` needs nothing (set by hand, or an
 * outgoing payment that is no return).
 */
export const BANK_STATEMENT_ENTRY_STATUSES = ['booked', 'suggested', 'unmatched', 'returned', 'ignored'] as const;
export type BankStatementEntryStatus = (typeof BANK_STATEMENT_ENTRY_STATUSES)[number];

export const BANK_STATEMENT_MATCH_RULES = [
  'end_to_end_id',
  'structured_reference',
  'remittance_text',
  'amount_and_iban',
  'manual',
] as const;

const balance = z.object({ amount: z.string(), date: z.iso.date() });

export const bankStatementEntry = z.object({
  object: z.literal('bank_statement_entry'),
  id: z.uuid(),
  statement_id: z.uuid(),
  position: z.number().int(),
  booking_date: z.iso.date().nullable(),
  value_date: z.iso.date().nullable(),
  /** This transaction's amount, always positive; the direction is `credit_debit`. */
  amount: z.string(),
  currency: z.string(),
  credit_debit: z.enum(['CRDT', 'DBIT']),
  is_reversal: z.boolean(),
  bank_reference: z.string().nullable(),
  batch_payment_information_id: z.string().nullable(),
  end_to_end_id: z.string().nullable(),
  mandate_id: z.string().nullable(),
  counterparty_name: z.string().nullable(),
  counterparty_iban: z.string().nullable(),
  remittance_text: z.string().nullable(),
  structured_reference: z.string().nullable(),
  return_reason_code: z.string().nullable(),
  status: z.enum(BANK_STATEMENT_ENTRY_STATUSES),
  match_rule: z.enum(BANK_STATEMENT_MATCH_RULES).nullable(),
  invoice_id: z.uuid().nullable(),
  /** The payment booked (or, for a return, the collection payment removed). */
  payment_id: z.uuid().nullable(),
  booked_amount: z.string(),
  /** Received beyond what was due: kept on the entry until credit balances exist. */
  unallocated_amount: z.string(),
  suggested_invoice_ids: z.array(z.uuid()),
  note: z.string().nullable(),
});
export type BankStatementEntry = z.infer<typeof bankStatementEntry>;

export const bankStatementCounts = z.object({
  total: z.number().int(),
  booked: z.number().int(),
  suggested: z.number().int(),
  unmatched: z.number().int(),
  returned: z.number().int(),
  ignored: z.number().int(),
});

/**
 * Whether the statement opens with the closing balance of the account's previous statement
 * (by closing date, then opening date and statement id; domain rules §5.5). `first`: no earlier
 * statement of this account is imported; `gap`: statements are missing in between (or the bank's
 * first export starts mid-history), `gap_amount` = opening − previous closing. Worked out when
 * read, so importing the missing statement later closes the gap.
 */
export const bankStatementContinuity = z.object({
  status: z.enum(['first', 'continuous', 'gap']),
  previous_statement_id: z.uuid().nullable(),
  previous_closing_balance: balance.nullable(),
  gap_amount: z.string(),
});
export type BankStatementContinuity = z.infer<typeof bankStatementContinuity>;

export const bankStatement = z.object({
  object: z.literal('bank_statement'),
  id: z.uuid(),
  format: z.enum(['camt.053.001.02', 'mt940']),
  statement_id: z.string(),
  account_iban: z.string(),
  currency: z.string(),
  opening_balance: balance,
  closing_balance: balance,
  file_name: z.string().nullable(),
  created_at: timestamp,
  counts: bankStatementCounts,
  continuity: bankStatementContinuity,
});
export type BankStatement = z.infer<typeof bankStatement>;

export const bankStatementDetail = bankStatement.extend({ entries: z.array(bankStatementEntry) });
export type BankStatementDetail = z.infer<typeof bankStatementDetail>;

/** One file may hold several statements (camt.053 Stmt, MT940 :20: blocks). */
export const bankStatementImportResult = z.object({
  object: z.literal('bank_statement_import'),
  statements: z.array(bankStatement),
  /** Transactions added by this import; 0 when the file was imported before. */
  new_entries: z.number().int(),
  /** Already imported earlier (same IBAN and bank reference, or the same content). */
  duplicate_entries: z.number().int(),
  /** Not booked yet by the bank (`PDNG`): left out, a later statement brings them. */
  pending_entries_skipped: z.number().int(),
});
export type BankStatementImportResult = z.infer<typeof bankStatementImportResult>;

export const bankStatementListQuery = listQuery;
export type BankStatementListQuery = z.infer<typeof bankStatementListQuery>;

export const matchBankStatementEntry = z.strictObject({
  invoice_id: z.uuid({ message: 'invalid_id' }),
});
export type MatchBankStatementEntry = z.infer<typeof matchBankStatementEntry>;
